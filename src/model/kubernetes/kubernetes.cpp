#include "model/kubernetes/kubernetes.h"

#include "model/kubernetes/adapters.h"
#include "model/kubernetes/common.h"

namespace cc::model::kubernetes {

void adapt(AdaptContext& ctx) {
  const FileFacts facts = FileFacts::gather(ctx.doc, ctx.kubernetes_scope);
  for (const auto& raw : ctx.doc.resources) {
    std::string_view kind = object_kind(raw);
    if (kind.empty() || !raw.attributes.is_map()) continue;
    if (is_workload_kind(kind)) {
      adapt_workload(ctx, facts, raw);
    } else if (kind == "Namespace") {
      adapt_namespace(ctx, facts, raw);
    } else if (kind == "NetworkPolicy") {
      adapt_network_policy(ctx, raw);
    } else if (kind == "Role" || kind == "ClusterRole") {
      adapt_role(ctx, raw, kind == "ClusterRole");
    } else if (kind == "RoleBinding" || kind == "ClusterRoleBinding") {
      adapt_role_binding(ctx, raw, kind == "ClusterRoleBinding");
    } else if (kind == "ServiceAccount") {
      adapt_service_account(ctx, raw);
    } else if (kind == "Service") {
      adapt_service(ctx, raw);
    } else if (kind == "Ingress") {
      adapt_ingress(ctx, raw);
    } else if (kind == "Secret") {
      adapt_secret(ctx, raw);
    } else if (kind == "ConfigMap") {
      adapt_config_map(ctx, raw);
    }
  }
}

}  // namespace cc::model::kubernetes
