// AWS::GuardDuty::Detector -> aws.guardduty.detector.
#include "model/aws/aws.h"
#include "model/aws/common.h"
#include "model/aws/derive.h"
#include "model/aws/util2.h"

namespace cc::model::aws {
namespace {

// The older DataSources block and the newer Features list describe the same
// protection plans; both become {name, status} entries under the Features names.
void data_sources(const Value& sources, List& out, const Convert& c) {
  struct Source {
    std::string_view path;
    std::string_view feature;
  };
  static constexpr Source kSources[] = {
      {"S3Logs.Enable", "S3_DATA_EVENTS"},
      {"Kubernetes.AuditLogs.Enable", "EKS_AUDIT_LOGS"},
      {"MalwareProtection.ScanEc2InstanceWithFindings.EbsVolumes", "EBS_MALWARE_PROTECTION"}};
  for (const auto& s : kSources) {
    const Value* v = sources.at_path(s.path);
    if (!v) continue;
    out.push_back(detector_flag_feature(s.feature, *v, c));
  }
}

void features(const Value& list, List& out, const Convert& c) {
  if (!list.is_list()) {
    if (!list.is_unknown()) c.type_warning(list, "a list of features");
    return;
  }
  for (const auto& f : list.as_list()) {
    const Value* name = f.find("Name");
    const Value* status = f.find("Status");
    if (!name || !name->is_string()) continue;
    out.push_back(detector_feature(name->as_string(), status, f.span(), c));
  }
}

Resource adapt_detector(const Resource& raw, const Convert& c) {
  Resource r = make_named(raw, "aws.guardduty.detector");
  Value& out = r.attributes;
  if (const Value* enable = property(raw, "Enable"))
    out.set("enabled", to_bool(*enable, c));
  else
    out.set("enabled", Value::unknown("Enable is required and missing", raw.span));
  set_string(out, "finding_publishing_frequency", property(raw, "FindingPublishingFrequency"), c);
  List list;
  if (const Value* sources = property(raw, "DataSources")) data_sources(*sources, list, c);
  const Value* feature_list = property(raw, "Features");
  if (feature_list) features(*feature_list, list, c);
  if (feature_list && feature_list->is_unknown())
    out.set("features", *feature_list);
  else if (!list.empty())
    out.set("features", Value::list(std::move(list), raw.span));
  if (const Value* tags = property(raw, "Tags")) out.set("tags", tags_map(*tags, c));
  return r;
}

}  // namespace

void adapt_guardduty(AdaptContext& ctx) {
  Convert c{ctx.diags};
  for (const Resource* raw : resources_of_type(ctx, "AWS::GuardDuty::Detector"))
    ctx.out.push_back(adapt_detector(*raw, c));
}

}  // namespace cc::model::aws
