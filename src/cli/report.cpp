// `cloudcomply report`: the auditor's report of the program — one self-contained HTML
// file, or OSCAL assessment results for GRC tools.
#include <fmt/format.h>

#include <iostream>

#include "catalog/catalog.h"
#include "cli/commands.h"
#include "cli/store_options.h"
#include "core/data_dir.h"
#include "program/dates.h"
#include "program/report_data.h"
#include "program/report_html.h"
#include "program/report_oscal.h"
#include "report/soa_table.h"

namespace cc::cli {
namespace {

struct ReportCommand {
  app::StoreSettings store;
  std::string format = "html";
  std::string output;
  std::string as_of;
  int64_t run = 0;
  size_t max_findings = 2000;
};

void run_report(const ReportCommand& c) {
  auto opened = open_or_fail(c.store, "report");
  const program::Change now = change_or_fail(c.store, "report");
  program::ReportOptions options;
  options.as_of = c.as_of.empty() ? program::date_of(now.at) : c.as_of;
  if (!program::parse_date(options.as_of))
    fail("report", fmt::format("--as-of must be YYYY-MM-DD, not \"{}\"", options.as_of));
  options.generated_at = now.at;
  options.tool_version = CC_VERSION;
  if (c.run > 0) options.run = c.run;
  options.max_findings = c.max_findings;

  SourceTable sources;
  Diagnostics ignored;
  auto catalog =
      catalog::Catalog::load(data_dir() / "catalog", sources, ignored, catalog::LoadMode::OnDemand);
  auto data = program::collect_report(opened.program(), catalog, options);
  if (!data) fail("report", data.error().message);

  std::string text;
  if (c.format == "oscal") {
    std::vector<program::FailingRule> failing;
    if (data->run) {
      auto rules =
          program::failing_rules(opened.program(), data->run->id, data->options.locations_per_rule);
      if (!rules) fail("report", rules.error().message);
      failing = std::move(*rules);
    }
    text = program::report_oscal(*data, failing);
  } else {
    text = program::report_html(*data);
  }
  if (c.output.empty()) {
    std::cout << text;
    return;
  }
  auto written = report::write_text_file(c.output, text);
  if (!written) fail("report", written.error());
  std::cerr << fmt::format("Wrote the {} report ({} controls{}) to {} ({} bytes).\n", c.format,
                           data->status.controls.size(),
                           data->run ? fmt::format(", run {}", data->run->id) : "", c.output,
                           *written);
}

}  // namespace

void add_report(CLI::App& app) {
  auto c = std::make_shared<ReportCommand>();
  auto* cmd = app.add_subcommand(
      "report", "The auditor's report: one self-contained HTML file, or OSCAL assessment results");
  cmd->add_option("--format", c->format, "html: a printable page; oscal: OSCAL 1.1.2 JSON")
      ->check(CLI::IsMember({"html", "oscal"}))
      ->capture_default_str();
  cmd->add_option("--output,-o", c->output, "The file to write (default: standard output)");
  cmd->add_option(
      "--as-of", c->as_of,
      "Judge evidence and attestation expiry on this date, YYYY-MM-DD (default: today)");
  cmd->add_option("--run", c->run, "The saved run to report on (default: the newest)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--max-findings", c->max_findings,
                  "List at most this many findings of the run, failing ones first")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  add_store_options(*cmd, c->store);
  cmd->callback([c] { run_report(*c); });
}

}  // namespace cc::cli
