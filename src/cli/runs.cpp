// `cloudcomply runs list|show`: the scans saved with `scan --save`.
#include "program/runs.h"

#include <fmt/format.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/store_options.h"

namespace cc::cli {
namespace {

struct RunsCommand {
  app::StoreSettings store;
  size_t limit = 20;
  int64_t run = 0;
  std::string verdict = "fail";
  std::string format = "text";
};

nlohmann::json json_of(const program::RunSummary& r) {
  nlohmann::json inputs = nlohmann::json::array();
  for (const auto& i : r.inputs)
    inputs.push_back({{"path", i.path}, {"sha256", i.sha256}, {"bytes", i.bytes}});
  return {{"id", r.id},
          {"started_at", r.started_at},
          {"finished_at", r.finished_at},
          {"actor", r.actor},
          {"tool_version", r.tool_version},
          {"rules_digest", r.rules_digest},
          {"rules", r.rules_count},
          {"framework", r.framework},
          {"label", r.label},
          {"findings", r.findings},
          {"passed", r.passed},
          {"failed", r.failed},
          {"unknown", r.unknown},
          {"suppressed", r.suppressed},
          {"inputs", inputs}};
}

void run_list(const RunsCommand& c) {
  auto opened = open_or_fail(c.store, "runs list");
  auto runs = program::list_runs(opened.program(), c.limit);
  if (!runs) fail("runs list", runs.error().message);
  if (c.format == "json") {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& r : *runs) out.push_back(json_of(r));
    std::cout << out.dump(2) << "\n";
    return;
  }
  if (runs->empty()) std::cout << "No saved runs; save one with `cloudcomply scan --save`.\n";
  for (const auto& r : *runs)
    std::cout << fmt::format(
        "{:>5}  {}  {:<10} {:>6} failed {:>6} passed {:>5} unknown  {} inputs{}\n", r.id,
        r.finished_at, r.actor, r.failed, r.passed, r.unknown, r.inputs.size(),
        r.label.empty() ? "" : "  [" + r.label + "]");
}

void run_show(const RunsCommand& c) {
  auto opened = open_or_fail(c.store, "runs show");
  auto run = program::get_run(opened.program(), c.run);
  if (!run) fail("runs show", run.error().message);
  auto findings = program::run_findings(opened.program(), c.run,
                                        {c.verdict == "all" ? "" : c.verdict, true, 0});
  if (!findings) fail("runs show", findings.error().message);
  if (c.format == "json") {
    nlohmann::json out = json_of(*run);
    out["findings"] = nlohmann::json::array();
    for (const auto& f : *findings)
      out["findings"].push_back({{"fingerprint", f.fingerprint},
                                 {"rule", f.rule_id},
                                 {"resource", f.resource},
                                 {"kind", f.kind},
                                 {"verdict", f.verdict},
                                 {"severity", f.severity},
                                 {"message", f.message},
                                 {"file", f.file},
                                 {"line", f.line},
                                 {"column", f.col},
                                 {"suppressed", f.suppressed}});
    std::cout << out.dump(2) << "\n";
    return;
  }
  std::cout << fmt::format("Run {} by {}, {} to {}, rules {} ({} rules, digest {}), framework {}\n",
                           run->id, run->actor, run->started_at, run->finished_at,
                           run->tool_version, run->rules_count, run->rules_digest.substr(0, 16),
                           run->framework);
  for (const auto& f : *findings)
    std::cout << fmt::format("{:<8} {:<8} {:<12} {}:{}:{}  {}  {}\n", f.verdict, f.severity,
                             f.rule_id, f.file, f.line, f.col, f.resource, f.message);
}

}  // namespace

void add_runs(CLI::App& app) {
  auto c = std::make_shared<RunsCommand>();
  auto* runs = app.add_subcommand("runs", "List and show scans saved with `scan --save`");
  runs->require_subcommand(1);
  auto* list = runs->add_subcommand("list", "Saved runs, newest first");
  list->add_option("--limit", c->limit, "How many")->capture_default_str();
  auto* show = runs->add_subcommand("show", "One run and its findings");
  show->add_option("RUN", c->run, "Run id")->required();
  show->add_option("--verdict", c->verdict, "Findings to list: fail, pass, unknown or all")
      ->check(CLI::IsMember({"fail", "pass", "unknown", "all"}))
      ->capture_default_str();
  for (auto* sub : {list, show}) {
    sub->add_option("--format", c->format, "Output format")
        ->check(CLI::IsMember({"text", "json"}))
        ->capture_default_str();
    add_store_options(*sub, c->store);
  }
  list->callback([c] { run_list(*c); });
  show->callback([c] { run_show(*c); });
}

}  // namespace cc::cli
