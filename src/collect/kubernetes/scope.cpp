#include "collect/kubernetes/scope.h"

#include <algorithm>
#include <array>

namespace cc::collect {

bool is_cluster_scoped(std::string_view kind) {
  // Built-in kinds whose objects have no namespace (kubectl api-resources --namespaced=false).
  static constexpr std::array<std::string_view, 26> kClusterScoped = {
      "APIService",
      "CSIDriver",
      "CSINode",
      "CertificateSigningRequest",
      "ClusterRole",
      "ClusterRoleBinding",
      "ComponentStatus",
      "CustomResourceDefinition",
      "FlowSchema",
      "IngressClass",
      "MutatingAdmissionPolicy",
      "MutatingAdmissionPolicyBinding",
      "MutatingWebhookConfiguration",
      "Namespace",
      "Node",
      "PersistentVolume",
      "PodSecurityPolicy",
      "PriorityClass",
      "PriorityLevelConfiguration",
      "RuntimeClass",
      "StorageClass",
      "ValidatingAdmissionPolicy",
      "ValidatingAdmissionPolicyBinding",
      "ValidatingWebhookConfiguration",
      "VolumeAttachment",
      "VolumeSnapshotClass",
  };
  return std::find(kClusterScoped.begin(), kClusterScoped.end(), kind) != kClusterScoped.end();
}

}  // namespace cc::collect
