#pragma once
// Rules on one resource, optionally restricted to some rule ids (fixtures, --rule).
#include <string>
#include <vector>

#include "core/finding.h"
#include "core/resource.h"
#include "rules/engine.h"

namespace cc::app {

inline void evaluate_resource(const rules::RuleSet& rules, const Resource& r,
                              const std::vector<std::string>& only, std::vector<Finding>& out) {
  if (only.empty()) {
    rules::evaluate(rules, r, out);
    return;
  }
  for (const auto& id : only) {
    const rules::Rule* rule = rules.find(id);
    if (rule && rule->kind == r.kind) rules::evaluate_rule(*rule, r, out);
  }
}

}  // namespace cc::app
