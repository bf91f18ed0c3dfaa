// Input variables, locals and outputs: evaluated once, when first read.
#include <fmt/format.h>

#include "collect/terraform/evaluator.h"
#include "collect/terraform/internal.h"
#include "collect/terraform/values.h"

namespace cc::terraform {

// ---- variables, locals, outputs ---------------------------------------------------------

const Value& Evaluator::variable(ModuleInstance& m, std::string_view name, Span where,
                                 Value& made) {
  auto decl = m.variables.find(name);
  if (decl == m.variables.end()) {
    warn(where, "terraform.reference", fmt::format("variable '{}' is not declared", name));
    return made = Value::unknown(fmt::format("undeclared variable {}", name), where);
  }
  Memo& memo = m.variable_values[std::string(name)];
  if (memo.progress == Progress::Done) return memo.value;
  if (memo.progress == Progress::Busy)
    return made = error_value(where, fmt::format("variable '{}' depends on itself", name));
  memo.progress = Progress::Busy;
  const hcl::Block& block = *decl->second;
  Value v;
  bool have = false;
  if (!m.parent) {
    auto it = root_values_.find(name);
    if (it != root_values_.end()) {
      v = it->second;
      have = true;
    }
  } else if (m.call_block) {
    if (const hcl::Attribute* a = find_attribute(m.call_block->body, name)) {
      Frame count{nullptr, "count", &m.caller_count};
      Frame each{&count, "each", &m.caller_each};
      Scope caller{m.parent, &each};
      v = eval(*a->expr, caller);
      have = true;
    }
  }
  const hcl::Attribute* def = find_attribute(block.body, "default");
  if ((!have || v.is_null()) && def) {
    Scope none{&m, nullptr};
    Value d = eval(*def->expr, none);
    if (!have || !d.is_null()) v = std::move(d);
    have = true;
  }
  if (!have) {
    v = Value::unknown(fmt::format("variable {} has no value", name), block.span);
  } else if (const hcl::Attribute* type = find_attribute(block.body, "type")) {
    std::string error;
    Scope none{&m, nullptr};
    EvalDefault eval_default = [&](const hcl::Expression& e) { return eval(e, none); };
    if (!convert_to_type(v, type->expr.get(), eval_default, error))
      v = error_value(v.span().known() ? v.span() : block.span,
                      fmt::format("variable '{}': {}", name, error));
  }
  memo.value = std::move(v);
  memo.progress = Progress::Done;
  return memo.value;
}

const Value& Evaluator::local(ModuleInstance& m, std::string_view name, Span where, Value& made) {
  auto decl = m.locals.find(name);
  if (decl == m.locals.end()) {
    warn(where, "terraform.reference", fmt::format("local value '{}' is not declared", name));
    return made = Value::unknown(fmt::format("undeclared local {}", name), where);
  }
  Memo& memo = m.local_values[std::string(name)];
  if (memo.progress == Progress::Done) return memo.value;
  if (memo.progress == Progress::Busy)
    return made = error_value(where, fmt::format("local value '{}' depends on itself", name));
  memo.progress = Progress::Busy;
  Scope scope{&m, nullptr};
  memo.value = eval(*decl->second->expr, scope);
  memo.progress = Progress::Done;
  return memo.value;
}

const Value& Evaluator::output(ModuleInstance& m, std::string_view name, Span where, Value& made) {
  auto decl = m.outputs.find(name);
  if (decl == m.outputs.end()) {
    warn(where, "terraform.reference", fmt::format("module has no output '{}'", name));
    return made = Value::unknown(fmt::format("no output {}", name), where);
  }
  Memo& memo = m.output_values[std::string(name)];
  if (memo.progress == Progress::Done) return memo.value;
  if (memo.progress == Progress::Busy)
    return made = error_value(where, fmt::format("output '{}' depends on itself", name));
  memo.progress = Progress::Busy;
  const hcl::Attribute* value = find_attribute(decl->second->body, "value");
  Scope scope{&m, nullptr};
  memo.value = value ? eval(*value->expr, scope) : Value::null(decl->second->span);
  memo.progress = Progress::Done;
  return memo.value;
}

}  // namespace cc::terraform
