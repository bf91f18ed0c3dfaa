// aws_cloudtrail -> aws.cloudtrail.trail.
#include <utility>

#include "model/aws_tf/aws_tf.h"
#include "model/aws_tf/common.h"

namespace cc::model::aws_tf {
namespace {

// Basic selectors (event_selector) and advanced ones (advanced_event_selector) both
// decide which management and data events a trail records.
void read_event_selectors(const Resource& raw, Value& a, const Convert& c) {
  const Value* basic = raw.attributes.find("event_selector");
  const Value* advanced = raw.attributes.find("advanced_event_selector");
  if (basic && basic->is_null()) basic = nullptr;
  if (advanced && advanced->is_null()) advanced = nullptr;
  if (!basic && !advanced) return;
  for (const Value* sel : {basic, advanced}) {
    if (sel && sel->is_unknown()) {
      a.set_path("event_selectors.count", *sel);
      a.set_path("event_selectors.data_events", *sel);
      a.set_path("event_selectors.management_events", *sel);
      return;
    }
  }
  double count = 0;
  Value data = Value::boolean(false, (basic ? basic : advanced)->span());
  Value management = Value::boolean(false, data.span());
  Value read_write;
  for (const Value* s : tf::blocks(basic)) {
    count += 1;
    const Value* include = s->find("include_management_events");
    Value inc = include && !include->is_null() ? aws::to_bool(*include, c)
                                               : Value::boolean(true, s->span());
    if (inc.is_unknown() && management.is_bool() && !management.as_bool()) management = inc;
    if (inc.is_bool() && inc.as_bool()) management = inc;
    if (const Value* resources = s->find("data_resource"); resources && !resources->is_null()) {
      if (resources->is_unknown())
        data = *resources;
      else if (!tf::blocks(resources).empty())
        data = Value::boolean(true, resources->span());
    }
    const Value* rw_value = s->find("read_write_type");
    Value rw = rw_value && !rw_value->is_null() ? aws::to_string(*rw_value, c)
                                                : Value::string("All", s->span());
    if (read_write.is_null())
      read_write = rw;
    else if (!(rw == read_write))
      read_write = Value::string("Mixed", s->span());
  }
  for (const Value* s : tf::blocks(advanced)) {
    count += 1;
    // An advanced selector names its event category with a field selector
    // field = "eventCategory", equals = ["Management"] or ["Data"].
    for (const Value* f : tf::blocks(s->find("field_selector"))) {
      const Value* field = f->find("field");
      const Value* equals = f->find("equals");
      if (!field || !field->is_string() || field->as_string() != "eventCategory" || !equals)
        continue;
      Value list = aws::to_string_list(*equals, c);
      if (!list.is_list()) continue;
      for (const auto& v : list.as_list()) {
        if (v.is_string() && v.as_string() == "Data") data = Value::boolean(true, v.span());
        if (v.is_string() && v.as_string() == "Management")
          management = Value::boolean(true, v.span());
      }
    }
  }
  a.set_path("event_selectors.count", Value::number(count, data.span()));
  a.set_path("event_selectors.data_events", data);
  a.set_path("event_selectors.management_events", management);
  if (!read_write.is_null()) a.set_path("event_selectors.read_write_type", read_write);
}

// Delivery to CloudWatch Logs needs both the log group and a role to write to it.
void read_cloudwatch(const Resource& raw, Value& a, const Convert& c) {
  const Value* group = raw.attributes.find("cloud_watch_logs_group_arn");
  if (!group || group->is_null()) return;
  const Value* role = raw.attributes.find("cloud_watch_logs_role_arn");
  if (role && role->is_null()) role = nullptr;
  a.set("cloudwatch_logs_group", aws::to_reference_string(*group, c));
  Value has_group = aws::is_set(*group);
  Value has_role = aws::is_set(role, group->span());
  if (has_group.is_bool() && !has_group.as_bool())
    a.set("cloudwatch_logs_enabled", has_group);
  else if (has_role.is_bool() && !has_role.as_bool())
    a.set("cloudwatch_logs_enabled", has_role);
  else if (has_group.is_unknown())
    a.set("cloudwatch_logs_enabled", has_group);
  else if (has_role.is_unknown())
    a.set("cloudwatch_logs_enabled", has_role);
  else
    a.set("cloudwatch_logs_enabled", Value::boolean(true, group->span()));
}

}  // namespace

void adapt_cloudtrail(AdaptContext& ctx) {
  Convert c{ctx.diags};
  for (const Resource* raw : tf::resources_of_type(ctx.doc, "aws_cloudtrail")) {
    Resource r = make_named(*raw, "aws.cloudtrail.trail", "name");
    Value& a = r.attributes;
    // The provider starts logging unless enable_logging is false; the canonical field has
    // no default (CloudFormation requires IsLogging), so the provider's default is set.
    if (const Value* logging = raw->attributes.find("enable_logging");
        logging && !logging->is_null())
      a.set("is_logging", aws::to_bool(*logging, c));
    else
      a.set("is_logging", Value::boolean(true, raw->span));
    copy_attrs(*raw, a,
               {{"is_multi_region_trail", "multi_region", aws::As::Bool},
                {"include_global_service_events", "include_global_events", aws::As::Bool},
                {"enable_log_file_validation", "log_file_validation", aws::As::Bool},
                {"is_organization_trail", "organization", aws::As::Bool}},
               c);
    for (auto [attr, field] :
         {std::pair{"s3_bucket_name", "s3_bucket"}, std::pair{"sns_topic_name", "sns_topic"}})
      if (const Value* v = raw->attributes.find(attr); v && !v->is_null())
        a.set(field, aws::to_reference_string(*v, c));
    if (const Value* key = raw->attributes.find("kms_key_id"); key && !key->is_null()) {
      a.set("kms_key", aws::to_reference_string(*key, c));
      a.set("encrypted_with_kms", aws::is_set(*key));
    }
    read_cloudwatch(*raw, a, c);
    read_event_selectors(*raw, a, c);
    if (const Value* insights = raw->attributes.find("insight_selector");
        insights && !insights->is_null())
      a.set("insights", insights->is_unknown()
                            ? *insights
                            : Value::boolean(!tf::blocks(insights).empty(), insights->span()));
    set_tags(*raw, a, c);
    ctx.out.push_back(std::move(r));
  }
}

}  // namespace cc::model::aws_tf
