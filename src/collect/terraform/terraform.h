#pragma once
// Terraform configuration → raw resources (model/base/terraform.h), evaluated the way
// `terraform plan` would before it asks any provider: variables from defaults,
// tfvars files and the command line; locals; references between resources, data
// sources and modules; module calls with their inputs and outputs; count, for_each and
// dynamic blocks; Terraform's pure functions. What only a provider or the cloud knows
// (computed attributes, data source results, registry modules not downloaded) stays
// unknown.
//
// The caller reads files; this stage parses and evaluates text. A scan first parses
// every module directory (parse_module), resolves module calls to directories, then
// evaluates each root module (one not called by another) against that set.
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "collect/hcl/ast.h"
#include "collect/hcl/parser.h"
#include "core/resource.h"

namespace cc::terraform {

struct SourceFile {
  std::filesystem::path path;
  uint32_t id = 0;  // in the scan's SourceTable
  std::string text;
};

struct ModuleCall {
  std::string name;
  std::string source;  // as written; empty when not a literal string
  Span span;
};

// One module directory, parsed: every .tf and .tf.json file of the directory.
struct Module {
  std::filesystem::path dir;
  struct File {
    std::filesystem::path path;
    uint32_t id = 0;
    hcl::Body body;
  };
  std::vector<File> files;
  std::vector<ModuleCall> calls;
  Diagnostics diagnostics;  // syntax errors of the files
};

// True for file names Terraform reads as configuration (.tf, .tf.json).
bool is_configuration_file(const std::filesystem::path& p);
// True for variable definition files Terraform loads by itself from a root module:
// terraform.tfvars[.json] and *.auto.tfvars[.json].
bool is_auto_variables_file(const std::filesystem::path& p);
// The same tests on a path held as text, without building a std::filesystem::path.
bool is_configuration_file_name(std::string_view path);
bool is_auto_variables_file_name(std::string_view path);

// Parses one module directory's files (any order; they are sorted by name as
// Terraform reads them). Override files (override.tf, *_override.tf) are merged into
// the blocks they override.
std::shared_ptr<const Module> parse_module(std::filesystem::path dir, std::vector<SourceFile> files,
                                           const hcl::ParseLimits& limits);

// The module calls of one file, found by lexing only (no syntax tree). Spans point at
// the `module` keyword. `json`: the file is in the JSON syntax (.tf.json).
std::vector<ModuleCall> outline_module_calls(std::string_view text, uint32_t file, bool json,
                                             const hcl::ParseLimits& limits);

// How a module call's source maps to a directory: a local path ("./net", "../x")
// relative to the calling module, or for registry and git sources the directory
// `terraform init` recorded in <root>/.terraform/modules/modules.json under the call's
// key ("net", "net.subnets"). nullopt: not available here.
struct ModuleDirs {
  std::filesystem::path root_dir;
  std::map<std::string, std::filesystem::path> installed;  // modules.json key -> dir
};
ModuleDirs read_installed_modules(const std::filesystem::path& root_dir,
                                  const std::string& modules_json_text);
std::optional<std::filesystem::path> resolve_source(const ModuleCall& call,
                                                    const std::filesystem::path& caller_dir,
                                                    const std::string& call_key,
                                                    const ModuleDirs& dirs);

// A directory path in the one spelling module lookups use: lexically normal, no
// trailing separator ("root/./x/" -> "root/x").
std::string normal_dir(const std::filesystem::path& dir);
// The same for a directory held as text; most need no change, and no path is built then.
std::string normal_dir(const std::string& dir);

// Every parsed module directory of a scan, by normal_dir().
struct ModuleSet {
  std::map<std::string, std::shared_ptr<const Module>> by_dir;
  [[nodiscard]] const Module* find(const std::filesystem::path& dir) const;
};

struct EvalOptions {
  // Variable values for the root module, lowest precedence first: each element is one
  // variables file (terraform.tfvars, then *.auto.tfvars in name order, then every
  // --var-file in order). .json files use the JSON form.
  std::vector<SourceFile> variable_files;
  // --var NAME=VALUE, highest precedence, in order.
  std::vector<std::pair<std::string, std::string>> variables;
  ModuleDirs module_dirs;
  std::filesystem::path confine_dir;  // file() and templatefile() may not read outside it
  hcl::ParseLimits limits;
  uint32_t max_module_depth = 32;
  uint32_t max_instances = 10'000;       // per count / for_each
  size_t max_resources = 1'000'000;      // per root module
  size_t max_module_instances = 10'000;  // per root module
  // Expression evaluations per root module. Nested for expressions over large ranges
  // can ask for more work than any real configuration; past this everything is unknown.
  uint64_t max_steps = 200'000'000;
};

// Evaluates the root module `root` and every module it calls (found in `modules`),
// returning its raw resources in source order (format "terraform"). Problems become
// diagnostics (code "terraform.*"); what cannot be known becomes unknown.
Document evaluate(const Module& root, const ModuleSet& modules, const EvalOptions& options,
                  Diagnostics& diags);

}  // namespace cc::terraform
