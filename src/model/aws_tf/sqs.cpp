// aws_sqs_queue -> aws.sqs.queue, with its inline policy, every aws_sqs_queue_policy and
// aws_sqs_queue_redrive_policy that names the queue joined in.
#include "model/aws_tf/aws_tf.h"
#include "model/aws_tf/common.h"

namespace cc::model::aws_tf {
namespace {

using aws::As;

// Null is how a plan writes an argument that is not set: read it as absent.
const Value* present(const Value* v) { return v && !v->is_null() ? v : nullptr; }

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

// The statements of the queue's inline policy and of every aws_sqs_queue_policy naming
// it, merged. One unreadable document makes them all unknown: a rule must not pass on
// the statements it happens to see.
void policy(const AdaptContext& ctx, const Resource& raw, Value& out, const Convert& c) {
  std::vector<const Value*> documents;
  if (const Value* inline_policy = present(tf::attr(raw, "policy")))
    documents.push_back(inline_policy);
  for (const Resource* p : referrers(ctx, "aws_sqs_queue_policy", "queue_url", raw))
    if (const Value* document = present(tf::attr(*p, "policy"))) documents.push_back(document);
  if (documents.empty()) {
    // A queue policy whose queue_url cannot be resolved may be this queue's.
    if (has_unresolved_referrer(ctx, "aws_sqs_queue_policy", "queue_url"))
      out.set_path(
          "policy.statements",
          Value::unknown("a queue policy names a queue that cannot be resolved", raw.span));
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
  policy(ctx, raw, out, c);
  set_tags(raw, out, c);
  return r;
}

}  // namespace

void adapt_sqs(AdaptContext& ctx) {
  Convert c{ctx.diags};
  for (const Resource* raw : tf::resources_of_type(ctx.doc, "aws_sqs_queue"))
    ctx.out.push_back(adapt_queue(ctx, *raw, c));
}

}  // namespace cc::model::aws_tf
