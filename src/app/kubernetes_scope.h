#pragma once
// The scan-wide Kubernetes context: Namespaces, NetworkPolicies and ServiceAccounts
// from every manifest file, so that a policy in one file counts for workloads in
// another (manifests of one cluster are usually split across many files).
#include <filesystem>
#include <vector>

#include "collect/doc/limits.h"
#include "core/resource.h"

namespace cc::app {

// Reads only files whose text mentions one of those kinds; parse problems are left
// to the main pass, which reports them once.
std::vector<Resource> gather_kubernetes_scope(const std::vector<std::string>& files,
                                              const std::vector<uint32_t>& ids,
                                              const collect::Limits& limits, unsigned threads);

}  // namespace cc::app
