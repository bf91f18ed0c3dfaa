#pragma once
// Evaluates rules on resources. Verdicts: a precondition that is false means the rule
// does not apply (no finding); an undecided precondition or assertion gives Unknown
// with the reason in the message; otherwise the assertion decides pass or fail.
// Every function here is safe to call from many threads on one shared RuleSet.
#include <vector>

#include "core/finding.h"
#include "core/resource.h"
#include "rules/rule_set.h"

namespace cc::rules {

// Appends the finding of `rule` on `resource`, if the rule applies.
void evaluate_rule(const Rule& rule, const Resource& resource, std::vector<Finding>& out);

// Appends the findings of every rule of `rules` that targets the resource's kind.
void evaluate(const RuleSet& rules, const Resource& resource, std::vector<Finding>& out);
std::vector<Finding> evaluate(const RuleSet& rules, const Resource& resource);

}  // namespace cc::rules
