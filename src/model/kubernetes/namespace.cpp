#include "model/kubernetes/adapters.h"
#include "model/kubernetes/common.h"

namespace cc::model::kubernetes {

void adapt_namespace(AdaptContext& ctx, const FileFacts& facts, const Resource& raw) {
  Resource r = canonical_from(raw, "k8s.namespace", true);
  Value& a = r.attributes;
  const Value* labels = member(&raw.attributes, "metadata");
  labels = member(labels, "labels");
  // Pod Security Admission reads its levels from these namespace labels.
  for (std::string_view mode : {"enforce", "warn", "audit"}) {
    set_if(a, "pod_security_" + std::string(mode),
           to_string(member(labels, "pod-security.kubernetes.io/" + std::string(mode)),
                     "pod security label"));
  }
  a.set("has_default_deny_ingress", facts.namespace_default_deny(raw.name, true, raw.span));
  a.set("has_default_deny_egress", facts.namespace_default_deny(raw.name, false, raw.span));
  double count = 0;
  facts.for_each_policy(raw.name, [&count](const PolicyFacts&) { ++count; });
  a.set("network_policy_count", Value::number(count, raw.span));
  ctx.out.push_back(std::move(r));
}

}  // namespace cc::model::kubernetes
