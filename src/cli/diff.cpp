// `cloudcomply diff [FROM] [TO]`: new, fixed and changed findings and control status
// changes between two saved runs (by default the two newest).
#include <fmt/format.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/store_options.h"
#include "program/run_diff.h"

namespace cc::cli {
namespace {

struct DiffCommand {
  app::StoreSettings store;
  int64_t from = 0;
  int64_t to = 0;
  std::string format = "text";
  bool fail_on_new = false;
};

nlohmann::json finding_json(const std::optional<program::StoredFinding>& f) {
  if (!f) return nullptr;
  return {{"rule", f->rule_id},      {"resource", f->resource},    {"verdict", f->verdict},
          {"severity", f->severity}, {"message", f->message},      {"file", f->file},
          {"line", f->line},         {"suppressed", f->suppressed}};
}

void run_diff(const DiffCommand& c) {
  auto opened = open_or_fail(c.store, "diff");
  const auto& program = opened.program();
  int64_t to = c.to;
  int64_t from = c.from;
  if (to == 0) {
    auto latest = program::recent_run(program, 0);
    if (!latest) fail("diff", latest.error().message);
    to = *latest;
  }
  if (from == 0) {
    auto before = program::recent_run(program, 1);
    if (!before) fail("diff", "nothing to compare with: " + before.error().message);
    from = *before;
  }
  auto d = program::diff_runs(program, from, to);
  if (!d) fail("diff", d.error().message);
  using Kind = program::FindingChange::Kind;
  if (c.format == "json") {
    nlohmann::json out{{"from", from},
                       {"to", to},
                       {"findings", nlohmann::json::array()},
                       {"controls", nlohmann::json::array()}};
    for (const auto& f : d->findings)
      out["findings"].push_back({{"change", to_string(f.kind)},
                                 {"before", finding_json(f.before)},
                                 {"after", finding_json(f.after)}});
    for (const auto& ch : d->controls)
      out["controls"].push_back(
          {{"control", ch.ref}, {"title", ch.title}, {"before", ch.before}, {"after", ch.after}});
    out["summary"] = {{"new", d->count(Kind::New)},
                      {"fixed", d->count(Kind::Fixed)},
                      {"changed", d->count(Kind::Changed)}};
    std::cout << out.dump(2) << "\n";
  } else {
    std::cout << fmt::format(
        "Run {} -> run {}: {} new, {} fixed, {} changed findings; {} controls changed status\n",
        from, to, d->count(Kind::New), d->count(Kind::Fixed), d->count(Kind::Changed),
        d->controls.size());
    for (const auto& f : d->findings) {
      const auto& x = f.after ? *f.after : *f.before;
      std::string detail =
          f.kind == Kind::Changed && f.before && f.after
              ? fmt::format(" ({} {} -> {} {})", f.before->verdict, f.before->severity,
                            f.after->verdict, f.after->severity)
              : "";
      std::cout << fmt::format("  {:<8} {:<12} {}:{}  {}  {}{}\n", to_string(f.kind), x.rule_id,
                               x.file, x.line, x.resource, x.message, detail);
    }
    for (const auto& ch : d->controls)
      std::cout << fmt::format("  control {} {}: {} -> {}\n", ch.ref, ch.title, ch.before,
                               ch.after);
  }
  if (c.fail_on_new && d->count(Kind::New) > 0) throw Exit(1);
}

}  // namespace

void add_diff(CLI::App& app) {
  auto c = std::make_shared<DiffCommand>();
  auto* cmd = app.add_subcommand(
      "diff", "Compare two saved runs: new, fixed and changed findings, control changes");
  cmd->add_option("FROM", c->from, "Older run (default: the one before TO)");
  cmd->add_option("TO", c->to, "Newer run (default: the newest)");
  cmd->add_option("--format", c->format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd->add_flag("--fail-on-new", c->fail_on_new,
                "Exit 1 when the newer run has new failing findings");
  add_store_options(*cmd, c->store);
  cmd->callback([c] { run_diff(*c); });
}

}  // namespace cc::cli
