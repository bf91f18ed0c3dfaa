// Azure Database for PostgreSQL and MySQL flexible servers. Both engines split a server
// the same way: firewall rules and server parameters ("configurations") are separate
// resources joined here, and the parameters that matter for security become fields.
#include <algorithm>

#include "model/azure/common.h"
#include "model/azure/services.h"
#include "model/base/terraform.h"

namespace cc::model::azure {

namespace {

struct Engine {
  std::string_view server_type;
  std::string_view firewall_type;
  std::string_view configuration_type;
  std::string_view kind;
  std::string_view tls_parameter;
  bool postgres;
};

constexpr Engine kPostgres{"azurerm_postgresql_flexible_server",
                           "azurerm_postgresql_flexible_server_firewall_rule",
                           "azurerm_postgresql_flexible_server_configuration",
                           "azure.postgresql.flexible_server",
                           "ssl_min_protocol_version",
                           true};
constexpr Engine kMysql{"azurerm_mysql_flexible_server",
                        "azurerm_mysql_flexible_server_firewall_rule",
                        "azurerm_mysql_flexible_server_configuration",
                        "azure.mysql.flexible_server",
                        "tls_version",
                        false};

// "ON"/"on"/"true" -> true, "OFF"/"off"/"false" -> false; unknown stays unknown.
Value on_off(const Value& v, Diagnostics& d) {
  if (v.is_string()) {
    std::string s = lower(v.as_string());
    if (s == "on" || s == "true" || s == "1") return Value::boolean(true, v.span());
    if (s == "off" || s == "false" || s == "0") return Value::boolean(false, v.span());
  }
  return to_bool(v, d);
}

// The lowest TLS version of a list such as "TLSv1.2,TLSv1.3".
Value lowest_tls(const Value& v) {
  if (!v.is_string()) return v;
  std::string_view s = v.as_string();
  std::string lowest;
  while (!s.empty()) {
    size_t comma = s.find(',');
    std::string_view item = s.substr(0, comma);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (!item.empty() && (lowest.empty() || item < lowest)) lowest = std::string(item);
    s = comma == std::string_view::npos ? std::string_view{} : s.substr(comma + 1);
  }
  return Value::string(lowest, v.span());
}

void adapt_server(AdaptContext& ctx, const Resource& raw, const Engine& e) {
  Resource out = tf::make_canonical(raw, std::string(e.kind), "name");
  Value& a = out.attributes;
  Diagnostics& d = ctx.diags;
  set_string(a, "name", arg(raw, {"name"}), d);
  set_string(a, "version", arg(raw, {"version"}), d);

  const Value* subnet = arg(raw, {"delegated_subnet_id"});
  if (subnet) a.set("vnet_integrated", is_set(subnet, raw.span));
  if (const Value* flag = arg(raw, {"public_network_access_enabled"})) {
    set_bool(a, "public_network_access", flag, d);
  } else if (const Value* text = arg(raw, {"public_network_access"})) {
    Value s = to_string(*text, d);
    a.set("public_network_access",
          s.is_string() ? Value::boolean(lower(s.as_string()) == "enabled", s.span()) : s);
  } else if (subnet) {
    // Without the argument the provider derives access from the network mode: a
    // server in a delegated subnet has no public endpoint.
    Value in_vnet = is_set(subnet, raw.span);
    a.set("public_network_access",
          in_vnet.is_bool() ? provider_default(Value::boolean(!in_vnet.as_bool()), subnet->span())
                            : in_vnet);
  }

  List rules;
  for (const Resource* r : children(ctx, e.firewall_type, {"server_id"}, raw))
    rules.push_back(firewall_rule(*r, d));
  if (!rules.empty()) a.set("firewall_rules", Value::list(std::move(rules), raw.span));

  Value configurations = Value::map({}, raw.span);
  for (const Resource* r : children(ctx, e.configuration_type, {"server_id"}, raw)) {
    const Value* name = arg(*r, {"name"});
    const Value* value = arg(*r, {"value"});
    if (!name || !name->is_string() || !value) continue;
    std::string key = lower(name->as_string());
    Value text = to_string(*value, d);
    configurations.set(key, text);
    if (key == "require_secure_transport") a.set("require_secure_transport", on_off(text, d));
    if (key == e.tls_parameter) a.set("tls_min_version", lowest_tls(text));
    if (!e.postgres && key == "audit_log_enabled") a.set("audit_log", on_off(text, d));
  }
  if (!configurations.as_map().empty()) a.set("configurations", std::move(configurations));

  set_number(a, "backup_retention_days", arg(raw, {"backup_retention_days"}), d);
  set_bool(a, "geo_redundant_backup", arg(raw, {"geo_redundant_backup_enabled"}), d);
  if (const Value* ha = tf::first_block(raw, "high_availability")) {
    const Value* mode = member(ha, {"mode"});
    a.set("high_availability", mode ? is_set(mode, ha->span()) : Value::boolean(true, ha->span()));
  }
  if (const Value* cmk = tf::first_block(raw, "customer_managed_key"))
    a.set_path("encryption.customer_managed_key",
               is_set(member(cmk, {"key_vault_key_id"}), cmk->span()));
  if (e.postgres) {
    if (const Value* auth = tf::first_block(raw, "authentication")) {
      set_bool(a, "password_auth", member(auth, {"password_auth_enabled"}), d);
      set_bool(a, "azuread_auth", member(auth, {"active_directory_auth_enabled"}), d);
    }
  }

  Value tags = tags_of(raw, d);
  if (!tags.is_null()) a.set("tags", std::move(tags));
  ctx.out.push_back(std::move(out));
}

}  // namespace

void adapt_flexible_servers(AdaptContext& ctx) {
  for (const Engine* e : {&kPostgres, &kMysql})
    for (const Resource* r : tf::resources_of_type(ctx, e->server_type))
      adapt_server(ctx, *r, *e);
}

}  // namespace cc::model::azure
