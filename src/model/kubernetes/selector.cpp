#include "model/kubernetes/selector.h"

#include <string>

namespace cc::model::kubernetes {
namespace {

const std::string* label(const Value* labels, const std::string& key) {
  const Value* v = labels ? labels->find(key) : nullptr;
  return v && v->is_string() ? &v->as_string() : nullptr;
}

std::optional<bool> expression_matches(const Value& expr, const Value* labels) {
  const Value* key = expr.find("key");
  const Value* op = expr.find("operator");
  if (!key || !key->is_string() || !op || !op->is_string()) return std::nullopt;
  const std::string* actual = label(labels, key->as_string());
  const std::string& oper = op->as_string();
  if (oper == "Exists") return actual != nullptr;
  if (oper == "DoesNotExist") return actual == nullptr;
  const Value* values = expr.find("values");
  if (!values || !values->is_list()) return std::nullopt;
  bool in_values = false;
  for (const auto& v : values->as_list()) {
    if (!v.is_string()) return std::nullopt;
    if (actual && v.as_string() == *actual) in_values = true;
  }
  if (oper == "In") return in_values;
  if (oper == "NotIn") return !in_values;
  return std::nullopt;
}

}  // namespace

bool selector_is_empty(const Value* selector) {
  if (!selector || selector->is_null()) return true;
  if (!selector->is_map()) return false;
  for (const auto& m : selector->as_map()) {
    if (m.value.is_null()) continue;
    if (m.value.is_map() && m.value.as_map().empty()) continue;
    if (m.value.is_list() && m.value.as_list().empty()) continue;
    return false;
  }
  return true;
}

std::optional<bool> selector_matches(const Value* selector, const Value* labels) {
  if (selector_is_empty(selector)) return true;
  if (!selector->is_map()) return std::nullopt;
  bool matches = true;
  if (const Value* match_labels = selector->find("matchLabels");
      match_labels && !match_labels->is_null()) {
    if (!match_labels->is_map()) return std::nullopt;
    for (const auto& m : match_labels->as_map()) {
      if (!m.value.is_string()) return std::nullopt;
      const std::string* actual = label(labels, m.key);
      if (!actual || *actual != m.value.as_string()) matches = false;
    }
  }
  if (const Value* exprs = selector->find("matchExpressions"); exprs && !exprs->is_null()) {
    if (!exprs->is_list()) return std::nullopt;
    for (const auto& e : exprs->as_list()) {
      auto r = expression_matches(e, labels);
      if (!r) return std::nullopt;
      if (!*r) matches = false;
    }
  }
  return matches;
}

}  // namespace cc::model::kubernetes
