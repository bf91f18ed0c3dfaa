// aws_config_configuration_recorder -> aws.config.recorder, with the region's
// aws_config_delivery_channel and the aws_config_configuration_recorder_status that starts
// it joined in (a recorder only records once started with a channel).
#include "model/aws/derive.h"
#include "model/aws_tf/aws_tf.h"
#include "model/aws_tf/common.h"

namespace cc::model::aws_tf {
namespace {

// Without a recording_group the recorder covers every supported type (the schema
// default). With one, all_supported decides; failing that the strategy or an explicit
// type list does.
void recording_group(const Value& group, Value& out, const Convert& c) {
  if (group.is_unknown()) {
    out.set("all_supported", group);
    out.set("include_global", group);
    return;
  }
  aws::set_bool(out, "include_global", present(group.find("include_global_resource_types")), c);
  auto strategies = tf::blocks(present(group.find("recording_strategy")));
  const Value* strategy = nullptr;
  if (!strategies.empty())
    strategy = strategies.front()->is_unknown() ? strategies.front()
                                                : present(strategies.front()->find("use_only"));
  const Value* types = present(group.find("resource_types"));
  bool lists_types = types && types->is_list() && !types->as_list().empty();
  aws::set_recording_scope(out, present(group.find("all_supported")), strategy,
                           lists_types || (types && types->is_unknown()) ? types : nullptr, c);
}

// Terraform creates a recorder stopped; an aws_config_configuration_recorder_status with
// is_enabled starts it. The provider names an unnamed recorder "default".
Value recording(const AdaptContext& ctx, const Resource& raw, const Convert& c) {
  std::string name = known_string(raw, "name");
  if (name.empty()) name = "default";
  auto statuses = referrers(ctx, "aws_config_configuration_recorder_status", "name", raw, name);
  if (!statuses.empty()) {
    const Value* enabled = present(tf::attr(*statuses.front(), "is_enabled"));
    return enabled ? aws::to_bool(*enabled, c)
                   : Value::unknown("is_enabled is required and missing", statuses.front()->span);
  }
  if (has_unresolved_referrer(ctx, "aws_config_configuration_recorder_status", "name"))
    return Value::unknown("a recorder status names a recorder that cannot be resolved", raw.span);
  return Value::boolean(false, raw.span);
}

Resource adapt_recorder(const AdaptContext& ctx, const Resource& raw, const Convert& c) {
  Resource r = make_named(raw, "aws.config.recorder", "name");
  Value& out = r.attributes;
  aws::set_reference(out, "role", present(tf::attr(raw, "role_arn")), c);
  copy_attrs(raw, out,
             {{"recording_mode.recording_frequency", "recording_frequency", aws::As::String}}, c);
  if (const Value* group = tf::first_block(raw, "recording_group")) recording_group(*group, out, c);
  out.set("recording", recording(ctx, raw, c));
  auto channels = tf::resources_of_type(ctx, "aws_config_delivery_channel");
  if (!channels.empty()) {
    const Resource& channel = *channels.front();
    out.set_path("delivery_channel.present", Value::boolean(true, channel.span));
    out.set_path("delivery_channel.address", Value::string(channel.address, channel.span));
    aws::set_reference(out, "delivery_channel.s3_bucket",
                       present(tf::attr(channel, "s3_bucket_name")), c);
  }
  return r;
}

}  // namespace

void adapt_config(AdaptContext& ctx) {
  Convert c{ctx.diags};
  for (const Resource* raw : tf::resources_of_type(ctx, "aws_config_configuration_recorder"))
    ctx.out.push_back(adapt_recorder(ctx, *raw, c));
}

}  // namespace cc::model::aws_tf
