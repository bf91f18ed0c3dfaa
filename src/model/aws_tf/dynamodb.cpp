// aws_dynamodb_table -> aws.dynamodb.table (a table with replica blocks is a global table).
#include "model/aws_tf/aws_tf.h"
#include "model/aws_tf/common.h"

namespace cc::model::aws_tf {
namespace {

using aws::As;

// server_side_encryption.enabled true means a KMS key protects the table: the
// customer's own when kms_key_arn names one, else the AWS managed aws/dynamodb key.
// Without the block (or with enabled false) the AWS owned key is used, which the
// customer can neither see nor control.
void encryption(const AdaptContext& ctx, const Resource& raw, Value& out, const Convert& c) {
  const Value* sse = tf::first_block(raw, "server_side_encryption");
  if (!sse) return;
  if (sse->is_unknown()) {
    out.set_path("encryption.kms", *sse);
    out.set_path("encryption.customer_managed_key", *sse);
    return;
  }
  const Value* enabled = present(sse->find("enabled"));
  const Value* key = present(sse->find("kms_key_arn"));
  if (key && key->is_string() && key->as_string().empty()) key = nullptr;
  if (key) aws::set_reference(out, "encryption.kms_key", key, c);
  if (!enabled) return;
  Value on = aws::to_bool(*enabled, c);
  out.set_path("encryption.kms", on);
  if (on.is_unknown())
    out.set_path("encryption.customer_managed_key", on);
  else if (on.as_bool())
    out.set_path("encryption.customer_managed_key",
                 key ? customer_managed_key(ctx, *key) : Value::boolean(false, enabled->span()));
}

// A global table's recovery window is only as good as its weakest replica: each replica
// turns point-in-time recovery on by its own argument, off by default.
Value replicas_recover(const std::vector<const Value*>& replicas, const Convert& c) {
  bool unknown = false;
  for (const Value* replica : replicas) {
    if (replica->is_unknown()) {
      unknown = true;
      continue;
    }
    const Value* pitr = present(replica->find("point_in_time_recovery"));
    if (!pitr) return Value::boolean(false, replica->span());
    Value on = aws::to_bool(*pitr, c);
    if (on.is_unknown())
      unknown = true;
    else if (!on.as_bool())
      return on;
  }
  if (unknown)
    return Value::unknown("a replica's point-in-time recovery is unknown",
                          replicas.front()->span());
  return Value::boolean(true, replicas.front()->span());
}

Resource adapt_table(const AdaptContext& ctx, const Resource& raw, const Convert& c) {
  Resource r = make_named(raw, "aws.dynamodb.table", "name");
  Value& out = r.attributes;
  copy_attrs(raw, out,
             {{"billing_mode", "billing_mode", As::String},
              {"point_in_time_recovery.enabled", "point_in_time_recovery", As::Bool},
              {"deletion_protection_enabled", "deletion_protection", As::Bool}},
             c);
  encryption(ctx, raw, out, c);
  auto replicas = tf::blocks(raw, "replica");
  if (!replicas.empty()) {
    out.set("global", Value::boolean(true, replicas.front()->span()));
    const Value* table_pitr = out.find("point_in_time_recovery");
    // The table's own setting must hold too; only when it does can a replica decide.
    if (table_pitr && table_pitr->is_bool() && table_pitr->as_bool())
      out.set("point_in_time_recovery", replicas_recover(replicas, c));
  }
  set_tags(raw, out, c);
  return r;
}

}  // namespace

void adapt_dynamodb(AdaptContext& ctx) {
  Convert c{ctx.diags};
  for (const Resource* raw : tf::resources_of_type(ctx, "aws_dynamodb_table"))
    ctx.out.push_back(adapt_table(ctx, *raw, c));
}

}  // namespace cc::model::aws_tf
