// `cloudcomply scan`: argument handling only; the work is in app::run_scan.
#include "app/scan.h"

#include <fmt/format.h>
#include <unistd.h>

#include <fstream>
#include <iostream>

#include "app/save_run.h"
#include "cli/commands.h"
#include "cli/common.h"
#include "cli/input_options.h"
#include "cli/store_options.h"
#include "core/data_dir.h"

namespace cc::cli {

void add_scan(CLI::App& app) {
  struct Args {
    std::vector<std::string> paths;
    std::string format = "text";
    std::string output;
    std::string fail_on = "low";
    std::string framework = "iso27017:2015";
    std::vector<std::string> controls;
    std::vector<std::string> rule_dirs;
    bool no_builtin = false;
    std::string suppressions;
    InputOptions inputs;
    unsigned threads = 0;
    size_t max_file_size = 64u << 20;
    uint32_t max_depth = 200;
    std::string data_dir;
    bool show_passed = false;
    bool no_color = false;
    bool save = false;
    std::string label;
    app::StoreSettings store;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand(
      "scan", "Assess Terraform, CloudFormation and Kubernetes against ISO/IEC 27017");
  cmd->add_option("paths", args->paths, "Files and directories to scan (default: .)");
  cmd->add_option("-f,--format", args->format, "text, json, sarif, junit or csv")
      ->check(CLI::IsMember({"text", "json", "sarif", "junit", "csv"}));
  cmd->add_option("-o,--output", args->output, "Write the report to this file");
  cmd->add_option("--fail-on", args->fail_on,
                  "Exit 1 when a finding of this severity or worse fails (info, low, medium, high, "
                  "critical, none)");
  cmd->add_option("--framework", args->framework,
                  "Roll up to this framework (iso27017:2015, iso27001:2022)");
  cmd->add_option("--controls", args->controls, "Report only these controls")->delimiter(',');
  cmd->add_option("--rules", args->rule_dirs, "Additional rule pack directory (repeatable)");
  cmd->add_flag("--no-builtin-rules", args->no_builtin, "Load only the packs given with --rules");
  cmd->add_option("--suppressions", args->suppressions, "Suppressions file (YAML)");
  args->inputs.add_to(cmd);
  cmd->add_option("-j,--threads", args->threads, "Worker threads (0: all cores)");
  cmd->add_option("--max-file-size", args->max_file_size, "Skip files larger than this many bytes");
  cmd->add_option("--max-depth", args->max_depth, "Nesting limit of documents (at most 1000)")
      ->check(CLI::Range(1u, collect::kMaxDepthCeiling));
  cmd->add_option("--data-dir", args->data_dir, "Directory holding catalog/, rules/ and schemas/");
  cmd->add_flag("--show-passed", args->show_passed, "List passing findings in the text report");
  cmd->add_flag("--no-color", args->no_color, "Plain text output");
  cmd->add_flag("--save", args->save,
                "Keep this run in the program store, for status, diff and reports");
  cmd->add_option("--label", args->label, "A name for the saved run (a branch, a release)");
  add_store_options(*cmd, args->store);
  cmd->callback([args]() {
    Severity threshold = Severity::Low;
    bool never_fail = args->fail_on == "none";
    if (!never_fail && !parse_severity(args->fail_on, threshold))
      throw CLI::ValidationError("--fail-on", "expected info, low, medium, high, critical or none");
    app::ScanOptions o;
    o.paths = args->paths.empty() ? std::vector<std::string>{"."} : args->paths;
    o.data_dir = args->data_dir.empty() ? data_dir() : std::filesystem::path(args->data_dir);
    for (const auto& d : args->rule_dirs) o.rule_dirs.emplace_back(d);
    o.builtin_rules = !args->no_builtin;
    o.limits.max_file_bytes = args->max_file_size;
    o.limits.max_depth = args->max_depth;
    o.threads = args->threads;
    o.framework = args->framework;
    o.controls = args->controls;
    o.suppressions_file = args->suppressions;
    args->inputs.apply(o);
    report::Format format{};
    report::parse_format(args->format, format);

    report::TextOptions text;
    text.show_passed = args->show_passed;
    std::ofstream file;
    if (!args->output.empty()) {
      file.open(args->output, std::ios::binary);
      if (!file) throw CLI::ValidationError("--output", "cannot write " + args->output);
    } else {
      text.color = !args->no_color && format == report::Format::Text && ::isatty(STDOUT_FILENO);
    }
    auto stream = report::make_stream(format, text, args->output.empty() ? std::cout : file);
    o.stream = stream.get();
    // With --save the store is opened first: a scan whose result cannot be kept is not run.
    std::optional<app::OpenProgram> program;
    std::unique_ptr<app::SavingStream> saving;
    if (args->save) {
      program.emplace(open_or_fail(args->store, "scan"));
      saving = std::make_unique<app::SavingStream>(*stream, args->label,
                                                   change_or_fail(args->store, "scan"));
      o.stream = saving.get();
    }

    app::ScanOutcome result = app::run_scan(o);
    if (result.setup_failed) {
      for (const auto& d : result.report.diagnostics)
        std::cerr << report::location(*result.sources, d.span) << ": " << to_string(d.level) << ": "
                  << d.message << "\n";
      throw Exit(2);
    }
    if (saving) {
      auto run =
          saving->save(program->program(), result.report, change_or_fail(args->store, "scan").at);
      if (!run) fail("scan", "the run was not saved: " + run.error().message);
      std::cerr << fmt::format("Saved run {} in {}\n", *run, program->db().location());
    }
    if (result.report.stats.files > 0 && result.unreadable == result.report.stats.files)
      throw Exit(2);
    if (result.report.stats.files == 0 && !result.report.diagnostics.empty()) throw Exit(2);
    if (!never_fail && result.report.worst_failure && *result.report.worst_failure >= threshold)
      throw Exit(1);
  });
}

}  // namespace cc::cli
