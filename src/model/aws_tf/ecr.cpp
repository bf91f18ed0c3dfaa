// aws_ecr_repository -> aws.ecr.repository, with its aws_ecr_repository_policy,
// aws_ecr_lifecycle_policy and any aws_ecr_registry_scanning_configuration joined in.
#include "model/aws_tf/aws_tf.h"
#include "model/aws_tf/common.h"

namespace cc::model::aws_tf {
namespace {

using aws::As;

// A registry scanning configuration scans matching repositories on push (or
// continuously, which includes push) whatever the repository says. Returns the filter
// value that matched, or nullptr.
const Value* registry_scan_filter(const AdaptContext& ctx, std::string_view repository) {
  for (const Resource* config :
       tf::resources_of_type(ctx, "aws_ecr_registry_scanning_configuration")) {
    for (const Value* rule : tf::blocks(*config, "rule")) {
      if (!rule->is_map()) continue;
      const Value* frequency = present(rule->find("scan_frequency"));
      if (!frequency || !frequency->is_string()) continue;
      if (frequency->as_string() != "SCAN_ON_PUSH" && frequency->as_string() != "CONTINUOUS_SCAN")
        continue;
      for (const Value* f : tf::blocks(present(rule->find("repository_filter")))) {
        const Value* filter = f->is_map() ? present(f->find("filter")) : nullptr;
        if (!filter || !filter->is_string() || filter->as_string().empty()) continue;
        std::string_view pattern = filter->as_string();
        // Without a known name only a match-everything filter certainly applies.
        if (repository.empty() ? pattern == "*" : aws::wildcard_match(pattern, repository))
          return filter;
      }
    }
  }
  return nullptr;
}

void encryption(const AdaptContext& ctx, const Resource& raw, Value& out, const Convert& c) {
  copy_attrs(raw, out,
             {{"encryption_configuration.encryption_type", "encryption.type", As::String}}, c);
  const Value* key = present(tf::attr(raw, "encryption_configuration.kms_key"));
  if (!key || key->is_null() || (key->is_string() && key->as_string().empty())) return;
  aws::set_reference(out, "encryption.kms_key", key, c);
  // A KMS encrypted repository without a named key uses the AWS managed aws/ecr key.
  out.set_path("encryption.customer_managed_key", customer_managed_key(ctx, *key));
}

// The repository policy of the aws_ecr_repository_policy naming this repository.
void policy(const AdaptContext& ctx, const Resource& raw, Value& out, const Convert& c) {
  std::string name = known_string(raw, "name");
  auto policies = referrers(ctx, "aws_ecr_repository_policy", "repository", raw, name);
  if (policies.empty()) {
    if (has_unresolved_referrer(ctx, "aws_ecr_repository_policy", "repository"))
      out.set_path("policy.statements",
                   Value::unknown("a repository policy names a repository that cannot be resolved",
                                  raw.span));
    return;
  }
  // A repository has one policy; a second resource would replace the first on apply.
  const Value* document = tf::attr(*policies.back(), "policy");
  if (document) out.set("policy", policy_document(ctx, *document, c));
}

Resource adapt_repository(const AdaptContext& ctx, const Resource& raw, const Convert& c) {
  Resource r = make_named(raw, "aws.ecr.repository", "name");
  Value& out = r.attributes;
  copy_attrs(raw, out,
             {{"image_scanning_configuration.scan_on_push", "scan_on_push", As::Bool},
              {"image_tag_mutability", "image_tag_mutability", As::String},
              {"force_delete", "empty_on_delete", As::Bool}},
             c);
  std::string name = known_string(raw, "name");
  if (const Value* filter = registry_scan_filter(ctx, name))
    out.set("scan_on_push", Value::boolean(true, filter->span()));
  encryption(ctx, raw, out, c);
  auto lifecycle = referrers(ctx, "aws_ecr_lifecycle_policy", "repository", raw, name);
  if (!lifecycle.empty())
    out.set("lifecycle_policy",
            aws::is_set(tf::attr(*lifecycle.front(), "policy"), lifecycle.front()->span));
  policy(ctx, raw, out, c);
  set_tags(raw, out, c);
  return r;
}

}  // namespace

void adapt_ecr(AdaptContext& ctx) {
  Convert c{ctx.diags};
  for (const Resource* raw : tf::resources_of_type(ctx, "aws_ecr_repository"))
    ctx.out.push_back(adapt_repository(ctx, *raw, c));
}

}  // namespace cc::model::aws_tf
