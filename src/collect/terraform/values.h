#pragma once
// Terraform's value rules over cc::Value: how values print inside strings, when two
// values are equal, how instance keys appear in addresses, and how an input is
// converted to a variable's declared type.
#include <functional>
#include <optional>
#include <string>

#include "collect/hcl/ast.h"
#include "core/value.h"

namespace cc::terraform {

// A number as Terraform prints it: integers without a fraction, others shortest form.
std::string format_number(double d);
// A primitive as it appears inside a string template; nullopt for null, lists and maps.
std::optional<std::string> to_template_text(const Value& v);
// Equality of known values: maps compare by key regardless of order. Unknown parts make
// the answer unknown (nullopt).
std::optional<bool> equal(const Value& a, const Value& b);
// `[0]` or `["eu"]` for an instance key.
std::string instance_key(const Value& key);
// The text an unknown value contributes to a composed string: "${ref}" for a reference,
// its shape when it has one, nullopt otherwise.
std::optional<std::string> unknown_text(const Value& v);

// Converts `v` to the type expression of a variable (`string`, `list(string)`,
// `object({a = string, b = optional(number, 5)})`...). Returns an error message when
// the value cannot be converted. Unknown parts stay unknown.
// `eval_default` evaluates the default of an optional() attribute.
using EvalDefault = std::function<Value(const hcl::Expression&)>;
bool convert_to_type(Value& v, const hcl::Expression* type, const EvalDefault& eval_default,
                     std::string& error);

}  // namespace cc::terraform
