#pragma once
// Helpers the Terraform AWS adapters share: canonical resources named after a known
// argument, joining sub-resources to their parent (aws_s3_bucket_versioning to its
// bucket, aws_iam_role_policy to its role), copying arguments into canonical fields,
// tags, KMS key classification, and IAM policy documents in whatever form Terraform
// gives them (JSON text, jsonencode() with references, data.aws_iam_policy_document).
//
// The conversions themselves (to_bool, to_string, normalize_policy, tags_map, ...) are
// the CloudFormation adapters' own (model/aws/common.h): Terraform values are read the
// same way once located, and both sources must produce identical canonical values.
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "model/aws/common.h"
#include "model/aws/util2.h"
#include "model/base/terraform.h"

namespace cc::model::aws_tf {

using aws::Convert;

// ---- canonical resources ------------------------------------------------------------

// tf::make_canonical plus the `name` attribute: the known string of `name_attr` (with
// its span) when set, else the address (spanning the resource).
Resource make_named(const Resource& raw, std::string kind, std::string_view name_attr = {});

// `v` when the argument is set, nullptr when it is absent or null: null is how a plan
// writes an argument that is not set, so it reads as absent.
inline const Value* present(const Value* v) { return v && !v->is_null() ? v : nullptr; }

// The known, non-empty string value of an argument, or "".
std::string known_string(const Resource& raw, std::string_view dotted);

// ---- joins ------------------------------------------------------------------------------

// Resources of `type` whose argument `attr` (a scalar or a list) points at `target`:
// an unknown referencing its address, or a known string equal to `known_name`.
std::vector<const Resource*> referrers(const AdaptContext& ctx, std::string_view type,
                                       std::string_view attr, const Resource& target,
                                       std::string_view known_name = {});

// True when some resource of `type` has an argument `attr` whose value cannot be tied to
// any resource (an unknown without a reference, e.g. a variable without default): it may
// name `target`, so a fact the join would establish is unknown rather than absent.
bool has_unresolved_referrer(const AdaptContext& ctx, std::string_view type, std::string_view attr);

// ---- arguments -> canonical fields ----------------------------------------------------

struct AttrMap {
  std::string_view attr;   // Terraform argument path ("metadata_options.http_tokens")
  std::string_view field;  // canonical dotted path
  aws::As as;
};

// Copies each listed argument that is present into `out`, converted as named; absent
// arguments stay absent so schema defaults apply.
void copy_attrs(const Resource& raw, Value& out, std::initializer_list<AttrMap> fields,
                const Convert& c);

// `tags` as a canonical map<string>, set only when the resource has tags.
void set_tags(const Resource& raw, Value& out, const Convert& c);

// Whether a KMS key argument names a customer managed key: a reference to an aws_kms_key
// or aws_kms_alias (resource or data source), or a known id/ARN/alias other than an AWS
// managed "alias/aws/..." -> true; an empty string or an AWS managed alias -> false;
// anything unresolvable (a variable without value) -> unknown. Carries the key's span.
Value customer_managed_key(const AdaptContext& ctx, const Value& key);

// ---- IAM policy documents ---------------------------------------------------------------

// `policy.statements` of a resource with an inline `policy` argument that separate
// `policy_type` resources can also attach to it through their `link_attr` (a topic and
// its aws_sns_topic_policy, a queue and its aws_sqs_queue_policy): every document's
// statements merged. One unreadable document makes them all unknown, since a rule must
// not pass on the statements it happens to see; with no document, a policy resource whose
// link cannot be resolved may be this resource's, so the statements are unknown with
// `unresolved_reason`.
void merge_policies(const AdaptContext& ctx, const Resource& raw, std::string_view policy_type,
                    std::string_view link_attr, std::string_view unresolved_reason, Value& out,
                    const Convert& c);

// A policy argument as {statements: list<iam.statement>}: JSON text (heredoc, file
// contents, a known jsonencode result), an unknown whose shape is jsonencode'd JSON with
// "${reference}" strings, or a reference to data.aws_iam_policy_document.NAME.json (or
// .minified_json) resolved from that data source. Anything else unresolvable is unknown.
Value policy_document(const AdaptContext& ctx, const Value& policy, const Convert& c,
                      int depth = 0);

// The statements of a data.aws_iam_policy_document, as {statements: list<iam.statement>}
// (defined in iam_policy_document.cpp). `depth` guards source_policy_documents chains.
Value policy_document_data(const AdaptContext& ctx, const Resource& data, const Convert& c,
                           int depth = 0);

}  // namespace cc::model::aws_tf
