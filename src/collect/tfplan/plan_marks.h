#pragma once
// Applies a plan's per-attribute markers to a resource's values: after_unknown (the
// value is decided only when applying) and after_sensitive / sensitive_values (the
// value is secret). Internal to the plan reader.
#include <string>
#include <string_view>

#include "core/value.h"

namespace cc::collect::tfplan {

// Where the unknown values of one resource take their references from: the resource's
// `expressions` in the plan's configuration (nullptr when absent), and the module
// path that turns module-relative references into addresses ("module.net." or "").
struct ReferenceSource {
  const Value* expressions = nullptr;
  std::string module_prefix;
};

// Every `true` in `marker` (a tree shaped like `values`) replaces the value at the same
// place in `values` with an unknown ("known after apply"), whose ref is the first
// resource attribute the configuration expression for that place refers to.
void apply_unknown_marks(Value& values, const Value& marker, const ReferenceSource& refs);

// Every `true` in `marker` whose place in `values` is absent becomes an unknown with
// reason "sensitive"; sensitive values that are present stay as given.
void apply_sensitive_marks(Value& values, const Value& marker);

// The first reference in a configuration expression's "references" that names a
// resource or data source attribute ("aws_kms_key.k.arn", "data.x.y.json"), with
// `module_prefix` put before it; "" when there is none.
std::string resource_reference(const Value& expression, std::string_view module_prefix);

}  // namespace cc::collect::tfplan
