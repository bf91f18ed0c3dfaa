#include <gtest/gtest.h>

#include "../common/raw_tf.h"
#include "model/azure/azure.h"

namespace cc {
namespace {

using test::at;

constexpr const char* kServer = R"(
azurerm_mssql_server.main:
  name: sql-prod
  version: "12.0"
  minimum_tls_version: "1.2"
  public_network_access_enabled: false
  azuread_administrator:
    - login_username: dba
      object_id: 00000000-0000-0000-0000-000000000001
      azuread_authentication_only: true
azurerm_mssql_firewall_rule.all:
  name: all
  server_id: {$ref: azurerm_mssql_server.main.id}
  start_ip_address: 0.0.0.0
  end_ip_address: 255.255.255.255
azurerm_mssql_firewall_rule.azure:
  name: azure
  server_id: {$ref: azurerm_mssql_server.main.id}
  start_ip_address: 0.0.0.0
  end_ip_address: 0.0.0.0
azurerm_mssql_server_extended_auditing_policy.main:
  server_id: {$ref: azurerm_mssql_server.main.id}
  storage_endpoint: {$ref: azurerm_storage_account.audit.primary_blob_endpoint}
  retention_in_days: 90
azurerm_mssql_server_transparent_data_encryption.main:
  server_id: {$ref: azurerm_mssql_server.main.id}
  key_vault_key_id: {$ref: azurerm_key_vault_key.tde.id}
azurerm_mssql_server_security_alert_policy.main:
  resource_group_name: rg
  server_name: {$ref: azurerm_mssql_server.main.name}
  state: Enabled
azurerm_mssql_database.app:
  name: app
  server_id: {$ref: azurerm_mssql_server.main.id}
  short_term_retention_policy: [{retention_days: 14}]
  long_term_retention_policy: [{weekly_retention: P4W}]
azurerm_mssql_database.orphan:
  name: orphan
  server_id: {$unknown: var.server_id}
  transparent_data_encryption_enabled: false
)";

TEST(AzureSql, ServerJoinsFirewallAuditingTdeAndAlerts) {
  Document doc = test::tf_doc(kServer);
  Diagnostics diags;
  auto out = test::run(model::azure::adapt, doc, diags);
  EXPECT_TRUE(diags.empty());
  const Resource* s = test::find(out, "azure.sql.server", "azurerm_mssql_server.main");
  ASSERT_NE(s, nullptr);
  Value a = test::with_defaults(*s);
  EXPECT_EQ(at(a, "public_network_access"), Value::boolean(false));
  EXPECT_EQ(at(a, "azuread_only"), Value::boolean(true));
  ASSERT_EQ(at(a, "firewall_rules").as_list().size(), 2u);
  EXPECT_EQ(at(a, "firewall_rules.0.open_to_internet"), Value::boolean(true));
  EXPECT_EQ(at(a, "firewall_rules.0.open_to_internet").span().line, 14u);
  EXPECT_EQ(at(a, "firewall_rules.1.open_to_internet"), Value::boolean(false));
  EXPECT_EQ(at(a, "firewall_rules.1.allows_azure_services"), Value::boolean(true));
  EXPECT_EQ(at(a, "auditing.enabled"), Value::boolean(true));
  EXPECT_EQ(at(a, "auditing.enabled").provenance(), Provenance::Default);
  EXPECT_EQ(at(a, "auditing.retention_days"), Value::number(90));
  EXPECT_EQ(at(a, "tde.customer_managed_key"), Value::boolean(true));
  EXPECT_EQ(at(a, "tde.key"), Value::string("${azurerm_key_vault_key.tde}"));
  EXPECT_EQ(at(a, "threat_detection"), Value::boolean(true));
  test::expect_all_fit(out);
}

TEST(AzureSql, DatabaseInheritsServerAuditingOrStaysUnknown) {
  Document doc = test::tf_doc(kServer);
  Diagnostics diags;
  auto out = test::run(model::azure::adapt, doc, diags);
  const Resource* app = test::find(out, "azure.sql.database", "azurerm_mssql_database.app");
  ASSERT_NE(app, nullptr);
  Value a = test::with_defaults(*app);
  EXPECT_EQ(at(a, "auditing.enabled"), Value::boolean(true));
  EXPECT_EQ(at(a, "auditing.inherited"), Value::boolean(true));
  EXPECT_EQ(at(a, "short_term_retention_days"), Value::number(14));
  EXPECT_EQ(at(a, "long_term_retention"), Value::boolean(true));
  EXPECT_EQ(at(a, "tde_enabled"), Value::boolean(true));
  EXPECT_EQ(at(a, "tde_enabled").provenance(), Provenance::Default);

  const Resource* orphan = test::find(out, "azure.sql.database", "azurerm_mssql_database.orphan");
  ASSERT_NE(orphan, nullptr);
  Value o = test::with_defaults(*orphan);
  EXPECT_TRUE(at(o, "auditing.enabled").is_unknown());
  EXPECT_EQ(at(o, "tde_enabled"), Value::boolean(false));
  EXPECT_TRUE(at(o, "server").is_unknown());
}

TEST(AzureSql, ServerWithoutPolicyHasNoAuditing) {
  Document doc = test::tf_doc(R"(
azurerm_mssql_server.bare: {name: bare, version: "12.0", transparent_data_encryption_key_vault_key_id: ""}
azurerm_mssql_database.db: {name: db, server_id: {$ref: azurerm_mssql_server.bare.id}}
)");
  Diagnostics diags;
  auto out = test::run(model::azure::adapt, doc, diags);
  ASSERT_EQ(out.size(), 2u);
  Value s = test::with_defaults(out[0]);
  EXPECT_EQ(at(s, "auditing.enabled"), Value::boolean(false));
  EXPECT_EQ(at(s, "minimum_tls_version"), Value::string("1.2"));
  EXPECT_EQ(at(s, "tde.customer_managed_key"), Value::boolean(false));
  Value db = test::with_defaults(out[1]);
  EXPECT_EQ(at(db, "auditing.enabled"), Value::boolean(false));
}

}  // namespace
}  // namespace cc
