// AWS::Logs::LogGroup -> aws.logs.log_group.
#include "model/aws/aws.h"
#include "model/aws/common.h"

namespace cc::model::aws {

void adapt_logs(AdaptContext& ctx) {
  Convert c{ctx.diags};
  for (const Resource* raw : resources_of_type(ctx, "AWS::Logs::LogGroup")) {
    Resource r = make_canonical(*raw, "aws.logs.log_group", "LogGroupName");
    Value& a = r.attributes;
    if (const Value* n = property(*raw, "LogGroupName"))
      set_string(a, "name", n, c);
    else
      a.set("name", Value::string(raw->address, raw->span));
    set_number(a, "retention_days", property(*raw, "RetentionInDays"), c);
    if (const Value* key = property(*raw, "KmsKeyId")) {
      set_reference(a, "kms_key", key, c);
      a.set("encrypted_with_kms", is_set(*key));
    }
    set_string(a, "log_group_class", property(*raw, "LogGroupClass"), c);
    if (const Value* dp = property(*raw, "DataProtectionPolicy"))
      a.set("data_protection", is_set(*dp));
    if (const Value* tags = property(*raw, "Tags")) a.set("tags", tags_map(*tags, c));
    ctx.out.push_back(std::move(r));
  }
}

}  // namespace cc::model::aws
