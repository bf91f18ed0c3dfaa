// `cloudcomply soa seed|list|set|export|carry`: the Statement of Applicability.
#include "program/soa.h"

#include <fmt/format.h>

#include <iostream>
#include <optional>

#include "app/environment.h"
#include "cli/commands.h"
#include "cli/store_options.h"
#include "core/data_dir.h"
#include "program/export_soa.h"
#include "program/soa_carry.h"

namespace cc::cli {
namespace {

struct SoaCommand {
  app::StoreSettings store;
  std::string framework;
  std::string format = "text";
  std::string control;
  std::optional<std::string> applicable;
  std::optional<std::string> justification;
  std::optional<std::string> status;
  std::optional<std::string> owner;
  std::string output;
  std::string from;
  std::string to;
  bool dry_run = false;
};

// The catalog with the rules that name its controls, for commands that show them.
std::unique_ptr<app::Environment> environment_or_fail(std::string_view command) {
  app::EnvironmentOptions options;
  options.data_dir = data_dir();
  auto env = app::load_environment(options);
  if (env->catalog.frameworks().empty())
    fail(command, fmt::format("no control catalog in {}", (options.data_dir / "catalog").string()));
  return env;
}

program::RulesByControl rules_by_control(const rules::RuleSet& rules) {
  program::RulesByControl out;
  for (const rules::Rule* r : rules.all())
    for (const auto& ref : r->controls) out[ref].push_back(r->id);
  return out;
}

void run_seed(const SoaCommand& c) {
  auto env = environment_or_fail("soa seed");
  auto opened = open_or_fail(c.store, "soa seed");
  auto seeded =
      program::seed_soa(opened.program(), env->catalog, change_or_fail(c.store, "soa seed"));
  if (!seeded) fail("soa seed", seeded.error().message);
  std::cout << fmt::format("Added {} of {} controls in scope to the SoA ({} were there already).\n",
                           seeded->added, seeded->total, seeded->total - seeded->added);
}

void run_list(const SoaCommand& c) {
  auto env = environment_or_fail("soa list");
  auto opened = open_or_fail(c.store, "soa list");
  auto rows =
      program::soa_rows(opened.program(), env->catalog, rules_by_control(env->rules), c.framework);
  if (!rows) fail("soa list", rows.error().message);
  std::cout << (c.format == "json" ? program::soa_json(*rows) : program::soa_text(*rows));
}

void run_set(const SoaCommand& c) {
  program::SoaEdit edit;
  if (c.applicable) {
    edit.applicable = program::parse_yes_no(*c.applicable);
    if (!edit.applicable)
      fail("soa set", fmt::format("--applicable takes yes or no, not \"{}\"", *c.applicable));
  }
  if (c.status) {
    edit.status = program::parse_implementation_status(*c.status);
    if (!edit.status)
      fail("soa set", fmt::format("--status takes implemented, \"partially implemented\", planned, "
                                  "\"not implemented\" or \"not assessed\", not \"{}\"",
                                  *c.status));
  }
  edit.justification = c.justification;
  edit.owner = c.owner;
  if (!c.applicable && !c.status && !c.justification && !c.owner)
    fail("soa set", "nothing to change: give --applicable, --justification, --status or --owner");
  auto env = environment_or_fail("soa set");
  auto opened = open_or_fail(c.store, "soa set");
  const program::Change who = change_or_fail(c.store, "soa set");
  // Setting a status is an assessment of the control: it is dated with the change.
  if (edit.status) edit.last_assessed = who.at;
  auto saved = program::set_soa_entry(opened.program(), env->catalog, c.control, edit, who);
  if (!saved) fail("soa set", saved.error().message);
  std::cout << fmt::format(
      "{}: applicable {}, {}, owner {}{}\nRevision {} by {} at {}\n", saved->control_ref,
      saved->applicable ? "yes" : "no", program::to_string(saved->status),
      saved->owner.empty() ? "-" : saved->owner,
      saved->justification.empty() ? "" : "\n  justification: " + saved->justification,
      saved->revision, saved->updated_by, saved->updated_at);
}

void run_export(const SoaCommand& c) {
  auto format = program::parse_soa_format(c.format);
  if (!format) fail("soa export", fmt::format("unknown format {}", c.format));
  auto env = environment_or_fail("soa export");
  auto opened = open_or_fail(c.store, "soa export");
  auto rows =
      program::soa_rows(opened.program(), env->catalog, rules_by_control(env->rules), c.framework);
  if (!rows) fail("soa export", rows.error().message);
  auto scope = program::require_scope(opened.program());
  if (!scope) fail("soa export", scope.error().message);
  const program::Change now = change_or_fail(c.store, "soa export");
  auto written = program::export_soa(*rows, *scope, *format, c.output, now.at);
  if (!written) fail("soa export", written.error());
  std::cout << fmt::format("Wrote the SoA ({} controls) to {} ({}, {} bytes).\n", rows->size(),
                           c.output, c.format, *written);
}

std::string carry_text(const program::CarryPlan& plan) {
  using program::CarryKind;
  std::string out = fmt::format("{} -> {}\n", plan.from_framework, plan.to_framework);
  for (const auto& c : plan.controls) {
    std::string decision;
    if (c.proposed) {
      const program::SoaEdit& e = *c.proposed;
      decision = e.applicable.value_or(true)
                     ? fmt::format("applicable, {}", program::to_string(*e.status))
                     : "not applicable";
      if (e.owner) decision += ", owner " + *e.owner;
    }
    out += fmt::format("{:<10} {:<28} {}{}{}\n", program::to_string(c.kind), c.control_ref,
                       decision.empty() ? "" : decision + "; ", c.note,
                       c.conflict ? "  [review]" : "");
  }
  for (const auto& ref : plan.without_successor)
    out += fmt::format("{:<10} {:<28} no counterpart in {}\n", "dropped", ref, plan.to_framework);
  out += fmt::format(
      "{} carried ({} to review), {} new, {} undecided, {} kept; {} without a counterpart\n",
      plan.count(CarryKind::Carried),
      std::ranges::count_if(plan.controls, [](const auto& c) { return c.conflict; }),
      plan.count(CarryKind::New), plan.count(CarryKind::Undecided), plan.count(CarryKind::Kept),
      plan.without_successor.size());
  return out;
}

void run_carry(const SoaCommand& c) {
  auto env = environment_or_fail("soa carry");
  auto opened = open_or_fail(c.store, "soa carry");
  auto plan = program::plan_carry(opened.program(), env->catalog, c.from, c.to);
  if (!plan) fail("soa carry", plan.error().message);
  std::cout << carry_text(*plan);
  if (c.dry_run) {
    std::cout << "Dry run: nothing was written.\n";
    return;
  }
  auto counts = program::apply_carry(opened.program(), env->catalog, *plan,
                                     change_or_fail(c.store, "soa carry"));
  if (!counts) fail("soa carry", counts.error().message);
  std::cout << fmt::format(
      "{} is in scope. Wrote {} carried decisions and {} entries to decide, linked {} evidence "
      "items.\n",
      plan->to_framework, counts->decided, counts->seeded, counts->linked);
}

}  // namespace

void add_soa(CLI::App& app) {
  auto c = std::make_shared<SoaCommand>();
  auto* soa = app.add_subcommand(
      "soa", "The Statement of Applicability: which controls apply, why not, and their status");
  soa->require_subcommand(1);

  auto* seed = soa->add_subcommand(
      "seed", "Add every control in scope that has no entry yet (applicable, not assessed)");
  add_store_options(*seed, c->store);
  seed->callback([c] { run_seed(*c); });

  auto* list = soa->add_subcommand("list", "Print the SoA");
  list->add_option("--framework", c->framework, "Only this framework's controls");
  list->add_option("--format", c->format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  add_store_options(*list, c->store);
  list->callback([c] { run_list(*c); });

  auto* set = soa->add_subcommand(
      "set", "Change one control's entry; each change is recorded with who and when");
  set->add_option("REF", c->control, "The control (\"CLD.9.5.2\", \"iso27001:2022/A.8.15\")")
      ->required();
  set->add_option("--applicable", c->applicable, "yes or no");
  set->add_option("--justification", c->justification,
                  "Why the control does not apply (required with --applicable no)");
  set->add_option("--status", c->status,
                  "implemented, \"partially implemented\", planned, \"not implemented\" or "
                  "\"not assessed\"; also dates the assessment");
  set->add_option("--owner", c->owner, "The person or team responsible");
  add_store_options(*set, c->store);
  set->callback([c] { run_set(*c); });

  auto* exp = soa->add_subcommand("export", "Write the SoA as a workbook, CSV or OSCAL JSON");
  exp->add_option("--format", c->format, "xlsx, csv or oscal")
      ->required()
      ->check(CLI::IsMember({"xlsx", "csv", "oscal"}));
  exp->add_option("--output,-o", c->output, "The file to write (replaced when it exists)")
      ->required();
  exp->add_option("--framework", c->framework, "Only this framework's controls");
  add_store_options(*exp, c->store);
  exp->callback([c] { run_export(*c); });

  auto* carry = soa->add_subcommand(
      "carry", "Move the SoA to another edition of a standard through the catalog's crosswalk");
  carry->add_option("--from", c->from, "The framework decided so far (\"iso27017:2015\")")
      ->required();
  carry->add_option("--to", c->to, "The framework to move to (\"iso27017:2026\")")->required();
  carry->add_flag("--dry-run", c->dry_run, "Show the proposals and write nothing");
  add_store_options(*carry, c->store);
  carry->callback([c] { run_carry(*c); });
}

}  // namespace cc::cli
