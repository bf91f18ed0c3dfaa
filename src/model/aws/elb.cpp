// Elastic Load Balancing: AWS::ElasticLoadBalancingV2::LoadBalancer and the classic
// AWS::ElasticLoadBalancing::LoadBalancer -> aws.elb.load_balancer;
// AWS::ElasticLoadBalancingV2::Listener -> aws.elb.listener, joined to its balancer.
#include "model/aws/aws.h"
#include "model/aws/common.h"
#include "model/aws/util2.h"

namespace cc::model::aws {
namespace {

// LoadBalancerAttributes is a list of {Key, Value} strings; the settings rules need
// live there rather than in named properties.
void balancer_attributes(const Value& attrs, Value& out, const Convert& c) {
  struct Known {
    std::string_view key;
    std::string_view field;
    bool is_bool;
  };
  static constexpr Known kKnown[] = {
      {"access_logs.s3.enabled", "access_logs.enabled", true},
      {"access_logs.s3.bucket", "access_logs.bucket", false},
      {"routing.http.drop_invalid_header_fields.enabled", "drop_invalid_header_fields", true},
      {"deletion_protection.enabled", "deletion_protection", true}};
  if (attrs.is_unknown()) {
    for (const auto& k : kKnown) out.set_path(k.field, attrs);
    return;
  }
  if (!attrs.is_list()) {
    c.type_warning(attrs, "a list of load balancer attributes");
    return;
  }
  for (const auto& entry : attrs.as_list()) {
    const Value* key = entry.find("Key");
    const Value* value = entry.find("Value");
    if (!key || !key->is_string() || !value) continue;
    for (const auto& k : kKnown) {
      if (key->as_string() != k.key) continue;
      out.set_path(k.field, k.is_bool ? to_bool(*value, c) : to_string(*value, c));
    }
  }
}

Resource adapt_balancer(const Resource& raw, const Convert& c) {
  Resource r = make_named(raw, "aws.elb.load_balancer", "Name");
  Value& out = r.attributes;
  copy_fields(raw, out, {{"Type", "type", As::String}, {"Scheme", "scheme", As::String}}, c);
  if (const Value* attrs = property(raw, "LoadBalancerAttributes"))
    balancer_attributes(*attrs, out, c);
  if (const Value* tags = property(raw, "Tags")) out.set("tags", tags_map(*tags, c));
  return r;
}

Value classic_listeners(const Value& listeners, const Convert& c) {
  if (listeners.is_unknown()) return listeners;
  if (!listeners.is_list()) {
    c.type_warning(listeners, "a list of listeners");
    return Value::unknown("Listeners is not a list", listeners.span());
  }
  List out;
  for (const auto& l : listeners.as_list()) {
    Value entry = Value::map({}, l.span());
    set_string(entry, "protocol", l.find("Protocol"), c);
    set_number(entry, "port", l.find("LoadBalancerPort"), c);
    set_string(entry, "instance_protocol", l.find("InstanceProtocol"), c);
    set_number(entry, "instance_port", l.find("InstancePort"), c);
    set_string(entry, "certificate", l.find("SSLCertificateId"), c);
    out.push_back(std::move(entry));
  }
  return Value::list(std::move(out), listeners.span());
}

Resource adapt_classic(const Resource& raw, const Convert& c) {
  Resource r = make_named(raw, "aws.elb.load_balancer", "LoadBalancerName");
  Value& out = r.attributes;
  out.set("type", Value::string("classic", raw.span));
  copy_fields(raw, out,
              {{"Scheme", "scheme", As::String},
               {"AccessLoggingPolicy.Enabled", "access_logs.enabled", As::Bool},
               {"AccessLoggingPolicy.S3BucketName", "access_logs.bucket", As::String}},
              c);
  if (const Value* listeners = property(raw, "Listeners"))
    out.set("listeners", classic_listeners(*listeners, c));
  if (const Value* tags = property(raw, "Tags")) out.set("tags", tags_map(*tags, c));
  return r;
}

// Whether some default action answers with a redirect to HTTPS; unknown when an
// action that could be one cannot be read.
Value redirects_to_https(const Value& actions, const Convert& c) {
  if (actions.is_unknown()) return actions;
  if (!actions.is_list()) {
    c.type_warning(actions, "a list of actions");
    return Value::unknown("DefaultActions is not a list", actions.span());
  }
  bool unknown = false;
  for (const auto& a : actions.as_list()) {
    const Value* type = a.find("Type");
    if (!type || type->is_unknown()) {
      unknown = true;
      continue;
    }
    if (!type->is_string() || type->as_string() != "redirect") continue;
    const Value* protocol = a.at_path("RedirectConfig.Protocol");
    if (!protocol || protocol->is_unknown()) {
      // An unset protocol keeps the request's own, so it is no upgrade to HTTPS.
      if (protocol) unknown = true;
      continue;
    }
    if (protocol->is_string() && protocol->as_string() == "HTTPS")
      return Value::boolean(true, protocol->span());
  }
  if (unknown) return Value::unknown("a default action cannot be read", actions.span());
  return Value::boolean(false, actions.span());
}

Value certificates(const Value& certs, const Convert& c) {
  if (certs.is_unknown()) return certs;
  if (!certs.is_list()) {
    c.type_warning(certs, "a list of certificates");
    return Value::unknown("Certificates is not a list", certs.span());
  }
  List out;
  for (const auto& cert : certs.as_list()) {
    if (const Value* arn = cert.find("CertificateArn")) out.push_back(to_string(*arn, c));
  }
  return Value::list(std::move(out), certs.span());
}

Resource adapt_listener(const AdaptContext& ctx, const Resource& raw, const Convert& c) {
  Resource r = make_named(raw, "aws.elb.listener");
  Value& out = r.attributes;
  copy_fields(raw, out,
              {{"Protocol", "protocol", As::String},
               {"Port", "port", As::Number},
               {"SslPolicy", "ssl_policy", As::String}},
              c);
  if (const Value* lb = property(raw, "LoadBalancerArn")) {
    if (const Resource* target =
            referenced(ctx, *lb, "AWS::ElasticLoadBalancingV2::LoadBalancer")) {
      out.set("load_balancer", Value::string(target->address, lb->span()));
      const Value* type = property(*target, "Type");
      // A balancer declared without Type is an application load balancer.
      out.set("load_balancer_type",
              type ? to_string(*type, c) : Value::string("application", target->span));
    } else {
      out.set("load_balancer", to_string(*lb, c));
      out.set("load_balancer_type",
              Value::unknown("the load balancer is not declared in this template", lb->span()));
    }
  }
  if (const Value* actions = property(raw, "DefaultActions"))
    out.set("redirects_to_https", redirects_to_https(*actions, c));
  if (const Value* certs = property(raw, "Certificates"))
    out.set("certificates", certificates(*certs, c));
  return r;
}

}  // namespace

void adapt_elb(AdaptContext& ctx) {
  Convert c{ctx.diags};
  for (const Resource* raw :
       resources_of_type(ctx, "AWS::ElasticLoadBalancingV2::LoadBalancer"))
    ctx.out.push_back(adapt_balancer(*raw, c));
  for (const Resource* raw : resources_of_type(ctx, "AWS::ElasticLoadBalancing::LoadBalancer"))
    ctx.out.push_back(adapt_classic(*raw, c));
  for (const Resource* raw : resources_of_type(ctx, "AWS::ElasticLoadBalancingV2::Listener"))
    ctx.out.push_back(adapt_listener(ctx, *raw, c));
}

}  // namespace cc::model::aws
