#include "model/kubernetes/container.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "model/kubernetes/common.h"
#include "model/kubernetes/credentials.h"
#include "model/kubernetes/image.h"

namespace cc::model::kubernetes {
namespace {

// Capabilities are written with or without the CAP_ prefix and in any case.
Value capability_list(const Value* src, std::string_view field) {
  Value list = to_string_list(src, field);
  if (!list.is_list()) return list;
  for (auto& cap : list.as_list()) {
    if (!cap.is_string()) continue;
    std::string name = cap.as_string();
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    if (name.starts_with("CAP_")) name.erase(0, 4);
    cap = Value::string(std::move(name), cap.span());
  }
  return list;
}

void set_image(Value& out, const Value* image) {
  auto text = to_string(image, "image");
  if (!text) return;
  out.set("image", *text);
  if (!text->is_string()) {
    out.set("image_tag", Value::unknown("image is not known", text->span()));
    out.set("image_digest", Value::unknown("image is not known", text->span()));
    return;
  }
  ImageRef ref = parse_image(text->as_string());
  Span at = text->span();
  out.set("image_repository", Value::string(ref.repository, at));
  if (!ref.tag.empty()) {
    out.set("image_tag", Value::string(ref.tag, at));
  } else if (ref.digest.empty()) {
    // The container runtime pulls :latest when the reference names neither.
    out.set("image_tag", defaulted(Value::string("latest", at)));
  }
  if (!ref.digest.empty()) out.set("image_digest", Value::string(ref.digest, at));
}

// Kubernetes defaults imagePullPolicy to Always for :latest (or untagged) images and
// IfNotPresent otherwise.
void set_pull_policy(Value& out, const Value* policy, Span at) {
  if (auto p = to_string(policy, "imagePullPolicy")) {
    out.set("image_pull_policy", *p);
    return;
  }
  const Value* tag = out.find("image_tag");
  if (!out.find("image")) return;
  if (tag && tag->is_unknown()) {
    out.set("image_pull_policy", Value::unknown("image is not known", at));
    return;
  }
  bool latest = tag && tag->is_string() && tag->as_string() == "latest";
  out.set("image_pull_policy", defaulted(Value::string(latest ? "Always" : "IfNotPresent", at)));
}

void set_resources(Value& out, const Value* resources, Span at) {
  Value r = Value::map({}, resources ? resources->span() : at);
  const Value* limits = member(resources, "limits");
  const Value* requests = member(resources, "requests");
  for (std::string_view res : {"cpu", "memory"}) {
    std::string limit_key = "limits_" + std::string(res);
    std::string request_key = "requests_" + std::string(res);
    auto limit = to_string(member(limits, res), limit_key);
    auto request = to_string(member(requests, res), request_key);
    // A request left unset takes the limit's value (documented Kubernetes defaulting).
    if (!request && limit) request = defaulted(*limit);
    set_if(r, limit_key, limit);
    set_if(r, request_key, request);
  }
  out.set("resources", std::move(r));
}

std::optional<Value> probe(const Value* p) {
  if (!p) return std::nullopt;
  if (!p->is_map()) return Value::unknown("probe is not a mapping", p->span());
  Value out = Value::map({}, p->span());
  for (std::string_view handler : {"httpGet", "tcpSocket", "exec", "grpc"}) {
    if (member(p, handler)) out.set("handler", Value::string(std::string(handler), p->span()));
  }
  set_if(out, "initial_delay_seconds",
         to_number(member(p, "initialDelaySeconds"), "initialDelaySeconds"));
  set_if(out, "period_seconds", to_number(member(p, "periodSeconds"), "periodSeconds"));
  set_if(out, "timeout_seconds", to_number(member(p, "timeoutSeconds"), "timeoutSeconds"));
  set_if(out, "failure_threshold", to_number(member(p, "failureThreshold"), "failureThreshold"));
  return out;
}

Value ports(const Value* src, Span at) {
  if (!src) return empty_list(at);
  if (!src->is_list()) return Value::unknown("ports is not a list", src->span());
  List out;
  for (const auto& p : src->as_list()) {
    Value port = Value::map({}, p.span());
    set_if(port, "name", to_string(member(&p, "name"), "ports.name"));
    set_if(port, "container_port", to_number(member(&p, "containerPort"), "containerPort"));
    set_if(port, "host_port", to_number(member(&p, "hostPort"), "hostPort"));
    set_if(port, "protocol", to_string(member(&p, "protocol"), "protocol"));
    out.push_back(std::move(port));
  }
  return Value::list(std::move(out), src->span());
}

Value env_vars(const Value* src, Span at) {
  if (!src) return empty_list(at);
  if (!src->is_list()) return Value::unknown("env is not a list", src->span());
  List out;
  for (const auto& e : src->as_list()) {
    Value var = Value::map({}, e.span());
    auto name = to_string(member(&e, "name"), "env.name");
    auto value = to_string(member(&e, "value"), "env.value");
    set_if(var, "name", name);
    const Value* from = member(&e, "valueFrom");
    var.set("from_secret", Value::boolean(member(from, "secretKeyRef") != nullptr, e.span()));
    var.set("from_config_map",
            Value::boolean(member(from, "configMapKeyRef") != nullptr, e.span()));
    var.set("from_field", Value::boolean(member(from, "fieldRef") != nullptr ||
                                             member(from, "resourceFieldRef") != nullptr,
                                         e.span()));
    if (value && value->is_string() && name && name->is_string()) {
      var.set(
          "literal_credential",
          Value::boolean(literal_credential(name->as_string(), value->as_string()), value->span()));
    } else if (value && !value->is_string()) {
      var.set("literal_credential", Value::unknown("env value is not known", value->span()));
    } else {
      var.set("literal_credential", Value::boolean(false, e.span()));
    }
    set_if(var, "value", std::move(value));
    out.push_back(std::move(var));
  }
  return Value::list(std::move(out), src->span());
}

Value env_from(const Value* src, Span at) {
  if (!src) return empty_list(at);
  if (!src->is_list()) return Value::unknown("envFrom is not a list", src->span());
  List out;
  for (const auto& e : src->as_list()) {
    Value source = Value::map({}, e.span());
    set_if(source, "secret_name", to_string(member(member(&e, "secretRef"), "name"), "secretRef"));
    set_if(source, "config_map_name",
           to_string(member(member(&e, "configMapRef"), "name"), "configMapRef"));
    set_if(source, "prefix", to_string(member(&e, "prefix"), "prefix"));
    out.push_back(std::move(source));
  }
  return Value::list(std::move(out), src->span());
}

Value volume_mounts(const Value* src, Span at) {
  if (!src) return empty_list(at);
  if (!src->is_list()) return Value::unknown("volumeMounts is not a list", src->span());
  List out;
  for (const auto& m : src->as_list()) {
    Value mount = Value::map({}, m.span());
    set_if(mount, "name", to_string(member(&m, "name"), "volumeMounts.name"));
    set_if(mount, "mount_path", to_string(member(&m, "mountPath"), "mountPath"));
    set_if(mount, "read_only", to_bool(member(&m, "readOnly"), "readOnly"));
    out.push_back(std::move(mount));
  }
  return Value::list(std::move(out), src->span());
}

}  // namespace

std::optional<Value> seccomp_from_profile(const Value* profile) {
  if (!profile) return std::nullopt;
  return to_string(member(profile, "type"), "seccompProfile.type");
}

std::optional<Value> seccomp_from_annotation(const Value* annotation) {
  if (!annotation || !annotation->is_string()) return std::nullopt;
  const std::string& a = annotation->as_string();
  Span at = annotation->span();
  if (a == "runtime/default" || a == "docker/default") return Value::string("RuntimeDefault", at);
  if (a == "unconfined") return Value::string("Unconfined", at);
  if (a.starts_with("localhost/")) return Value::string("Localhost", at);
  return Value::unknown("unrecognised seccomp annotation", at);
}

Value normalise_container(const Value& c, const InheritedSecurity& pod,
                          const Value* pod_annotations) {
  Span at = c.span();
  Value out = Value::map({}, at);
  if (!c.is_map()) return Value::unknown("container is not a mapping", at);
  auto name = to_string(member(&c, "name"), "container name");
  set_if(out, "name", name);
  set_image(out, member(&c, "image"));
  set_pull_policy(out, member(&c, "imagePullPolicy"), at);

  const Value* sc = member(&c, "securityContext");
  set_if(out, "privileged", to_bool(member(sc, "privileged"), "privileged"));
  set_if(out, "allow_privilege_escalation",
         to_bool(member(sc, "allowPrivilegeEscalation"), "allowPrivilegeEscalation"));
  set_if(out, "read_only_root_filesystem",
         to_bool(member(sc, "readOnlyRootFilesystem"), "readOnlyRootFilesystem"));
  // Identity and seccomp settings fall back to the pod's securityContext.
  auto own_or_pod = [](std::optional<Value> own, const std::optional<Value>& inherited) {
    return own ? own : inherited;
  };
  set_if(out, "run_as_non_root",
         own_or_pod(to_bool(member(sc, "runAsNonRoot"), "runAsNonRoot"), pod.run_as_non_root));
  set_if(out, "run_as_user",
         own_or_pod(to_number(member(sc, "runAsUser"), "runAsUser"), pod.run_as_user));
  set_if(out, "run_as_group",
         own_or_pod(to_number(member(sc, "runAsGroup"), "runAsGroup"), pod.run_as_group));
  std::optional<Value> seccomp = seccomp_from_profile(member(sc, "seccompProfile"));
  if (!seccomp && name && name->is_string()) {
    seccomp = seccomp_from_annotation(member(
        pod_annotations, "container.seccomp.security.alpha.kubernetes.io/" + name->as_string()));
  }
  set_if(out, "seccomp_profile", own_or_pod(std::move(seccomp), pod.seccomp_profile));

  const Value* caps = member(sc, "capabilities");
  out.set("capabilities_add", capability_list(member(caps, "add"), "capabilities.add"));
  out.set("capabilities_drop", capability_list(member(caps, "drop"), "capabilities.drop"));

  set_resources(out, member(&c, "resources"), at);
  out.set("ports", ports(member(&c, "ports"), at));
  out.set("env", env_vars(member(&c, "env"), at));
  out.set("env_from", env_from(member(&c, "envFrom"), at));
  out.set("volume_mounts", volume_mounts(member(&c, "volumeMounts"), at));
  set_if(out, "liveness_probe", probe(member(&c, "livenessProbe")));
  set_if(out, "readiness_probe", probe(member(&c, "readinessProbe")));
  set_if(out, "startup_probe", probe(member(&c, "startupProbe")));
  return out;
}

}  // namespace cc::model::kubernetes
