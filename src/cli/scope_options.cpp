#include "cli/scope_options.h"

#include <fmt/format.h>

#include "catalog/ref.h"

namespace cc::cli {

void add_scope_fields(CLI::App& command, ScopeOptions& o, bool required) {
  auto* org = command.add_option("--org", o.organisation, "Name of the organisation");
  auto* role =
      command.add_option("--role", o.role, "Its role: provider (CSP), customer (CSC) or both");
  auto* models = command
                     .add_option("--model", o.models,
                                 "Service models in scope: IaaS, PaaS, SaaS (repeat or comma)")
                     ->delimiter(',');
  if (required) {
    org->required();
    role->required();
    models->required();
  }
  command.add_option(
      "--service", o.services,
      "A cloud service used or provided: NAME:used|provided:IaaS|PaaS|SaaS[:PROVIDER] (repeat)");
  command
      .add_option(
          "--framework", o.frameworks,
          "Frameworks in scope (repeat or comma; init's default: iso27001:2022,iso27017:2015)")
      ->delimiter(',');
}

void apply_scope_options(const ScopeOptions& o, program::Scope& scope,
                         std::vector<std::string>& problems) {
  if (!o.organisation.empty()) scope.organisation = o.organisation;
  if (!o.role.empty()) {
    if (auto r = program::parse_role(o.role))
      scope.role = *r;
    else
      problems.push_back(
          fmt::format("role must be provider, customer or both, not \"{}\"", o.role));
  }
  if (!o.models.empty()) {
    scope.models.clear();
    for (const auto& m : o.models) {
      if (auto v = program::parse_service_model(m))
        scope.models.push_back(*v);
      else
        problems.push_back(fmt::format("service model must be IaaS, PaaS or SaaS, not \"{}\"", m));
    }
  }
  if (!o.services.empty()) {
    scope.services.clear();
    for (const auto& spec : o.services) {
      auto s = program::parse_service(spec);
      if (s)
        scope.services.push_back(*s);
      else
        problems.push_back(s.error());
    }
  }
  if (!o.frameworks.empty()) {
    scope.frameworks.clear();
    for (const auto& f : o.frameworks) scope.frameworks.push_back(catalog::normalize_framework(f));
  }
}

}  // namespace cc::cli
