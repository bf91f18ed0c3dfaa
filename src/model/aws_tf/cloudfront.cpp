// aws_cloudfront_distribution -> aws.cloudfront.distribution.
#include "model/aws_tf/aws_tf.h"
#include "model/aws_tf/common.h"

namespace cc::model::aws_tf {
namespace {

using aws::As;

Value behavior(const Value& src, bool is_default, const Convert& c) {
  if (src.is_unknown()) return src;
  Value out = Value::map({}, src.span());
  if (is_default)
    out.set("path_pattern", Value::string("*", src.span()));
  else
    aws::set_string(out, "path_pattern", present(src.find("path_pattern")), c);
  out.set("default", Value::boolean(is_default, src.span()));
  aws::set_string(out, "viewer_protocol_policy", present(src.find("viewer_protocol_policy")), c);
  aws::set_string(out, "target_origin", present(src.find("target_origin_id")), c);
  return out;
}

// The default behaviour first, then the ordered ones, so one rule covers every way a
// viewer can reach the distribution.
Value behaviors(const Resource& raw, const Convert& c) {
  List out;
  for (const Value* d : tf::blocks(raw, "default_cache_behavior"))
    out.push_back(behavior(*d, true, c));
  for (const Value* b : tf::blocks(raw, "ordered_cache_behavior"))
    out.push_back(behavior(*b, false, c));
  return Value::list(std::move(out), raw.span);
}

// Without a certificate of its own a distribution serves the shared *.cloudfront.net
// certificate, for which the service accepts TLSv1 whatever the configuration asks.
void viewer_certificate(const Resource& raw, Value& out, const Convert& c) {
  const Value* cert = tf::first_block(raw, "viewer_certificate");
  if (!cert) {
    // The block is required; treat a missing one like the default certificate.
    out.set_path("viewer_certificate.default_certificate", Value::boolean(true, raw.span));
    out.set_path("viewer_certificate.minimum_protocol_version", Value::string("TLSv1", raw.span));
    return;
  }
  if (cert->is_unknown()) {
    out.set("viewer_certificate", *cert);
    return;
  }
  // Unset string arguments of this block read as "" in a plan.
  auto setting = [&](std::string_view key) -> const Value* {
    const Value* v = cert->find(key);
    if (!v || v->is_null() || (v->is_string() && v->as_string().empty())) return nullptr;
    return v;
  };
  const Value* acm = setting("acm_certificate_arn");
  const Value* iam = setting("iam_certificate_id");
  const Value* use_default = setting("cloudfront_default_certificate");
  Value is_default =
      use_default ? aws::to_bool(*use_default, c) : Value::boolean(!acm && !iam, cert->span());
  out.set_path("viewer_certificate.default_certificate", is_default);
  if (acm) aws::set_reference(out, "viewer_certificate.certificate", acm, c);
  if (iam) aws::set_reference(out, "viewer_certificate.certificate", iam, c);
  aws::set_string(out, "viewer_certificate.ssl_support_method", setting("ssl_support_method"), c);
  if (is_default.is_bool() && is_default.as_bool())
    out.set_path("viewer_certificate.minimum_protocol_version",
                 Value::string("TLSv1", is_default.span()));
  else
    aws::set_string(out, "viewer_certificate.minimum_protocol_version",
                    setting("minimum_protocol_version"), c);
}

Value origins(const std::vector<const Value*>& list, Span span, const Convert& c) {
  List out;
  for (const Value* o : list) {
    if (o->is_unknown()) return *o;
    Value entry = Value::map({}, o->span());
    aws::set_string(entry, "id", present(o->find("origin_id")), c);
    aws::set_reference(entry, "domain_name", present(o->find("domain_name")), c);
    auto custom = tf::blocks(present(o->find("custom_origin_config")));
    auto s3 = tf::blocks(present(o->find("s3_origin_config")));
    if (!custom.empty()) {
      const Value* config = custom.front();
      entry.set("type", Value::string("custom", config->span()));
      if (config->is_unknown()) {
        entry.set("protocol_policy", *config);
      } else {
        aws::set_string(entry, "protocol_policy", present(config->find("origin_protocol_policy")),
                        c);
        aws::set_string_list(entry, "ssl_protocols", present(config->find("origin_ssl_protocols")),
                             c);
      }
    } else if (!s3.empty()) {
      entry.set("type", Value::string("s3", s3.front()->span()));
    }
    out.push_back(std::move(entry));
  }
  return Value::list(std::move(out), span);
}

// Standard logging may also be configured outside the distribution, as a CloudWatch
// Logs delivery source for its access logs.
bool has_log_delivery(const AdaptContext& ctx, const Resource& raw) {
  for (const Resource* source :
       referrers(ctx, "aws_cloudwatch_log_delivery_source", "resource_arn", raw))
    if (known_string(*source, "log_type") == "ACCESS_LOGS") return true;
  return false;
}

void logging(const AdaptContext& ctx, const Resource& raw, Value& out, const Convert& c) {
  const Value* config = tf::first_block(raw, "logging_config");
  if (config && config->is_unknown()) {
    out.set_path("logging.enabled", *config);
  } else if (const Value* bucket = config ? present(config->find("bucket")) : nullptr) {
    out.set_path("logging.enabled", aws::is_set(*bucket));
    aws::set_reference(out, "logging.bucket", bucket, c);
  } else if (has_log_delivery(ctx, raw)) {
    out.set_path("logging.enabled", Value::boolean(true, raw.span));
  }
}

Resource adapt_distribution(const AdaptContext& ctx, const Resource& raw, const Convert& c) {
  Resource r = make_named(raw, "aws.cloudfront.distribution");
  Value& out = r.attributes;
  copy_attrs(
      raw, out,
      {{"enabled", "enabled", As::Bool},
       {"aliases", "aliases", As::StringList},
       {"default_root_object", "default_root_object", As::String},
       {"restrictions.geo_restriction.restriction_type", "geo_restriction.type", As::String},
       {"restrictions.geo_restriction.locations", "geo_restriction.locations", As::StringList}},
      c);
  out.set("behaviors", behaviors(raw, c));
  viewer_certificate(raw, out, c);
  logging(ctx, raw, out, c);
  if (const Value* acl = present(tf::attr(raw, "web_acl_id")); acl) {
    out.set_path("waf.enabled", aws::is_set(*acl));
    aws::set_reference(out, "waf.web_acl", acl, c);
  }
  auto list = tf::blocks(raw, "origin");
  if (!list.empty()) out.set("origins", origins(list, list.front()->span(), c));
  set_tags(raw, out, c);
  return r;
}

}  // namespace

void adapt_cloudfront(AdaptContext& ctx) {
  Convert c{ctx.diags};
  for (const Resource* raw : tf::resources_of_type(ctx, "aws_cloudfront_distribution"))
    ctx.out.push_back(adapt_distribution(ctx, *raw, c));
}

}  // namespace cc::model::aws_tf
