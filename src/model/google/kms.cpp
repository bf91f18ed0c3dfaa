// google_kms_key_ring -> gcp.kms.key_ring and google_kms_crypto_key -> gcp.kms.crypto_key,
// each with the grants of its IAM resources joined in.
#include "model/base/terraform.h"
#include "model/google/adapters.h"
#include "model/google/common.h"
#include "model/google/iam_bindings.h"

namespace cc::model::google {

namespace {

void adapt_key_ring(AdaptContext& ctx, const Resource& raw) {
  Resource out = tf::make_canonical(raw, "gcp.kms.key_ring", "name");
  Value& a = out.attributes;
  copy_attr(raw, "name", a, "name");
  copy_attr(raw, "location", a, "location");
  join_iam(ctx, raw, {}, "google_kms_key_ring", "key_ring_id", a);
  ctx.out.push_back(std::move(out));
}

// Grants on a key ring apply to every key in it: a ring of the configuration that is
// public makes its keys public too.
void inherit_ring_grants(const AdaptContext& ctx, const Resource& key, Value& a) {
  const Value* ring_ref = key.attributes.find("key_ring");
  const Resource* ring = ring_ref ? tf::referenced(ctx, *ring_ref, "google_kms_key_ring") : nullptr;
  if (!ring) return;
  Value ring_facts = Value::map();
  join_iam(ctx, *ring, {}, "google_kms_key_ring", "key_ring_id", ring_facts);
  const Value* ring_public = ring_facts.find("public_access");
  if (!ring_public) return;
  // Three-valued "or": a public grant on either side decides; an unknown one leaves the
  // answer open unless the other side is public.
  const Value* own = a.find("public_access");
  bool own_public = own && own->is_bool() && own->as_bool();
  bool ring_is_public = ring_public->is_bool() && ring_public->as_bool();
  if (own_public) return;
  if (ring_is_public || !own || ring_public->is_unknown()) a.set("public_access", *ring_public);
}

void adapt_crypto_key(AdaptContext& ctx, const Resource& raw) {
  Resource out = tf::make_canonical(raw, "gcp.kms.crypto_key", "name");
  Value& a = out.attributes;
  copy_attr(raw, "name", a, "name");
  if (const Value* ring = raw.attributes.find("key_ring"); ring && !ring->is_null())
    a.set("key_ring", named_or_unknown(*ring));
  copy_attr(raw, "purpose", a, "purpose");
  copy_duration_days(raw, "rotation_period", a, "rotation_period_days");
  copy_duration_days(raw, "destroy_scheduled_duration", a, "destroy_scheduled_days");
  copy_attr(raw, "version_template.protection_level", a, "protection_level");
  copy_attr(raw, "version_template.algorithm", a, "algorithm");
  copy_bool(raw, "import_only", a, "import_only");
  copy_attr(raw, "labels", a, "labels");
  join_iam(ctx, raw, {}, "google_kms_crypto_key", "crypto_key_id", a);
  inherit_ring_grants(ctx, raw, a);
  ctx.out.push_back(std::move(out));
}

}  // namespace

void adapt_kms(AdaptContext& ctx) {
  for (const Resource* raw : tf::resources_of_type(ctx, "google_kms_key_ring"))
    adapt_key_ring(ctx, *raw);
  for (const Resource* raw : tf::resources_of_type(ctx, "google_kms_crypto_key"))
    adapt_crypto_key(ctx, *raw);
}

}  // namespace cc::model::google
