#include "rules/rule_set.h"

#include <fmt/format.h>

namespace cc::rules {

bool RuleSet::add(Rule rule, Diagnostics& diags) {
  if (const Rule* existing = find(rule.id)) {
    diags.push_back(Diagnostic{DiagLevel::Error, "rule.duplicate-id",
                               fmt::format("rule id '{}' is already used by the rule at {}:{}",
                                           rule.id, existing->source, existing->span.line),
                               rule.span});
    return false;
  }
  auto owned = std::make_unique<const Rule>(std::move(rule));
  const Rule* r = owned.get();
  owned_.push_back(std::move(owned));
  order_.push_back(r);
  by_id_.emplace(r->id, r);
  by_kind_[r->kind].push_back(r);
  return true;
}

const Rule* RuleSet::find(std::string_view id) const {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : it->second;
}

const std::vector<const Rule*>& RuleSet::rules_for(std::string_view kind) const {
  static const std::vector<const Rule*> kNone;
  auto it = by_kind_.find(kind);
  return it == by_kind_.end() ? kNone : it->second;
}

}  // namespace cc::rules
