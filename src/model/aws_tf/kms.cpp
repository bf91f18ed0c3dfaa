// aws_kms_key (+ aws_kms_key_policy, aws_kms_alias) -> aws.kms.key.
#include <utility>

#include "model/aws_tf/aws_tf.h"
#include "model/aws_tf/common.h"

namespace cc::model::aws_tf {

void adapt_kms(AdaptContext& ctx) {
  Convert c{ctx.diags};
  for (const Resource* raw : tf::resources_of_type(ctx, "aws_kms_key")) {
    Resource r = make_named(*raw, "aws.kms.key");
    Value& a = r.attributes;
    // Keys have no name of their own; people know them by their alias.
    for (const Resource* alias : tf::resources_of_type(ctx, "aws_kms_alias")) {
      const Value* target = alias->attributes.find("target_key_id");
      const Value* name = alias->attributes.find("name");
      if (target && name && name->is_string() && tf::refers_to(*target, *raw)) {
        r.name = name->as_string();
        a.set("name", *name);
        break;
      }
    }
    copy_attrs(*raw, a,
               {{"description", "description", aws::As::String},
                {"is_enabled", "enabled", aws::As::Bool},
                {"enable_key_rotation", "rotation_enabled", aws::As::Bool},
                {"rotation_period_in_days", "rotation_period_days", aws::As::Number},
                {"customer_master_key_spec", "key_spec", aws::As::String},
                {"key_usage", "key_usage", aws::As::String},
                {"multi_region", "multi_region", aws::As::Bool},
                {"deletion_window_in_days", "pending_window_days", aws::As::Number}},
               c);
    // A separate aws_kms_key_policy replaces the key's own policy argument.
    const Value* policy = raw->attributes.find("policy");
    auto policies = referrers(ctx, "aws_kms_key_policy", "key_id", *raw);
    if (!policies.empty()) policy = policies.back()->attributes.find("policy");
    if (policy && !policy->is_null()) a.set("policy", policy_document(ctx, *policy, c));
    set_tags(*raw, a, c);
    ctx.out.push_back(std::move(r));
  }
}

}  // namespace cc::model::aws_tf
