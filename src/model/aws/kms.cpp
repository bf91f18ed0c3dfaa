// AWS::KMS::Key -> aws.kms.key.
#include "model/aws/aws.h"
#include "model/aws/common.h"

namespace cc::model::aws {

void adapt_kms(AdaptContext& ctx) {
  Convert c{ctx.diags};
  for (const Resource* raw : resources_of_type(ctx, "AWS::KMS::Key")) {
    Resource r = make_canonical(*raw, "aws.kms.key");
    Value& a = r.attributes;
    a.set("name", Value::string(raw->address, raw->span));
    // Keys have no name of their own; people know them by their alias.
    for (const Resource* alias : resources_of_type(ctx, "AWS::KMS::Alias")) {
      const Value* target = property(*alias, "TargetKeyId");
      const Value* name = property(*alias, "AliasName");
      if (target && name && name->is_string() && refers_to(*target, *raw)) {
        r.name = name->as_string();
        a.set("name", *name);
        break;
      }
    }
    set_string(a, "description", property(*raw, "Description"), c);
    set_bool(a, "enabled", property(*raw, "Enabled"), c);
    set_bool(a, "rotation_enabled", property(*raw, "EnableKeyRotation"), c);
    set_number(a, "rotation_period_days", property(*raw, "RotationPeriodInDays"), c);
    set_string(a, "key_spec", property(*raw, "KeySpec"), c);
    set_string(a, "key_usage", property(*raw, "KeyUsage"), c);
    set_bool(a, "multi_region", property(*raw, "MultiRegion"), c);
    set_number(a, "pending_window_days", property(*raw, "PendingWindowInDays"), c);
    if (const Value* policy = property(*raw, "KeyPolicy"))
      a.set("policy", normalize_policy(*policy, c));
    if (const Value* tags = property(*raw, "Tags")) a.set("tags", tags_map(*tags, c));
    ctx.out.push_back(std::move(r));
  }
}

}  // namespace cc::model::aws
