// aws_cloudtrail -> aws.cloudtrail.trail.
#include <utility>

#include "model/aws/derive.h"
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
  aws::EventSelectorFacts facts((basic ? basic : advanced)->span());
  for (const Value* s : tf::blocks(basic)) {
    const Value* include = present(s->find("include_management_events"));
    const Value* resources = present(s->find("data_resource"));
    Value data;
    if (resources && resources->is_unknown())
      data = *resources;
    else if (resources && !tf::blocks(resources).empty())
      data = Value::boolean(true, resources->span());
    const Value* rw = present(s->find("read_write_type"));
    facts.add_basic(s->span(), include ? aws::to_bool(*include, c) : Value(), data,
                    rw ? aws::to_string(*rw, c) : Value());
  }
  for (const Value* s : tf::blocks(advanced)) {
    facts.add_advanced();
    // An advanced selector names its event category with a field selector
    // field = "eventCategory", equals = ["Management"] or ["Data"].
    for (const Value* f : tf::blocks(s->find("field_selector"))) {
      const Value* field = f->find("field");
      const Value* equals = f->find("equals");
      if (!field || !field->is_string() || field->as_string() != "eventCategory" || !equals)
        continue;
      facts.add_categories(aws::to_string_list(*equals, c));
    }
  }
  facts.write(a);
}

// Delivery to CloudWatch Logs needs both the log group and a role to write to it.
void read_cloudwatch(const Resource& raw, Value& a, const Convert& c) {
  const Value* group = raw.attributes.find("cloud_watch_logs_group_arn");
  if (!group || group->is_null()) return;
  const Value* role = raw.attributes.find("cloud_watch_logs_role_arn");
  if (role && role->is_null()) role = nullptr;
  a.set("cloudwatch_logs_group", aws::to_reference_string(*group, c));
  a.set("cloudwatch_logs_enabled", aws::cloudwatch_logs_enabled(*group, role));
}

}  // namespace

void adapt_cloudtrail(AdaptContext& ctx) {
  Convert c{ctx.diags};
  for (const Resource* raw : tf::resources_of_type(ctx, "aws_cloudtrail")) {
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
