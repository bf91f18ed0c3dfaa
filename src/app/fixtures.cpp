#include "app/fixtures.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "app/load_document.h"
#include "app/read_file.h"
#include "app/terraform_project.h"
#include "app/evaluate.h"

namespace cc::app {
namespace fs = std::filesystem;

bool FixtureReport::ok() const {
  if (!rules_missing_pass.empty() || !rules_missing_fail.empty() || !orphan_dirs.empty()) return false;
  for (const auto& c : cases)
    if (!c.ok) return false;
  for (const auto& d : diagnostics)
    if (d.level == DiagLevel::Error) return false;
  return !cases.empty();
}

namespace {

std::string expectation_of(const fs::path& p) {
  std::string stem = p.filename().string();
  for (const char* e : {"pass", "fail", "unknown"})
    if (stem.rfind(e, 0) == 0) return e;
  return {};
}

bool is_terraform_fixture(const fs::path& p) {
  std::error_code ec;
  return fs::is_directory(p, ec) || terraform::is_configuration_file(p);
}

// A Terraform fixture is a one-file root module, or a directory holding a root module.
bool load_terraform_fixture(const Environment& env, SourceTable& sources, const fs::path& path,
                            std::vector<Resource>& resources, Diagnostics& local) {
  ModuleFiles mf;
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    mf.dir = path;
    for (const auto& f : fs::directory_iterator(path))
      if (terraform::is_configuration_file(f.path())) mf.files.push_back(f.path().string());
  } else {
    mf.dir = path.parent_path();
    mf.files.push_back(path.string());
  }
  TerraformSettings settings;
  TerraformProject project = prepare_terraform({mf}, sources, settings, 1);
  local.insert(local.end(), project.diagnostics.begin(), project.diagnostics.end());
  if (project.roots.empty()) return false;
  for (const auto& root : project.roots) {
    LoadedRoot loaded = load_terraform_root(project, root, settings, env.schemas, local);
    resources.insert(resources.end(), std::make_move_iterator(loaded.resources.begin()),
                     std::make_move_iterator(loaded.resources.end()));
  }
  return true;
}

FixtureCase run_case(const Environment& env, SourceTable& sources, const std::string& rule_id,
                     const fs::path& file, const std::string& expected, Diagnostics& diags) {
  FixtureCase c{rule_id, file.string(), expected, false, {}};
  Diagnostics local;
  std::vector<Resource> resources;
  if (is_terraform_fixture(file)) {
    if (!load_terraform_fixture(env, sources, file, resources, local)) c.detail = "no Terraform root module";
  } else {
    uint32_t id = sources.add(file.string());
    auto text = read_input(file, id, collect::Limits{}, local);
    if (!text) {
      c.detail = "cannot read fixture";
    } else {
      LoadOptions lo;
      lo.json_hint = file.extension() == ".json";
      LoadedFile loaded = load_document(*text, id, lo, env.schemas, local);
      if (loaded.format.empty()) c.detail = "fixture is not Terraform, CloudFormation or Kubernetes";
      resources = std::move(loaded.resources);
    }
  }
  for (const auto& d : local)
    if (d.level == DiagLevel::Error || (d.level == DiagLevel::Warning && d.code.rfind("terraform.", 0) == 0))
      diags.push_back(d);
  if (!c.detail.empty()) return c;
  std::vector<Finding> findings;
  const std::vector<std::string> only{rule_id};
  for (const auto& r : resources) evaluate_resource(env.rules, r, only, findings);
  size_t pass = 0, fail = 0, unknown = 0;
  std::string first_unknown;
  for (const auto& f : findings) {
    if (f.verdict == Verdict::Pass) ++pass;
    if (f.verdict == Verdict::Fail) ++fail;
    if (f.verdict == Verdict::Unknown) {
      ++unknown;
      if (first_unknown.empty()) first_unknown = f.message;
    }
  }
  c.detail = fmt::format("{} pass, {} fail, {} unknown", pass, fail, unknown);
  if (!first_unknown.empty()) c.detail += " (" + first_unknown + ")";
  if (expected == "pass") c.ok = pass > 0 && fail == 0 && unknown == 0;
  if (expected == "fail") c.ok = fail > 0;
  if (expected == "unknown") c.ok = unknown > 0 && fail == 0;
  return c;
}

}  // namespace

FixtureReport run_fixtures(const Environment& env, const std::vector<fs::path>& pack_dirs,
                           const std::string& only_rule) {
  FixtureReport report;
  SourceTable& sources = *report.sources;
  std::set<std::string> loaded_ids;
  for (const auto& r : env.rule_infos) loaded_ids.insert(r.id);
  std::map<std::string, std::pair<bool, bool>> has;  // rule -> (pass, fail)
  for (const auto& root : pack_dirs) {
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
      if (!it->is_directory() || it->path().filename() != "fixtures") continue;
      std::vector<fs::path> rule_dirs;
      for (const auto& d : fs::directory_iterator(it->path()))
        if (d.is_directory()) rule_dirs.push_back(d.path());
      std::sort(rule_dirs.begin(), rule_dirs.end());
      for (const auto& rd : rule_dirs) {
        std::string rule_id = rd.filename().string();
        if (!only_rule.empty() && rule_id != only_rule) continue;
        if (!loaded_ids.count(rule_id)) {
          report.orphan_dirs.push_back(rd.string());
          continue;
        }
        std::vector<fs::path> files;
        for (const auto& f : fs::directory_iterator(rd))
          if (f.is_regular_file() || f.is_directory()) files.push_back(f.path());
        std::sort(files.begin(), files.end());
        for (const auto& f : files) {
          std::string expected = expectation_of(f);
          if (expected.empty()) continue;
          if (expected == "pass") has[rule_id].first = true;
          if (expected == "fail") has[rule_id].second = true;
          report.cases.push_back(run_case(env, sources, rule_id, f, expected, report.diagnostics));
        }
      }
      it.disable_recursion_pending();
    }
  }
  for (const auto& r : env.rule_infos) {
    if (!only_rule.empty() && r.id != only_rule) continue;
    // Only rules from the packs under test need fixtures.
    bool from_these = false;
    for (const auto& root : pack_dirs) {
      auto rel = fs::relative(r.source, root);
      if (!rel.empty() && rel.native()[0] != '.') from_these = true;
    }
    if (!from_these) continue;
    if (!has[r.id].first) report.rules_missing_pass.push_back(r.id);
    if (!has[r.id].second) report.rules_missing_fail.push_back(r.id);
  }
  return report;
}

}  // namespace cc::app
