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

namespace {

void add_object(FileFacts& facts, const Resource& raw) {
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

}  // namespace

FileFacts FileFacts::gather(const Document& doc, const FileFacts* shared) {
  FileFacts facts;
  facts.shared = shared;
  for (const auto& raw : doc.resources) add_object(facts, raw);
  return facts;
}

FileFacts FileFacts::gather_scope(const std::vector<Resource>& objects) {
  FileFacts facts;
  for (const auto& raw : objects) add_object(facts, raw);
  for (const auto& p : facts.policies) facts.policies_by_ns[p.ns].push_back(&p);
  return facts;
}

const Value* FileFacts::automount_of(const std::string& ns_name) const {
  if (auto it = service_account_automount.find(ns_name); it != service_account_automount.end())
    return &it->second;
  return shared ? shared->automount_of(ns_name) : nullptr;
}

bool FileFacts::knows_policies_of(const std::string& ns) const {
  if (namespaces.contains(ns)) return true;
  for (const auto& p : policies)
    if (p.ns == ns) return true;
  return shared && (shared->namespaces.contains(ns) || shared->policies_by_ns.contains(ns));
}

Value FileFacts::namespace_default_deny(const std::string& ns, bool ingress, Span at) const {
  const PolicyFacts* deny = nullptr;
  for_each_policy(ns, [&](const PolicyFacts& p) {
    if (!deny && (ingress ? p.denies_all_ingress() : p.denies_all_egress())) deny = &p;
  });
  if (deny) return Value::boolean(true, deny->span);
  if (knows_policies_of(ns)) return Value::boolean(false, at);
  return Value::unknown("no Namespace or NetworkPolicy for namespace " + ns + " among the scanned files", at);
}

Value FileFacts::pod_isolated(const std::string& ns, const Value* labels, bool ingress,
                              Span at) const {
  bool undecided = false;
  const PolicyFacts* isolating = nullptr;
  for_each_policy(ns, [&](const PolicyFacts& p) {
    if (isolating || !(ingress ? p.governs_ingress : p.governs_egress)) return;
    auto selected = selector_matches(p.pod_selector, labels);
    if (selected && *selected) isolating = &p;
    if (!selected) undecided = true;
  });
  if (isolating) return Value::boolean(true, isolating->span);
  if (undecided) return Value::unknown("a NetworkPolicy selector could not be evaluated", at);
  if (knows_policies_of(ns)) return Value::boolean(false, at);
  return Value::unknown("no Namespace or NetworkPolicy for namespace " + ns + " among the scanned files", at);
}

}  // namespace cc::model::kubernetes
