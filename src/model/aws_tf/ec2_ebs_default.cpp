// aws_ebs_encryption_by_default (+ aws_ebs_default_kms_key) ->
// aws.ec2.ebs_encryption_default: the region-wide switch that encrypts every new volume.
#include <utility>

#include "model/aws_tf/ec2_parts.h"

namespace cc::model::aws_tf::ec2 {

void adapt_ebs_encryption_default(AdaptContext& ctx, const Convert& c) {
  auto keys = tf::resources_of_type(ctx, "aws_ebs_default_kms_key");
  for (const Resource* raw : tf::resources_of_type(ctx, "aws_ebs_encryption_by_default")) {
    Resource r = make_named(*raw, "aws.ec2.ebs_encryption_default");
    Value& a = r.attributes;
    // The resource exists to turn the setting on: `enabled` defaults to true.
    copy_attrs(*raw, a, {{"enabled", "enabled", aws::As::Bool}}, c);
    // One default key per region: the configuration's aws_ebs_default_kms_key, if any.
    if (!keys.empty()) {
      if (const Value* key = keys.back()->attributes.find("key_arn"); key && !key->is_null()) {
        a.set("kms_key", aws::to_reference_string(*key, c));
        a.set("customer_managed_key", customer_managed_key(ctx, *key));
      }
    }
    ctx.out.push_back(std::move(r));
  }
}

}  // namespace cc::model::aws_tf::ec2
