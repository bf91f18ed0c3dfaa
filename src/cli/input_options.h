#pragma once
// Options that give input values to the scanned configuration, shared by `scan` and
// `inventory`: CloudFormation parameters and Terraform variables.
#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "app/scan.h"

namespace cc::cli {

struct InputOptions {
  std::vector<std::string> params;
  std::vector<std::string> vars;
  std::vector<std::string> var_files;

  void add_to(CLI::App* cmd) {
    cmd->add_option("--param", params, "CloudFormation parameter NAME=VALUE (repeatable)");
    cmd->add_option("--var", vars, "Terraform variable NAME=VALUE for root modules (repeatable)");
    cmd->add_option("--var-file", var_files, "Terraform variables file for root modules (repeatable)")
        ->check(CLI::ExistingFile);
  }

  void apply(app::ScanOptions& o) const {
    for (const auto& p : params) {
      auto eq = p.find('=');
      if (eq == std::string::npos || eq == 0)
        throw CLI::ValidationError("--param", "expected NAME=VALUE, got '" + p + "'");
      o.cfn_parameters[p.substr(0, eq)] = p.substr(eq + 1);
    }
    for (const auto& v : vars) {
      auto eq = v.find('=');
      if (eq == std::string::npos || eq == 0)
        throw CLI::ValidationError("--var", "expected NAME=VALUE, got '" + v + "'");
      o.terraform_variables.emplace_back(v.substr(0, eq), v.substr(eq + 1));
    }
    for (const auto& f : var_files) o.terraform_variable_files.emplace_back(f);
  }
};

}  // namespace cc::cli
