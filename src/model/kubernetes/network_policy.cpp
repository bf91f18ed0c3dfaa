#include "model/kubernetes/adapters.h"
#include "model/kubernetes/common.h"

namespace cc::model::kubernetes {
namespace {

Value selector(const Value* src, Span at) {
  Value out = Value::map({}, src ? src->span() : at);
  out.set("match_labels", to_string_map(member(src, "matchLabels"), "matchLabels"));
  List exprs;
  if (const Value* list = member(src, "matchExpressions"); list && list->is_list()) {
    for (const auto& e : list->as_list()) {
      Value expr = Value::map({}, e.span());
      set_if(expr, "key", to_string(member(&e, "key"), "matchExpressions.key"));
      set_if(expr, "operator", to_string(member(&e, "operator"), "matchExpressions.operator"));
      expr.set("values", to_string_list(member(&e, "values"), "matchExpressions.values"));
      exprs.push_back(std::move(expr));
    }
  }
  out.set("match_expressions", Value::list(std::move(exprs), at));
  return out;
}

Value peers(const Value* src, Span at) {
  if (!src) return empty_list(at);
  if (!src->is_list()) return Value::unknown("peers is not a list", src->span());
  List out;
  for (const auto& p : src->as_list()) {
    Value peer = Value::map({}, p.span());
    if (const Value* pods = member(&p, "podSelector")) peer.set("pod_selector", selector(pods, at));
    if (const Value* nss = member(&p, "namespaceSelector"))
      peer.set("namespace_selector", selector(nss, at));
    if (const Value* block = member(&p, "ipBlock")) {
      set_if(peer, "ip_block_cidr", to_string(member(block, "cidr"), "ipBlock.cidr"));
      peer.set("ip_block_except", to_string_list(member(block, "except"), "ipBlock.except"));
    }
    out.push_back(std::move(peer));
  }
  return Value::list(std::move(out), src->span());
}

Value policy_ports(const Value* src, Span at) {
  if (!src) return empty_list(at);
  if (!src->is_list()) return Value::unknown("ports is not a list", src->span());
  List out;
  for (const auto& p : src->as_list()) {
    Value port = Value::map({}, p.span());
    set_if(port, "protocol", to_string(member(&p, "protocol"), "protocol"));
    set_if(port, "port", to_string(member(&p, "port"), "port"));
    set_if(port, "end_port", to_number(member(&p, "endPort"), "endPort"));
    out.push_back(std::move(port));
  }
  return Value::list(std::move(out), src->span());
}

// Each rule allows traffic from (or to) its peers on its ports; a rule with no peers
// allows every source (or destination).
Value policy_rules(const Value* src, std::string_view peer_key, Span at, bool& allows_all) {
  if (!src) return empty_list(at);
  if (!src->is_list()) return Value::unknown("rules are not a list", src->span());
  List out;
  for (const auto& r : src->as_list()) {
    Value rule = Value::map({}, r.span());
    const Value* peer_list = member(&r, peer_key);
    if (!peer_list || (peer_list->is_list() && peer_list->as_list().empty())) allows_all = true;
    rule.set(peer_key == "from" ? "from" : "to", peers(peer_list, r.span()));
    rule.set("ports", policy_ports(member(&r, "ports"), r.span()));
    out.push_back(std::move(rule));
  }
  return Value::list(std::move(out), src->span());
}

}  // namespace

void adapt_network_policy(AdaptContext& ctx, const Resource& raw) {
  Resource r = canonical_from(raw, "k8s.network_policy", false);
  Value& a = r.attributes;
  const PolicyFacts facts = analyse_policy(raw);
  const Value* spec = member(&raw.attributes, "spec");
  a.set("pod_selector", selector(facts.pod_selector, raw.span));
  a.set("selects_all_pods",
        Value::boolean(facts.selects_all_pods,
                       facts.pod_selector ? facts.pod_selector->span() : raw.span));
  List types;
  const Value* written_types = member(spec, "policyTypes");
  Span types_at = written_types ? written_types->span() : raw.span;
  if (facts.governs_ingress) types.push_back(Value::string("Ingress", types_at));
  if (facts.governs_egress) types.push_back(Value::string("Egress", types_at));
  Value policy_types = Value::list(std::move(types), types_at);
  a.set("policy_types", written_types ? policy_types : defaulted(policy_types));
  bool allows_all_ingress = false;
  bool allows_all_egress = false;
  a.set("ingress", policy_rules(member(spec, "ingress"), "from", raw.span, allows_all_ingress));
  a.set("egress", policy_rules(member(spec, "egress"), "to", raw.span, allows_all_egress));
  a.set("denies_all_ingress", Value::boolean(facts.denies_all_ingress(), raw.span));
  a.set("denies_all_egress", Value::boolean(facts.denies_all_egress(), raw.span));
  a.set("allows_all_ingress",
        Value::boolean(facts.governs_ingress && allows_all_ingress, raw.span));
  a.set("allows_all_egress", Value::boolean(facts.governs_egress && allows_all_egress, raw.span));
  ctx.out.push_back(std::move(r));
}

}  // namespace cc::model::kubernetes
