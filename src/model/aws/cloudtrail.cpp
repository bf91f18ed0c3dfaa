// AWS::CloudTrail::Trail -> aws.cloudtrail.trail.
#include "model/aws/aws.h"
#include "model/aws/common.h"
#include "model/aws/derive.h"

namespace cc::model::aws {
namespace {

// Basic selectors (EventSelectors) and advanced ones (AdvancedEventSelectors) both
// decide which management and data events a trail records.
void read_event_selectors(const Resource& raw, Value& a, const Convert& c) {
  const Value* basic = property(raw, "EventSelectors");
  const Value* advanced = property(raw, "AdvancedEventSelectors");
  if (!basic && !advanced) return;
  for (const Value* sel : {basic, advanced}) {
    if (sel && !sel->is_list()) {
      Value unknown = Value::unknown("event selectors are unknown", sel->span());
      a.set_path("event_selectors.count", unknown);
      a.set_path("event_selectors.data_events", unknown);
      a.set_path("event_selectors.management_events", unknown);
      return;
    }
  }
  EventSelectorFacts facts((basic ? basic : advanced)->span());
  if (basic) {
    for (const auto& s : basic->as_list()) {
      const Value* include = s.find("IncludeManagementEvents");
      const Value* resources = s.find("DataResources");
      Value data;
      if (resources && (!resources->is_list() || !resources->as_list().empty()))
        data = resources->is_list() ? Value::boolean(true, resources->span()) : *resources;
      const Value* rw = s.find("ReadWriteType");
      facts.add_basic(s.span(), include ? to_bool(*include, c) : Value(), data,
                      rw ? to_string(*rw, c) : Value());
    }
  }
  if (advanced) {
    for (const auto& s : advanced->as_list()) {
      facts.add_advanced();
      // An advanced selector names its event category with a field selector
      // eventCategory = Management | Data.
      const Value* fields = s.find("FieldSelectors");
      if (!fields || !fields->is_list()) continue;
      for (const auto& f : fields->as_list()) {
        const Value* field = f.find("Field");
        const Value* equals = f.find("Equals");
        if (!field || !field->is_string() || field->as_string() != "eventCategory" || !equals)
          continue;
        facts.add_categories(to_string_list(*equals, c));
      }
    }
  }
  facts.write(a);
}

}  // namespace

void adapt_cloudtrail(AdaptContext& ctx) {
  Convert c{ctx.diags};
  for (const Resource* raw : resources_of_type(ctx, "AWS::CloudTrail::Trail")) {
    Resource r = make_canonical(*raw, "aws.cloudtrail.trail", "TrailName");
    Value& a = r.attributes;
    if (const Value* n = property(*raw, "TrailName"))
      set_string(a, "name", n, c);
    else
      a.set("name", Value::string(raw->address, raw->span));
    set_bool(a, "is_logging", property(*raw, "IsLogging"), c);
    set_bool(a, "multi_region", property(*raw, "IsMultiRegionTrail"), c);
    set_bool(a, "include_global_events", property(*raw, "IncludeGlobalServiceEvents"), c);
    set_bool(a, "log_file_validation", property(*raw, "EnableLogFileValidation"), c);
    set_bool(a, "organization", property(*raw, "IsOrganizationTrail"), c);
    set_reference(a, "s3_bucket", property(*raw, "S3BucketName"), c);
    set_reference(a, "sns_topic", property(*raw, "SnsTopicName"), c);
    if (const Value* key = property(*raw, "KMSKeyId")) {
      set_reference(a, "kms_key", key, c);
      a.set("encrypted_with_kms", is_set(*key));
    }
    const Value* group = property(*raw, "CloudWatchLogsLogGroupArn");
    const Value* role = property(*raw, "CloudWatchLogsRoleArn");
    if (group) {
      set_reference(a, "cloudwatch_logs_group", group, c);
      a.set("cloudwatch_logs_enabled", cloudwatch_logs_enabled(*group, role));
    }
    read_event_selectors(*raw, a, c);
    if (const Value* insights = property(*raw, "InsightSelectors")) {
      a.set("insights", insights->is_list()
                            ? Value::boolean(!insights->as_list().empty(), insights->span())
                            : is_set(*insights));
    }
    if (const Value* tags = property(*raw, "Tags")) a.set("tags", tags_map(*tags, c));
    ctx.out.push_back(std::move(r));
  }
}

}  // namespace cc::model::aws
