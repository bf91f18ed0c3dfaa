// `cloudcomply rules list|show|test`.
#include <fmt/format.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "app/environment.h"
#include "app/fixtures.h"
#include "cli/commands.h"
#include "cli/common.h"
#include "core/data_dir.h"
#include "report/scan_report.h"

namespace cc::cli {
namespace {

struct RuleArgs {
  std::vector<std::string> rule_dirs;
  bool no_builtin = false;
  std::string data_dir;
  std::string format = "text";
};

void add_common(CLI::App* cmd, RuleArgs& a) {
  cmd->add_option("--rules", a.rule_dirs, "Additional rule pack directory (repeatable)");
  cmd->add_flag("--no-builtin-rules", a.no_builtin, "Load only the packs given with --rules");
  cmd->add_option("--data-dir", a.data_dir, "Directory holding catalog/, rules/ and schemas/");
}

std::unique_ptr<app::Environment> load(const RuleArgs& a) {
  app::EnvironmentOptions o;
  o.data_dir = a.data_dir.empty() ? data_dir() : std::filesystem::path(a.data_dir);
  for (const auto& d : a.rule_dirs) o.rule_dirs.emplace_back(d);
  o.builtin_rules = !a.no_builtin;
  auto env = app::load_environment(o);
  for (const auto& d : env->diagnostics)
    std::cerr << report::location(*env->sources, d.span) << ": " << to_string(d.level) << ": " << d.message << "\n";
  if (!env->ok) throw Exit(2);
  return env;
}

}  // namespace

void add_rules(CLI::App& app) {
  CLI::App* rules = app.add_subcommand("rules", "Browse rules and run their fixtures");
  rules->require_subcommand(1);

  auto list_args = std::make_shared<RuleArgs>();
  auto kind = std::make_shared<std::string>();
  auto control = std::make_shared<std::string>();
  CLI::App* list = rules->add_subcommand("list", "List rules");
  add_common(list, *list_args);
  list->add_option("--format", list_args->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  list->add_option("--kind", *kind, "Only rules for this kind");
  list->add_option("--control", *control, "Only rules naming this control");
  list->callback([list_args, kind, control]() {
    auto env = load(*list_args);
    nlohmann::ordered_json arr = nlohmann::ordered_json::array();
    std::string wanted;
    if (!control->empty()) {
      const auto* c = env->catalog.resolve(*control);
      if (!c) {
        std::cerr << "unknown control '" << *control << "'\n";
        throw Exit(2);
      }
      wanted = c->ref;
    }
    size_t shown = 0;
    for (const auto& r : env->rule_infos) {
      if (!kind->empty() && r.kind != *kind) continue;
      if (!wanted.empty() && std::find(r.controls.begin(), r.controls.end(), wanted) == r.controls.end()) continue;
      ++shown;
      if (list_args->format == "json") {
        arr.push_back({{"id", r.id}, {"title", r.title}, {"kind", r.kind},
                       {"severity", to_string(r.severity)}, {"controls", r.controls}, {"source", r.source}});
      } else {
        std::string controls;
        for (const auto& c : r.controls) controls += (controls.empty() ? "" : " ") + c;
        std::cout << fmt::format("{:<16} {:<9} {:<28} {}\n    {}\n", r.id, to_string(r.severity), r.kind,
                                 r.title, controls);
      }
    }
    if (list_args->format == "json") std::cout << arr.dump(2) << "\n";
    else std::cout << fmt::format("{} rules\n", shown);
  });

  auto show_args = std::make_shared<RuleArgs>();
  auto show_id = std::make_shared<std::string>();
  CLI::App* show = rules->add_subcommand("show", "Show one rule");
  add_common(show, *show_args);
  show->add_option("id", *show_id, "Rule id")->required();
  show->callback([show_args, show_id]() {
    auto env = load(*show_args);
    for (const auto& r : env->rule_infos) {
      if (r.id != *show_id) continue;
      std::cout << fmt::format("{}  {}\nkind:      {}\nseverity:  {}\nsource:    {}\ncontrols:\n", r.id, r.title,
                               r.kind, to_string(r.severity), r.source);
      for (const auto& c : r.controls) {
        const auto* ctl = env->catalog.find(c);
        std::cout << fmt::format("  {}  {}\n", c, ctl ? ctl->title : "");
      }
      if (!r.description.empty()) std::cout << "\n" << r.description << "\n";
      for (const auto& [k, v] : r.remediation) std::cout << fmt::format("\nremediation ({}):\n{}\n", k, v);
      return;
    }
    std::cerr << "no rule '" << *show_id << "'\n";
    throw Exit(2);
  });

  auto test_args = std::make_shared<RuleArgs>();
  auto test_id = std::make_shared<std::string>();
  auto verbose = std::make_shared<bool>(false);
  CLI::App* test = rules->add_subcommand("test", "Run rule fixtures (pass/fail/unknown inputs under fixtures/<RULE-ID>/)");
  add_common(test, *test_args);
  test->add_option("--id", *test_id, "Only this rule");
  test->add_flag("-v,--verbose", *verbose, "List every fixture");
  test->callback([test_args, test_id, verbose]() {
    auto env = load(*test_args);
    std::vector<std::filesystem::path> dirs;
    if (!test_args->no_builtin)
      dirs.push_back((test_args->data_dir.empty() ? data_dir() : std::filesystem::path(test_args->data_dir)) / "rules");
    for (const auto& d : test_args->rule_dirs) dirs.emplace_back(d);
    auto rep = app::run_fixtures(*env, dirs, *test_id);
    size_t passed = 0, failed = 0;
    for (const auto& c : rep.cases) {
      c.ok ? ++passed : ++failed;
      if (!c.ok || *verbose)
        std::cout << fmt::format("{} {:<16} {:<8} {}  [{}]\n", c.ok ? "ok  " : "FAIL", c.rule_id, c.expected,
                                 c.file, c.detail);
    }
    for (const auto& id : rep.rules_missing_pass) std::cout << "FAIL " << id << ": no pass fixture\n";
    for (const auto& id : rep.rules_missing_fail) std::cout << "FAIL " << id << ": no fail fixture\n";
    for (const auto& d : rep.orphan_dirs) std::cout << "FAIL " << d << ": names no loaded rule\n";
    for (const auto& d : rep.diagnostics)
      std::cout << "FAIL " << report::location(*rep.sources, d.span) << ": " << d.message << "\n";
    std::cout << fmt::format("{} rules, {} fixtures: {} passed, {} failed\n", env->rule_infos.size(),
                             rep.cases.size(), passed, failed);
    if (!rep.ok()) throw Exit(1);
  });
}

}  // namespace cc::cli
