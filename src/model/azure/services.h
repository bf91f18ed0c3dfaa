#pragma once
// One adapter per Azure service; azure::adapt() runs them in this order, then attaches
// diagnostic settings to the resources they target (which must exist by then).
#include "model/base/adapt.h"

namespace cc::model::azure {

void adapt_storage(AdaptContext& ctx);           // azure.storage.account, azure.storage.container
void adapt_keyvault(AdaptContext& ctx);          // azure.keyvault.vault, azure.keyvault.key
void adapt_sql(AdaptContext& ctx);               // azure.sql.server, azure.sql.database
void adapt_flexible_servers(AdaptContext& ctx);  // azure.postgresql / azure.mysql flexible_server
void adapt_network(AdaptContext& ctx);           // security_group, virtual_network, subnet
void adapt_compute(AdaptContext& ctx);           // virtual_machine, scale_set, managed_disk
void adapt_aks(AdaptContext& ctx);               // azure.aks.cluster
void adapt_appservice(AdaptContext& ctx);        // azure.appservice.web_app
void adapt_monitor(AdaptContext& ctx);           // diagnostic_setting, activity_log_alert
void adapt_authorization(AdaptContext& ctx);     // role_assignment, role_definition

// Fills the `diagnostics` field of every emitted resource that an
// azurerm_monitor_diagnostic_setting targets. Runs after every other adapter.
void attach_diagnostics(AdaptContext& ctx);

}  // namespace cc::model::azure
