#pragma once
// Facts about a whole manifest file that single-object adapters need: which
// NetworkPolicies exist and what they isolate, which Namespaces and ServiceAccounts
// are declared. Gathered once per document.
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/resource.h"

namespace cc::model::kubernetes {

struct PolicyFacts {
  std::string ns;
  const Value* pod_selector = nullptr;  // inside the raw object; nullptr when absent
  bool selects_all_pods = false;
  bool governs_ingress = false;  // effective policyTypes
  bool governs_egress = false;
  bool has_ingress_rules = false;
  bool has_egress_rules = false;
  Span span;
  [[nodiscard]] bool denies_all_ingress() const {
    return selects_all_pods && governs_ingress && !has_ingress_rules;
  }
  [[nodiscard]] bool denies_all_egress() const {
    return selects_all_pods && governs_egress && !has_egress_rules;
  }
};

// Reads a NetworkPolicy's spec. policyTypes defaults, as Kubernetes documents, to
// Ingress plus Egress when the policy has an egress section.
PolicyFacts analyse_policy(const Resource& raw);

struct FileFacts {
  std::vector<PolicyFacts> policies;
  std::set<std::string, std::less<>> namespaces;  // Namespace objects declared in the file
  std::map<std::string, Value, std::less<>> service_account_automount;  // "ns/name" -> value

  // From the document's objects and, when given, the scan-wide `scope` (objects of
  // other files; those of this document's own file are not counted twice).
  static FileFacts gather(const Document& doc, const std::vector<Resource>* scope = nullptr);

  // Whether the file decides the network policies of `ns`: it declares the namespace or
  // at least one policy in it. Otherwise a missing policy may live elsewhere.
  [[nodiscard]] bool knows_policies_of(const std::string& ns) const;

  // true when a policy in `ns` selects every pod and allows no traffic in that
  // direction; false when the file knows the namespace's policies and none does;
  // unknown otherwise. `at` positions values that have no source of their own.
  [[nodiscard]] Value namespace_default_deny(const std::string& ns, bool ingress, Span at) const;

  // true when some policy in `ns` governing that direction selects pods with `labels`.
  [[nodiscard]] Value pod_isolated(const std::string& ns, const Value* labels, bool ingress,
                                   Span at) const;
};

}  // namespace cc::model::kubernetes
