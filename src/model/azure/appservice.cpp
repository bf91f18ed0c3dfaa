// App Service web apps: the current per-OS resources and the older azurerm_app_service,
// whose site_config spells a few arguments differently.
#include "model/azure/common.h"
#include "model/azure/services.h"
#include "model/base/terraform.h"

namespace cc::model::azure {

namespace {

struct AppType {
  std::string_view type;
  std::string_view os;  // empty for the older resource
};

constexpr AppType kApps[] = {{"azurerm_linux_web_app", "linux"},
                             {"azurerm_windows_web_app", "windows"},
                             {"azurerm_app_service", ""}};

void adapt_app(AdaptContext& ctx, const Resource& raw, const AppType& t) {
  Resource out = tf::make_canonical(raw, "azure.appservice.web_app", "name");
  Value& a = out.attributes;
  Diagnostics& d = ctx.diags;
  bool legacy = t.os.empty();
  set_string(a, "name", arg(raw, {"name"}), d);
  if (!legacy) a.set("os", Value::string(std::string(t.os), raw.span));
  set_bool(a, "https_only", arg(raw, {"https_only"}), d);
  set_string(a, "min_tls_version",
             arg(raw, {"site_config.minimum_tls_version", "site_config.min_tls_version"}), d);
  set_string(a, "scm_min_tls_version",
             arg(raw, {"site_config.scm_minimum_tls_version", "site_config.scm_min_tls_version"}),
             d);
  if (!set_string(a, "ftps_state", arg(raw, {"site_config.ftps_state"}), d) && legacy)
    a.set("ftps_state",
          Value::unknown("ftps_state is chosen by the platform for azurerm_app_service", raw.span));
  set_bool(a, "http2", arg(raw, {"site_config.http2_enabled"}), d);
  set_bool(a, "remote_debugging",
           arg(raw, {"site_config.remote_debugging_enabled", "site_config.remote_debugging"}), d);
  set_bool(a, "client_certificates",
           arg(raw, {"client_certificate_enabled", "client_cert_enabled"}), d);
  set_bool(a, "public_network_access", arg(raw, {"public_network_access_enabled"}), d);
  const Value* auth = arg(raw, {"auth_settings_v2.auth_enabled", "auth_settings.enabled"});
  set_bool(a, "authentication", auth, d);
  if (const Value* identity = tf::first_block(raw, "identity"))
    a.set("managed_identity", is_set(member(identity, {"type"}), identity->span()));
  if (const Value* http_logs = arg(raw, {"logs.http_logs"}))
    a.set("http_logs", is_set(http_logs, raw.span));
  if (const Value* subnet = arg(raw, {"virtual_network_subnet_id"}))
    a.set("vnet_integration", is_set(subnet, raw.span));
  Value tags = tags_of(raw, d);
  if (!tags.is_null()) a.set("tags", std::move(tags));
  ctx.out.push_back(std::move(out));
}

}  // namespace

void adapt_appservice(AdaptContext& ctx) {
  for (const AppType& t : kApps)
    for (const Resource* r : tf::resources_of_type(ctx, t.type)) adapt_app(ctx, *r, t);
}

}  // namespace cc::model::azure
