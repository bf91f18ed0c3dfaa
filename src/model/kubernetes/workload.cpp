#include <algorithm>
#include <array>

#include "model/kubernetes/adapters.h"
#include "model/kubernetes/common.h"
#include "model/kubernetes/pod_spec.h"

namespace cc::model::kubernetes {
namespace {

// Where each workload kind keeps its pod template.
struct PodTemplate {
  const Value* spec = nullptr;
  const Value* metadata = nullptr;
};

PodTemplate pod_template(const Value& obj, std::string_view kind) {
  if (kind == "Pod") return {member(&obj, "spec"), member(&obj, "metadata")};
  const Value* spec = member(&obj, "spec");
  if (kind == "CronJob") spec = member(member(spec, "jobTemplate"), "spec");
  const Value* tmpl = member(spec, "template");
  return {member(tmpl, "spec"), member(tmpl, "metadata")};
}

bool has_replicas(std::string_view kind) {
  return kind == "Deployment" || kind == "StatefulSet" || kind == "ReplicaSet" ||
         kind == "ReplicationController";
}

// A pod that leaves automountServiceAccountToken unset takes its ServiceAccount's
// setting when that account is among the scanned objects.
void inherit_automount(Value& pod, const FileFacts& facts, const std::string& ns) {
  if (!pod.is_map() || pod.find("automount_service_account_token")) return;
  const Value* account = pod.find("service_account_name");
  std::string name = account && account->is_string() ? account->as_string() : "default";
  if (const Value* v = facts.automount_of(ns + "/" + name))
    pod.set("automount_service_account_token", *v);
}

Value network_isolation(const FileFacts& facts, const std::string& ns, const Value& pod, Span at) {
  Value net = Value::map({}, at);
  const Value* labels = pod.is_map() ? pod.find("labels") : nullptr;
  net.set("namespace_default_deny_ingress", facts.namespace_default_deny(ns, true, at));
  net.set("namespace_default_deny_egress", facts.namespace_default_deny(ns, false, at));
  net.set("ingress_isolated", facts.pod_isolated(ns, labels, true, at));
  net.set("egress_isolated", facts.pod_isolated(ns, labels, false, at));
  return net;
}

}  // namespace

bool is_workload_kind(std::string_view kind) {
  static constexpr std::array<std::string_view, 8> kKinds = {
      "Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController",
      "Job", "CronJob"};
  return std::find(kKinds.begin(), kKinds.end(), kind) != kKinds.end();
}

void adapt_workload(AdaptContext& ctx, const FileFacts& facts, const Resource& raw) {
  std::string_view kind = object_kind(raw);
  Resource r = canonical_from(raw, "k8s.workload", false);
  Value& a = r.attributes;
  a.set("workload_kind", Value::string(std::string(kind), raw.span));
  set_if(a, "api_version", to_string(raw.attributes.find("apiVersion"), "apiVersion"));
  const Value* spec = member(&raw.attributes, "spec");
  if (has_replicas(kind)) {
    auto replicas = to_number(member(spec, "replicas"), "replicas");
    a.set("replicas", replicas ? *replicas : defaulted(Value::number(1, raw.span)));
  }
  PodTemplate tmpl = pod_template(raw.attributes, kind);
  Value pod = normalise_pod(tmpl.spec, tmpl.metadata, raw.span);
  if (pod.is_unknown()) {
    ctx.diags.push_back(Diagnostic{
        DiagLevel::Warning, "k8s.no_pod_spec",
        std::string(kind) + " " + raw.name + " has no pod spec; its checks report unknown",
        raw.span});
  }
  const std::string ns = a.find("namespace")->as_string();
  inherit_automount(pod, facts, ns);
  a.set("network", network_isolation(facts, ns, pod, raw.span));
  a.set("pod", std::move(pod));
  ctx.out.push_back(std::move(r));
}

}  // namespace cc::model::kubernetes
