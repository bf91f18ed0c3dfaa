// Conditions: named boolean expressions over parameters, evaluated once each, in
// three-valued logic (true, false, unknown), with cycles reported instead of followed.
#include <fmt/format.h>

#include "collect/cloudformation/evaluator.h"

namespace cc::collect::cfn {

Value Evaluator::condition(std::string_view name, Span where) {
  DepthGuard guard(depth_);
  if (too_deep(where)) return Value::unknown("conditions nested too deeply", where);
  const Value* definition = conditions_ ? conditions_->find(name) : nullptr;
  if (!definition) {
    diags_.push_back(Diagnostic{DiagLevel::Error, "cfn.condition",
                                fmt::format("condition '{}' is not defined in Conditions", name),
                                located(where)});
    return Value::unknown(fmt::format("undefined condition {}", name), where);
  }
  auto it = condition_cache_.find(name);
  if (it != condition_cache_.end()) {
    if (it->second.state == State::Done) return it->second.value;
    diags_.push_back(Diagnostic{
        DiagLevel::Error, "cfn.condition",
        fmt::format("condition '{}' depends on itself through a cycle of conditions", name),
        located(where)});
    return Value::unknown(fmt::format("condition {} is part of a cycle", name), where);
  }
  condition_cache_.emplace(std::string(name), ConditionSlot{});
  Value result = condition_operand(*definition, fmt::format("condition {}", name));
  ConditionSlot& slot = condition_cache_.find(name)->second;
  slot.state = State::Done;
  slot.value = result;
  return result;
}

Value Evaluator::condition_operand(const Value& node, std::string_view function) {
  if (node.is_map() && node.as_map().size() == 1 && node.as_map()[0].key == "Condition")
    return *fn_condition(node.as_map()[0].value, node.span());
  Value v = eval_required(node, function);
  if (v.is_bool() || v.is_unknown()) return v;
  // "true"/"false" strings come from parameters substituted into conditions.
  if (v.is_string()) {
    if (auto b = v.loose_bool()) return Value::boolean(*b, v.span());
  }
  return malformed(node.span(), function,
                   fmt::format("expects a condition, found a {}", Value::type_name(v.type())));
}

Evaluated Evaluator::fn_condition(const Value& arg, Span at) {
  if (!arg.is_string()) return malformed(at, "Condition", "expects the name of a condition");
  return condition(arg.as_string(), at);
}

Evaluated Evaluator::fn_equals(const Value& arg, Span at) {
  if (!arg.is_list() || arg.as_list().size() != 2)
    return malformed(at, "Fn::Equals", "expects a list of two values");
  Value a = eval_required(arg.as_list()[0], "Fn::Equals");
  Value b = eval_required(arg.as_list()[1], "Fn::Equals");
  if (a.contains_unknown() || b.contains_unknown())
    return Value::unknown("compares a value that is unknown", at);
  // CloudFormation compares the text of scalars: a Number parameter equals "3".
  auto ta = scalar_text(a);
  auto tb = scalar_text(b);
  if (ta && tb) return Value::boolean(*ta == *tb, at);
  return Value::boolean(a == b, at);
}

Evaluated Evaluator::fn_and(const Value& arg, Span at) { return fn_and_or(arg, at, true); }
Evaluated Evaluator::fn_or(const Value& arg, Span at) { return fn_and_or(arg, at, false); }

Evaluated Evaluator::fn_and_or(const Value& arg, Span at, bool is_and) {
  const char* function = is_and ? "Fn::And" : "Fn::Or";
  if (!arg.is_list() || arg.as_list().size() < 2 || arg.as_list().size() > 10)
    return malformed(at, function, "expects a list of 2 to 10 conditions");
  bool any_unknown = false;
  for (const Value& operand : arg.as_list()) {
    Value v = condition_operand(operand, function);
    if (v.is_unknown()) {
      any_unknown = true;
    } else if (v.as_bool() != is_and) {
      // One false decides And, one true decides Or, whatever the unknowns are.
      return Value::boolean(!is_and, at);
    }
  }
  if (any_unknown) return Value::unknown(fmt::format("{} of unknown conditions", function), at);
  return Value::boolean(is_and, at);
}

Evaluated Evaluator::fn_not(const Value& arg, Span at) {
  if (!arg.is_list() || arg.as_list().size() != 1)
    return malformed(at, "Fn::Not", "expects a list of exactly one condition");
  Value v = condition_operand(arg.as_list()[0], "Fn::Not");
  if (v.is_unknown()) return Value::unknown("negates an unknown condition", at);
  return Value::boolean(!v.as_bool(), at);
}

}  // namespace cc::collect::cfn
