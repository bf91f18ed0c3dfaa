#include <gtest/gtest.h>

#include "../common/raw_tf.h"
#include "model/azure/azure.h"

namespace cc {
namespace {

TEST(AzureSchemas, EveryAzureSchemaFileLoadsCleanly) {
  const test::LoadedSchemas& l = test::loaded_schemas();
  for (const auto& d : l.diags) {
    const std::string& path = l.sources.path(d.span.file);
    if (path.find("azure") != std::string::npos)
      ADD_FAILURE() << path << ":" << d.span.line << ": " << d.message;
  }
  for (const char* kind : {"azure.storage.account",
                           "azure.storage.container",
                           "azure.keyvault.vault",
                           "azure.keyvault.key",
                           "azure.sql.server",
                           "azure.sql.database",
                           "azure.postgresql.flexible_server",
                           "azure.mysql.flexible_server",
                           "azure.network.security_group",
                           "azure.network.virtual_network",
                           "azure.network.subnet",
                           "azure.compute.virtual_machine",
                           "azure.compute.scale_set",
                           "azure.compute.managed_disk",
                           "azure.aks.cluster",
                           "azure.appservice.web_app",
                           "azure.monitor.diagnostic_setting",
                           "azure.monitor.activity_log_alert",
                           "azure.authorization.role_assignment",
                           "azure.authorization.role_definition"})
    EXPECT_NE(test::schemas().find(kind), nullptr) << kind;
}

TEST(AzureAdapt, IgnoresOtherProvidersAndDataSources) {
  Document doc = test::tf_doc(R"(
aws_s3_bucket.b: {bucket: logs}
data.azurerm_storage_account.existing: {name: st}
)");
  Diagnostics diags;
  EXPECT_TRUE(test::run(model::azure::adapt, doc, diags).empty());
  EXPECT_TRUE(diags.empty());
}

TEST(AzureAdapt, WrongArgumentTypeIsUnknownWithWarning) {
  Document doc = test::tf_doc(R"(
azurerm_storage_account.st:
  name: st
  https_traffic_only_enabled: [true]
)");
  Diagnostics diags;
  auto out = test::run(model::azure::adapt, doc, diags);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_TRUE(test::at(out[0].attributes, "https_only").is_unknown());
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].code, "azure.argument_type");
  EXPECT_EQ(diags[0].span.line, 4u);
}

}  // namespace
}  // namespace cc
