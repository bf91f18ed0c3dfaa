// Elastic Load Balancing: aws_lb / aws_alb and the classic aws_elb ->
// aws.elb.load_balancer; aws_lb_listener / aws_alb_listener -> aws.elb.listener, joined
// to its load balancer.
#include <array>

#include "model/aws_tf/aws_tf.h"
#include "model/aws_tf/common.h"

namespace cc::model::aws_tf {
namespace {

using aws::As;

constexpr std::array<std::string_view, 2> kBalancerTypes = {"aws_lb", "aws_alb"};
constexpr std::array<std::string_view, 2> kListenerTypes = {"aws_lb_listener", "aws_alb_listener"};

// `internal` is a boolean in Terraform; the canonical field keeps the platform's words.
void scheme(const Resource& raw, Value& out, const Convert& c) {
  const Value* internal = present(tf::attr(raw, "internal"));
  if (!internal) return;
  Value b = aws::to_bool(*internal, c);
  if (b.is_unknown())
    out.set("scheme", b);
  else
    out.set("scheme", Value::string(b.as_bool() ? "internal" : "internet-facing", b.span()));
}

// The access_logs block; `enabled_by_default` is the provider's default for `enabled`
// inside it (false for aws_lb even with a bucket, true for the classic aws_elb).
void access_logs(const Resource& raw, Value& out, bool enabled_by_default, const Convert& c) {
  const Value* logs = tf::first_block(raw, "access_logs");
  if (!logs) return;
  if (logs->is_unknown()) {
    out.set_path("access_logs.enabled", *logs);
    return;
  }
  aws::set_reference(out, "access_logs.bucket", present(logs->find("bucket")), c);
  if (const Value* enabled = present(logs->find("enabled")))
    out.set_path("access_logs.enabled", aws::to_bool(*enabled, c));
  else
    out.set_path("access_logs.enabled", Value::boolean(enabled_by_default, logs->span()));
}

Resource adapt_balancer(const Resource& raw, const Convert& c) {
  Resource r = make_named(raw, "aws.elb.load_balancer", "name");
  Value& out = r.attributes;
  copy_attrs(raw, out,
             {{"load_balancer_type", "type", As::String},
              {"drop_invalid_header_fields", "drop_invalid_header_fields", As::Bool},
              {"enable_deletion_protection", "deletion_protection", As::Bool}},
             c);
  scheme(raw, out, c);
  access_logs(raw, out, false, c);
  set_tags(raw, out, c);
  return r;
}

Value classic_listeners(const std::vector<const Value*>& listeners, Span span, const Convert& c) {
  List out;
  for (const Value* l : listeners) {
    if (l->is_unknown()) return *l;
    Value entry = Value::map({}, l->span());
    aws::set_string(entry, "protocol", present(l->find("lb_protocol")), c);
    aws::set_number(entry, "port", present(l->find("lb_port")), c);
    aws::set_string(entry, "instance_protocol", present(l->find("instance_protocol")), c);
    aws::set_number(entry, "instance_port", present(l->find("instance_port")), c);
    aws::set_reference(entry, "certificate", present(l->find("ssl_certificate_id")), c);
    out.push_back(std::move(entry));
  }
  return Value::list(std::move(out), span);
}

Resource adapt_classic(const Resource& raw, const Convert& c) {
  Resource r = make_named(raw, "aws.elb.load_balancer", "name");
  Value& out = r.attributes;
  out.set("type", Value::string("classic", raw.span));
  scheme(raw, out, c);
  access_logs(raw, out, true, c);
  auto listeners = tf::blocks(raw, "listener");
  if (!listeners.empty())
    out.set("listeners", classic_listeners(listeners, listeners.front()->span(), c));
  set_tags(raw, out, c);
  return r;
}

// Whether some default action answers with a redirect to HTTPS; unknown when an action
// that could be one cannot be read.
Value redirects_to_https(const std::vector<const Value*>& actions, Span span) {
  bool unknown = false;
  for (const Value* a : actions) {
    if (a->is_unknown()) {
      unknown = true;
      continue;
    }
    const Value* type = present(a->find("type"));
    if (!type || type->is_unknown()) {
      unknown = true;
      continue;
    }
    if (!type->is_string() || type->as_string() != "redirect") continue;
    auto redirects = tf::blocks(present(a->find("redirect")));
    const Value* redirect = redirects.empty() ? nullptr : redirects.front();
    const Value* protocol = nullptr;
    if (redirect)
      protocol = redirect->is_unknown() ? redirect : present(redirect->find("protocol"));
    if (!protocol || protocol->is_unknown()) {
      // An unset protocol keeps the request's own ("#{protocol}"), so it is no upgrade.
      if (protocol) unknown = true;
      continue;
    }
    if (protocol->is_string() && protocol->as_string() == "HTTPS")
      return Value::boolean(true, protocol->span());
  }
  if (unknown) return Value::unknown("a default action cannot be read", span);
  return Value::boolean(false, span);
}

const Resource* find_balancer(const AdaptContext& ctx, const Value& arn) {
  for (auto type : kBalancerTypes)
    if (const Resource* target = tf::referenced(ctx, arn, type)) return target;
  return nullptr;
}

// Listener certificates: the listener's own certificate_arn, then every
// aws_lb_listener_certificate attached to it.
void certificates(const AdaptContext& ctx, const Resource& raw, Value& out, const Convert& c) {
  List certs;
  Span span = raw.span;
  if (const Value* arn = present(tf::attr(raw, "certificate_arn")); arn) {
    certs.push_back(aws::to_reference_string(*arn, c));
    span = arn->span();
  }
  for (auto type : {"aws_lb_listener_certificate", "aws_alb_listener_certificate"})
    for (const Resource* extra : referrers(ctx, type, "listener_arn", raw))
      if (const Value* arn = present(tf::attr(*extra, "certificate_arn")))
        certs.push_back(aws::to_reference_string(*arn, c));
  if (!certs.empty()) out.set("certificates", Value::list(std::move(certs), span));
}

Resource adapt_listener(const AdaptContext& ctx, const Resource& raw, const Convert& c) {
  Resource r = make_named(raw, "aws.elb.listener");
  Value& out = r.attributes;
  copy_attrs(raw, out,
             {{"protocol", "protocol", As::String},
              {"port", "port", As::Number},
              {"ssl_policy", "ssl_policy", As::String}},
             c);
  if (const Value* lb = present(tf::attr(raw, "load_balancer_arn"))) {
    if (const Resource* target = find_balancer(ctx, *lb)) {
      out.set("load_balancer", Value::string(target->address, lb->span()));
      const Value* type = present(tf::attr(*target, "load_balancer_type"));
      // A balancer declared without load_balancer_type is an application load balancer.
      Value lb_type = type ? aws::to_string(*type, c) : Value::string("application", target->span);
      out.set("load_balancer_type", lb_type);
      // Without `protocol` the provider listens with HTTP on an application load
      // balancer and TCP on a network one (a gateway one has no protocol).
      if (!out.find("protocol") && lb_type.is_string()) {
        if (lb_type.as_string() == "application")
          out.set("protocol", Value::string("HTTP", raw.span));
        else if (lb_type.as_string() == "network")
          out.set("protocol", Value::string("TCP", raw.span));
      }
    } else {
      out.set("load_balancer", aws::to_reference_string(*lb, c));
      out.set("load_balancer_type",
              Value::unknown("the load balancer is not declared in this configuration", lb->span(),
                             std::string(tf::ref_of(*lb))));
    }
  }
  auto actions = tf::blocks(raw, "default_action");
  if (!actions.empty())
    out.set("redirects_to_https", redirects_to_https(actions, actions.front()->span()));
  certificates(ctx, raw, out, c);
  return r;
}

}  // namespace

void adapt_elb(AdaptContext& ctx) {
  Convert c{ctx.diags};
  for (auto type : kBalancerTypes)
    for (const Resource* raw : tf::resources_of_type(ctx, type))
      ctx.out.push_back(adapt_balancer(*raw, c));
  for (const Resource* raw : tf::resources_of_type(ctx, "aws_elb"))
    ctx.out.push_back(adapt_classic(*raw, c));
  for (auto type : kListenerTypes)
    for (const Resource* raw : tf::resources_of_type(ctx, type))
      ctx.out.push_back(adapt_listener(ctx, *raw, c));
}

}  // namespace cc::model::aws_tf
