#include "app/environment.h"

#include <fmt/format.h>

#include "rules/pack_loader.h"

namespace cc::app {
namespace {

bool has_errors(const Diagnostics& d, size_t from) {
  for (size_t i = from; i < d.size(); ++i)
    if (d[i].level == DiagLevel::Error) return true;
  return false;
}

}  // namespace

std::unique_ptr<Environment> load_environment(const EnvironmentOptions& options) {
  auto env = std::make_unique<Environment>();
  auto& diags = env->diagnostics;

  env->schemas.load_dir(options.data_dir / "schemas", *env->sources, diags);
  // On demand: a scan reads only the frameworks and crosswalks its rules and report touch.
  env->catalog = catalog::Catalog::load(options.data_dir / "catalog", *env->sources, diags,
                                        catalog::LoadMode::OnDemand);
  if (has_errors(diags, 0)) env->ok = false;

  std::vector<std::filesystem::path> dirs;
  if (options.builtin_rules) dirs.push_back(options.data_dir / "rules");
  dirs.insert(dirs.end(), options.rule_dirs.begin(), options.rule_dirs.end());
  size_t before = diags.size();
  rules::PackOptions pack;
  pack.schemas = &env->schemas;
  pack.control_exists = [&env](std::string_view ref) { return env->catalog.exists(ref); };
  for (const auto& dir : dirs) {
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) {
      diags.push_back(Diagnostic{DiagLevel::Error, "rules.dir",
                                 fmt::format("rule directory {} not found", dir.string()), {}});
      continue;
    }
    rules::load_pack_dir(dir, *env->sources, pack, env->rules, diags);
  }
  if (has_errors(diags, before)) env->ok = false;

  for (const rules::Rule* r : env->rules.all()) {
    const rules::Rule& rule = *r;
    assess::RuleInfo info;
    info.id = rule.id;
    info.title = rule.title;
    info.kind = rule.kind;
    info.severity = rule.severity;
    info.controls = rule.controls;
    info.description = rule.description;
    info.remediation = rule.remediation;
    info.references = rule.references;
    info.source = rule.source;
    env->rule_infos.push_back(std::move(info));
  }
  return env;
}

}  // namespace cc::app
