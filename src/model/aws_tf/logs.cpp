// aws_cloudwatch_log_group (+ aws_cloudwatch_log_data_protection_policy) ->
// aws.logs.log_group.
#include <utility>

#include "model/aws_tf/aws_tf.h"
#include "model/aws_tf/common.h"

namespace cc::model::aws_tf {

void adapt_logs(AdaptContext& ctx) {
  Convert c{ctx.diags};
  for (const Resource* raw : tf::resources_of_type(ctx, "aws_cloudwatch_log_group")) {
    Resource r = make_named(*raw, "aws.logs.log_group", "name");
    Value& a = r.attributes;
    // retention_in_days = 0 is the provider's spelling of "never expire", which the
    // canonical kind expresses by leaving retention_days absent.
    if (const Value* days = raw->attributes.find("retention_in_days");
        days && !days->is_null() && !(days->is_number() && days->as_number() == 0))
      aws::set_number(a, "retention_days", days, c);
    if (const Value* key = raw->attributes.find("kms_key_id"); key && !key->is_null()) {
      a.set("kms_key", aws::to_reference_string(*key, c));
      a.set("encrypted_with_kms", aws::is_set(*key));
    }
    copy_attrs(*raw, a, {{"log_group_class", "log_group_class", aws::As::String}}, c);
    auto protection = referrers(ctx, "aws_cloudwatch_log_data_protection_policy", "log_group_name",
                                *raw, known_string(*raw, "name"));
    if (!protection.empty())
      a.set("data_protection", Value::boolean(true, protection.front()->span));
    set_tags(*raw, a, c);
    ctx.out.push_back(std::move(r));
  }
}

}  // namespace cc::model::aws_tf
