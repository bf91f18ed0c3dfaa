#include <gtest/gtest.h>

#include "../common/raw_tf.h"
#include "model/azure/azure.h"

namespace cc {
namespace {

using test::at;

TEST(AzureAuthorization, AssignmentsResolveRolesAndScopes) {
  Document doc = test::tf_doc(R"(
data.azurerm_subscription.current: {}
data.azurerm_role_definition.owner: {name: Owner}
azurerm_role_definition.ops:
  name: ops-everything
  scope: {$ref: data.azurerm_subscription.current.id}
  permissions: [{actions: ["*"], not_actions: []}]
  assignable_scopes: [{$ref: data.azurerm_subscription.current.id}]
azurerm_role_definition.reader:
  name: vm-reader
  scope: /subscriptions/0000
  permissions: [{actions: [Microsoft.Compute/virtualMachines/read]}]
azurerm_role_assignment.owner:
  scope: {$ref: data.azurerm_subscription.current.id}
  role_definition_name: Owner
  principal_id: {$ref: azuread_group.admins.object_id}
azurerm_role_assignment.custom:
  scope: /subscriptions/0000/resourceGroups/rg-app
  role_definition_id: {$ref: azurerm_role_definition.ops.role_definition_resource_id}
  principal_id: 00000000-0000-0000-0000-000000000002
azurerm_role_assignment.builtin:
  scope: {$ref: azurerm_storage_account.st.id}
  role_definition_id: {$ref: data.azurerm_role_definition.owner.id}
  principal_id: 00000000-0000-0000-0000-000000000003
azurerm_role_assignment.reader:
  scope: {$shape: "/subscriptions/${var.sub}", $unknown: var.sub}
  role_definition_id: {$ref: azurerm_role_definition.reader.role_definition_resource_id}
  principal_id: 00000000-0000-0000-0000-000000000004
azurerm_role_assignment.external:
  scope: {$unknown: var.scope}
  role_definition_id: /providers/Microsoft.Authorization/roleDefinitions/abc
  principal_id: 00000000-0000-0000-0000-000000000005
)");
  Diagnostics diags;
  auto out = test::run(model::azure::adapt, doc, diags);
  EXPECT_TRUE(diags.empty());
  ASSERT_EQ(out.size(), 7u);
  Value ops = test::with_defaults(out[0]);
  EXPECT_EQ(at(ops, "wildcard_actions"), Value::boolean(true));
  EXPECT_EQ(at(ops, "grants_access_management"), Value::boolean(true));
  EXPECT_EQ(at(ops, "assignable_scopes.0"), Value::string("${data.azurerm_subscription.current}"));
  Value reader = test::with_defaults(out[1]);
  EXPECT_EQ(at(reader, "wildcard_actions"), Value::boolean(false));

  Value owner = test::with_defaults(out[2]);
  EXPECT_EQ(at(owner, "scope_level"), Value::string("subscription"));
  EXPECT_EQ(at(owner, "privileged"), Value::boolean(true));
  EXPECT_EQ(at(owner, "privileged").span().line, 15u);
  EXPECT_EQ(at(owner, "principal"), Value::string("${azuread_group.admins}"));
  Value custom = test::with_defaults(out[3]);
  EXPECT_EQ(at(custom, "scope_level"), Value::string("resource_group"));
  EXPECT_EQ(at(custom, "role"), Value::string("ops-everything"));
  EXPECT_EQ(at(custom, "privileged"), Value::boolean(true));
  Value builtin = test::with_defaults(out[4]);
  EXPECT_EQ(at(builtin, "scope_level"), Value::string("resource"));
  EXPECT_EQ(at(builtin, "role"), Value::string("Owner"));
  EXPECT_EQ(at(builtin, "privileged"), Value::boolean(true));
  Value r = test::with_defaults(out[5]);
  EXPECT_EQ(at(r, "scope_level"), Value::string("subscription"));
  EXPECT_EQ(at(r, "privileged"), Value::boolean(false));
  Value ext = test::with_defaults(out[6]);
  EXPECT_TRUE(at(ext, "scope_level").is_unknown());
  EXPECT_TRUE(at(ext, "privileged").is_unknown());
  test::expect_all_fit(out);
}

}  // namespace
}  // namespace cc
