// AWS::SQS::Queue -> aws.sqs.queue, with the statements of every AWS::SQS::QueuePolicy
// and AWS::SQS::QueueInlinePolicy that names the queue joined in.
#include "model/aws/aws.h"
#include "model/aws/common.h"
#include "model/aws/util2.h"

namespace cc::model::aws {
namespace {

// A KMS key takes precedence over the SQS managed keys (the two are exclusive); with
// neither set the service encrypts new queues with its own keys by default, which the
// schema default records.
void encryption(const AdaptContext& ctx, const Resource& raw, Value& out, const Convert& c) {
  if (const Value* key = property(raw, "KmsMasterKeyId")) {
    Value set = is_set(*key);
    // An empty key id names no key: the SQS managed setting (or its default) decides.
    if (!set.is_bool() || set.as_bool()) {
      out.set_path("encryption.enabled", set);
      out.set_path("encryption.kms_key", to_string(*key, c));
      out.set_path("encryption.type", Value::string("kms", key->span()));
      out.set_path("encryption.customer_managed_key", customer_managed_key(ctx, *key));
      return;
    }
  }
  if (const Value* managed = property(raw, "SqsManagedSseEnabled")) {
    Value on = to_bool(*managed, c);
    out.set_path("encryption.enabled", on);
    if (on.is_bool() && on.as_bool())
      out.set_path("encryption.type", Value::string("sqs", managed->span()));
  }
}

Resource adapt_queue(const AdaptContext& ctx, const Resource& raw, const Convert& c) {
  Resource r = make_named(raw, "aws.sqs.queue", "QueueName");
  Value& out = r.attributes;
  copy_fields(raw, out,
              {{"FifoQueue", "fifo", As::Bool},
               {"MessageRetentionPeriod", "message_retention_seconds", As::Number}},
              c);
  encryption(ctx, raw, out, c);
  if (const Value* dlq = property(raw, "RedrivePolicy.deadLetterTargetArn"))
    out.set_path("dead_letter.configured", is_set(*dlq));
  std::string name = physical_name(raw, "QueueName");
  auto policies = referrers(ctx, "AWS::SQS::QueuePolicy", "Queues", raw, name);
  for (const Resource* p : referrers(ctx, "AWS::SQS::QueueInlinePolicy", "Queue", raw, name))
    policies.push_back(p);
  if (auto policy = joined_policy(policies, "PolicyDocument", c)) out.set("policy", *policy);
  if (const Value* tags = property(raw, "Tags")) out.set("tags", tags_map(*tags, c));
  return r;
}

}  // namespace

void adapt_sqs(AdaptContext& ctx) {
  Convert c{ctx.diags};
  for (const Resource* raw : resources_of_type(ctx, "AWS::SQS::Queue"))
    ctx.out.push_back(adapt_queue(ctx, *raw, c));
}

}  // namespace cc::model::aws
