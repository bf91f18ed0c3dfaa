// aws_sqs_queue -> aws.sqs.queue, with its inline policy, every aws_sqs_queue_policy and
// aws_sqs_queue_redrive_policy that names the queue joined in.
#include "model/aws_tf/aws_tf.h"
#include "model/aws_tf/common.h"

namespace cc::model::aws_tf {
namespace {

using aws::As;

// A KMS key takes precedence over the SQS managed keys (the two are exclusive); with
// neither set the service encrypts new queues with its own keys by default, which the
// schema default records.
void encryption(const AdaptContext& ctx, const Resource& raw, Value& out, const Convert& c) {
  if (const Value* key = present(tf::attr(raw, "kms_master_key_id")); key) {
    Value set = aws::is_set(*key);
    // An empty key id names no key: the SQS managed setting (or its default) decides.
    if (!set.is_bool() || set.as_bool()) {
      out.set_path("encryption.enabled", set);
      aws::set_reference(out, "encryption.kms_key", key, c);
      out.set_path("encryption.type", Value::string("kms", key->span()));
      out.set_path("encryption.customer_managed_key", customer_managed_key(ctx, *key));
      return;
    }
  }
  if (const Value* managed = present(tf::attr(raw, "sqs_managed_sse_enabled")); managed) {
    Value on = aws::to_bool(*managed, c);
    out.set_path("encryption.enabled", on);
    if (on.is_bool() && on.as_bool())
      out.set_path("encryption.type", Value::string("sqs", managed->span()));
  }
}

// A redrive policy is JSON text naming the dead-letter queue; jsonencode() with a
// reference to the other queue gives an unknown whose shape still names it.
Value dead_letter_configured(const Value& policy) {
  if (policy.is_string())
    return Value::boolean(policy.as_string().find("deadLetterTargetArn") != std::string::npos,
                          policy.span());
  if (policy.is_unknown() && !policy.as_unknown().shape.empty())
    return Value::boolean(
        policy.as_unknown().shape.find("deadLetterTargetArn") != std::string::npos, policy.span());
  return Value::unknown("the redrive policy cannot be read", policy.span(),
                        std::string(tf::ref_of(policy)));
}

Resource adapt_queue(const AdaptContext& ctx, const Resource& raw, const Convert& c) {
  Resource r = make_named(raw, "aws.sqs.queue", "name");
  Value& out = r.attributes;
  copy_attrs(raw, out,
             {{"fifo_queue", "fifo", As::Bool},
              {"message_retention_seconds", "message_retention_seconds", As::Number}},
             c);
  encryption(ctx, raw, out, c);
  const Value* redrive = present(tf::attr(raw, "redrive_policy"));
  if (!redrive || redrive->is_null() || (redrive->is_string() && redrive->as_string().empty())) {
    auto separate = referrers(ctx, "aws_sqs_queue_redrive_policy", "queue_url", raw);
    redrive = separate.empty() ? nullptr : tf::attr(*separate.front(), "redrive_policy");
  }
  if (redrive) out.set_path("dead_letter.configured", dead_letter_configured(*redrive));
  merge_policies(ctx, raw, "aws_sqs_queue_policy", "queue_url",
                 "a queue policy names a queue that cannot be resolved", out, c);
  set_tags(raw, out, c);
  return r;
}

}  // namespace

void adapt_sqs(AdaptContext& ctx) {
  Convert c{ctx.diags};
  for (const Resource* raw : tf::resources_of_type(ctx, "aws_sqs_queue"))
    ctx.out.push_back(adapt_queue(ctx, *raw, c));
}

}  // namespace cc::model::aws_tf
