#pragma once
// Terraform in a scan: configuration files grouped into module directories, parsed
// once, root modules (those no other module of the scan calls) found, modules they call
// from outside the scanned paths or from .terraform/modules loaded, then each root
// evaluated into raw and canonical resources like any other document.
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
};

struct TerraformRoot {
  std::filesystem::path dir;
  const terraform::Module* module = nullptr;
  std::vector<terraform::SourceFile> variable_files;
  terraform::ModuleDirs module_dirs;
  std::vector<const terraform::Module*> tree;  // the root and every module it calls
  size_t bytes = 0;                            // of the root's own files
};

// A module directory and the configuration files that make it up. A scan passes every
// .tf/.tf.json file of a directory; a rule fixture passes one file as a module alone.
struct ModuleFiles {
  std::filesystem::path dir;
  std::vector<std::filesystem::path> files;
};

struct TerraformProject {
  terraform::ModuleSet modules;
  std::vector<TerraformRoot> roots;  // sorted by directory
  std::map<uint32_t, std::vector<assess::Suppression>> inline_marks;  // by file id
  Diagnostics diagnostics;           // syntax errors and unreadable files
  size_t unreadable = 0;
};

// Groups configuration files by directory.
std::vector<ModuleFiles> group_module_files(const std::vector<std::filesystem::path>& files);

TerraformProject prepare_terraform(const std::vector<ModuleFiles>& modules, SourceTable& sources,
                                   const TerraformSettings& settings, unsigned threads);

struct LoadedRoot {
  std::vector<Resource> resources;  // raw first, then canonical
  std::vector<assess::Suppression> marks;
  size_t files = 0;
};

LoadedRoot load_terraform_root(const TerraformProject& project, const TerraformRoot& root,
                               const TerraformSettings& settings, const model::SchemaRegistry& schemas,
                               Diagnostics& diags);

}  // namespace cc::app
