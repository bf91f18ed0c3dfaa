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
  // The same facts from every file of the scan, indexed by namespace; nullptr when the
  // document is assessed on its own. Queries consult both.
  const FileFacts* shared = nullptr;
  std::map<std::string, std::vector<const PolicyFacts*>, std::less<>> policies_by_ns;

  static FileFacts gather(const Document& doc, const FileFacts* shared = nullptr);
  // The scan-wide facts from the Namespaces, NetworkPolicies and ServiceAccounts of every
  // file; `objects` must outlive the result (policies point into them).
  static FileFacts gather_scope(const std::vector<Resource>& objects);

  // Calls fn(policy) for every NetworkPolicy in `ns`, this file's first.
  template <class Fn>
  void for_each_policy(std::string_view ns, Fn&& fn) const {
    for (const auto& p : policies)
      if (p.ns == ns) fn(p);
    if (!shared) return;
    if (auto it = shared->policies_by_ns.find(ns); it != shared->policies_by_ns.end())
      for (const PolicyFacts* p : it->second) fn(*p);
  }
  // ServiceAccount automount setting of "ns/name", this file's first; nullptr if unknown.
  [[nodiscard]] const Value* automount_of(const std::string& ns_name) const;

  // Whether the scanned files decide the network policies of `ns`: they declare the
  // namespace or at least one policy in it. Otherwise a missing policy may live elsewhere.
  [[nodiscard]] bool knows_policies_of(const std::string& ns) const;

  // true when a policy in `ns` selects every pod and allows no traffic in that
  // direction; false when the files know the namespace's policies and none does;
  // unknown otherwise. `at` positions values that have no source of their own.
  [[nodiscard]] Value namespace_default_deny(const std::string& ns, bool ingress, Span at) const;

  // true when some policy in `ns` governing that direction selects pods with `labels`.
  [[nodiscard]] Value pod_isolated(const std::string& ns, const Value* labels, bool ingress,
                                   Span at) const;
};

}  // namespace cc::model::kubernetes
