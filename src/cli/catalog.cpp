// `cloudcomply catalog list|show|map`: browse frameworks, controls and crosswalks.
#include "catalog/catalog.h"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "catalog/ref.h"
#include "catalog/render.h"
#include "cli/commands.h"
#include "core/data_dir.h"

namespace cc::cli {
namespace {

using catalog::Catalog;

struct CatalogOptions {
  std::string data_dir;  // root holding catalog/; empty means cc::data_dir()
  std::string format = "text";
  std::string framework;
  bool cloud_only = false;
  std::string ref;
  std::string to;
};

[[noreturn]] void fail(const std::string& message) {
  std::cerr << "cloudcomply catalog: " << message << "\n";
  throw CLI::RuntimeError(2);
}

// Problems in the catalog data go to stderr; the command still answers from what loaded.
Catalog load_catalog(const CatalogOptions& options) {
  std::filesystem::path root =
      options.data_dir.empty() ? data_dir() : std::filesystem::path(options.data_dir);
  SourceTable sources;
  Diagnostics diags;
  Catalog catalog = Catalog::load(root / "catalog", sources, diags);
  for (const Diagnostic& d : diags) {
    std::string where = sources.path(d.span.file);
    if (d.span.known()) where += fmt::format(":{}:{}", d.span.line, d.span.col);
    std::cerr << fmt::format("{}: {}: {} [{}]\n", where, to_string(d.level), d.message, d.code);
  }
  if (catalog.frameworks().empty()) {
    fail(fmt::format("no catalog data in {}", (root / "catalog").string()));
  }
  return catalog;
}

void add_common_options(CLI::App& command, CatalogOptions& options) {
  command.add_option("--format", options.format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  command.add_option("--data-dir", options.data_dir,
                     "Directory that holds catalog/ (default: the installed data)");
}

void run_list(const CatalogOptions& options) {
  Catalog catalog = load_catalog(options);
  if (options.framework.empty()) {
    if (options.format == "json") {
      catalog::Json out = catalog::Json::array();
      for (const auto& fw : catalog.frameworks()) {
        out.push_back(catalog::to_json(fw, catalog.controls(fw.id)));
      }
      std::cout << catalog::Json{{"frameworks", out}}.dump(2) << "\n";
    } else {
      std::cout << catalog::frameworks_table(catalog);
    }
    return;
  }
  std::string framework_id = catalog::normalize_framework(options.framework);
  const catalog::Framework* framework = catalog.framework(framework_id);
  if (framework == nullptr) {
    std::string known;
    for (const auto& fw : catalog.frameworks()) known += (known.empty() ? "" : ", ") + fw.id;
    fail(fmt::format("unknown framework \"{}\"; the catalog has: {}", options.framework, known));
  }
  std::vector<const catalog::Control*> selected;
  for (const auto& control : catalog.controls(framework_id)) {
    if (!options.cloud_only || control.cloud_guidance) selected.push_back(&control);
  }
  if (options.format == "json") {
    catalog::Json controls = catalog::Json::array();
    for (const auto* control : selected) controls.push_back(catalog::to_json(*control));
    catalog::Json out{{"framework", catalog::to_json(*framework, catalog.controls(framework_id))},
                      {"controls", controls}};
    std::cout << out.dump(2) << "\n";
  } else {
    std::cout << catalog::controls_table(selected);
  }
}

void run_show(const CatalogOptions& options) {
  Catalog catalog = load_catalog(options);
  const catalog::Control* control = catalog.resolve(options.ref);
  if (control == nullptr) {
    fail(fmt::format("unknown control \"{}\" (read as {}); see `cloudcomply catalog list`",
                     options.ref, catalog::normalize_ref(options.ref)));
  }
  auto mappings = catalog.map(control->ref);
  if (options.format == "json") {
    catalog::Json out = catalog::to_json(*control);
    out["mappings"] = catalog::Json::array();
    for (const auto& m : mappings) out["mappings"].push_back(catalog::to_json(m));
    std::cout << out.dump(2) << "\n";
  } else {
    std::cout << catalog::control_text(*control, mappings);
  }
}

void run_map(const CatalogOptions& options) {
  Catalog catalog = load_catalog(options);
  const catalog::Control* control = catalog.resolve(options.ref);
  // A control of a framework without a catalog file (CSA CCM, NIST) can still be mapped.
  std::string ref = control ? control->ref : catalog::normalize_ref(options.ref);
  std::optional<std::string_view> target;
  if (!options.to.empty()) target = options.to;
  auto mappings = catalog.map(ref, target);
  if (control == nullptr && catalog.map(ref).empty()) {
    fail(fmt::format("unknown control \"{}\" (read as {}); see `cloudcomply catalog list`",
                     options.ref, ref));
  }
  if (options.format == "json") {
    catalog::Json out{{"ref", ref}, {"mappings", catalog::Json::array()}};
    if (control != nullptr) out["title"] = control->title;
    for (const auto& m : mappings) out["mappings"].push_back(catalog::to_json(m));
    std::cout << out.dump(2) << "\n";
    return;
  }
  std::cout << ref << (control ? "  " + control->title : std::string()) << "\n";
  if (mappings.empty()) {
    std::cout << "no links"
              << (target ? " to " + catalog::normalize_framework(*target) : std::string()) << "\n";
  } else {
    std::cout << catalog::mappings_table(mappings);
  }
}

}  // namespace

void add_catalog(CLI::App& app) {
  auto options = std::make_shared<CatalogOptions>();
  CLI::App* catalog = app.add_subcommand("catalog", "Browse frameworks, controls and crosswalks");
  catalog->require_subcommand(1);

  CLI::App* list = catalog->add_subcommand(
      "list", "List the frameworks, or the controls of FRAMEWORK (e.g. iso27017:2015)");
  list->add_option("framework", options->framework, "Framework id");
  list->add_flag("--cloud-only", options->cloud_only, "Only controls with cloud guidance");
  add_common_options(*list, *options);
  list->callback([options] { run_list(*options); });

  CLI::App* show = catalog->add_subcommand(
      "show", "Show one control: clause, party, duties, evidence and mappings");
  show->add_option("ref", options->ref, "Control, e.g. CLD.9.5.2 or iso27001:2022/A.8.15")
      ->required();
  add_common_options(*show, *options);
  show->callback([options] { run_show(*options); });

  CLI::App* map = catalog->add_subcommand("map", "Show the controls that REF maps to");
  map->add_option("ref", options->ref, "Control, e.g. 12.4.1 or iso27017:2015/CLD.12.4.5")
      ->required();
  map->add_option("--to", options->to, "Only links into this framework, e.g. iso27001:2022");
  add_common_options(*map, *options);
  map->callback([options] { run_map(*options); });
}

}  // namespace cc::cli
