#pragma once
// The scan pipeline the commands call: discover files, load and canonicalise each on
// a worker pool, evaluate rules, apply suppressions, roll up to controls.
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "collect/doc/limits.h"
#include "core/resource.h"
#include "report/scan_report.h"

namespace cc::app {

struct ScanOptions {
  std::vector<std::string> paths;
  std::filesystem::path data_dir;                       // holds catalog/, rules/, schemas/
  std::vector<std::filesystem::path> rule_dirs;         // --rules
  bool builtin_rules = true;
  collect::Limits limits;
  unsigned threads = 0;                                 // 0: all cores
  std::string framework = "iso27017:2015";
  std::vector<std::string> controls;                    // as typed by the user
  std::filesystem::path suppressions_file;
  std::map<std::string, std::string> cfn_parameters;
  std::vector<std::pair<std::string, std::string>> terraform_variables;  // --var NAME=VALUE
  std::vector<std::filesystem::path> terraform_variable_files;           // --var-file
  std::string today;                                    // YYYY-MM-DD; empty: the current date
  bool keep_resources = false;                          // for `inventory`
  std::vector<std::string> only_rules;                  // evaluate just these rule ids
  bool evaluate = true;                                 // false: collect and model only
  // When set, findings go to this report as files finish (in file order) and are not
  // kept in ScanOutcome; begin() and end() are called by run_scan.
  report::ReportStream* stream = nullptr;
};

struct ScanOutcome {
  std::unique_ptr<SourceTable> sources;                 // owned; report points into it
  report::ScanReport report;
  std::vector<Resource> resources;                      // when keep_resources
  bool setup_failed = false;  // rules, schemas or catalog did not load: exit code 2
  size_t unreadable = 0;      // inputs that could not be read or parsed at all
};

ScanOutcome run_scan(const ScanOptions& options);

}  // namespace cc::app
