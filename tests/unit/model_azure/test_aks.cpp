#include <gtest/gtest.h>

#include "../common/raw_tf.h"
#include "model/azure/azure.h"

namespace cc {
namespace {

using test::at;

TEST(AzureAks, CurrentArgumentNames) {
  Document doc = test::tf_doc(R"(
azurerm_kubernetes_cluster.main:
  name: aks-prod
  dns_prefix: prod
  private_cluster_enabled: true
  local_account_disabled: true
  azure_policy_enabled: true
  default_node_pool:
    - name: system
      vm_size: Standard_D4s_v5
      host_encryption_enabled: true
  azure_active_directory_role_based_access_control: [{azure_rbac_enabled: true}]
  network_profile: [{network_plugin: azure, network_policy: cilium}]
  oms_agent: [{log_analytics_workspace_id: {$ref: azurerm_log_analytics_workspace.law.id}}]
  automatic_upgrade_channel: patch
)");
  Diagnostics diags;
  auto out = test::run(model::azure::adapt, doc, diags);
  ASSERT_EQ(out.size(), 1u);
  Value a = test::with_defaults(out[0]);
  EXPECT_EQ(at(a, "private_cluster"), Value::boolean(true));
  EXPECT_EQ(at(a, "local_accounts_disabled"), Value::boolean(true));
  EXPECT_EQ(at(a, "host_encryption"), Value::boolean(true));
  EXPECT_EQ(at(a, "azure_ad_rbac"), Value::boolean(true));
  EXPECT_EQ(at(a, "azure_rbac"), Value::boolean(true));
  EXPECT_EQ(at(a, "network_policy"), Value::string("cilium"));
  EXPECT_EQ(at(a, "network_policy").span().line, 13u);
  EXPECT_EQ(at(a, "monitoring"), Value::boolean(true));
  EXPECT_EQ(at(a, "rbac_enabled"), Value::boolean(true));
  EXPECT_EQ(at(a, "rbac_enabled").provenance(), Provenance::Default);
  EXPECT_EQ(at(a, "automatic_upgrade_channel"), Value::string("patch"));
  test::expect_all_fit(out);
}

TEST(AzureAks, PreviousMajorArgumentNamesAndDefaults) {
  Document doc = test::tf_doc(R"(
azurerm_kubernetes_cluster.old:
  name: aks-old
  api_server_authorized_ip_ranges: [203.0.113.0/24]
  default_node_pool: [{name: default, enable_node_public_ip: true, enable_host_encryption: false}]
  automatic_channel_upgrade: stable
  role_based_access_control_enabled: false
)");
  Diagnostics diags;
  auto out = test::run(model::azure::adapt, doc, diags);
  ASSERT_EQ(out.size(), 1u);
  Value a = test::with_defaults(out[0]);
  EXPECT_EQ(at(a, "authorized_ip_ranges.0"), Value::string("203.0.113.0/24"));
  EXPECT_EQ(at(a, "node_public_ip"), Value::boolean(true));
  EXPECT_EQ(at(a, "host_encryption"), Value::boolean(false));
  EXPECT_EQ(at(a, "automatic_upgrade_channel"), Value::string("stable"));
  EXPECT_EQ(at(a, "rbac_enabled"), Value::boolean(false));
  EXPECT_EQ(at(a, "private_cluster"), Value::boolean(false));
  EXPECT_EQ(a.at_path("network_policy"), nullptr);
  EXPECT_EQ(at(a, "network_plugin"), Value::string("kubenet"));
  EXPECT_EQ(at(a, "azure_ad_rbac"), Value::boolean(false));
}

}  // namespace
}  // namespace cc
