// AWS::DynamoDB::Table and AWS::DynamoDB::GlobalTable -> aws.dynamodb.table.
#include "model/aws/aws.h"
#include "model/aws/common.h"
#include "model/aws/util2.h"

namespace cc::model::aws {
namespace {

// SSEEnabled true means a KMS key protects the table: the customer's own when
// KMSMasterKeyId names one, else the AWS managed aws/dynamodb key. Unset or false
// leaves the AWS owned key, which the customer can neither see nor control.
void encryption(const AdaptContext& ctx, const Value* sse, const Value* key, Value& out,
                const Convert& c) {
  if (!sse) return;
  const Value* enabled = sse->find("SSEEnabled");
  set_bool(out, "encryption.kms", enabled, c);
  if (key) set_string(out, "encryption.kms_key", key, c);
  if (!enabled) return;
  Value on = to_bool(*enabled, c);
  if (on.is_unknown()) {
    out.set_path("encryption.customer_managed_key", on);
  } else if (on.as_bool()) {
    out.set_path("encryption.customer_managed_key",
                 key ? customer_managed_key(ctx, *key) : Value::boolean(false, enabled->span()));
  }
}

Resource adapt_table(const AdaptContext& ctx, const Resource& raw, const Convert& c) {
  Resource r = make_named(raw, "aws.dynamodb.table", "TableName");
  Value& out = r.attributes;
  copy_fields(raw, out,
              {{"BillingMode", "billing_mode", As::String},
               {"PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled",
                "point_in_time_recovery", As::Bool},
               {"DeletionProtectionEnabled", "deletion_protection", As::Bool}},
              c);
  const Value* sse = property(raw, "SSESpecification");
  encryption(ctx, sse, sse ? sse->find("KMSMasterKeyId") : nullptr, out, c);
  if (const Value* tags = property(raw, "Tags")) out.set("tags", tags_map(*tags, c));
  return r;
}

// A global table is only as protected as its weakest replica: a setting holds when
// every replica has it, fails when one lacks it, and is unknown otherwise.
Value every_replica(const Value& replicas, std::string_view dotted, Span fallback,
                    const Convert& c) {
  bool unknown = false;
  for (const auto& replica : replicas.as_list()) {
    const Value* v = replica.at_path(dotted);
    if (!v) return Value::boolean(false, replica.span().known() ? replica.span() : fallback);
    Value b = to_bool(*v, c);
    if (b.is_unknown()) {
      unknown = true;
    } else if (!b.as_bool()) {
      return b;
    }
  }
  if (unknown) return Value::unknown("a replica's setting is unknown", replicas.span());
  return Value::boolean(true, replicas.span());
}

Resource adapt_global_table(const AdaptContext& ctx, const Resource& raw, const Convert& c) {
  Resource r = make_named(raw, "aws.dynamodb.table", "TableName");
  Value& out = r.attributes;
  set_string(out, "billing_mode", property(raw, "BillingMode"), c);
  const Value* replicas = property(raw, "Replicas");
  const Value* key = nullptr;
  if (replicas && replicas->is_unknown()) {
    out.set("point_in_time_recovery", *replicas);
    out.set("deletion_protection", *replicas);
  } else if (replicas && replicas->is_list() && !replicas->as_list().empty()) {
    out.set("point_in_time_recovery",
            every_replica(*replicas, "PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled",
                          raw.span, c));
    out.set("deletion_protection",
            every_replica(*replicas, "DeletionProtectionEnabled", raw.span, c));
    // The key is chosen per replica; the first replica's choice stands for the table.
    key = replicas->as_list().front().at_path("SSESpecification.KMSMasterKeyId");
    if (const Value* tags = replicas->as_list().front().find("Tags"))
      out.set("tags", tags_map(*tags, c));
  } else if (replicas) {
    c.type_warning(*replicas, "a list of replicas");
  }
  encryption(ctx, property(raw, "SSESpecification"), key, out, c);
  out.set("global", Value::boolean(true, raw.span));
  return r;
}

}  // namespace

void adapt_dynamodb(AdaptContext& ctx) {
  Convert c{ctx.diags};
  for (const Resource* raw : resources_of_type(ctx, "AWS::DynamoDB::Table"))
    ctx.out.push_back(adapt_table(ctx, *raw, c));
  for (const Resource* raw : resources_of_type(ctx, "AWS::DynamoDB::GlobalTable"))
    ctx.out.push_back(adapt_global_table(ctx, *raw, c));
}

}  // namespace cc::model::aws
