// google_storage_bucket -> gcp.storage.bucket, with the bucket's IAM resources joined in.
#include "model/base/terraform.h"
#include "model/google/adapters.h"
#include "model/google/common.h"
#include "model/google/iam_bindings.h"

namespace cc::model::google {

namespace {

void adapt_bucket(AdaptContext& ctx, const Resource& raw) {
  Resource out = tf::make_canonical(raw, "gcp.storage.bucket", "name");
  Value& a = out.attributes;
  copy_attr(raw, "name", a, "name");
  copy_attr(raw, "location", a, "location");
  // bucket_policy_only is the name the provider used before version 4.
  copy_bool(raw, "bucket_policy_only", a, "uniform_bucket_level_access");
  copy_bool(raw, "uniform_bucket_level_access", a, "uniform_bucket_level_access");
  copy_attr(raw, "public_access_prevention", a, "public_access_prevention");
  copy_bool(raw, "force_destroy", a, "force_destroy");
  copy_bool(raw, "versioning.enabled", a, "versioning.enabled");
  if (const Value* logging = tf::first_block(raw, "logging")) {
    if (logging->is_unknown()) {
      a.set_path("logging.enabled", *logging);
    } else {
      set_bool(a, "logging.enabled", true, logging->span());
      copy_attr(raw, "logging.log_bucket", a, "logging.log_bucket");
    }
  }
  customer_key(tf::attr(raw, "encryption.default_kms_key_name"), a);
  if (const Value* rp = tf::first_block(raw, "retention_policy"); rp && !rp->is_unknown()) {
    if (const Value* secs = rp->find("retention_period"); secs && !secs->is_null()) {
      if (secs->is_number())
        a.set_path("retention_policy.retention_days",
                   Value::number(secs->as_number() / 86400.0, secs->span()));
      else if (secs->is_string() && duration_days(secs->as_string() + "s"))
        a.set_path("retention_policy.retention_days",
                   Value::number(*duration_days(secs->as_string() + "s"), secs->span()));
      else
        a.set_path("retention_policy.retention_days",
                   Value::unknown("retention period not known", secs->span()));
    }
    copy_bool(raw, "retention_policy.is_locked", a, "retention_policy.locked");
  }
  copy_attr(raw, "labels", a, "labels");
  join_iam(ctx, raw, str_of(raw.attributes.find("name")), "google_storage_bucket", "bucket", a);
  ctx.out.push_back(std::move(out));
}

}  // namespace

void adapt_storage(AdaptContext& ctx) {
  for (const Resource* raw : tf::resources_of_type(ctx, "google_storage_bucket"))
    adapt_bucket(ctx, *raw);
}

}  // namespace cc::model::google
