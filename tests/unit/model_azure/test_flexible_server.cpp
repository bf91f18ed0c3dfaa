#include <gtest/gtest.h>

#include "../common/raw_tf.h"
#include "model/azure/azure.h"

namespace cc {
namespace {

using test::at;

TEST(AzureFlexibleServer, PostgresJoinsFirewallAndParameters) {
  Document doc = test::tf_doc(R"(
azurerm_postgresql_flexible_server.pg:
  name: pg-prod
  version: "16"
  backup_retention_days: 35
  geo_redundant_backup_enabled: true
  authentication: [{password_auth_enabled: false, active_directory_auth_enabled: true}]
azurerm_postgresql_flexible_server_firewall_rule.office:
  name: office
  server_id: {$ref: azurerm_postgresql_flexible_server.pg.id}
  start_ip_address: 203.0.113.10
  end_ip_address: 203.0.113.20
azurerm_postgresql_flexible_server_configuration.tls:
  name: require_secure_transport
  server_id: {$ref: azurerm_postgresql_flexible_server.pg.id}
  value: "off"
azurerm_postgresql_flexible_server_configuration.min:
  name: ssl_min_protocol_version
  server_id: {$ref: azurerm_postgresql_flexible_server.pg.id}
  value: TLSv1.3
)");
  Diagnostics diags;
  auto out = test::run(model::azure::adapt, doc, diags);
  ASSERT_EQ(out.size(), 1u);
  Value a = test::with_defaults(out[0]);
  EXPECT_EQ(at(a, "public_network_access"), Value::boolean(true));
  EXPECT_EQ(at(a, "public_network_access").provenance(), Provenance::Default);
  EXPECT_EQ(at(a, "firewall_rules.0.open_to_internet"), Value::boolean(false));
  EXPECT_EQ(at(a, "require_secure_transport"), Value::boolean(false));
  EXPECT_EQ(at(a, "require_secure_transport").span().line, 16u);
  EXPECT_EQ(at(a, "tls_min_version"), Value::string("TLSv1.3"));
  EXPECT_EQ(at(a, "configurations.require_secure_transport"), Value::string("off"));
  EXPECT_EQ(at(a, "backup_retention_days"), Value::number(35));
  EXPECT_EQ(at(a, "geo_redundant_backup"), Value::boolean(true));
  EXPECT_EQ(at(a, "password_auth"), Value::boolean(false));
  test::expect_all_fit(out);
}

TEST(AzureFlexibleServer, MysqlInDelegatedSubnetHasNoPublicEndpoint) {
  Document doc = test::tf_doc(R"(
azurerm_mysql_flexible_server.db:
  name: mysql-prod
  delegated_subnet_id: {$ref: azurerm_subnet.db.id}
azurerm_mysql_flexible_server_configuration.audit:
  name: audit_log_enabled
  server_id: {$ref: azurerm_mysql_flexible_server.db.id}
  value: "ON"
azurerm_mysql_flexible_server_configuration.tls:
  name: tls_version
  server_id: {$ref: azurerm_mysql_flexible_server.db.id}
  value: TLSv1.2,TLSv1.1
azurerm_mysql_flexible_server.open:
  name: mysql-open
  public_network_access: Enabled
azurerm_mysql_flexible_server_firewall_rule.any:
  name: any
  server_id: {$ref: azurerm_mysql_flexible_server.open.id}
  start_ip_address: 0.0.0.0
  end_ip_address: {$unknown: var.end}
)");
  Diagnostics diags;
  auto out = test::run(model::azure::adapt, doc, diags);
  ASSERT_EQ(out.size(), 2u);
  Value db = test::with_defaults(out[0]);
  EXPECT_EQ(at(db, "public_network_access"), Value::boolean(false));
  EXPECT_EQ(at(db, "vnet_integrated"), Value::boolean(true));
  EXPECT_EQ(at(db, "audit_log"), Value::boolean(true));
  EXPECT_EQ(at(db, "tls_min_version"), Value::string("TLSv1.1"));
  EXPECT_EQ(at(db, "require_secure_transport"), Value::boolean(true));
  EXPECT_EQ(at(db, "require_secure_transport").provenance(), Provenance::Default);
  Value open = test::with_defaults(out[1]);
  EXPECT_EQ(at(open, "public_network_access"), Value::boolean(true));
  EXPECT_EQ(at(open, "audit_log"), Value::boolean(false));
  EXPECT_TRUE(at(open, "firewall_rules.0.open_to_internet").is_unknown());
  test::expect_all_fit(out);
}

}  // namespace
}  // namespace cc
