#pragma once
// Helpers shared by the adapters of the data, compute-edge and governance services:
// joining a resource with the resources pointing at it (a queue and its queue policy,
// a function and its URL, a backup plan and its selections), classifying KMS key
// references, and copying plain properties into canonical fields.
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/aws/common.h"

namespace cc::model::aws {

// True when `v`, a scalar or a list of scalars, refers to `target` (see refers_to).
bool mentions(const Value& v, const Resource& target, std::string_view physical = {});

// Raw resources of `cfn_type` whose property at `dotted` mentions `target`, in source
// order. Used to find the policies, URLs and selections attached to a resource.
std::vector<const Resource*> referrers(const AdaptContext& ctx, std::string_view cfn_type,
                                       std::string_view dotted, const Resource& target,
                                       std::string_view physical = {});

// The statements of every referrer's policy document (property `document_property`)
// merged into one {statements: list<iam.statement>}; absent (nullopt) when there is
// no referrer, so the schema default (no statements) applies.
std::optional<Value> joined_policy(const std::vector<const Resource*>& policies,
                                   std::string_view document_property, const Convert& c);

// Whether a KMS key property names a customer managed key: a key or alias declared
// in the template, or a known id/ARN/alias other than an AWS managed "alias/aws/..."
// alias -> true; an empty string or an AWS managed alias -> false; a parameter or
// another unresolvable value -> unknown. The result carries the span of `key`.
Value customer_managed_key(const AdaptContext& ctx, const Value& key);

// Whether a Lambda runtime identifier is past its deprecation date (no more security
// patches): true or false carrying the runtime's span; unknown when it is not a known
// string. Shared by every source format that declares functions.
Value deprecated_runtime(const Value& runtime);

// Whether `text` matches `pattern`, where "*" stands for any run of characters (ECR
// repository filters of registry scanning rules).
bool wildcard_match(std::string_view pattern, std::string_view text);

// make_canonical, plus the display name as the `name` attribute so rules and messages
// can read it (`{{resource.name}}`), spanning the physical-name property when set.
Resource make_named(const Resource& raw, std::string kind, std::string_view name_property = {});

// How copy_fields converts a property.
enum class As { Bool, Number, String, StringList };

struct FieldMap {
  std::string_view property;  // CloudFormation property path inside Properties
  std::string_view field;     // canonical dotted path
  As as;
};

// Copies each listed property that is present into `out`, converted as named; absent
// properties stay absent so schema defaults apply.
void copy_fields(const Resource& raw, Value& out, std::initializer_list<FieldMap> fields,
                 const Convert& c);

// A known string property's text, or "" (absent, unknown or not a string).
std::string_view known_string(const Value* v);

}  // namespace cc::model::aws
