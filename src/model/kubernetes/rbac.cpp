#include "model/kubernetes/adapters.h"
#include "model/kubernetes/common.h"

namespace cc::model::kubernetes {
namespace {

Value policy_rules(const Value* src, Span at) {
  if (!src) return empty_list(at);
  if (!src->is_list()) return Value::unknown("rules is not a list", src->span());
  List out;
  for (const auto& r : src->as_list()) {
    Value rule = Value::map({}, r.span());
    rule.set("api_groups", to_string_list(member(&r, "apiGroups"), "apiGroups"));
    rule.set("resources", to_string_list(member(&r, "resources"), "resources"));
    rule.set("verbs", to_string_list(member(&r, "verbs"), "verbs"));
    rule.set("resource_names", to_string_list(member(&r, "resourceNames"), "resourceNames"));
    rule.set("non_resource_urls", to_string_list(member(&r, "nonResourceURLs"), "nonResourceURLs"));
    out.push_back(std::move(rule));
  }
  return Value::list(std::move(out), src->span());
}

}  // namespace

void adapt_role(AdaptContext& ctx, const Resource& raw, bool cluster_scoped) {
  Resource r = canonical_from(raw, "k8s.role", cluster_scoped);
  Value& a = r.attributes;
  a.set("cluster_scoped", Value::boolean(cluster_scoped, raw.span));
  const Value* aggregation = member(&raw.attributes, "aggregationRule");
  a.set("aggregated", Value::boolean(aggregation != nullptr, raw.span));
  const Value* rules = member(&raw.attributes, "rules");
  if (aggregation && !rules) {
    // The controller manager fills an aggregated ClusterRole's rules from other roles
    // at run time; the manifest does not say what they will be.
    a.set("rules", Value::unknown("rules are aggregated from other ClusterRoles at run time",
                                  aggregation->span()));
  } else {
    a.set("rules", policy_rules(rules, raw.span));
  }
  ctx.out.push_back(std::move(r));
}

void adapt_role_binding(AdaptContext& ctx, const Resource& raw, bool cluster_scoped) {
  Resource r = canonical_from(raw, "k8s.role_binding", cluster_scoped);
  Value& a = r.attributes;
  a.set("cluster_scoped", Value::boolean(cluster_scoped, raw.span));
  const Value* ref = member(&raw.attributes, "roleRef");
  if (ref) {
    Value role_ref = Value::map({}, ref->span());
    set_if(role_ref, "kind", to_string(member(ref, "kind"), "roleRef.kind"));
    set_if(role_ref, "name", to_string(member(ref, "name"), "roleRef.name"));
    set_if(role_ref, "api_group", to_string(member(ref, "apiGroup"), "roleRef.apiGroup"));
    a.set("role_ref", std::move(role_ref));
  } else {
    a.set("role_ref", Value::unknown("binding has no roleRef", raw.span));
  }
  const Value* subjects = member(&raw.attributes, "subjects");
  if (subjects && !subjects->is_list()) {
    a.set("subjects", Value::unknown("subjects is not a list", subjects->span()));
  } else {
    List out;
    if (subjects) {
      for (const auto& s : subjects->as_list()) {
        Value subject = Value::map({}, s.span());
        set_if(subject, "kind", to_string(member(&s, "kind"), "subjects.kind"));
        set_if(subject, "name", to_string(member(&s, "name"), "subjects.name"));
        set_if(subject, "namespace", to_string(member(&s, "namespace"), "subjects.namespace"));
        set_if(subject, "api_group", to_string(member(&s, "apiGroup"), "subjects.apiGroup"));
        out.push_back(std::move(subject));
      }
    }
    a.set("subjects", Value::list(std::move(out), subjects ? subjects->span() : raw.span));
  }
  ctx.out.push_back(std::move(r));
}

}  // namespace cc::model::kubernetes
