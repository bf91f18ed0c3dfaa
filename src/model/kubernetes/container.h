#pragma once
// One container of a pod spec in the canonical k8s.container shape.
#include <optional>

#include "core/value.h"

namespace cc::model::kubernetes {

// Pod-level security settings a container falls back to when its own securityContext
// leaves them unset (Kubernetes lets the container's value win).
struct InheritedSecurity {
  std::optional<Value> run_as_non_root;
  std::optional<Value> run_as_user;
  std::optional<Value> run_as_group;
  std::optional<Value> seccomp_profile;
};

// `pod_annotations` carries the legacy per-container seccomp annotations.
Value normalise_container(const Value& container, const InheritedSecurity& pod,
                          const Value* pod_annotations);

// "RuntimeDefault", "Localhost" or "Unconfined" from a seccompProfile object or a
// legacy seccomp annotation value; nullopt when neither is present.
std::optional<Value> seccomp_from_profile(const Value* profile);
std::optional<Value> seccomp_from_annotation(const Value* annotation);

}  // namespace cc::model::kubernetes
