#include <gtest/gtest.h>

#include "../common/raw_tf.h"
#include "model/google/google.h"

namespace cc {
namespace {

using test::at;

constexpr const char* kConfig = R"(
google_container_cluster.prod:
  name: prod
  location: europe-west1
  remove_default_node_pool: true
  initial_node_count: 1
  private_cluster_config: [{enable_private_nodes: true, enable_private_endpoint: false, master_ipv4_cidr_block: 172.16.0.0/28}]
  master_authorized_networks_config: [{cidr_blocks: [{cidr_block: 10.0.0.0/8, display_name: corp}]}]
  network_policy: [{enabled: true, provider: CALICO}]
  workload_identity_config: [{workload_pool: acme-prod.svc.id.goog}]
  database_encryption: [{state: ENCRYPTED, key_name: {"$ref": google_kms_crypto_key.gke.id}}]
  release_channel: [{channel: REGULAR}]
google_container_cluster.legacy:
  name: legacy
  location: europe-west1-b
  enable_legacy_abac: true
  enable_shielded_nodes: false
  logging_service: none
  workload_identity_config: [{identity_namespace: acme.svc.id.goog}]
  datapath_provider: ADVANCED_DATAPATH
  node_config:
    - metadata: {disable-legacy-endpoints: "false"}
      oauth_scopes: [https://www.googleapis.com/auth/cloud-platform]
  node_pool:
    - name: inline
      management: [{auto_upgrade: false}]
google_container_node_pool.pool:
  name: general
  cluster: {"$ref": google_container_cluster.prod.id}
  management: [{auto_repair: true, auto_upgrade: true}]
  node_config:
    - service_account: {"$ref": google_service_account.nodes.email}
      shielded_instance_config: [{enable_secure_boot: true}]
      workload_metadata_config: [{mode: GKE_METADATA}]
      metadata: {disable-legacy-endpoints: "true"}
google_container_node_pool.bare:
  name: bare
  cluster: prod
)";

TEST(AdaptContainer, HardenedCluster) {
  auto out = test::adapt_quietly(model::google::adapt, kConfig);
  test::expect_all_fit(out);
  const Resource* c = test::find(out, "gcp.container.cluster", "google_container_cluster.prod");
  ASSERT_NE(c, nullptr);
  Value v = test::with_defaults(*c);
  EXPECT_TRUE(test::is_true(at(v, "private_nodes")));
  EXPECT_TRUE(test::is_false(at(v, "private_endpoint")));
  EXPECT_TRUE(test::is_true(at(v, "master_authorized_networks.enabled")));
  EXPECT_EQ(at(v, "master_authorized_networks.cidrs.0").as_string(), "10.0.0.0/8");
  EXPECT_TRUE(test::is_false(at(v, "legacy_abac")));
  EXPECT_TRUE(test::is_true(at(v, "network_policy_enforced")));
  EXPECT_TRUE(test::is_true(at(v, "workload_identity")));
  EXPECT_TRUE(test::is_true(at(v, "shielded_nodes")));
  EXPECT_EQ(at(v, "shielded_nodes").provenance(), Provenance::Default);
  EXPECT_TRUE(test::is_true(at(v, "secrets_encryption")));
  EXPECT_EQ(at(v, "release_channel").as_string(), "REGULAR");
  EXPECT_TRUE(test::is_true(at(v, "deletion_protection")));
  EXPECT_TRUE(test::is_false(at(v, "node_config.legacy_metadata_endpoints")));
}

TEST(AdaptContainer, LegacyClusterAndInlinePool) {
  auto out = test::adapt_quietly(model::google::adapt, kConfig);
  const Resource* c = test::find(out, "gcp.container.cluster", "google_container_cluster.legacy");
  ASSERT_NE(c, nullptr);
  Value v = test::with_defaults(*c);
  EXPECT_TRUE(test::is_true(at(v, "legacy_abac")));
  EXPECT_TRUE(test::is_false(at(v, "shielded_nodes")));
  EXPECT_EQ(at(v, "logging_service").as_string(), "none");
  EXPECT_TRUE(test::is_true(at(v, "workload_identity")));        // provider 3 name
  EXPECT_TRUE(test::is_true(at(v, "network_policy_enforced")));  // Dataplane V2
  EXPECT_TRUE(test::is_false(at(v, "private_nodes")));
  EXPECT_TRUE(test::is_false(at(v, "master_authorized_networks.enabled")));
  EXPECT_TRUE(test::is_true(at(v, "node_config.legacy_metadata_endpoints")));
  EXPECT_TRUE(test::is_true(at(v, "node_config.full_api_access")));
  EXPECT_TRUE(test::is_true(at(v, "node_config.default_service_account")));

  const Resource* inl =
      test::find(out, "gcp.container.node_pool", "google_container_cluster.legacy.node_pool[0]");
  ASSERT_NE(inl, nullptr);
  EXPECT_EQ(inl->name, "inline");
  EXPECT_EQ(inl->span.line, 25u);
  Value iv = test::with_defaults(*inl);
  EXPECT_EQ(at(iv, "cluster").as_string(), "legacy");
  EXPECT_TRUE(test::is_false(at(iv, "auto_upgrade")));
  EXPECT_TRUE(test::is_true(at(iv, "auto_repair")));
}

TEST(AdaptContainer, NodePools) {
  auto out = test::adapt_quietly(model::google::adapt, kConfig);
  const Resource* p = test::find(out, "gcp.container.node_pool", "google_container_node_pool.pool");
  ASSERT_NE(p, nullptr);
  Value v = test::with_defaults(*p);
  EXPECT_EQ(at(v, "cluster").as_string(), "${google_container_cluster.prod.id}");
  EXPECT_TRUE(test::is_false(at(v, "node_config.default_service_account")));
  EXPECT_TRUE(test::is_true(at(v, "node_config.secure_boot")));
  EXPECT_EQ(at(v, "node_config.workload_metadata_mode").as_string(), "GKE_METADATA");
  EXPECT_TRUE(test::is_false(at(v, "node_config.legacy_metadata_endpoints")));
  EXPECT_EQ(at(v, "node_config.legacy_metadata_endpoints").provenance(), Provenance::Set);

  const Resource* bare =
      test::find(out, "gcp.container.node_pool", "google_container_node_pool.bare");
  ASSERT_NE(bare, nullptr);
  Value bv = test::with_defaults(*bare);
  EXPECT_TRUE(test::is_true(at(bv, "auto_repair")));
  EXPECT_EQ(at(bv, "auto_repair").provenance(), Provenance::Default);
  EXPECT_TRUE(test::is_false(at(bv, "node_config.secure_boot")));
  EXPECT_TRUE(test::is_true(at(bv, "node_config.default_service_account")));
}

}  // namespace
}  // namespace cc
