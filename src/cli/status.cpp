// `cloudcomply status`: the program at a glance — every control's status with its
// reason, per family and per owner, evidence about to lapse, regressions since the last run.
#include <fmt/format.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "catalog/catalog.h"
#include "cli/commands.h"
#include "cli/store_options.h"
#include "core/data_dir.h"
#include "program/control_status.h"
#include "program/dates.h"

namespace cc::cli {
namespace {

struct StatusCommand {
  app::StoreSettings store;
  std::string as_of;
  std::string format = "text";
  bool all = false;
};

constexpr program::ControlState kStates[] = {
    program::ControlState::Implemented,    program::ControlState::Partial,
    program::ControlState::NotImplemented, program::ControlState::NotAssessed,
    program::ControlState::Inherited,      program::ControlState::NotApplicable};

nlohmann::json to_json(const program::ProgramStatus& s) {
  nlohmann::json controls = nlohmann::json::array();
  for (const auto& c : s.controls)
    controls.push_back({{"ref", c.ref},
                        {"title", c.title},
                        {"family", c.family},
                        {"status", to_string(c.state)},
                        {"reason", c.reason},
                        {"owner", c.owner},
                        {"responsibility", c.responsibility},
                        {"evidence_expired", c.evidence_expired},
                        {"checks",
                         {{"passed", c.checks_passed},
                          {"failed", c.checks_failed},
                          {"unknown", c.checks_unknown}}},
                        {"evidence",
                         {{"current", c.evidence_current},
                          {"expiring", c.evidence_expiring},
                          {"lapsed", c.evidence_lapsed}}},
                        {"declared", c.declared},
                        {"rules", c.rules}});
  nlohmann::json evidence = nlohmann::json::array();
  for (const auto& e : s.evidence)
    evidence.push_back({{"id", e.id},
                        {"title", e.title},
                        {"valid_until", e.valid_until},
                        {"state", program::to_string(e.state)},
                        {"controls", e.controls}});
  return {{"organisation", s.organisation},
          {"as_of", s.as_of},
          {"run", s.run ? nlohmann::json(*s.run) : nlohmann::json()},
          {"previous_run", s.previous ? nlohmann::json(*s.previous) : nlohmann::json()},
          {"summary", s.count_by_state()},
          {"regressions",
           {{"new_findings", s.new_findings},
            {"fixed_findings", s.fixed_findings},
            {"controls", s.regressed}}},
          {"evidence", evidence},
          {"controls", controls}};
}

// One line of counts per group (family or owner), in the order groups first appear.
void print_groups(const program::ProgramStatus& s, const char* heading,
                  std::string (*key)(const program::ControlStatus&)) {
  std::vector<std::string> order;
  std::map<std::string, std::map<program::ControlState, size_t>> counts;
  for (const auto& c : s.controls) {
    std::string k = key(c);
    if (!counts.count(k)) order.push_back(k);
    ++counts[k][c.state];
  }
  std::cout << heading << "\n";
  std::cout << fmt::format("  {:<44} {:>5} {:>5} {:>5} {:>5} {:>5} {:>5}\n", "", "impl", "part",
                           "not", "n/a", "inh", "excl");
  for (const auto& k : order) {
    auto& m = counts[k];
    std::cout << fmt::format(
        "  {:<44} {:>5} {:>5} {:>5} {:>5} {:>5} {:>5}\n", k.substr(0, 44),
        m[program::ControlState::Implemented], m[program::ControlState::Partial],
        m[program::ControlState::NotImplemented], m[program::ControlState::NotAssessed],
        m[program::ControlState::Inherited], m[program::ControlState::NotApplicable]);
  }
}

void run_status(const StatusCommand& c) {
  auto opened = open_or_fail(c.store, "status");
  std::string as_of =
      c.as_of.empty() ? program::date_of(change_or_fail(c.store, "status").at) : c.as_of;
  if (!program::parse_date(as_of))
    fail("status", fmt::format("--as-of must be YYYY-MM-DD, not \"{}\"", as_of));
  SourceTable sources;
  Diagnostics ignored;
  auto catalog =
      catalog::Catalog::load(data_dir() / "catalog", sources, ignored, catalog::LoadMode::OnDemand);
  auto s = program::program_status(opened.program(), catalog, as_of);
  if (!s) fail("status", s.error().message);
  if (c.format == "json") {
    std::cout << to_json(*s).dump(2) << "\n";
    return;
  }
  std::cout << fmt::format(
      "{}: program status on {}{}\n", s->organisation, s->as_of,
      s->run ? fmt::format(", newest saved run {}", *s->run) : ", no saved run");
  auto counts = s->count_by_state();
  std::string summary;
  for (auto st : kStates)
    if (counts[to_string(st)])
      summary +=
          fmt::format("{}{} {}", summary.empty() ? "" : ", ", counts[to_string(st)], to_string(st));
  std::cout << fmt::format("Controls in scope: {} ({})\n", s->controls.size(), summary);
  if (s->previous)
    std::cout << fmt::format(
        "Since run {}: {} new failing findings, {} fixed{}\n", *s->previous, s->new_findings,
        s->fixed_findings,
        s->regressed.empty() ? ""
                             : fmt::format("; controls worse: {}", fmt::join(s->regressed, ", ")));
  if (!s->evidence.empty()) {
    std::cout << "Evidence expired or expiring within 30 days:\n";
    for (const auto& e : s->evidence)
      std::cout << fmt::format("  {:<8} {}  #{} {}\n", program::to_string(e.state), e.valid_until,
                               e.id, e.title);
  }
  print_groups(*s, "By family:", [](const program::ControlStatus& x) {
    return x.framework + " " + x.family;
  });
  print_groups(*s, "By owner:", [](const program::ControlStatus& x) {
    return x.owner.empty()
               ? "(no owner named)" + (x.responsibility.empty() ? "" : " / " + x.responsibility)
               : x.owner + (x.responsibility.empty() ? "" : " / " + x.responsibility);
  });
  std::cout << (c.all ? "Controls:\n" : "Controls needing attention:\n");
  for (const auto& x : s->controls) {
    bool attention = x.state == program::ControlState::NotImplemented ||
                     x.state == program::ControlState::Partial || x.evidence_expired;
    if (!c.all && !attention) continue;
    std::cout << fmt::format("  {:<16} {:<28} {}  — {}{}\n", to_string(x.state), x.ref, x.title,
                             x.reason, x.evidence_expired ? " [evidence expired]" : "");
  }
}

}  // namespace

void add_status(CLI::App& app) {
  auto c = std::make_shared<StatusCommand>();
  auto* cmd = app.add_subcommand(
      "status", "The program at a glance: control status, owners, expiring evidence, regressions");
  cmd->add_option("--as-of", c->as_of, "Judge expiry on this date, YYYY-MM-DD (default: today)");
  cmd->add_flag("--all", c->all, "List every control, not only those needing attention");
  cmd->add_option("--format", c->format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  add_store_options(*cmd, c->store);
  cmd->callback([c] { run_status(*c); });
}

}  // namespace cc::cli
