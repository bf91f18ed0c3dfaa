// AWS::SNS::Topic -> aws.sns.topic, with the statements of every AWS::SNS::TopicPolicy
// and AWS::SNS::TopicInlinePolicy that names the topic joined in.
#include "model/aws/aws.h"
#include "model/aws/common.h"
#include "model/aws/util2.h"

namespace cc::model::aws {
namespace {

Resource adapt_topic(const AdaptContext& ctx, const Resource& raw, const Convert& c) {
  Resource r = make_named(raw, "aws.sns.topic", "TopicName");
  Value& out = r.attributes;
  set_bool(out, "fifo", property(raw, "FifoTopic"), c);
  // Topics are stored unencrypted unless a KMS key is named.
  if (const Value* key = property(raw, "KmsMasterKeyId")) {
    Value set = is_set(*key);
    out.set_path("encryption.enabled", set);
    out.set_path("encryption.kms_key", to_string(*key, c));
    if (!set.is_bool() || set.as_bool())
      out.set_path("encryption.customer_managed_key", customer_managed_key(ctx, *key));
  }
  auto policies = referrers(ctx, "AWS::SNS::TopicPolicy", "Topics", raw);
  for (const Resource* p : referrers(ctx, "AWS::SNS::TopicInlinePolicy", "TopicArn", raw))
    policies.push_back(p);
  if (auto policy = joined_policy(policies, "PolicyDocument", c)) out.set("policy", *policy);
  if (const Value* tags = property(raw, "Tags")) out.set("tags", tags_map(*tags, c));
  return r;
}

}  // namespace

void adapt_sns(AdaptContext& ctx) {
  Convert c{ctx.diags};
  for (const Resource* raw : resources_of_type(ctx, "AWS::SNS::Topic"))
    ctx.out.push_back(adapt_topic(ctx, *raw, c));
}

}  // namespace cc::model::aws
