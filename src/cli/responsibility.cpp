// `cloudcomply responsibility show|override|attest|inherit|export`: who owns each
// control — provider, customer or both — and the provider attestations relied on.
#include "program/responsibility.h"

#include <fmt/format.h>

#include <iostream>
#include <optional>

#include "cli/commands.h"
#include "cli/store_options.h"
#include "core/data_dir.h"
#include "program/dates.h"
#include "program/export_responsibility.h"

namespace cc::cli {
namespace {

struct ResponsibilityCommand {
  app::StoreSettings store;
  std::string model;
  std::string format = "text";
  std::string as_of;
  std::vector<std::string> controls;
  std::string service;
  std::string owner;
  std::string reason;
  std::string name;
  std::string kind;
  std::string issuer;
  std::string scope;
  std::string issued;
  std::string expires;
  std::optional<int64_t> evidence;
  std::string attestation;
  std::string output;
};

catalog::Catalog catalog_or_fail(std::string_view command) {
  SourceTable sources;
  Diagnostics diags;  // `catalog list` reports problems in the catalog data
  auto catalog =
      catalog::Catalog::load(data_dir() / "catalog", sources, diags, catalog::LoadMode::OnDemand);
  if (catalog.frameworks().empty())
    fail(command, fmt::format("no control catalog in {}", (data_dir() / "catalog").string()));
  return catalog;
}

// The matrix's date: --as-of, else today (or the date of $CLOUDCOMPLY_NOW).
std::string as_of_or_fail(const ResponsibilityCommand& c, std::string_view command) {
  if (c.as_of.empty()) return program::date_of(change_or_fail(c.store, command).at);
  if (!program::parse_date(c.as_of))
    fail(command, fmt::format("--as-of takes a date YYYY-MM-DD, not \"{}\"", c.as_of));
  return c.as_of;
}

std::optional<program::ServiceModel> model_or_fail(const ResponsibilityCommand& c,
                                                   std::string_view command) {
  if (c.model.empty()) return std::nullopt;
  auto m = program::parse_service_model(c.model);
  if (!m) fail(command, fmt::format("--model takes IaaS, PaaS or SaaS, not \"{}\"", c.model));
  return m;
}

void run_show(const ResponsibilityCommand& c) {
  const auto model = model_or_fail(c, "responsibility show");
  const std::string as_of = as_of_or_fail(c, "responsibility show");
  auto catalog = catalog_or_fail("responsibility show");
  auto opened = open_or_fail(c.store, "responsibility show");
  auto rows = program::responsibility_matrix(opened.program(), catalog, as_of, model);
  if (!rows) fail("responsibility show", rows.error().message);
  std::cout << (c.format == "json" ? program::responsibility_json(*rows, as_of)
                                   : program::responsibility_text(*rows, as_of));
}

void run_override(const ResponsibilityCommand& c) {
  auto owner = program::parse_owner(c.owner);
  if (!owner)
    fail("responsibility override",
         fmt::format("--owner takes provider, customer or shared, not \"{}\"", c.owner));
  auto catalog = catalog_or_fail("responsibility override");
  auto opened = open_or_fail(c.store, "responsibility override");
  auto done =
      program::set_override(opened.program(), catalog, c.controls.front(), c.service, *owner,
                            c.reason, change_or_fail(c.store, "responsibility override"));
  if (!done) fail("responsibility override", done.error().message);
  std::cout << fmt::format("Owner of {} for {} set to {}.\n", c.controls.front(), c.service,
                           program::to_string(*owner));
}

void run_attest(const ResponsibilityCommand& c) {
  program::Attestation a;
  auto kind = program::parse_attestation_kind(c.kind);
  if (!kind)
    fail("responsibility attest",
         fmt::format("--kind takes certificate, report or other, not \"{}\"", c.kind));
  a.name = c.name;
  a.kind = *kind;
  a.issuer = c.issuer;
  a.scope = c.scope;
  a.issued_on = c.issued;
  a.expires_on = c.expires;
  a.evidence_id = c.evidence;
  auto opened = open_or_fail(c.store, "responsibility attest");
  auto added = program::add_attestation(opened.program(), a,
                                        change_or_fail(c.store, "responsibility attest"));
  if (!added) fail("responsibility attest", added.error().message);
  std::cout << fmt::format("Recorded {} \"{}\" by {}, valid {} to {}.\n",
                           program::to_string(added->kind), added->name, added->issuer,
                           added->issued_on, added->expires_on);
}

void run_inherit(const ResponsibilityCommand& c) {
  auto catalog = catalog_or_fail("responsibility inherit");
  auto opened = open_or_fail(c.store, "responsibility inherit");
  auto marked = program::mark_inherited(opened.program(), catalog, c.controls, c.attestation,
                                        change_or_fail(c.store, "responsibility inherit"));
  if (!marked) fail("responsibility inherit", marked.error().message);
  for (const auto& ref : *marked)
    std::cout << fmt::format("{} is inherited from {}.\n", ref, c.attestation);
}

void run_export(const ResponsibilityCommand& c) {
  auto format = program::parse_matrix_format(c.format);
  if (!format) fail("responsibility export", fmt::format("unknown format {}", c.format));
  const auto model = model_or_fail(c, "responsibility export");
  const std::string as_of = as_of_or_fail(c, "responsibility export");
  auto catalog = catalog_or_fail("responsibility export");
  auto opened = open_or_fail(c.store, "responsibility export");
  auto rows = program::responsibility_matrix(opened.program(), catalog, as_of, model);
  if (!rows) fail("responsibility export", rows.error().message);
  auto attestations = program::list_attestations(opened.program());
  if (!attestations) fail("responsibility export", attestations.error().message);
  auto written = program::export_responsibility(*rows, *attestations, as_of, *format, c.output);
  if (!written) fail("responsibility export", written.error());
  std::cout << fmt::format(
      "Wrote the responsibility matrix as of {} ({} rows) to {} ({}, {} bytes).\n", as_of,
      rows->size(), c.output, c.format, *written);
}

void add_as_of(CLI::App& cmd, ResponsibilityCommand& c) {
  cmd.add_option("--as-of", c.as_of,
                 "The date attestations are judged on, YYYY-MM-DD (default: today, or the date of "
                 "$CLOUDCOMPLY_NOW)");
  cmd.add_option("--model", c.model, "Only this service model (IaaS, PaaS, SaaS)");
}

}  // namespace

void add_responsibility(CLI::App& app) {
  auto c = std::make_shared<ResponsibilityCommand>();
  auto* top = app.add_subcommand(
      "responsibility",
      "The shared-responsibility matrix: who owns each control, overrides and attestations");
  top->require_subcommand(1);

  auto* show = top->add_subcommand("show", "Print the matrix");
  add_as_of(*show, *c);
  show->add_option("--format", c->format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  add_store_options(*show, c->store);
  show->callback([c] { run_show(*c); });

  auto* over = top->add_subcommand("override",
                                   "Set who owns a control for one cloud service, with the reason");
  over->add_option("REF", c->controls, "The control")->required()->expected(1);
  over->add_option("--service", c->service, "The cloud service, as named in the scope")->required();
  over->add_option("--owner", c->owner, "provider, customer or shared")->required();
  over->add_option("--reason", c->reason, "Why this service differs from the default")->required();
  add_store_options(*over, c->store);
  over->callback([c] { run_override(*c); });

  auto* attest = top->add_subcommand(
      "attest", "Record a provider's certificate or audit report the program relies on");
  attest->add_option("--name", c->name, "A name unique in the program")->required();
  attest->add_option("--kind", c->kind, "certificate, report or other")->required();
  attest->add_option("--issuer", c->issuer, "Who issued it")->required();
  attest->add_option("--scope", c->scope, "What it covers")->required();
  attest->add_option("--issued", c->issued, "Issue date, YYYY-MM-DD")->required();
  attest->add_option("--expires", c->expires, "Expiry date, YYYY-MM-DD")->required();
  attest->add_option("--evidence", c->evidence, "Id of its copy in the evidence register");
  add_store_options(*attest, c->store);
  attest->callback([c] { run_attest(*c); });

  auto* inherit = top->add_subcommand(
      "inherit", "Mark controls the provider owns as covered by one of its attestations");
  inherit->add_option("REF", c->controls, "The controls")->required();
  inherit->add_option("--attestation", c->attestation, "The attestation's name")->required();
  add_store_options(*inherit, c->store);
  inherit->callback([c] { run_inherit(*c); });

  auto* exp = top->add_subcommand("export", "Write the matrix as a workbook or CSV");
  exp->add_option("--format", c->format, "xlsx or csv")
      ->required()
      ->check(CLI::IsMember({"xlsx", "csv"}));
  exp->add_option("--output,-o", c->output, "The file to write (replaced when it exists)")
      ->required();
  add_as_of(*exp, *c);
  add_store_options(*exp, c->store);
  exp->callback([c] { run_export(*c); });
}

}  // namespace cc::cli
