// AKS clusters. Argument names changed between provider majors (enable_* became
// *_enabled); both spellings are read.
#include "model/azure/common.h"
#include "model/azure/services.h"
#include "model/base/terraform.h"

namespace cc::model::azure {

namespace {

// A block whose presence switches a feature on (oms_agent, microsoft_defender).
void set_present(Value& a, std::string_view field, const Resource& raw, std::string_view block) {
  if (const Value* b = tf::first_block(raw, block))
    a.set(std::string(field), b->is_unknown() ? *b : Value::boolean(true, b->span()));
}

void adapt_cluster(AdaptContext& ctx, const Resource& raw) {
  Resource out = tf::make_canonical(raw, "azure.aks.cluster", "name");
  Value& a = out.attributes;
  Diagnostics& d = ctx.diags;
  set_string(a, "name", arg(raw, {"name"}), d);
  set_string(a, "kubernetes_version", arg(raw, {"kubernetes_version"}), d);
  set_string(a, "sku_tier", arg(raw, {"sku_tier"}), d);
  set_bool(a, "private_cluster", arg(raw, {"private_cluster_enabled"}), d);
  set_string_list(a, "authorized_ip_ranges",
                  arg(raw, {"api_server_access_profile.authorized_ip_ranges",
                            "api_server_authorized_ip_ranges"}),
                  d);
  set_bool(a, "rbac_enabled",
           arg(raw, {"role_based_access_control_enabled", "role_based_access_control.enabled"}), d);
  const Value* aad = tf::first_block(raw, "azure_active_directory_role_based_access_control");
  if (!aad) aad = arg(raw, {"role_based_access_control.azure_active_directory"});
  if (aad) {
    a.set("azure_ad_rbac", aad->is_unknown() ? *aad : Value::boolean(true, aad->span()));
    set_bool(a, "azure_rbac", member(aad, {"azure_rbac_enabled"}), d);
  }
  set_bool(a, "local_accounts_disabled", arg(raw, {"local_account_disabled"}), d);
  set_string(a, "network_plugin", arg(raw, {"network_profile.network_plugin"}), d);
  set_string(a, "network_policy", arg(raw, {"network_profile.network_policy"}), d);
  if (const Value* des = arg(raw, {"disk_encryption_set_id"}))
    a.set("disk_encryption_customer_managed_key", is_set(des, raw.span));
  set_bool(a, "host_encryption",
           arg(raw, {"default_node_pool.host_encryption_enabled",
                     "default_node_pool.enable_host_encryption"}),
           d);
  set_bool(a, "node_public_ip",
           arg(raw, {"default_node_pool.node_public_ip_enabled",
                     "default_node_pool.enable_node_public_ip"}),
           d);
  set_present(a, "monitoring", raw, "oms_agent");
  if (const Value* legacy = arg(raw, {"addon_profile.oms_agent.enabled"}))
    set_bool(a, "monitoring", legacy, d);
  set_bool(a, "azure_policy",
           arg(raw, {"azure_policy_enabled", "addon_profile.azure_policy.enabled"}), d);
  set_present(a, "defender", raw, "microsoft_defender");
  set_string(a, "automatic_upgrade_channel",
             arg(raw, {"automatic_upgrade_channel", "automatic_channel_upgrade"}), d);
  Value tags = tags_of(raw, d);
  if (!tags.is_null()) a.set("tags", std::move(tags));
  ctx.out.push_back(std::move(out));
}

}  // namespace

void adapt_aks(AdaptContext& ctx) {
  for (const Resource* r : tf::resources_of_type(ctx, "azurerm_kubernetes_cluster"))
    adapt_cluster(ctx, *r);
}

}  // namespace cc::model::azure
