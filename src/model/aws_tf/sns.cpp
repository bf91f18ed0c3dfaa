// aws_sns_topic -> aws.sns.topic, with its inline policy and every aws_sns_topic_policy
// that names the topic joined in.
#include "model/aws_tf/aws_tf.h"
#include "model/aws_tf/common.h"

namespace cc::model::aws_tf {
namespace {

using aws::As;

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

Resource adapt_topic(const AdaptContext& ctx, const Resource& raw, const Convert& c) {
  Resource r = make_named(raw, "aws.sns.topic", "name");
  Value& out = r.attributes;
  copy_attrs(raw, out, {{"fifo_topic", "fifo", As::Bool}}, c);
  encryption(ctx, raw, out, c);
  merge_policies(ctx, raw, "aws_sns_topic_policy", "arn",
                 "a topic policy names a topic that cannot be resolved", out, c);
  set_tags(raw, out, c);
  return r;
}

}  // namespace

void adapt_sns(AdaptContext& ctx) {
  Convert c{ctx.diags};
  for (const Resource* raw : tf::resources_of_type(ctx, "aws_sns_topic"))
    ctx.out.push_back(adapt_topic(ctx, *raw, c));
}

}  // namespace cc::model::aws_tf
