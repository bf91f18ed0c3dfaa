#include <gtest/gtest.h>

#include "../common/raw_tf.h"
#include "model/azure/azure.h"

namespace cc {
namespace {

using test::at;

TEST(AzureMonitor, DiagnosticSettingsAttachToTheirTargets) {
  Document doc = test::tf_doc(R"(
azurerm_key_vault.kv: {name: kv}
azurerm_key_vault.quiet: {name: quiet}
azurerm_monitor_diagnostic_setting.kv:
  name: kv-audit
  target_resource_id: {$ref: azurerm_key_vault.kv.id}
  log_analytics_workspace_id: {$ref: azurerm_log_analytics_workspace.law.id}
  enabled_log: [{category: AuditEvent}]
  metric: [{category: AllMetrics, enabled: false}]
azurerm_monitor_diagnostic_setting.kv_archive:
  name: kv-archive
  target_resource_id: {$ref: azurerm_key_vault.kv.id}
  storage_account_id: {$ref: azurerm_storage_account.logs.id}
  enabled_log: [{category_group: allLogs}]
azurerm_monitor_diagnostic_setting.elsewhere:
  name: elsewhere
  target_resource_id: /subscriptions/0000/resourceGroups/rg/providers/Microsoft.Web/sites/other
  eventhub_authorization_rule_id: {$ref: azurerm_eventhub_namespace_authorization_rule.r.id}
  log: [{category: AppServiceHTTPLogs, enabled: false}]
)");
  Diagnostics diags;
  auto out = test::run(model::azure::adapt, doc, diags);
  EXPECT_TRUE(diags.empty());
  const Resource* kv = test::find(out, "azure.keyvault.vault", "azurerm_key_vault.kv");
  ASSERT_NE(kv, nullptr);
  Value a = test::with_defaults(*kv);
  EXPECT_EQ(at(a, "diagnostics.enabled"), Value::boolean(true));
  EXPECT_EQ(at(a, "diagnostics.settings"), Value::number(2));
  ASSERT_EQ(at(a, "diagnostics.log_categories").as_list().size(), 2u);
  EXPECT_EQ(at(a, "diagnostics.log_categories.0"), Value::string("AuditEvent"));
  EXPECT_EQ(at(a, "diagnostics.all_logs"), Value::boolean(true));
  EXPECT_EQ(at(a, "diagnostics.metrics"), Value::boolean(false));
  EXPECT_EQ(at(a, "diagnostics.destinations.1"), Value::string("storage"));
  EXPECT_EQ(at(a, "diagnostics.enabled").span().line, 4u);

  const Resource* quiet = test::find(out, "azure.keyvault.vault", "azurerm_key_vault.quiet");
  ASSERT_NE(quiet, nullptr);
  Value q = test::with_defaults(*quiet);
  EXPECT_EQ(at(q, "diagnostics.enabled"), Value::boolean(false));
  EXPECT_EQ(at(q, "diagnostics.enabled").provenance(), Provenance::Default);

  const Resource* elsewhere = test::find(out, "azure.monitor.diagnostic_setting",
                                         "azurerm_monitor_diagnostic_setting.elsewhere");
  ASSERT_NE(elsewhere, nullptr);
  Value e = test::with_defaults(*elsewhere);
  EXPECT_EQ(at(e, "target_in_configuration"), Value::boolean(false));
  EXPECT_TRUE(at(e, "log_categories").as_list().empty());
  EXPECT_EQ(at(e, "destinations.0"), Value::string("event_hub"));
  test::expect_all_fit(out);
}

TEST(AzureMonitor, ActivityLogAlert) {
  Document doc = test::tf_doc(R"(
azurerm_monitor_activity_log_alert.nsg:
  name: nsg-changes
  scopes: [{$ref: data.azurerm_subscription.current.id}]
  criteria: [{category: Administrative, operation_name: Microsoft.Network/networkSecurityGroups/write}]
  action: [{action_group_id: {$ref: azurerm_monitor_action_group.ops.id}}]
azurerm_monitor_activity_log_alert.silent:
  name: silent
  enabled: false
  scopes: [/subscriptions/0000]
  criteria: [{category: Security}]
)");
  Diagnostics diags;
  auto out = test::run(model::azure::adapt, doc, diags);
  ASSERT_EQ(out.size(), 2u);
  Value a = test::with_defaults(out[0]);
  EXPECT_EQ(at(a, "enabled"), Value::boolean(true));
  EXPECT_EQ(at(a, "action_groups"), Value::number(1));
  EXPECT_EQ(at(a, "category"), Value::string("Administrative"));
  EXPECT_EQ(at(a, "scopes.0"), Value::string("${data.azurerm_subscription.current}"));
  Value s = test::with_defaults(out[1]);
  EXPECT_EQ(at(s, "enabled"), Value::boolean(false));
  EXPECT_EQ(at(s, "action_groups"), Value::number(0));
  test::expect_all_fit(out);
}

}  // namespace
}  // namespace cc
