#include <gtest/gtest.h>

#include "../common/raw_tf.h"
#include "model/azure/azure.h"

namespace cc {
namespace {

using test::at;

TEST(AzureStorage, AccountJoinsNetworkRulesKeyAndContainers) {
  Document doc = test::tf_doc(R"(
azurerm_storage_account.data:
  name: stdata
  account_replication_type: GRS
  min_tls_version: TLS1_0
  enable_https_traffic_only: false
  allow_nested_items_to_be_public: false
  blob_properties:
    - versioning_enabled: true
      delete_retention_policy: [{}]
  tags: {env: prod}
azurerm_storage_account_network_rules.data:
  storage_account_id: {$ref: azurerm_storage_account.data.id}
  default_action: Deny
  ip_rules: [203.0.113.0/24]
  virtual_network_subnet_ids: [{$ref: azurerm_subnet.app.id}]
azurerm_storage_account_customer_managed_key.data:
  storage_account_id: {$ref: azurerm_storage_account.data.id}
  key_vault_id: {$ref: azurerm_key_vault.kv.id}
  key_name: {$ref: azurerm_key_vault_key.k.name}
azurerm_storage_container.public:
  name: assets
  storage_account_name: {$ref: azurerm_storage_account.data.name}
  container_access_type: blob
)");
  Diagnostics diags;
  auto out = test::run(model::azure::adapt, doc, diags);
  EXPECT_TRUE(diags.empty());
  const Resource* acc = test::find(out, "azure.storage.account", "azurerm_storage_account.data");
  ASSERT_NE(acc, nullptr);
  EXPECT_EQ(acc->name, "stdata");
  Value a = test::with_defaults(*acc);
  EXPECT_EQ(at(a, "https_only"), Value::boolean(false));  // the v3 spelling
  EXPECT_EQ(at(a, "https_only").span().line, 6u);
  EXPECT_EQ(at(a, "min_tls_version"), Value::string("TLS1_0"));
  EXPECT_EQ(at(a, "nested_items_public"), Value::boolean(false));
  EXPECT_EQ(at(a, "network_rules.default_action"), Value::string("Deny"));
  EXPECT_EQ(at(a, "network_rules.default_action").span().line, 14u);
  EXPECT_EQ(at(a, "network_rules.subnet_ids.0"), Value::string("${azurerm_subnet.app}"));
  EXPECT_EQ(at(a, "network_rules.bypass.0"), Value::string("AzureServices"));
  EXPECT_EQ(at(a, "network_rules.bypass").provenance(), Provenance::Default);
  EXPECT_EQ(at(a, "encryption.customer_managed_key"), Value::boolean(true));
  EXPECT_EQ(at(a, "encryption.key"), Value::string("${azurerm_key_vault_key.k}"));
  EXPECT_EQ(at(a, "blob.versioning"), Value::boolean(true));
  EXPECT_EQ(at(a, "blob.delete_retention_days"), Value::number(7));
  EXPECT_EQ(at(a, "public_containers.0"), Value::string("azurerm_storage_container.public"));
  EXPECT_EQ(at(a, "tags.env"), Value::string("prod"));
  test::expect_all_fit(out);

  const Resource* c =
      test::find(out, "azure.storage.container", "azurerm_storage_container.public");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(at(c->attributes, "public"), Value::boolean(true));
  EXPECT_EQ(at(c->attributes, "account_allows_public"), Value::boolean(false));
  EXPECT_EQ(at(c->attributes, "account"), Value::string("${azurerm_storage_account.data}"));
}

TEST(AzureStorage, AbsentArgumentsTakeProviderDefaults) {
  Document doc = test::tf_doc(R"(
azurerm_storage_account.min:
  name: stmin
  account_tier: Standard
  account_replication_type: LRS
)");
  Diagnostics diags;
  auto out = test::run(model::azure::adapt, doc, diags);
  ASSERT_EQ(out.size(), 1u);
  Value a = test::with_defaults(out[0]);
  EXPECT_EQ(at(a, "https_only"), Value::boolean(true));
  EXPECT_EQ(at(a, "https_only").provenance(), Provenance::Default);
  EXPECT_EQ(at(a, "min_tls_version"), Value::string("TLS1_2"));
  EXPECT_EQ(at(a, "nested_items_public"), Value::boolean(true));
  EXPECT_EQ(at(a, "public_network_access"), Value::boolean(true));
  EXPECT_EQ(at(a, "network_rules.default_action"), Value::string("Allow"));
  EXPECT_EQ(at(a, "encryption.customer_managed_key"), Value::boolean(false));
  EXPECT_EQ(a.at_path("blob.delete_retention_days"), nullptr);
}

TEST(AzureStorage, ContainerOfAccountOutsideConfigurationIsUnknown) {
  Document doc = test::tf_doc(R"(
azurerm_storage_container.c:
  name: c
  storage_account_name: {$unknown: var.account}
azurerm_storage_container.d:
  name: d
  storage_account_id: /subscriptions/0000/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/other
)");
  Diagnostics diags;
  auto out = test::run(model::azure::adapt, doc, diags);
  ASSERT_EQ(out.size(), 2u);
  Value c = test::with_defaults(out[0]);
  EXPECT_TRUE(at(c, "account_allows_public").is_unknown());
  EXPECT_EQ(at(c, "access_type"), Value::string("private"));
  EXPECT_EQ(at(c, "public"), Value::boolean(false));
  EXPECT_TRUE(at(out[1].attributes, "account_allows_public").is_unknown());
  test::expect_all_fit(out);
}

TEST(AzureStorage, ContainerMatchesAccountByKnownId) {
  Document doc = test::tf_doc(R"(
azurerm_storage_account.st: {name: stlogs, allow_nested_items_to_be_public: true}
azurerm_storage_container.c:
  name: c
  container_access_type: container
  storage_account_id: /subscriptions/0000/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/STLOGS
)");
  Diagnostics diags;
  auto out = test::run(model::azure::adapt, doc, diags);
  const Resource* c = test::find(out, "azure.storage.container", "azurerm_storage_container.c");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(at(c->attributes, "account_allows_public"), Value::boolean(true));
  const Resource* acc = test::find(out, "azure.storage.account", "azurerm_storage_account.st");
  ASSERT_NE(acc, nullptr);
  EXPECT_EQ(at(acc->attributes, "public_containers").as_list().size(), 1u);
}

TEST(AzureStorage, JoinsInsideModulesByFullAddress) {
  Document doc = test::tf_doc(R"(
module.data.azurerm_storage_account.st["eu"]: {name: steu}
module.data.azurerm_storage_account.st["us"]: {name: stus}
module.data.azurerm_storage_account_network_rules.st["eu"]:
  storage_account_id: {$ref: 'module.data.azurerm_storage_account.st["eu"].id'}
  default_action: Deny
)");
  Diagnostics diags;
  auto out = test::run(model::azure::adapt, doc, diags);
  ASSERT_EQ(out.size(), 2u);
  Value eu = test::with_defaults(out[0]);
  Value us = test::with_defaults(out[1]);
  EXPECT_EQ(out[0].address, "module.data.azurerm_storage_account.st[\"eu\"]");
  EXPECT_EQ(at(eu, "network_rules.default_action"), Value::string("Deny"));
  EXPECT_EQ(at(us, "network_rules.default_action"), Value::string("Allow"));
}

}  // namespace
}  // namespace cc
