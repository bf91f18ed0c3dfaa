#include <gtest/gtest.h>

#include "../common/raw_tf.h"
#include "model/azure/azure.h"

namespace cc {
namespace {

using test::at;

constexpr const char* kNetwork = R"(
azurerm_network_security_group.web:
  name: nsg-web
  security_rule:
    - name: ssh
      priority: 100
      direction: Inbound
      access: Allow
      protocol: Tcp
      source_address_prefix: "*"
      source_port_range: "*"
      destination_address_prefix: "*"
      destination_port_range: "22"
    - name: app
      priority: 110
      direction: Inbound
      access: Allow
      protocol: Tcp
      source_address_prefixes: [10.0.0.0/8]
      destination_port_ranges: ["8000-8100", "443"]
azurerm_network_security_rule.rdp:
  name: rdp
  network_security_group_name: {$ref: azurerm_network_security_group.web.name}
  priority: 120
  direction: Inbound
  access: Allow
  protocol: "*"
  source_address_prefix: Internet
  destination_port_range: "3389"
azurerm_network_security_rule.var:
  name: var
  network_security_group_name: nsg-web
  priority: 130
  direction: Inbound
  access: Allow
  protocol: Tcp
  source_address_prefix: {$unknown: var.source}
  destination_port_range: "*"
azurerm_network_watcher_flow_log.web:
  network_watcher_name: nw
  resource_group_name: rg
  network_security_group_id: {$ref: azurerm_network_security_group.web.id}
  storage_account_id: {$ref: azurerm_storage_account.logs.id}
  enabled: true
  retention_policy: [{enabled: true, days: 30}]
azurerm_virtual_network.main:
  name: vnet-main
  address_space: [10.0.0.0/16]
  subnet:
    - name: inline
      address_prefixes: [10.0.9.0/24]
      security_group: {$ref: azurerm_network_security_group.web.id}
azurerm_subnet.app:
  name: snet-app
  virtual_network_name: {$ref: azurerm_virtual_network.main.name}
  address_prefixes: [10.0.1.0/24]
azurerm_subnet.gateway:
  name: GatewaySubnet
  virtual_network_name: vnet-main
  address_prefixes: [10.0.2.0/27]
azurerm_subnet_network_security_group_association.app:
  subnet_id: {$ref: azurerm_subnet.app.id}
  network_security_group_id: {$ref: azurerm_network_security_group.web.id}
)";

TEST(AzureNetwork, SecurityGroupNormalisesInlineAndSeparateRules) {
  Document doc = test::tf_doc(kNetwork);
  Diagnostics diags;
  auto out = test::run(model::azure::adapt, doc, diags);
  EXPECT_TRUE(diags.empty());
  const Resource* nsg =
      test::find(out, "azure.network.security_group", "azurerm_network_security_group.web");
  ASSERT_NE(nsg, nullptr);
  Value a = test::with_defaults(*nsg);
  ASSERT_EQ(at(a, "rules").as_list().size(), 4u);
  EXPECT_EQ(at(a, "rules.0.from_internet"), Value::boolean(true));
  EXPECT_EQ(at(a, "rules.0.ports.0.from"), Value::number(22));
  EXPECT_EQ(at(a, "rules.0.ports.0.to"), Value::number(22));
  EXPECT_EQ(at(a, "rules.0.ports.0.from").span().line, 13u);
  EXPECT_EQ(at(a, "rules.0.source"), Value::string("inline"));
  EXPECT_EQ(at(a, "rules.1.from_internet"), Value::boolean(false));
  EXPECT_EQ(at(a, "rules.1.ports.0.from"), Value::number(8000));
  EXPECT_EQ(at(a, "rules.1.ports.0.to"), Value::number(8100));
  EXPECT_EQ(at(a, "rules.1.ports.1.from"), Value::number(443));
  EXPECT_EQ(at(a, "rules.2.source"), Value::string("azurerm_network_security_rule.rdp"));
  EXPECT_EQ(at(a, "rules.2.from_internet"), Value::boolean(true));
  EXPECT_EQ(at(a, "rules.2.protocol"), Value::string("*"));
  // Joined by the group's known name; the unknown source leaves internet exposure open.
  EXPECT_TRUE(at(a, "rules.3.from_internet").is_unknown());
  EXPECT_EQ(at(a, "rules.3.ports.0.to"), Value::number(65535));
  EXPECT_EQ(at(a, "flow_log.enabled"), Value::boolean(true));
  EXPECT_EQ(at(a, "flow_log.retention_days"), Value::number(30));
  EXPECT_EQ(at(a, "subnets.0"), Value::string("${azurerm_subnet.app}"));
  test::expect_all_fit(out);
}

TEST(AzureNetwork, SubnetsKnowTheirSecurityGroup) {
  Document doc = test::tf_doc(kNetwork);
  Diagnostics diags;
  auto out = test::run(model::azure::adapt, doc, diags);
  const Resource* app = test::find(out, "azure.network.subnet", "azurerm_subnet.app");
  ASSERT_NE(app, nullptr);
  EXPECT_EQ(at(app->attributes, "has_network_security_group"), Value::boolean(true));
  EXPECT_EQ(at(app->attributes, "network_security_group"),
            Value::string("${azurerm_network_security_group.web}"));
  EXPECT_EQ(at(app->attributes, "virtual_network"),
            Value::string("${azurerm_virtual_network.main}"));
  const Resource* gw = test::find(out, "azure.network.subnet", "azurerm_subnet.gateway");
  ASSERT_NE(gw, nullptr);
  Value g = test::with_defaults(*gw);
  EXPECT_EQ(at(g, "has_network_security_group"), Value::boolean(false));
  EXPECT_EQ(at(g, "special_purpose"), Value::boolean(true));
  const Resource* inline_subnet =
      test::find(out, "azure.network.subnet", "azurerm_virtual_network.main.subnet[\"inline\"]");
  ASSERT_NE(inline_subnet, nullptr);
  EXPECT_EQ(inline_subnet->name, "inline");
  EXPECT_EQ(inline_subnet->span.line, 50u);
  EXPECT_EQ(at(inline_subnet->attributes, "has_network_security_group"), Value::boolean(true));
  const Resource* vnet =
      test::find(out, "azure.network.virtual_network", "azurerm_virtual_network.main");
  ASSERT_NE(vnet, nullptr);
  Value v = test::with_defaults(*vnet);
  EXPECT_EQ(at(v, "subnets").as_list().size(), 3u);
  EXPECT_EQ(at(v, "ddos_protection"), Value::boolean(false));
}

TEST(AzureNetwork, UnreadablePortRangeIsUnknownWithDiagnostic) {
  Document doc = test::tf_doc(R"(
azurerm_network_security_group.g:
  name: g
  security_rule:
    - {name: bad, direction: Inbound, access: Allow, protocol: Tcp, source_address_prefix: "*", destination_port_range: "ssh"}
)");
  Diagnostics diags;
  auto out = test::run(model::azure::adapt, doc, diags);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_TRUE(at(out[0].attributes, "rules.0.ports.0").is_unknown());
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].code, "azure.port_range");
  EXPECT_EQ(diags[0].span.line, 5u);
}

}  // namespace
}  // namespace cc
