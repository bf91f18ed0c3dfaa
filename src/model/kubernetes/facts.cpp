#include "model/kubernetes/facts.h"

#include "model/kubernetes/common.h"
#include "model/kubernetes/selector.h"

namespace cc::model::kubernetes {
namespace {

bool non_empty_list(const Value* v) { return v && v->is_list() && !v->as_list().empty(); }

}  // namespace

PolicyFacts analyse_policy(const Resource& raw) {
  PolicyFacts p;
  p.ns = namespace_of(raw).as_string();
  p.span = raw.span;
  const Value* spec = member(&raw.attributes, "spec");
  p.pod_selector = member(spec, "podSelector");
  p.selects_all_pods = selector_is_empty(p.pod_selector);
  const Value* ingress = member(spec, "ingress");
  const Value* egress = member(spec, "egress");
  p.has_ingress_rules = non_empty_list(ingress);
  p.has_egress_rules = non_empty_list(egress);
  if (const Value* types = member(spec, "policyTypes"); types && types->is_list()) {
    for (const auto& t : types->as_list()) {
      if (!t.is_string()) continue;
      if (t.as_string() == "Ingress") p.governs_ingress = true;
      if (t.as_string() == "Egress") p.governs_egress = true;
    }
  } else {
    p.governs_ingress = true;
    p.governs_egress = egress != nullptr;
  }
  return p;
}

FileFacts FileFacts::gather(const Document& doc, const std::vector<Resource>* scope) {
  FileFacts facts;
  std::vector<const Resource*> objects;
  for (const auto& raw : doc.resources) objects.push_back(&raw);
  if (scope)
    for (const auto& raw : *scope)
      if (raw.span.file != doc.file) objects.push_back(&raw);
  for (const Resource* r : objects) {
    const Resource& raw = *r;
    std::string_view kind = object_kind(raw);
    if (kind == "NetworkPolicy") {
      facts.policies.push_back(analyse_policy(raw));
    } else if (kind == "Namespace") {
      facts.namespaces.insert(raw.name);
    } else if (kind == "ServiceAccount") {
      const Value* flag = member(&raw.attributes, "automountServiceAccountToken");
      if (auto v = to_bool(flag, "automountServiceAccountToken"))
        facts.service_account_automount[namespace_of(raw).as_string() + "/" + raw.name] = *v;
    }
  }
  return facts;
}

bool FileFacts::knows_policies_of(const std::string& ns) const {
  if (namespaces.contains(ns)) return true;
  for (const auto& p : policies)
    if (p.ns == ns) return true;
  return false;
}

Value FileFacts::namespace_default_deny(const std::string& ns, bool ingress, Span at) const {
  for (const auto& p : policies) {
    if (p.ns == ns && (ingress ? p.denies_all_ingress() : p.denies_all_egress()))
      return Value::boolean(true, p.span);
  }
  if (knows_policies_of(ns)) return Value::boolean(false, at);
  return Value::unknown("no Namespace or NetworkPolicy for namespace " + ns + " among the scanned files", at);
}

Value FileFacts::pod_isolated(const std::string& ns, const Value* labels, bool ingress,
                              Span at) const {
  bool undecided = false;
  for (const auto& p : policies) {
    if (p.ns != ns || !(ingress ? p.governs_ingress : p.governs_egress)) continue;
    auto selected = selector_matches(p.pod_selector, labels);
    if (selected && *selected) return Value::boolean(true, p.span);
    if (!selected) undecided = true;
  }
  if (undecided) return Value::unknown("a NetworkPolicy selector could not be evaluated", at);
  if (knows_policies_of(ns)) return Value::boolean(false, at);
  return Value::unknown("no Namespace or NetworkPolicy for namespace " + ns + " among the scanned files", at);
}

}  // namespace cc::model::kubernetes
