// aws_sns_topic -> aws.sns.topic, with its inline policy and every aws_sns_topic_policy
// that names the topic joined in.
#include "model/aws_tf/aws_tf.h"
#include "model/aws_tf/common.h"

namespace cc::model::aws_tf {
namespace {

using aws::As;

// Null is how a plan writes an argument that is not set: read it as absent.
const Value* present(const Value* v) { return v && !v->is_null() ? v : nullptr; }

// Topics are stored unencrypted unless a KMS key is named.
void encryption(const AdaptContext& ctx, const Resource& raw, Value& out, const Convert& c) {
  const Value* key = present(tf::attr(raw, "kms_master_key_id"));
  if (!key) return;
  Value set = aws::is_set(*key);
  out.set_path("encryption.enabled", set);
  aws::set_reference(out, "encryption.kms_key", key, c);
  if (!set.is_bool() || set.as_bool())
    out.set_path("encryption.customer_managed_key", customer_managed_key(ctx, *key));
}

// The statements of the topic's inline policy and of every aws_sns_topic_policy naming
// it, merged. One unreadable document makes them all unknown: a rule must not pass on
// the statements it happens to see.
void policy(const AdaptContext& ctx, const Resource& raw, Value& out, const Convert& c) {
  std::vector<const Value*> documents;
  if (const Value* inline_policy = present(tf::attr(raw, "policy")))
    documents.push_back(inline_policy);
  for (const Resource* p : referrers(ctx, "aws_sns_topic_policy", "arn", raw))
    if (const Value* document = present(tf::attr(*p, "policy"))) documents.push_back(document);
  if (documents.empty()) {
    // A topic policy whose topic cannot be resolved may be this topic's.
    if (has_unresolved_referrer(ctx, "aws_sns_topic_policy", "arn"))
      out.set_path(
          "policy.statements",
          Value::unknown("a topic policy names a topic that cannot be resolved", raw.span));
    return;
  }
  List statements;
  for (const Value* document : documents) {
    Value normalized = policy_document(ctx, *document, c);
    const Value* list = normalized.is_map() ? present(normalized.find("statements")) : nullptr;
    if (!list || !list->is_list()) {
      out.set_path("policy.statements", list ? *list : normalized);
      return;
    }
    for (const auto& st : list->as_list()) statements.push_back(st);
  }
  out.set_path("policy.statements", Value::list(std::move(statements), documents.front()->span()));
}

Resource adapt_topic(const AdaptContext& ctx, const Resource& raw, const Convert& c) {
  Resource r = make_named(raw, "aws.sns.topic", "name");
  Value& out = r.attributes;
  copy_attrs(raw, out, {{"fifo_topic", "fifo", As::Bool}}, c);
  encryption(ctx, raw, out, c);
  policy(ctx, raw, out, c);
  set_tags(raw, out, c);
  return r;
}

}  // namespace

void adapt_sns(AdaptContext& ctx) {
  Convert c{ctx.diags};
  for (const Resource* raw : tf::resources_of_type(ctx.doc, "aws_sns_topic"))
    ctx.out.push_back(adapt_topic(ctx, *raw, c));
}

}  // namespace cc::model::aws_tf
