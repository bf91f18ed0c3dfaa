// Azure SQL logical servers and databases. Firewall rules, auditing policies, the TDE
// protector and alert policies are separate resources joined into their server.
#include "model/azure/common.h"
#include "model/azure/services.h"
#include "model/base/terraform.h"

namespace cc::model::azure {

namespace {

// Auditing from an extended auditing policy resource or block: `enabled` defaults to
// true there, since declaring the policy is what turns auditing on.
Value auditing(const Value& policy, Span span, Diagnostics& d) {
  if (policy.is_unknown()) return Value::map({{"enabled", {policy}, {}}}, span);
  Value out = Value::map({}, span);
  if (!set_bool(out, "enabled", member(&policy, {"enabled"}), d))
    out.set("enabled", provider_default(Value::boolean(true), span));
  set_number(out, "retention_days", member(&policy, {"retention_in_days"}), d);
  set_bool(out, "log_monitoring", member(&policy, {"log_monitoring_enabled"}), d);
  return out;
}

std::vector<const Resource*> server_children(const AdaptContext& ctx, const Resource& server,
                                             std::string_view type) {
  auto out = children(ctx, type, {"server_id"}, server);
  for (const Resource* r : children_by_name(ctx, type, "server_name", server)) out.push_back(r);
  return out;
}

void adapt_server(AdaptContext& ctx, const Resource& raw) {
  Resource out = tf::make_canonical(raw, "azure.sql.server", "name");
  Value& a = out.attributes;
  Diagnostics& d = ctx.diags;
  set_string(a, "name", arg(raw, {"name"}), d);
  set_string(a, "version", arg(raw, {"version"}), d);
  set_string(a, "minimum_tls_version", arg(raw, {"minimum_tls_version"}), d);
  set_bool(a, "public_network_access", arg(raw, {"public_network_access_enabled"}), d);
  if (const Value* admin = tf::first_block(raw, "azuread_administrator")) {
    a.set("azuread_admin", admin->is_unknown() ? *admin : Value::boolean(true, admin->span()));
    set_bool(a, "azuread_only", member(admin, {"azuread_authentication_only"}), d);
  }

  List rules;
  for (const char* type : {"azurerm_mssql_firewall_rule", "azurerm_sql_firewall_rule"})
    for (const Resource* r : server_children(ctx, raw, type)) rules.push_back(firewall_rule(*r, d));
  if (!rules.empty()) a.set("firewall_rules", Value::list(std::move(rules), raw.span));

  if (const Value* inline_policy = tf::first_block(raw, "extended_auditing_policy"))
    a.set("auditing", auditing(*inline_policy, inline_policy->span(), d));
  for (const Resource* r :
       server_children(ctx, raw, "azurerm_mssql_server_extended_auditing_policy"))
    a.set("auditing", auditing(r->attributes, r->span, d));

  const Value* protector = arg(raw, {"transparent_data_encryption_key_vault_key_id"});
  for (const Resource* r :
       server_children(ctx, raw, "azurerm_mssql_server_transparent_data_encryption")) {
    protector = arg(*r, {"key_vault_key_id", "managed_hsm_key_id"});
    // A TDE resource without a key switches the protector back to the service key.
    if (!protector) a.set_path("tde.customer_managed_key", Value::boolean(false, r->span));
  }
  if (protector) {
    a.set_path("tde.customer_managed_key", is_set(protector, raw.span));
    a.set_path("tde.key", reference_name(*protector));
  }

  for (const Resource* r :
       server_children(ctx, raw, "azurerm_mssql_server_security_alert_policy")) {
    const Value* state = arg(*r, {"state"});
    Value s = state ? to_string(*state, d) : Value::null();
    a.set("threat_detection", s.is_string()
                                  ? Value::boolean(lower(s.as_string()) == "enabled", s.span())
                                  : (s.is_unknown() ? s : Value::boolean(false, r->span)));
  }

  Value tags = tags_of(raw, d);
  if (!tags.is_null()) a.set("tags", std::move(tags));
  ctx.out.push_back(std::move(out));
}

void adapt_database(AdaptContext& ctx, const Resource& raw) {
  Resource out = tf::make_canonical(raw, "azure.sql.database", "name");
  Value& a = out.attributes;
  Diagnostics& d = ctx.diags;
  set_string(a, "name", arg(raw, {"name"}), d);
  const Value* server_ref = arg(raw, {"server_id"});
  if (server_ref) a.set("server", reference_name(*server_ref));
  set_bool(a, "tde_enabled", arg(raw, {"transparent_data_encryption_enabled"}), d);
  set_number(a, "short_term_retention_days",
             arg(raw, {"short_term_retention_policy.retention_days"}), d);
  if (const Value* ltr = tf::first_block(raw, "long_term_retention_policy")) {
    if (ltr->is_unknown()) {
      a.set("long_term_retention", *ltr);
    } else {
      bool any = false;
      for (const char* k : {"weekly_retention", "monthly_retention", "yearly_retention"}) {
        const Value* v = member(ltr, {k});
        any =
            any || (v && !(v->is_string() && (v->as_string().empty() || v->as_string() == "PT0S")));
      }
      a.set("long_term_retention", Value::boolean(any, ltr->span()));
    }
  }
  set_string(a, "backup_redundancy", arg(raw, {"storage_account_type"}), d);
  set_bool(a, "zone_redundant", arg(raw, {"zone_redundant"}), d);
  set_bool(a, "ledger", arg(raw, {"ledger_enabled"}), d);

  // The database's own auditing policy, else its server's when the server is declared
  // here; a server elsewhere may audit, so auditing is unknown then.
  bool own = false;
  for (const Resource* r :
       children(ctx, "azurerm_mssql_database_extended_auditing_policy", {"database_id"}, raw)) {
    a.set("auditing", auditing(r->attributes, r->span, d));
    own = true;
  }
  if (!own && server_ref) {
    const Resource* server = target_of(ctx, *server_ref, {"azurerm_mssql_server"});
    if (!server) {
      for (const Resource* s : tf::resources_of_type(ctx, "azurerm_mssql_server"))
        if (points_at(*server_ref, *s)) server = s;
    }
    if (!server) {
      a.set_path("auditing.enabled",
                 Value::unknown("the server is not in the configuration", server_ref->span()));
    } else {
      const Value* policy = tf::first_block(*server, "extended_auditing_policy");
      Span span = server->span;
      for (const Resource* r :
           server_children(ctx, *server, "azurerm_mssql_server_extended_auditing_policy")) {
        policy = &r->attributes;
        span = r->span;
      }
      if (policy) {
        Value audit = auditing(*policy, span, d);
        audit.set("inherited", Value::boolean(true, span));
        a.set("auditing", std::move(audit));
      }
    }
  }

  Value tags = tags_of(raw, d);
  if (!tags.is_null()) a.set("tags", std::move(tags));
  ctx.out.push_back(std::move(out));
}

}  // namespace

void adapt_sql(AdaptContext& ctx) {
  for (const Resource* r : tf::resources_of_type(ctx, "azurerm_mssql_server"))
    adapt_server(ctx, *r);
  for (const Resource* r : tf::resources_of_type(ctx, "azurerm_mssql_database"))
    adapt_database(ctx, *r);
}

}  // namespace cc::model::azure
