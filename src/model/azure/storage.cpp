// Storage accounts and blob containers. The provider splits an account over several
// resources (network rules, customer-managed key); they are joined into the account.
#include "model/azure/common.h"
#include "model/azure/services.h"
#include "model/base/terraform.h"

namespace cc::model::azure {

namespace {

// Network rules from an inline `network_rules` block or an
// azurerm_storage_account_network_rules resource (both spell the arguments alike).
Value network_rules(const Value& block, Span span, Diagnostics& diags) {
  if (block.is_unknown()) return block;
  Value out = Value::map({}, block.span().known() ? block.span() : span);
  set_string(out, "default_action", member(&block, {"default_action"}), diags);
  if (!set_string_list(out, "bypass", member(&block, {"bypass"}), diags))
    out.set("bypass", provider_default(Value::list({Value::string("AzureServices")}, span), span));
  set_string_list(out, "ip_rules", member(&block, {"ip_rules"}), diags);
  if (const Value* subnets = member(&block, {"virtual_network_subnet_ids"}))
    out.set("subnet_ids", reference_names(*subnets));
  return out;
}

Value blob_retention(const Value& props, Diagnostics& diags) {
  if (props.is_unknown()) return props;
  Value out = Value::map({}, props.span());
  set_bool(out, "versioning", member(&props, {"versioning_enabled"}), diags);
  // A retention policy block without `days` keeps deleted items for seven days.
  for (auto [block, field] :
       {std::pair{"delete_retention_policy", "delete_retention_days"},
        std::pair{"container_delete_retention_policy", "container_delete_retention_days"}}) {
    const Value* policy = member(&props, {block});
    if (!policy) continue;
    if (!set_number(out, field, member(policy, {"days"}), diags))
      out.set(field, provider_default(Value::number(7), policy->span()));
  }
  return out;
}

void adapt_account(AdaptContext& ctx, const Resource& raw) {
  Resource out = tf::make_canonical(raw, "azure.storage.account", "name");
  Value& a = out.attributes;
  Diagnostics& d = ctx.diags;
  set_string(a, "name", arg(raw, {"name"}), d);
  set_string(a, "account_kind", arg(raw, {"account_kind"}), d);
  set_string(a, "replication_type", arg(raw, {"account_replication_type"}), d);
  set_bool(a, "https_only", arg(raw, {"https_traffic_only_enabled", "enable_https_traffic_only"}),
           d);
  set_string(a, "min_tls_version", arg(raw, {"min_tls_version"}), d);
  set_bool(a, "public_network_access", arg(raw, {"public_network_access_enabled"}), d);
  set_bool(a, "nested_items_public",
           arg(raw, {"allow_nested_items_to_be_public", "allow_blob_public_access"}), d);
  set_bool(a, "shared_key_access", arg(raw, {"shared_access_key_enabled"}), d);
  set_bool(a, "infrastructure_encryption", arg(raw, {"infrastructure_encryption_enabled"}), d);

  const Value* cmk_key = nullptr;
  if (const Value* cmk = tf::first_block(raw, "customer_managed_key"))
    cmk_key = member(cmk, {"key_vault_key_id", "managed_hsm_key_id"});
  for (const Resource* r :
       children(ctx, "azurerm_storage_account_customer_managed_key", {"storage_account_id"}, raw))
    cmk_key = arg(*r, {"key_vault_key_id", "managed_hsm_key_id", "key_name"});
  if (cmk_key) {
    a.set_path("encryption.customer_managed_key", is_set(cmk_key, raw.span));
    a.set_path("encryption.key", reference_name(*cmk_key));
  }

  if (const Value* rules = tf::first_block(raw, "network_rules"))
    a.set("network_rules", network_rules(*rules, raw.span, d));
  auto separate =
      children(ctx, "azurerm_storage_account_network_rules", {"storage_account_id"}, raw);
  for (const Resource* r :
       children_by_name(ctx, "azurerm_storage_account_network_rules", "storage_account_name", raw))
    separate.push_back(r);
  for (const Resource* r : separate)
    a.set("network_rules", network_rules(r->attributes, r->span, d));

  if (const Value* props = tf::first_block(raw, "blob_properties"))
    a.set("blob", blob_retention(*props, d));

  List public_containers;
  auto containers = children(ctx, "azurerm_storage_container", {"storage_account_id"}, raw);
  for (const Resource* c :
       children_by_name(ctx, "azurerm_storage_container", "storage_account_name", raw))
    containers.push_back(c);
  for (const Resource* c : containers) {
    const Value* access = c->attributes.find("container_access_type");
    if (access && access->is_string() && lower(access->as_string()) != "private")
      public_containers.push_back(Value::string(c->address, access->span()));
  }
  if (!public_containers.empty())
    a.set("public_containers", Value::list(std::move(public_containers), raw.span));

  Value tags = tags_of(raw, d);
  if (!tags.is_null()) a.set("tags", std::move(tags));
  ctx.out.push_back(std::move(out));
}

void adapt_container(AdaptContext& ctx, const Resource& raw) {
  Resource out = tf::make_canonical(raw, "azure.storage.container", "name");
  Value& a = out.attributes;
  Diagnostics& d = ctx.diags;
  set_string(a, "name", arg(raw, {"name"}), d);
  const Value* account_ref = arg(raw, {"storage_account_id", "storage_account_name"});
  if (account_ref) a.set("account", reference_name(*account_ref));
  if (const Value* access = arg(raw, {"container_access_type"})) {
    Value type = to_string(*access, d);
    a.set("access_type", type);
    a.set("public", type.is_string()
                        ? Value::boolean(lower(type.as_string()) != "private", type.span())
                        : type);
  }

  // Whether the account lets containers be public decides if the access type takes
  // effect; an account outside the configuration leaves that unknown.
  const Resource* account = nullptr;
  for (const Resource* acc : tf::resources_of_type(ctx, "azurerm_storage_account")) {
    if (account_ref && points_at(*account_ref, *acc)) {
      account = acc;
      break;
    }
  }
  Span span = account_ref ? account_ref->span() : raw.span;
  if (account) {
    const Value* allow =
        arg(*account, {"allow_nested_items_to_be_public", "allow_blob_public_access"});
    a.set("account_allows_public",
          allow ? to_bool(*allow, d) : provider_default(Value::boolean(true), account->span));
  } else {
    a.set("account_allows_public",
          Value::unknown("the storage account is not in the configuration", span));
  }
  ctx.out.push_back(std::move(out));
}

}  // namespace

void adapt_storage(AdaptContext& ctx) {
  for (const Resource* r : tf::resources_of_type(ctx, "azurerm_storage_account"))
    adapt_account(ctx, *r);
  for (const Resource* r : tf::resources_of_type(ctx, "azurerm_storage_container"))
    adapt_container(ctx, *r);
}

}  // namespace cc::model::azure
