// google_sql_database_instance -> gcp.sql.instance: network exposure, TLS enforcement,
// backups, deletion protection, database flags and the encryption key.
#include "model/base/terraform.h"
#include "model/google/adapters.h"
#include "model/google/common.h"

namespace cc::model::google {

namespace {

std::string engine_of(std::string_view version) {
  if (version.starts_with("MYSQL")) return "mysql";
  if (version.starts_with("POSTGRES")) return "postgres";
  if (version.starts_with("SQLSERVER")) return "sqlserver";
  return {};
}

void ip_configuration(const Resource& raw, Value& a) {
  copy_bool(raw, "settings.ip_configuration.ipv4_enabled", a, "public_ip");
  if (const Value* pn = tf::attr(raw, "settings.ip_configuration.private_network");
      pn && !pn->is_null())
    a.set("private_network", named_or_unknown(*pn));
  if (const Value* nets = tf::attr(raw, "settings.ip_configuration.authorized_networks");
      nets && !nets->is_null()) {
    if (nets->is_unknown()) {
      a.set("authorized_networks", *nets);
    } else {
      List list;
      for (const Value* n : tf::blocks(nets)) {
        if (n->is_unknown()) {
          list.push_back(*n);
          continue;
        }
        Value e = Value::map();
        e.set_span(n->span());
        if (const Value* name = n->find("name"); name && !name->is_null()) e.set("name", *name);
        if (const Value* cidr = n->find("value"); cidr && !cidr->is_null()) e.set("cidr", *cidr);
        list.push_back(std::move(e));
      }
      a.set("authorized_networks", Value::list(std::move(list), nets->span()));
    }
  }
  // ssl_mode (provider 5+) decides when set; require_ssl is the older switch.
  const Value* mode = tf::attr(raw, "settings.ip_configuration.ssl_mode");
  if (mode && !mode->is_null()) {
    a.set("ssl_mode", *mode);
    if (mode->is_unknown()) {
      a.set("ssl_required", *mode);
    } else {
      std::string_view m = str_of(mode);
      set_bool(a, "ssl_required",
               m == "ENCRYPTED_ONLY" || m == "TRUSTED_CLIENT_CERTIFICATE_REQUIRED", mode->span());
    }
    return;
  }
  copy_bool(raw, "settings.ip_configuration.require_ssl", a, "ssl_required");
}

void backups(const Resource& raw, Value& a) {
  copy_bool(raw, "settings.backup_configuration.enabled", a, "backups.enabled");
  // MySQL recovers to a point in time from binary logs, PostgreSQL from WAL archiving.
  copy_bool(raw, "settings.backup_configuration.binary_log_enabled", a,
            "backups.point_in_time_recovery");
  copy_bool(raw, "settings.backup_configuration.point_in_time_recovery_enabled", a,
            "backups.point_in_time_recovery");
  copy_attr(raw, "settings.backup_configuration.backup_retention_settings.retained_backups", a,
            "backups.retained_backups");
}

void database_flags(const Resource& raw, Value& a) {
  const Value* flags = tf::attr(raw, "settings.database_flags");
  if (!flags || flags->is_null()) return;
  if (flags->is_unknown()) {
    a.set("database_flags", *flags);
    return;
  }
  Value map = Value::map();
  map.set_span(flags->span());
  for (const Value* f : tf::blocks(flags)) {
    if (f->is_unknown()) {
      a.set("database_flags", Value::unknown("database flags not known", f->span()));
      return;
    }
    const Value* name = f->find("name");
    const Value* value = f->find("value");
    if (!name || !name->is_string() || !value || value->is_null()) continue;
    // Flag values are strings in the API; a number written without quotes is the same flag.
    Value v = value->is_number()
                  ? Value::string(std::to_string(static_cast<long long>(value->as_number())),
                                  value->span())
                  : *value;
    map.set(name->as_string(), std::move(v));
  }
  a.set("database_flags", std::move(map));
}

void adapt_instance(AdaptContext& ctx, const Resource& raw) {
  Resource out = tf::make_canonical(raw, "gcp.sql.instance", "name");
  Value& a = out.attributes;
  copy_attr(raw, "name", a, "name");
  copy_attr(raw, "region", a, "region");
  if (const Value* v = raw.attributes.find("database_version"); v && !v->is_null()) {
    a.set("database_version", *v);
    if (v->is_unknown())
      a.set("engine", *v);
    else if (std::string e = engine_of(str_of(v)); !e.empty())
      a.set("engine", Value::string(e, v->span()));
  }
  copy_attr(raw, "settings.tier", a, "tier");
  copy_attr(raw, "settings.availability_type", a, "availability_type");
  copy_bool(raw, "deletion_protection", a, "deletion_protection");
  copy_bool(raw, "settings.deletion_protection_enabled", a, "api_deletion_protection");
  customer_key(raw.attributes.find("encryption_key_name"), a);
  ip_configuration(raw, a);
  backups(raw, a);
  database_flags(raw, a);
  copy_attr(raw, "settings.user_labels", a, "labels");
  ctx.out.push_back(std::move(out));
}

}  // namespace

void adapt_sql(AdaptContext& ctx) {
  for (const Resource* raw : tf::resources_of_type(ctx, "google_sql_database_instance"))
    adapt_instance(ctx, *raw);
}

}  // namespace cc::model::google
