#pragma once
// Google Cloud IAM grants in one shape. The provider splits them three ways for every
// target (project, folder, organization, bucket, dataset, key, ...): `_iam_policy`
// replaces the whole policy from a document (usually `data.google_iam_policy`),
// `_iam_binding` owns the members of one role and `_iam_member` adds one member.
// All become bindings {role, members, condition: {title, expression}}; audit
// configurations of a policy document become {service, log_types, exempted_members}.
#include <string_view>

#include "model/base/adapt.h"

namespace cc::model::google {

// What one IAM resource grants. `bindings` and `audit_configs` are lists, or unknown
// when the policy document cannot be read (it comes from outside the configuration).
struct IamContent {
  Value bindings = Value::list();
  Value audit_configs = Value::list();
};

// True for resource types ending in _iam_policy, _iam_binding or _iam_member.
bool is_iam_type(std::string_view type);
// "policy", "binding" or "member" for such a type; "" otherwise.
std::string_view iam_mode(std::string_view type);

// Normalises one raw IAM resource of any target type.
IamContent iam_content(const AdaptContext& ctx, const Resource& raw);

// The audit configuration blocks of a google_iam_policy document or an
// *_iam_audit_config resource ({service, audit_log_config{log_type, exempted_members}}).
Value audit_config_value(const Value& block, std::string_view log_configs_key);

// Collects into `out.iam_bindings` the grants of every IAM resource whose type starts
// with `type_prefix` ("google_storage_bucket_iam") and whose `link_attr` names `parent`
// (by reference or by its configured name `known_name`), and sets `out.public_access`.
// No such resource leaves both fields to their defaults.
void join_iam(const AdaptContext& ctx, const Resource& parent, std::string_view known_name,
              std::string_view type_prefix, std::string_view link_attr, Value& out);

// "allUsers" and "allAuthenticatedUsers": anyone, or anyone with a Google account.
bool is_public_member(std::string_view member);

// True when a binding list grants a public member; unknown when a member or the list
// is unknown and no known member decides; false otherwise.
Value public_access(const Value& bindings, Span span);

}  // namespace cc::model::google
