// AWS::Config::ConfigurationRecorder -> aws.config.recorder, with the region's
// AWS::Config::DeliveryChannel joined in (a recorder only records once a channel exists).
#include "model/aws/aws.h"
#include "model/aws/common.h"
#include "model/aws/derive.h"
#include "model/aws/util2.h"

namespace cc::model::aws {
namespace {

// Without a RecordingGroup the recorder covers every supported type (the schema
// default). With one, AllSupported decides; failing that the strategy or an explicit
// type list does.
void recording_group(const Value& group, Value& out, const Convert& c) {
  if (group.is_unknown()) {
    out.set("all_supported", group);
    out.set("include_global", group);
    return;
  }
  set_bool(out, "include_global", group.find("IncludeGlobalResourceTypes"), c);
  set_recording_scope(out, group.find("AllSupported"), group.at_path("RecordingStrategy.UseOnly"),
                      group.find("ResourceTypes"), c);
}

Resource adapt_recorder(const AdaptContext& ctx, const Resource& raw, const Convert& c) {
  Resource r = make_named(raw, "aws.config.recorder", "Name");
  Value& out = r.attributes;
  set_string(out, "role", property(raw, "RoleARN"), c);
  set_string(out, "recording_frequency", property(raw, "RecordingMode.RecordingFrequency"), c);
  if (const Value* group = property(raw, "RecordingGroup")) recording_group(*group, out, c);
  auto channels = resources_of_type(ctx, "AWS::Config::DeliveryChannel");
  if (!channels.empty()) {
    const Resource& channel = *channels.front();
    out.set_path("delivery_channel.present", Value::boolean(true, channel.span));
    out.set_path("delivery_channel.address", Value::string(channel.address, channel.span));
    set_string(out, "delivery_channel.s3_bucket", property(channel, "S3BucketName"), c);
  }
  return r;
}

}  // namespace

void adapt_config(AdaptContext& ctx) {
  Convert c{ctx.diags};
  for (const Resource* raw : resources_of_type(ctx, "AWS::Config::ConfigurationRecorder"))
    ctx.out.push_back(adapt_recorder(ctx, *raw, c));
}

}  // namespace cc::model::aws
