// AWS::CloudFront::Distribution -> aws.cloudfront.distribution.
#include "model/aws/aws.h"
#include "model/aws/common.h"
#include "model/aws/util2.h"

namespace cc::model::aws {
namespace {

Value behavior(const Value& src, bool is_default, const Convert& c) {
  Value out = Value::map({}, src.span());
  if (is_default)
    out.set("path_pattern", Value::string("*", src.span()));
  else
    set_string(out, "path_pattern", src.find("PathPattern"), c);
  out.set("default", Value::boolean(is_default, src.span()));
  set_string(out, "viewer_protocol_policy", src.find("ViewerProtocolPolicy"), c);
  set_string(out, "target_origin", src.find("TargetOriginId"), c);
  return out;
}

// The default behaviour first, then the path-specific ones, so one rule covers every
// way a viewer can reach the distribution.
Value behaviors(const Value& config, const Convert& c) {
  List out;
  if (const Value* d = config.find("DefaultCacheBehavior")) {
    if (d->is_unknown()) return *d;
    out.push_back(behavior(*d, true, c));
  }
  if (const Value* list = config.find("CacheBehaviors")) {
    if (list->is_unknown()) return *list;
    if (list->is_list()) {
      for (const auto& b : list->as_list()) out.push_back(behavior(b, false, c));
    } else {
      c.type_warning(*list, "a list of cache behaviours");
    }
  }
  return Value::list(std::move(out), config.span());
}

// Without a certificate of its own a distribution serves the shared *.cloudfront.net
// certificate, for which the service accepts TLSv1 whatever the template asks.
void viewer_certificate(const Value& config, Value& out, const Convert& c) {
  const Value* cert = config.find("ViewerCertificate");
  if (!cert) {
    out.set_path("viewer_certificate.default_certificate", Value::boolean(true, config.span()));
    out.set_path("viewer_certificate.minimum_protocol_version",
                 Value::string("TLSv1", config.span()));
    return;
  }
  if (cert->is_unknown()) {
    out.set("viewer_certificate", *cert);
    return;
  }
  const Value* acm = cert->find("AcmCertificateArn");
  const Value* iam = cert->find("IamCertificateId");
  const Value* use_default = cert->find("CloudFrontDefaultCertificate");
  Value is_default =
      use_default ? to_bool(*use_default, c) : Value::boolean(!acm && !iam, cert->span());
  out.set_path("viewer_certificate.default_certificate", is_default);
  if (acm) set_string(out, "viewer_certificate.certificate", acm, c);
  if (iam) set_string(out, "viewer_certificate.certificate", iam, c);
  set_string(out, "viewer_certificate.ssl_support_method", cert->find("SslSupportMethod"), c);
  if (is_default.is_bool() && is_default.as_bool())
    out.set_path("viewer_certificate.minimum_protocol_version",
                 Value::string("TLSv1", is_default.span()));
  else
    set_string(out, "viewer_certificate.minimum_protocol_version",
               cert->find("MinimumProtocolVersion"), c);
}

Value origins(const Value& list, const Convert& c) {
  if (list.is_unknown()) return list;
  if (!list.is_list()) {
    c.type_warning(list, "a list of origins");
    return Value::unknown("Origins is not a list", list.span());
  }
  List out;
  for (const auto& o : list.as_list()) {
    Value entry = Value::map({}, o.span());
    set_string(entry, "id", o.find("Id"), c);
    set_string(entry, "domain_name", o.find("DomainName"), c);
    if (const Value* custom = o.find("CustomOriginConfig")) {
      entry.set("type", Value::string("custom", custom->span()));
      set_string(entry, "protocol_policy", custom->find("OriginProtocolPolicy"), c);
      set_string_list(entry, "ssl_protocols", custom->find("OriginSSLProtocols"), c);
    } else if (const Value* s3 = o.find("S3OriginConfig")) {
      entry.set("type", Value::string("s3", s3->span()));
    }
    out.push_back(std::move(entry));
  }
  return Value::list(std::move(out), list.span());
}

// Standard logging may also be configured outside the distribution, as a CloudWatch
// Logs delivery source for its access logs.
bool has_log_delivery(const AdaptContext& ctx, const Resource& raw) {
  for (const Resource* source : referrers(ctx, "AWS::Logs::DeliverySource", "ResourceArn", raw)) {
    if (known_string(property(*source, "LogType")) == "ACCESS_LOGS") return true;
  }
  return false;
}

Resource adapt_distribution(const AdaptContext& ctx, const Resource& raw, const Convert& c) {
  Resource r = make_named(raw, "aws.cloudfront.distribution");
  Value& out = r.attributes;
  if (const Value* tags = property(raw, "Tags")) out.set("tags", tags_map(*tags, c));
  const Value* config = property(raw, "DistributionConfig");
  if (!config) return r;
  if (!config->is_map()) {
    if (!config->is_unknown()) c.type_warning(*config, "a distribution configuration map");
    for (auto field : {"behaviors", "viewer_certificate", "logging", "waf", "origins"})
      out.set(field,
              Value::unknown("the distribution configuration cannot be read", config->span()));
    return r;
  }
  set_bool(out, "enabled", config->find("Enabled"), c);
  set_string_list(out, "aliases", config->find("Aliases"), c);
  set_string(out, "default_root_object", config->find("DefaultRootObject"), c);
  out.set("behaviors", behaviors(*config, c));
  viewer_certificate(*config, out, c);
  if (const Value* bucket = config->at_path("Logging.Bucket")) {
    out.set_path("logging.enabled", is_set(*bucket));
    out.set_path("logging.bucket", to_string(*bucket, c));
  } else if (has_log_delivery(ctx, raw)) {
    out.set_path("logging.enabled", Value::boolean(true, raw.span));
  }
  if (const Value* acl = config->find("WebACLId")) {
    out.set_path("waf.enabled", is_set(*acl));
    out.set_path("waf.web_acl", to_string(*acl, c));
  }
  if (const Value* list = config->find("Origins")) out.set("origins", origins(*list, c));
  copy_fields(raw, out,
              {{"DistributionConfig.Restrictions.GeoRestriction.RestrictionType",
                "geo_restriction.type", As::String},
               {"DistributionConfig.Restrictions.GeoRestriction.Locations",
                "geo_restriction.locations", As::StringList}},
              c);
  return r;
}

}  // namespace

void adapt_cloudfront(AdaptContext& ctx) {
  Convert c{ctx.diags};
  for (const Resource* raw : resources_of_type(ctx, "AWS::CloudFront::Distribution"))
    ctx.out.push_back(adapt_distribution(ctx, *raw, c));
}

}  // namespace cc::model::aws
