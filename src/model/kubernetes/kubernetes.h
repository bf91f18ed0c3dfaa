#pragma once
// Adapters from Kubernetes objects (kind "k8s:<apiVersion>/<Kind>") to canonical
// kinds: k8s.workload (every workload kind, one pod spec), k8s.namespace,
// k8s.network_policy, k8s.role (Role and ClusterRole), k8s.role_binding (both
// bindings), k8s.service_account, k8s.service, k8s.ingress, k8s.secret, k8s.config_map.
#include "model/base/adapt.h"

namespace cc::model::kubernetes {

void adapt(AdaptContext& ctx);

}  // namespace cc::model::kubernetes
