// `cloudcomply inventory PATH...` and `cloudcomply inventory --schema KIND`.
#include <fmt/format.h>

#include <iostream>

#include "app/environment.h"
#include "app/scan.h"
#include "cli/commands.h"
#include "cli/common.h"
#include "cli/input_options.h"
#include "core/data_dir.h"
#include "report/inventory.h"

namespace cc::cli {

void add_inventory(CLI::App& app) {
  struct Args {
    std::vector<std::string> paths;
    std::string schema;
    bool list_kinds = false;
    bool raw = false;
    std::string format = "json";
    std::string data_dir;
    InputOptions inputs;
  };
  auto a = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand("inventory", "Print the canonical resources a scan sees, or a kind's schema");
  cmd->add_option("paths", a->paths, "Files and directories");
  cmd->add_option("--schema", a->schema, "Document this canonical kind instead (e.g. aws.s3.bucket)");
  cmd->add_flag("--kinds", a->list_kinds, "List the canonical kinds");
  cmd->add_flag("--raw", a->raw, "Include raw resources (cfn:..., k8s:...) as well");
  cmd->add_option("--format", a->format, "Schema output: text or json")->check(CLI::IsMember({"text", "json"}));
  a->inputs.add_to(cmd);
  cmd->add_option("--data-dir", a->data_dir, "Directory holding catalog/, rules/ and schemas/");
  cmd->callback([a]() {
    std::filesystem::path dir = a->data_dir.empty() ? data_dir() : std::filesystem::path(a->data_dir);
    if (!a->schema.empty() || a->list_kinds) {
      SourceTable sources;
      Diagnostics diags;
      model::SchemaRegistry schemas;
      if (!schemas.load_dir(dir / "schemas", sources, diags)) {
        for (const auto& d : diags) std::cerr << sources.path(d.span.file) << ": " << d.message << "\n";
        throw Exit(2);
      }
      if (a->list_kinds) {
        for (const auto* k : schemas.all()) std::cout << fmt::format("{:<32} {}\n", k->kind, k->doc);
        return;
      }
      const auto* k = schemas.find(a->schema);
      if (!k) {
        std::cerr << "no canonical kind '" << a->schema << "' (cloudcomply inventory --kinds lists them)\n";
        throw Exit(2);
      }
      if (a->format == "text") report::write_schema_text(*k, std::cout);
      else report::write_schema_json(*k, std::cout);
      return;
    }
    if (a->paths.empty()) throw CLI::ValidationError("paths", "give files or directories, or --schema KIND");
    app::ScanOptions o;
    o.paths = a->paths;
    o.data_dir = dir;
    o.keep_resources = true;
    o.evaluate = false;  // the inventory is what rules would see, not what they decide
    a->inputs.apply(o);
    auto result = app::run_scan(o);
    for (const auto& d : result.report.diagnostics)
      std::cerr << report::location(*result.sources, d.span) << ": " << to_string(d.level) << ": " << d.message << "\n";
    if (result.setup_failed) throw Exit(2);
    std::vector<Resource> shown;
    for (auto& r : result.resources)
      if (a->raw || !model::is_raw_kind(r.kind)) shown.push_back(std::move(r));
    report::write_inventory(shown, *result.sources, std::cout);
  });
}

}  // namespace cc::cli
