#pragma once
// One adapter per canonical kind; kubernetes.cpp routes each raw object to its adapter.
#include "model/base/adapt.h"
#include "model/kubernetes/facts.h"

namespace cc::model::kubernetes {

// Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob.
bool is_workload_kind(std::string_view kind);
void adapt_workload(AdaptContext& ctx, const FileFacts& facts, const Resource& raw);
void adapt_namespace(AdaptContext& ctx, const FileFacts& facts, const Resource& raw);
void adapt_network_policy(AdaptContext& ctx, const Resource& raw);
void adapt_role(AdaptContext& ctx, const Resource& raw, bool cluster_scoped);
void adapt_role_binding(AdaptContext& ctx, const Resource& raw, bool cluster_scoped);
void adapt_service_account(AdaptContext& ctx, const Resource& raw);
void adapt_service(AdaptContext& ctx, const Resource& raw);
void adapt_ingress(AdaptContext& ctx, const Resource& raw);
void adapt_secret(AdaptContext& ctx, const Resource& raw);
void adapt_config_map(AdaptContext& ctx, const Resource& raw);

}  // namespace cc::model::kubernetes
