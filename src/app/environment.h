#pragma once
// What every command loads before reading input: schemas of canonical kinds, the
// control catalog, and the rule packs (checked against both).
#include <filesystem>
#include <memory>
#include <vector>

#include "assess/rule_info.h"
#include "catalog/catalog.h"
#include "core/diagnostic.h"
#include "core/span.h"
#include "model/base/schema.h"
#include "rules/rule_set.h"

namespace cc::app {

struct EnvironmentOptions {
  std::filesystem::path data_dir;
  std::vector<std::filesystem::path> rule_dirs;
  bool builtin_rules = true;
};

struct Environment {
  std::unique_ptr<SourceTable> sources = std::make_unique<SourceTable>();
  model::SchemaRegistry schemas;
  catalog::Catalog catalog;
  rules::RuleSet rules;
  std::vector<assess::RuleInfo> rule_infos;  // same order as the rule set
  Diagnostics diagnostics;
  bool ok = true;  // false when schemas, catalog or rules had errors
};

std::unique_ptr<Environment> load_environment(const EnvironmentOptions& options);

}  // namespace cc::app
