#pragma once
// One adapter per Google Cloud service; google.cpp runs them all over a document.
#include "model/base/adapt.h"

namespace cc::model::google {

void adapt_storage(AdaptContext& ctx);  // gcp.storage.bucket
void adapt_compute_instances(
    AdaptContext& ctx);                   // gcp.compute.instance, gcp.compute.instance_template
void adapt_firewalls(AdaptContext& ctx);  // gcp.compute.firewall
void adapt_networks(AdaptContext& ctx);   // gcp.compute.network, gcp.compute.subnetwork
void adapt_sql(AdaptContext& ctx);        // gcp.sql.instance
void adapt_kms(AdaptContext& ctx);        // gcp.kms.key_ring, gcp.kms.crypto_key
void adapt_container(AdaptContext& ctx);  // gcp.container.cluster, gcp.container.node_pool
void adapt_iam(AdaptContext& ctx);      // gcp.iam.policy, gcp.iam.audit_config, gcp.iam.custom_role
void adapt_logging(AdaptContext& ctx);  // gcp.logging.sink
void adapt_bigquery(AdaptContext& ctx);  // gcp.bigquery.dataset

}  // namespace cc::model::google
