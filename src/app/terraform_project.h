#pragma once
// Terraform in a scan: configuration files grouped into module directories, parsed
// once, root modules (those no other module of the scan calls) found, modules they call
// from outside the scanned paths or from .terraform/modules loaded, then each root
// evaluated into raw and canonical resources like any other document.
#include <atomic>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "assess/suppress.h"
#include "collect/doc/limits.h"
#include "collect/terraform/terraform.h"
#include "model/base/schema.h"

namespace cc::app {

struct TerraformSettings {
  std::vector<std::pair<std::string, std::string>> variables;  // --var NAME=VALUE
  std::vector<std::filesystem::path> variable_files;           // --var-file
  collect::Limits limits;
  std::filesystem::path confine_dir;  // file() may not read outside; empty: each root's dir
  // Variables files of directories already listed (see DiscoverOptions), by
  // terraform::normal_dir; a root not in it has its directory listed.
  const std::map<std::string, std::vector<std::string>>* known_variables_files = nullptr;
  // Bytes of configuration text kept from outlining to parsing, so that those files are
  // read once. Measured on 46 MB of Terraform, 16 MiB saved about 3% of the scan for
  // 5 MB of peak memory; keeping every text saved no more and added 37 MB.
  size_t kept_text_bytes = size_t{16} << 20;
};

// A module directory as the scan first sees it: its files and the modules it calls,
// found without building syntax trees. Trees are built per root module, when it is
// evaluated, and freed after, so memory holds only the roots being worked on.
struct ModuleOutline {
  std::filesystem::path dir;
  std::vector<std::string> files;  // strings, not paths: see discover()
  std::vector<uint32_t> ids;       // in the scan's SourceTable, one per file
  std::vector<terraform::ModuleCall> calls;
  size_t bytes = 0;
  // The files' texts as outlining read them, kept while a scan-wide budget lasts so
  // that parsing need not read them again; empty when they did not fit. `users` counts
  // the roots that will parse this module (fixed before any does): the last frees them.
  mutable std::vector<std::string> texts;
  mutable std::atomic<size_t> users{0};
};

struct TerraformRoot {
  std::filesystem::path dir;
  std::string dir_name;  // dir as text, for ordering units of work
  std::vector<terraform::SourceFile> variable_files;
  terraform::ModuleDirs module_dirs;
  // The root first, then every module it calls. `report[i]`: this root reports the
  // syntax errors of tree[i] (each module's errors are reported by one root only).
  std::vector<const ModuleOutline*> tree;
  std::vector<bool> report;
  size_t bytes = 0;  // of the modules this root reports (each module counts once in a scan)
};

// A module directory and the configuration files that make it up. A scan passes every
// .tf/.tf.json file of a directory; a rule fixture passes one file as a module alone.
struct ModuleFiles {
  std::filesystem::path dir;
  std::vector<std::string> files;
};

struct TerraformProject {
  std::map<std::string, std::unique_ptr<ModuleOutline>> outlines;     // by terraform::normal_dir
  std::vector<TerraformRoot> roots;                                   // sorted by directory
  std::map<uint32_t, std::vector<assess::Suppression>> inline_marks;  // by file id
  Diagnostics diagnostics;                                            // unreadable files
  size_t unreadable = 0;
};

// Groups configuration files by directory.
std::vector<ModuleFiles> group_module_files(const std::vector<std::string>& files);

TerraformProject prepare_terraform(const std::vector<ModuleFiles>& modules, SourceTable& sources,
                                   const TerraformSettings& settings, unsigned threads);

struct LoadedRoot {
  std::vector<Resource> resources;  // raw first, then canonical
  std::vector<assess::Suppression> marks;
  size_t files = 0;
};

LoadedRoot load_terraform_root(const TerraformProject& project, const TerraformRoot& root,
                               const TerraformSettings& settings,
                               const model::SchemaRegistry& schemas, Diagnostics& diags);

}  // namespace cc::app
