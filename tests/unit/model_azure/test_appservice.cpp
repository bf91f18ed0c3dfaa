#include <gtest/gtest.h>

#include "../common/raw_tf.h"
#include "model/azure/azure.h"

namespace cc {
namespace {

using test::at;

TEST(AzureAppService, CurrentAndOlderResources) {
  Document doc = test::tf_doc(R"(
azurerm_linux_web_app.api:
  name: app-api
  https_only: true
  client_certificate_enabled: true
  site_config:
    - minimum_tls_version: "1.3"
      ftps_state: FtpsOnly
      remote_debugging_enabled: false
  auth_settings_v2: [{auth_enabled: true}]
  identity: [{type: SystemAssigned}]
  logs: [{http_logs: [{file_system: [{retention_in_days: 7, retention_in_mb: 35}]}]}]
azurerm_app_service.old:
  name: app-old
  site_config: [{min_tls_version: "1.0", remote_debugging_enabled: true}]
  client_cert_enabled: false
azurerm_windows_web_app.bare:
  name: app-bare
  site_config: [{}]
)");
  Diagnostics diags;
  auto out = test::run(model::azure::adapt, doc, diags);
  ASSERT_EQ(out.size(), 3u);
  Value api = test::with_defaults(out[0]);
  EXPECT_EQ(at(api, "os"), Value::string("linux"));
  EXPECT_EQ(at(api, "https_only"), Value::boolean(true));
  EXPECT_EQ(at(api, "min_tls_version"), Value::string("1.3"));
  EXPECT_EQ(at(api, "ftps_state"), Value::string("FtpsOnly"));
  EXPECT_EQ(at(api, "authentication"), Value::boolean(true));
  EXPECT_EQ(at(api, "managed_identity"), Value::boolean(true));
  EXPECT_EQ(at(api, "http_logs"), Value::boolean(true));
  EXPECT_EQ(at(api, "client_certificates"), Value::boolean(true));
  Value old = test::with_defaults(out[2]);
  EXPECT_EQ(out[2].address, "azurerm_app_service.old");
  EXPECT_EQ(at(old, "min_tls_version"), Value::string("1.0"));
  EXPECT_EQ(at(old, "min_tls_version").span().line, 15u);
  EXPECT_EQ(at(old, "remote_debugging"), Value::boolean(true));
  EXPECT_TRUE(at(old, "ftps_state").is_unknown());
  EXPECT_EQ(old.at_path("os"), nullptr);
  Value bare = test::with_defaults(out[1]);
  EXPECT_EQ(at(bare, "https_only"), Value::boolean(false));
  EXPECT_EQ(at(bare, "ftps_state"), Value::string("Disabled"));
  EXPECT_EQ(at(bare, "min_tls_version"), Value::string("1.2"));
  test::expect_all_fit(out);
}

}  // namespace
}  // namespace cc
