#pragma once
// The rules of every loaded pack, indexed by id and by the kind they target.
// Immutable once loading is done, so scans share one RuleSet across threads.
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "rules/rule.h"

namespace cc::rules {

class RuleSet {
 public:
  // Adds a rule; a rule whose id is already present is rejected with a diagnostic.
  bool add(Rule rule, Diagnostics& diags);

  [[nodiscard]] const Rule* find(std::string_view id) const;
  // Rules targeting `kind`, in load order; empty when there are none.
  [[nodiscard]] const std::vector<const Rule*>& rules_for(std::string_view kind) const;
  // Every rule, in load order.
  [[nodiscard]] const std::vector<const Rule*>& all() const { return order_; }
  [[nodiscard]] size_t size() const { return order_.size(); }

 private:
  std::vector<std::unique_ptr<const Rule>> owned_;
  std::vector<const Rule*> order_;
  std::map<std::string, const Rule*, std::less<>> by_id_;
  std::map<std::string, std::vector<const Rule*>, std::less<>> by_kind_;
};

}  // namespace cc::rules
