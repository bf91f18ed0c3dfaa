#pragma once
// Which built-in Kubernetes kinds live outside namespaces.
#include <string_view>

namespace cc::collect {

// True for built-in cluster-scoped kinds (Namespace, ClusterRole, Node, ...). Custom
// resources are assumed namespaced, as most are.
bool is_cluster_scoped(std::string_view kind);

}  // namespace cc::collect
