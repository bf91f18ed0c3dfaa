// aws_guardduty_detector -> aws.guardduty.detector, with the protection plans of its
// datasources block and of every aws_guardduty_detector_feature naming it.
#include "model/aws/derive.h"
#include "model/aws_tf/aws_tf.h"
#include "model/aws_tf/common.h"

namespace cc::model::aws_tf {
namespace {

// The older datasources block and the newer feature resources describe the same
// protection plans; both become {name, status} entries under the feature names.
void data_sources(const Resource& raw, List& out, const Convert& c) {
  struct Source {
    std::string_view path;
    std::string_view feature;
  };
  static constexpr Source kSources[] = {
      {"datasources.s3_logs.enable", "S3_DATA_EVENTS"},
      {"datasources.kubernetes.audit_logs.enable", "EKS_AUDIT_LOGS"},
      {"datasources.malware_protection.scan_ec2_instance_with_findings.ebs_volumes.enable",
       "EBS_MALWARE_PROTECTION"}};
  for (const auto& s : kSources) {
    const Value* v = present(tf::attr(raw, s.path));
    if (!v) continue;
    out.push_back(aws::detector_flag_feature(s.feature, *v, c));
  }
}

void feature_resources(const AdaptContext& ctx, const Resource& raw, List& out, const Convert& c) {
  for (const Resource* f : referrers(ctx, "aws_guardduty_detector_feature", "detector_id", raw)) {
    const Value* name = present(tf::attr(*f, "name"));
    if (!name || !name->is_string()) continue;
    const Value* status = present(tf::attr(*f, "status"));
    out.push_back(aws::detector_feature(name->as_string(), status, f->span, c));
  }
}

Resource adapt_detector(const AdaptContext& ctx, const Resource& raw, const Convert& c) {
  Resource r = make_named(raw, "aws.guardduty.detector");
  Value& out = r.attributes;
  // The provider turns a detector on unless `enable` says otherwise.
  const Value* enable = present(tf::attr(raw, "enable"));
  if (enable)
    out.set("enabled", aws::to_bool(*enable, c));
  else
    out.set("enabled", Value::boolean(true, raw.span));
  copy_attrs(raw, out,
             {{"finding_publishing_frequency", "finding_publishing_frequency", aws::As::String}},
             c);
  List list;
  data_sources(raw, list, c);
  feature_resources(ctx, raw, list, c);
  if (!list.empty()) out.set("features", Value::list(std::move(list), raw.span));
  set_tags(raw, out, c);
  return r;
}

}  // namespace

void adapt_guardduty(AdaptContext& ctx) {
  Convert c{ctx.diags};
  for (const Resource* raw : tf::resources_of_type(ctx, "aws_guardduty_detector"))
    ctx.out.push_back(adapt_detector(ctx, *raw, c));
}

}  // namespace cc::model::aws_tf
