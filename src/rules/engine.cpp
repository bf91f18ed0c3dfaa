#include "rules/engine.h"

#include <fmt/format.h>

namespace cc::rules {

void evaluate_rule(const Rule& rule, const Resource& resource, std::vector<Finding>& out) {
  Trace trace;
  Truth truth;
  bool applies = true;
  if (rule.when) {
    Truth when = rule.when->test(resource.attributes, &trace);
    if (when.value == Tri::False) return;
    if (when.value == Tri::Unknown) {
      applies = false;
      truth =
          Truth{Tri::Unknown, fmt::format("whether the rule applies is unknown: {}", when.reason)};
    }
  }
  if (applies) truth = rule.assertion.test(resource.attributes, &trace);

  Finding f;
  f.rule_id = rule.id;
  f.resource_address = resource.address;
  f.resource_kind = resource.kind;
  f.severity = rule.severity;
  f.span = trace.span.known() ? trace.span : resource.span;
  switch (truth.value) {
    case Tri::True:
      f.verdict = Verdict::Pass;
      f.message = rule.title;  // the template describes the failure
      break;
    case Tri::False:
      f.verdict = Verdict::Fail;
      f.message = rule.message.render(resource.attributes);
      break;
    case Tri::Unknown:
      f.verdict = Verdict::Unknown;
      f.message = fmt::format("{} (undecided: {})", rule.message.render(resource.attributes),
                              truth.reason.empty() ? "a value is unknown" : truth.reason);
      break;
  }
  out.push_back(std::move(f));
}

void evaluate(const RuleSet& rules, const Resource& resource, std::vector<Finding>& out) {
  for (const Rule* rule : rules.rules_for(resource.kind)) evaluate_rule(*rule, resource, out);
}

std::vector<Finding> evaluate(const RuleSet& rules, const Resource& resource) {
  std::vector<Finding> out;
  evaluate(rules, resource, out);
  return out;
}

}  // namespace cc::rules
