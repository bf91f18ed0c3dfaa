#pragma once
// The scope fields as command-line options, shared by `init` and `scope set`.
#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "program/scope.h"

namespace cc::cli {

struct ScopeOptions {
  std::string organisation;
  std::string role;
  std::vector<std::string> models;
  std::vector<std::string> services;
  std::vector<std::string> frameworks;
};

// Adds --org, --role, --model, --service and --framework; with `required` the first three
// must be given.
void add_scope_fields(CLI::App& command, ScopeOptions& options, bool required);

// Reads the options into `scope` (only those given); problems go into `problems`.
void apply_scope_options(const ScopeOptions& options, program::Scope& scope,
                         std::vector<std::string>& problems);

}  // namespace cc::cli
