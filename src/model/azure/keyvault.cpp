// Key Vaults (with their access policies, inline or separate) and Key Vault keys.
#include "model/azure/common.h"
#include "model/azure/services.h"
#include "model/base/terraform.h"

namespace cc::model::azure {

namespace {

bool grants_purge(const Value& permissions) {
  if (!permissions.is_list()) return false;
  for (const auto& p : permissions.as_list())
    if (p.is_string() && lower(p.as_string()) == "purge") return true;
  return false;
}

Value access_policy(const Value& block, std::string source, Span span, Diagnostics& d) {
  if (block.is_unknown()) return block;
  Value p = Value::map({}, block.span().known() ? block.span() : span);
  if (const Value* id = member(&block, {"object_id"})) p.set("object_id", reference_name(*id));
  // can_purge points at the permission list that grants it.
  Value purge = Value::boolean(false, p.span());
  for (const char* kind : {"key_permissions", "secret_permissions", "certificate_permissions"}) {
    if (!set_string_list(p, kind, member(&block, {kind}), d)) continue;
    const Value& granted = *p.find(kind);
    if (!purge.as_bool() && grants_purge(granted)) purge = Value::boolean(true, granted.span());
  }
  p.set("can_purge", std::move(purge));
  p.set("source", Value::string(std::move(source), p.span()));
  return p;
}

void adapt_vault(AdaptContext& ctx, const Resource& raw) {
  Resource out = tf::make_canonical(raw, "azure.keyvault.vault", "name");
  Value& a = out.attributes;
  Diagnostics& d = ctx.diags;
  set_string(a, "name", arg(raw, {"name"}), d);
  set_string(a, "sku", arg(raw, {"sku_name"}), d);
  set_bool(a, "purge_protection", arg(raw, {"purge_protection_enabled"}), d);
  set_number(a, "soft_delete_retention_days", arg(raw, {"soft_delete_retention_days"}), d);
  set_bool(a, "public_network_access", arg(raw, {"public_network_access_enabled"}), d);
  set_bool(a, "rbac_authorization",
           arg(raw, {"rbac_authorization_enabled", "enable_rbac_authorization"}), d);

  if (const Value* acls = tf::first_block(raw, "network_acls")) {
    if (acls->is_unknown()) {
      a.set("network_acls", *acls);
    } else {
      Value n = Value::map({}, acls->span());
      set_string(n, "default_action", member(acls, {"default_action"}), d);
      set_string_list(n, "bypass", member(acls, {"bypass"}), d);
      set_string_list(n, "ip_rules", member(acls, {"ip_rules"}), d);
      if (const Value* subnets = member(acls, {"virtual_network_subnet_ids"}))
        n.set("subnet_ids", reference_names(*subnets));
      a.set("network_acls", std::move(n));
    }
  }

  List policies;
  bool unknown_policies = false;
  const Value* inline_policies = raw.attributes.find("access_policy");
  if (inline_policies && inline_policies->is_unknown()) unknown_policies = true;
  for (const Value* b : tf::blocks(inline_policies))
    policies.push_back(access_policy(*b, "inline", raw.span, d));
  for (const Resource* r : children(ctx, "azurerm_key_vault_access_policy", {"key_vault_id"}, raw))
    policies.push_back(access_policy(r->attributes, r->address, r->span, d));
  if (unknown_policies)
    a.set("access_policies", *inline_policies);
  else if (!policies.empty())
    a.set("access_policies", Value::list(std::move(policies), raw.span));

  Value tags = tags_of(raw, d);
  if (!tags.is_null()) a.set("tags", std::move(tags));
  ctx.out.push_back(std::move(out));
}

void adapt_key(AdaptContext& ctx, const Resource& raw) {
  Resource out = tf::make_canonical(raw, "azure.keyvault.key", "name");
  Value& a = out.attributes;
  Diagnostics& d = ctx.diags;
  set_string(a, "name", arg(raw, {"name"}), d);
  if (const Value* vault = arg(raw, {"key_vault_id"})) a.set("vault", reference_name(*vault));
  if (set_string(a, "key_type", arg(raw, {"key_type"}), d)) {
    const Value& type = *a.find("key_type");
    a.set("hsm_backed", type.is_string()
                            ? Value::boolean(type.as_string().ends_with("-HSM"), type.span())
                            : type);
  }
  set_number(a, "key_size", arg(raw, {"key_size"}), d);
  set_string(a, "curve", arg(raw, {"curve"}), d);
  const Value* expiry = arg(raw, {"expiration_date"});
  set_string(a, "expiration_date", expiry, d);

  const Value* policy = tf::first_block(raw, "rotation_policy");
  const Value* expire_after = member(policy, {"expire_after"});
  if (policy) {
    Value r = Value::map({}, policy->span());
    r.set("configured", Value::boolean(true, policy->span()));
    set_string(r, "expire_after", expire_after, d);
    const Value* automatic = member(policy, {"automatic"});
    const Value* after_create = member(automatic, {"time_after_creation"});
    const Value* before_expiry = member(automatic, {"time_before_expiry"});
    set_string(r, "time_after_creation", after_create, d);
    set_string(r, "time_before_expiry", before_expiry, d);
    if (automatic && automatic->is_unknown())
      r.set("automatic", *automatic);
    else if (automatic)
      r.set("automatic", Value::boolean(after_create || before_expiry, automatic->span()));
    a.set("rotation", std::move(r));
  }

  // A key expires when it has a date or its rotation policy gives new versions one.
  Value by_date = is_set(expiry, raw.span);
  Value by_policy = is_set(expire_after, raw.span);
  if (expiry || expire_after) a.set("expires", either(by_date, by_policy));

  Value tags = tags_of(raw, d);
  if (!tags.is_null()) a.set("tags", std::move(tags));
  ctx.out.push_back(std::move(out));
}

}  // namespace

void adapt_keyvault(AdaptContext& ctx) {
  for (const Resource* r : tf::resources_of_type(ctx, "azurerm_key_vault"))
    adapt_vault(ctx, *r);
  for (const Resource* r : tf::resources_of_type(ctx, "azurerm_key_vault_key"))
    adapt_key(ctx, *r);
}

}  // namespace cc::model::azure
