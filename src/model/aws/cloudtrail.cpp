// AWS::CloudTrail::Trail -> aws.cloudtrail.trail.
#include "model/aws/aws.h"
#include "model/aws/common.h"

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
  double count = 0;
  Value data = Value::boolean(false, (basic ? basic : advanced)->span());
  Value management = Value::boolean(false, data.span());
  Value read_write;
  if (basic) {
    for (const auto& s : basic->as_list()) {
      count += 1;
      const Value* include = s.find("IncludeManagementEvents");
      Value inc = include ? to_bool(*include, c) : Value::boolean(true, s.span());
      if (inc.is_unknown() && management.is_bool() && !management.as_bool()) management = inc;
      if (inc.is_bool() && inc.as_bool()) management = inc;
      if (const Value* resources = s.find("DataResources");
          resources && (!resources->is_list() || !resources->as_list().empty()))
        data = resources->is_list() ? Value::boolean(true, resources->span()) : *resources;
      Value rw = s.find("ReadWriteType") ? to_string(*s.find("ReadWriteType"), c)
                                         : Value::string("All", s.span());
      if (read_write.is_null())
        read_write = rw;
      else if (!(rw == read_write))
        read_write = Value::string("Mixed", s.span());
    }
  }
  if (advanced) {
    for (const auto& s : advanced->as_list()) {
      count += 1;
      // An advanced selector names its event category with a field selector
      // eventCategory = Management | Data.
      const Value* fields = s.find("FieldSelectors");
      if (!fields || !fields->is_list()) continue;
      for (const auto& f : fields->as_list()) {
        const Value* field = f.find("Field");
        const Value* equals = f.find("Equals");
        if (!field || !field->is_string() || field->as_string() != "eventCategory" || !equals)
          continue;
        Value list = to_string_list(*equals, c);
        if (!list.is_list()) continue;
        for (const auto& v : list.as_list()) {
          if (v.is_string() && v.as_string() == "Data") data = Value::boolean(true, v.span());
          if (v.is_string() && v.as_string() == "Management")
            management = Value::boolean(true, v.span());
        }
      }
    }
  }
  a.set_path("event_selectors.count", Value::number(count, data.span()));
  a.set_path("event_selectors.data_events", data);
  a.set_path("event_selectors.management_events", management);
  if (!read_write.is_null()) a.set_path("event_selectors.read_write_type", read_write);
}

}  // namespace

void adapt_cloudtrail(AdaptContext& ctx) {
  Convert c{ctx.diags};
  for (const Resource* raw : resources_of_type(ctx.doc, "AWS::CloudTrail::Trail")) {
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
      // Delivery needs both the group and a role CloudTrail assumes to write to it.
      Value has_group = is_set(*group);
      Value has_role = is_set(role, group->span());
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
