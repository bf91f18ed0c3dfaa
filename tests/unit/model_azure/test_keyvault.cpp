#include <gtest/gtest.h>

#include "../common/raw_tf.h"
#include "model/azure/azure.h"

namespace cc {
namespace {

using test::at;

TEST(AzureKeyVault, VaultJoinsSeparateAccessPolicies) {
  Document doc = test::tf_doc(R"(
azurerm_key_vault.kv:
  name: kv-prod
  sku_name: premium
  purge_protection_enabled: true
  enable_rbac_authorization: false
  network_acls:
    - default_action: Deny
      bypass: AzureServices
      virtual_network_subnet_ids: [{$ref: azurerm_subnet.app.id}]
  access_policy:
    - object_id: 00000000-0000-0000-0000-000000000001
      key_permissions: [Get, List]
azurerm_key_vault_access_policy.ops:
  key_vault_id: {$ref: azurerm_key_vault.kv.id}
  object_id: {$ref: azuread_group.ops.object_id}
  secret_permissions: [Get, Purge]
)");
  Diagnostics diags;
  auto out = test::run(model::azure::adapt, doc, diags);
  ASSERT_EQ(out.size(), 1u);
  Value a = test::with_defaults(out[0]);
  EXPECT_EQ(at(a, "purge_protection"), Value::boolean(true));
  EXPECT_EQ(at(a, "rbac_authorization"), Value::boolean(false));
  EXPECT_EQ(at(a, "rbac_authorization").provenance(), Provenance::Set);
  EXPECT_EQ(at(a, "soft_delete_retention_days"), Value::number(90));
  EXPECT_EQ(at(a, "network_acls.default_action"), Value::string("Deny"));
  EXPECT_EQ(at(a, "network_acls.bypass.0"), Value::string("AzureServices"));
  ASSERT_EQ(at(a, "access_policies").as_list().size(), 2u);
  EXPECT_EQ(at(a, "access_policies.0.source"), Value::string("inline"));
  EXPECT_EQ(at(a, "access_policies.0.can_purge"), Value::boolean(false));
  EXPECT_EQ(at(a, "access_policies.1.source"),
            Value::string("azurerm_key_vault_access_policy.ops"));
  EXPECT_EQ(at(a, "access_policies.1.object_id"), Value::string("${azuread_group.ops}"));
  EXPECT_EQ(at(a, "access_policies.1.can_purge"), Value::boolean(true));
  EXPECT_EQ(at(a, "access_policies.1.can_purge").span().line, 17u);
  test::expect_all_fit(out);
}

TEST(AzureKeyVault, VaultWithoutAclsDefaultsToOpenNetwork) {
  Document doc =
      test::tf_doc("azurerm_key_vault.kv: {name: kv, rbac_authorization_enabled: true}\n");
  Diagnostics diags;
  auto out = test::run(model::azure::adapt, doc, diags);
  ASSERT_EQ(out.size(), 1u);
  Value a = test::with_defaults(out[0]);
  EXPECT_EQ(at(a, "network_acls.default_action"), Value::string("Allow"));
  EXPECT_EQ(at(a, "network_acls.default_action").provenance(), Provenance::Default);
  EXPECT_EQ(at(a, "purge_protection"), Value::boolean(false));
  EXPECT_EQ(at(a, "rbac_authorization"), Value::boolean(true));
  EXPECT_EQ(at(a, "public_network_access"), Value::boolean(true));
}

TEST(AzureKeyVault, KeyExpiryAndRotation) {
  Document doc = test::tf_doc(R"(
azurerm_key_vault_key.rotated:
  name: cmk
  key_vault_id: {$ref: azurerm_key_vault.kv.id}
  key_type: RSA-HSM
  key_size: 3072
  rotation_policy:
    - expire_after: P90D
      automatic: [{time_before_expiry: P30D}]
azurerm_key_vault_key.dated:
  name: dated
  key_type: EC
  curve: P-256
  expiration_date: "2027-01-01T00:00:00Z"
azurerm_key_vault_key.bare:
  name: bare
  key_type: RSA
  key_size: 2048
azurerm_key_vault_key.var:
  name: var
  key_type: RSA
  expiration_date: {$unknown: var.expiry}
)");
  Diagnostics diags;
  auto out = test::run(model::azure::adapt, doc, diags);
  ASSERT_EQ(out.size(), 4u);
  Value r = test::with_defaults(out[0]);
  EXPECT_EQ(at(r, "vault"), Value::string("${azurerm_key_vault.kv}"));
  EXPECT_EQ(at(r, "hsm_backed"), Value::boolean(true));
  EXPECT_EQ(at(r, "key_size"), Value::number(3072));
  EXPECT_EQ(at(r, "rotation.configured"), Value::boolean(true));
  EXPECT_EQ(at(r, "rotation.automatic"), Value::boolean(true));
  EXPECT_EQ(at(r, "rotation.time_before_expiry"), Value::string("P30D"));
  EXPECT_EQ(at(r, "expires"), Value::boolean(true));
  Value dated = test::with_defaults(out[1]);
  EXPECT_EQ(at(dated, "expires"), Value::boolean(true));
  EXPECT_EQ(at(dated, "expires").span().line, 14u);
  EXPECT_EQ(at(dated, "rotation.configured"), Value::boolean(false));
  Value bare = test::with_defaults(out[2]);
  EXPECT_EQ(at(bare, "expires"), Value::boolean(false));
  EXPECT_EQ(at(bare, "hsm_backed"), Value::boolean(false));
  EXPECT_TRUE(at(out[3].attributes, "expires").is_unknown());
  test::expect_all_fit(out);
}

}  // namespace
}  // namespace cc
