// `cloudcomply catalog import|text`: load the organisation's own licensed control text
// into the program store, show it, or remove it again.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "cli/commands.h"
#include "cli/store_options.h"
#include "core/data_dir.h"
#include "program/control_text.h"

namespace cc::cli {
namespace {

// Enough to see the pattern of what is wrong without scrolling through thousands.
constexpr size_t kMaxListed = 50;

struct ImportCommand {
  app::StoreSettings store;
  program::ImportOptions options;
  std::string file;
  bool dry_run = false;
  bool remove_all = false;
  std::string ref;
  std::string format = "text";
};

catalog::Catalog load_catalog() {
  SourceTable sources;
  Diagnostics ignored;  // `catalog list` reports problems in the catalog data
  return catalog::Catalog::load(data_dir() / "catalog", sources, ignored,
                                catalog::LoadMode::OnDemand);
}

void print_capped(const std::vector<std::string>& lines, std::string_view what) {
  for (size_t i = 0; i < lines.size() && i < kMaxListed; ++i) std::cerr << lines[i] << "\n";
  if (lines.size() > kMaxListed)
    std::cerr << fmt::format("... and {} more {}\n", lines.size() - kMaxListed, what);
}

std::string column_text(const std::optional<program::ImportColumn>& c) {
  if (!c) return "none";
  return fmt::format("\"{}\" (column {}{})", c->header, program::column_letters(c->col),
                     c->guessed ? ", by its header" : "");
}

void run_remove_all(const ImportCommand& c) {
  if (!c.file.empty()) fail("catalog import", "give FILE or --remove-all, not both");
  auto opened = open_or_fail(c.store, "catalog import");
  auto removed =
      program::remove_control_texts(opened.program(), change_or_fail(c.store, "catalog import"));
  if (!removed) fail("catalog import", removed.error().message);
  if (*removed == 0)
    std::cout << fmt::format("No control text is loaded for tenant {}; nothing to remove.\n",
                             opened.program().tenant());
  else
    std::cout << fmt::format("Removed the text of {} controls from {} (tenant {}).\n", *removed,
                             opened.db().location(), opened.program().tenant());
}

void run_import(const ImportCommand& c) {
  if (c.remove_all) return run_remove_all(c);
  if (c.file.empty()) fail("catalog import", "name the CSV or XLSX file to import");
  auto bytes = program::read_table_file(c.file, c.options.limits);
  if (!bytes) fail("catalog import", program::to_string(bytes.error()));
  const catalog::Catalog catalog = load_catalog();
  const program::ImportPlan plan = program::plan_import(*bytes, c.file, catalog, c.options);
  if (plan.id_column && plan.text_column)
    std::cout << fmt::format("Columns: control id {}, text {}, title {}\n",
                             column_text(plan.id_column), column_text(plan.text_column),
                             column_text(plan.title_column));
  print_capped(plan.warnings, "warnings");
  if (!plan.ok()) {
    print_capped(plan.errors, "errors");
    fail("catalog import", fmt::format("{} error{} in {}; nothing was imported", plan.errors.size(),
                                       plan.errors.size() == 1 ? "" : "s", plan.file_name));
  }
  if (plan.source.empty())
    std::cerr << "note: no --source given; say which licensed copy the text comes from, so "
                 "that reports can cite it\n";
  if (c.dry_run) {
    std::cout << fmt::format(
        "Dry run: {} controls would be imported from {}; nothing was written.\n", plan.rows.size(),
        plan.file_name);
    return;
  }
  auto opened = open_or_fail(c.store, "catalog import");
  auto counts = program::import_control_texts(opened.program(), plan,
                                              change_or_fail(c.store, "catalog import"));
  if (!counts) fail("catalog import", counts.error().message);
  std::cout << fmt::format(
      "Imported the text of {} controls from {} ({} new, {} replaced) into {} "
      "(tenant {}).\n",
      plan.rows.size(), plan.file_name, counts->added, counts->replaced, opened.db().location(),
      opened.program().tenant());
}

void run_text(const ImportCommand& c) {
  const catalog::Catalog catalog = load_catalog();
  const catalog::Control* control = catalog.resolve(c.ref);
  if (!control)
    fail("catalog text",
         fmt::format("\"{}\" is not a control in the catalog (see `cloudcomply catalog list`)",
                     c.ref));
  auto opened = open_or_fail(c.store, "catalog text");
  auto record = program::load_control_text(opened.program(), control->ref);
  if (!record) fail("catalog text", record.error().message);
  if (c.format == "json") {
    nlohmann::json out{{"control", control->ref}, {"title", control->title}, {"text", nullptr}};
    if (*record) {
      const program::ControlText& t = **record;
      out["text"] = t.text;
      out["licensed_title"] = t.title;
      out["source"] = t.source;
      out["file"] = t.file_name;
      out["imported_at"] = t.imported_at;
      out["imported_by"] = t.imported_by;
    }
    std::cout << out.dump(2) << "\n";
    return;
  }
  if (!*record) {
    std::cout << fmt::format(
        "{} {}\nNo licensed text is loaded for this control (tenant {}); load your copy with "
        "`cloudcomply catalog import FILE`.\n",
        control->ref, control->title, opened.program().tenant());
    return;
  }
  const program::ControlText& t = **record;
  std::cout << fmt::format("{} {}\n", control->ref, t.title.empty() ? control->title : t.title);
  std::cout << fmt::format("Source: {} (from {}, imported {} by {})\n\n",
                           t.source.empty() ? "not given" : t.source, t.file_name, t.imported_at,
                           t.imported_by);
  std::cout << t.text << "\n";
}

}  // namespace

void add_catalog_import(CLI::App& app) {
  CLI::App* catalog = app.get_subcommand("catalog");
  auto c = std::make_shared<ImportCommand>();

  CLI::App* import = catalog->add_subcommand(
      "import",
      "Load control text from your own licensed copy of a standard (CSV or XLSX) into the "
      "program store");
  import->add_option("file", c->file, "CSV or XLSX file; its first row names the columns");
  import->add_option("--sheet", c->options.sheet, "XLSX: the sheet to read (default: the first)");
  import->add_option("--framework", c->options.framework,
                     "Framework of bare ids such as 12.4.1, e.g. iso27017:2015");
  import->add_option("--id-column", c->options.id_column,
                     "Header of the column with control ids (default: one named like id, "
                     "control or ref)");
  import->add_option("--text-column", c->options.text_column,
                     "Header of the column with the text (default: one named like text, "
                     "description or guidance)");
  import->add_option("--title-column", c->options.title_column,
                     "Header of a column with titles (default: one named title, if any)");
  import->add_option("--source", c->options.source,
                     "Which licensed copy the text comes from, e.g. \"ISO/IEC 27017:2015, "
                     "licensed copy no. 123\"");
  import->add_flag("--dry-run", c->dry_run, "Check the file and say what would be imported");
  import->add_flag("--remove-all", c->remove_all,
                   "Delete every control text loaded for the tenant");
  add_store_options(*import, c->store);
  import->callback([c] { run_import(*c);
});

CLI::App* text = catalog->add_subcommand(
    "text", "Show the licensed text loaded for a control, or say that none is");
text->add_option("ref", c->ref, "Control, e.g. 12.4.1 or iso27001:2022/A.8.15")->required();
text->add_option("--format", c->format, "Output format")
    ->check(CLI::IsMember({"text", "json"}))
    ->capture_default_str();
add_store_options(*text, c->store);
text->callback([c] { run_text(*c); });
}  // namespace cc::cli

}  // namespace cc::cli
