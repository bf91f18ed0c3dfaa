#include <array>

#include "model/kubernetes/adapters.h"
#include "model/kubernetes/common.h"

namespace cc::model::kubernetes {
namespace {

// Cloud providers' annotations that keep a LoadBalancer Service on private addresses.
bool internal_load_balancer(const Value* annotations) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 5> kInternal = {{
      {"service.beta.kubernetes.io/aws-load-balancer-internal", ""},
      {"service.beta.kubernetes.io/aws-load-balancer-scheme", "internal"},
      {"service.beta.kubernetes.io/azure-load-balancer-internal", "true"},
      {"networking.gke.io/load-balancer-type", "Internal"},
      {"cloud.google.com/load-balancer-type", "Internal"},
  }};
  for (const auto& [key, wanted] : kInternal) {
    const Value* v = member(annotations, key);
    if (!v) continue;
    auto text = to_string(v, key);
    if (!text || !text->is_string()) continue;
    const std::string& s = text->as_string();
    if (wanted.empty() ? (s == "true" || s == "0.0.0.0/0") : s == wanted) return true;
  }
  return false;
}

// The legacy annotation holds the ranges as one comma-separated string.
Value source_ranges(const Value* spec_ranges, const Value* annotations, Span at) {
  if (spec_ranges) return to_string_list(spec_ranges, "loadBalancerSourceRanges");
  const Value* note = member(annotations, "service.beta.kubernetes.io/load-balancer-source-ranges");
  if (!note || !note->is_string()) return empty_list(at);
  List ranges;
  std::string_view rest = note->as_string();
  while (!rest.empty()) {
    size_t comma = rest.find(',');
    std::string_view item = rest.substr(0, comma);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (!item.empty()) ranges.push_back(Value::string(std::string(item), note->span()));
    rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
  }
  return Value::list(std::move(ranges), note->span());
}

Value service_ports(const Value* src, Span at) {
  if (!src) return empty_list(at);
  if (!src->is_list()) return Value::unknown("ports is not a list", src->span());
  List out;
  for (const auto& p : src->as_list()) {
    Value port = Value::map({}, p.span());
    set_if(port, "name", to_string(member(&p, "name"), "ports.name"));
    set_if(port, "port", to_number(member(&p, "port"), "ports.port"));
    set_if(port, "target_port", to_string(member(&p, "targetPort"), "ports.targetPort"));
    set_if(port, "node_port", to_number(member(&p, "nodePort"), "ports.nodePort"));
    set_if(port, "protocol", to_string(member(&p, "protocol"), "ports.protocol"));
    out.push_back(std::move(port));
  }
  return Value::list(std::move(out), src->span());
}

}  // namespace

void adapt_service(AdaptContext& ctx, const Resource& raw) {
  Resource r = canonical_from(raw, "k8s.service", false);
  Value& a = r.attributes;
  const Value* spec = member(&raw.attributes, "spec");
  const Value* annotations = member(member(&raw.attributes, "metadata"), "annotations");
  set_if(a, "type", to_string(member(spec, "type"), "type"));
  a.set("ports", service_ports(member(spec, "ports"), raw.span));
  a.set("selector", to_string_map(member(spec, "selector"), "selector"));
  a.set("external_ips", to_string_list(member(spec, "externalIPs"), "externalIPs"));
  a.set("load_balancer_source_ranges",
        source_ranges(member(spec, "loadBalancerSourceRanges"), annotations, raw.span));
  a.set("internal_load_balancer", Value::boolean(internal_load_balancer(annotations), raw.span));
  set_if(a, "external_traffic_policy",
         to_string(member(spec, "externalTrafficPolicy"), "externalTrafficPolicy"));
  set_if(a, "external_name", to_string(member(spec, "externalName"), "externalName"));
  ctx.out.push_back(std::move(r));
}

}  // namespace cc::model::kubernetes
