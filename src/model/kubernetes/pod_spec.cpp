#include "model/kubernetes/pod_spec.h"

#include "model/kubernetes/common.h"
#include "model/kubernetes/container.h"

namespace cc::model::kubernetes {
namespace {

constexpr std::string_view kPodSeccompAnnotation = "seccomp.security.alpha.kubernetes.io/pod";

// The volume source is the one member besides `name` (hostPath, emptyDir, secret...).
Value volume(const Value& v) {
  Value out = Value::map({}, v.span());
  if (!v.is_map()) return Value::unknown("volume is not a mapping", v.span());
  set_if(out, "name", to_string(member(&v, "name"), "volume name"));
  for (const auto& m : v.as_map()) {
    if (m.key == "name" || m.value.is_null()) continue;
    out.set("source", Value::string(m.key, m.key_span));
    break;
  }
  if (const Value* host_path = member(&v, "hostPath")) {
    set_if(out, "host_path", to_string(member(host_path, "path"), "hostPath.path"));
    set_if(out, "host_path_type", to_string(member(host_path, "type"), "hostPath.type"));
  }
  set_if(out, "secret_name",
         to_string(member(member(&v, "secret"), "secretName"), "secret.secretName"));
  set_if(out, "config_map_name",
         to_string(member(member(&v, "configMap"), "name"), "configMap.name"));
  set_if(out, "claim_name",
         to_string(member(member(&v, "persistentVolumeClaim"), "claimName"), "claimName"));
  return out;
}

Value volumes(const Value* src, Span at) {
  if (!src) return empty_list(at);
  if (!src->is_list()) return Value::unknown("volumes is not a list", src->span());
  List out;
  for (const auto& v : src->as_list()) out.push_back(volume(v));
  return Value::list(std::move(out), src->span());
}

Value containers(const Value* src, const InheritedSecurity& pod, const Value* annotations,
                 Span at) {
  if (!src) return empty_list(at);
  if (!src->is_list()) return Value::unknown("containers is not a list", src->span());
  List out;
  for (const auto& c : src->as_list()) out.push_back(normalise_container(c, pod, annotations));
  return Value::list(std::move(out), src->span());
}

Value security_context(const Value* sc, const Value* annotations, InheritedSecurity& inherited,
                       Span at) {
  Value out = Value::map({}, sc ? sc->span() : at);
  inherited.run_as_non_root = to_bool(member(sc, "runAsNonRoot"), "runAsNonRoot");
  inherited.run_as_user = to_number(member(sc, "runAsUser"), "runAsUser");
  inherited.run_as_group = to_number(member(sc, "runAsGroup"), "runAsGroup");
  inherited.seccomp_profile = seccomp_from_profile(member(sc, "seccompProfile"));
  if (!inherited.seccomp_profile)
    inherited.seccomp_profile = seccomp_from_annotation(member(annotations, kPodSeccompAnnotation));
  set_if(out, "run_as_non_root", inherited.run_as_non_root);
  set_if(out, "run_as_user", inherited.run_as_user);
  set_if(out, "run_as_group", inherited.run_as_group);
  set_if(out, "fs_group", to_number(member(sc, "fsGroup"), "fsGroup"));
  set_if(out, "seccomp_profile", inherited.seccomp_profile);
  out.set("supplemental_groups", [&] {
    const Value* groups = member(sc, "supplementalGroups");
    if (!groups) return empty_list(at);
    if (!groups->is_list())
      return Value::unknown("supplementalGroups is not a list", groups->span());
    List ids;
    for (const auto& g : groups->as_list())
      if (auto n = to_number(&g, "supplementalGroups")) ids.push_back(std::move(*n));
    return Value::list(std::move(ids), groups->span());
  }());
  List sysctl_names;
  if (const Value* sysctls = member(sc, "sysctls"); sysctls && sysctls->is_list()) {
    for (const auto& s : sysctls->as_list())
      if (auto n = to_string(member(&s, "name"), "sysctls.name")) sysctl_names.push_back(*n);
  }
  out.set("sysctls", Value::list(std::move(sysctl_names), at));
  return out;
}

}  // namespace

Value normalise_pod(const Value* spec, const Value* metadata, Span at) {
  if (!spec) return Value::unknown("the object has no pod spec", at);
  if (!spec->is_map()) return Value::unknown("the pod spec is not a mapping", spec->span());
  Value pod = Value::map({}, spec->span());
  const Value* annotations = member(metadata, "annotations");
  pod.set("labels", to_string_map(member(metadata, "labels"), "labels"));
  pod.set("annotations", to_string_map(annotations, "annotations"));
  set_if(pod, "host_network", to_bool(member(spec, "hostNetwork"), "hostNetwork"));
  set_if(pod, "host_pid", to_bool(member(spec, "hostPID"), "hostPID"));
  set_if(pod, "host_ipc", to_bool(member(spec, "hostIPC"), "hostIPC"));
  // serviceAccount is the deprecated spelling of serviceAccountName.
  auto account = to_string(member(spec, "serviceAccountName"), "serviceAccountName");
  if (!account) account = to_string(member(spec, "serviceAccount"), "serviceAccount");
  set_if(pod, "service_account_name", std::move(account));
  set_if(pod, "automount_service_account_token",
         to_bool(member(spec, "automountServiceAccountToken"), "automountServiceAccountToken"));

  InheritedSecurity inherited;
  pod.set("security_context",
          security_context(member(spec, "securityContext"), annotations, inherited, spec->span()));
  pod.set("volumes", volumes(member(spec, "volumes"), spec->span()));
  pod.set("containers",
          containers(member(spec, "containers"), inherited, annotations, spec->span()));
  pod.set("init_containers",
          containers(member(spec, "initContainers"), inherited, annotations, spec->span()));
  return pod;
}

}  // namespace cc::model::kubernetes
