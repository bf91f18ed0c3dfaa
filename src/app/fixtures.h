#pragma once
// Rule fixtures: every rule ships with input files under
// <pack dir>/fixtures/<RULE-ID>/ named pass*, fail* or unknown*. A pass fixture must
// make the rule evaluate at least one resource with every verdict pass; a fail
// fixture must produce at least one fail; an unknown fixture at least one unknown and
// no fail. `cloudcomply rules test` and the test suite both run this.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "app/environment.h"

namespace cc::app {

struct FixtureCase {
  std::string rule_id;
  std::string file;
  std::string expected;  // "pass", "fail" or "unknown"
  bool ok = false;
  std::string detail;    // why it failed, or the verdict counts
};

struct FixtureReport {
  std::vector<FixtureCase> cases;
  std::vector<std::string> rules_missing_pass;  // rules with no pass fixture
  std::vector<std::string> rules_missing_fail;  // rules with no fail fixture
  std::vector<std::string> orphan_dirs;         // fixture folders naming no loaded rule
  Diagnostics diagnostics;                      // input problems inside fixtures
  std::unique_ptr<SourceTable> sources = std::make_unique<SourceTable>();  // fixture files
  [[nodiscard]] bool ok() const;
};

// Runs the fixtures of every rule loaded in `env` from the given pack directories
// (or of one rule when `only_rule` is set).
FixtureReport run_fixtures(const Environment& env, const std::vector<std::filesystem::path>& pack_dirs,
                           const std::string& only_rule);

}  // namespace cc::app
