#include <gtest/gtest.h>

#include "../common/raw_tf.h"
#include "model/google/google.h"

namespace cc {
namespace {

using test::at;

constexpr const char* kConfig = R"(
google_project_iam_member.owner:
  project: acme-prod
  role: roles/owner
  member: user:alice@acme.example
google_project_iam_binding.deployers:
  project: {"$ref": google_project.p.project_id}
  role: roles/iam.serviceAccountUser
  members: [{"$shape": "serviceAccount:${google_service_account.ci.email}"}, group:deploy@acme.example]
  condition: [{title: weekdays, expression: request.time.getDayOfWeek() < 5}]
google_folder_iam_policy.folder:
  folder: folders/1234
  policy_data: {"$ref": data.google_iam_policy.folder.policy_data}
data.google_iam_policy.folder:
  binding:
    - {role: roles/viewer, members: [allAuthenticatedUsers]}
    - {role: roles/editor, members: [group:eng@acme.example]}
  audit_config:
    - service: allServices
      audit_log_configs:
        - {log_type: ADMIN_READ}
        - {log_type: DATA_READ, exempted_members: [user:robot@acme.example]}
        - {log_type: DATA_WRITE}
google_organization_iam_member.var:
  org_id: "1234567"
  role: {"$unknown": var.role}
  member: group:all@acme.example
google_project_iam_audit_config.storage:
  project: acme-prod
  service: storage.googleapis.com
  audit_log_config: [{log_type: DATA_READ}, {log_type: DATA_WRITE}]
google_project_iam_custom_role.ops:
  role_id: opsRole
  title: Ops
  permissions: [compute.instances.start, resourcemanager.projects.setIamPolicy]
google_project_iam_policy.remote:
  project: acme-prod
  policy_data: {"$ref": data.terraform_remote_state.org.outputs.policy}
)";

TEST(AdaptIam, MembersAndBindingsBecomeBindings) {
  auto out = test::adapt_quietly(model::google::adapt, kConfig);
  test::expect_all_fit(out);
  const Resource* owner = test::find(out, "gcp.iam.policy", "google_project_iam_member.owner");
  ASSERT_NE(owner, nullptr);
  const Value& a = owner->attributes;
  EXPECT_EQ(at(a, "scope").as_string(), "project");
  EXPECT_EQ(at(a, "target").as_string(), "acme-prod");
  EXPECT_EQ(at(a, "mode").as_string(), "member");
  EXPECT_EQ(at(a, "bindings.0.role").as_string(), "roles/owner");
  EXPECT_EQ(at(a, "bindings.0.members.0").as_string(), "user:alice@acme.example");
  EXPECT_EQ(at(a, "bindings.0.role").span().line, 4u);
  EXPECT_TRUE(test::is_false(at(a, "public_access")));

  const Resource* dep = test::find(out, "gcp.iam.policy", "google_project_iam_binding.deployers");
  ASSERT_NE(dep, nullptr);
  EXPECT_EQ(at(dep->attributes, "target").as_string(), "${google_project.p.project_id}");
  EXPECT_EQ(at(dep->attributes, "bindings.0.members.0").as_string(),
            "serviceAccount:${google_service_account.ci.email}");
  EXPECT_EQ(at(dep->attributes, "bindings.0.condition.title").as_string(), "weekdays");
}

TEST(AdaptIam, PolicyDocumentsAndAuditConfigs) {
  auto out = test::adapt_quietly(model::google::adapt, kConfig);
  const Resource* folder = test::find(out, "gcp.iam.policy", "google_folder_iam_policy.folder");
  ASSERT_NE(folder, nullptr);
  EXPECT_EQ(at(folder->attributes, "scope").as_string(), "folder");
  EXPECT_EQ(at(folder->attributes, "mode").as_string(), "policy");
  EXPECT_EQ(at(folder->attributes, "bindings").as_list().size(), 2u);
  EXPECT_TRUE(test::is_true(at(folder->attributes, "public_access")));

  const Resource* ac =
      test::find(out, "gcp.iam.audit_config", "google_folder_iam_policy.folder.audit_config[0]");
  ASSERT_NE(ac, nullptr);
  EXPECT_EQ(ac->name, "allServices");
  EXPECT_EQ(at(ac->attributes, "log_types").as_list().size(), 3u);
  EXPECT_EQ(at(ac->attributes, "exempted_members.0").as_string(), "user:robot@acme.example");
  EXPECT_EQ(at(ac->attributes, "scope").as_string(), "folder");

  const Resource* storage =
      test::find(out, "gcp.iam.audit_config", "google_project_iam_audit_config.storage");
  ASSERT_NE(storage, nullptr);
  Value sv = test::with_defaults(*storage);
  EXPECT_EQ(at(sv, "service").as_string(), "storage.googleapis.com");
  EXPECT_EQ(at(sv, "log_types.1").as_string(), "DATA_WRITE");
  EXPECT_TRUE(at(sv, "exempted_members").as_list().empty());
  EXPECT_EQ(test::count(out, "gcp.iam.audit_config"), 2u);
}

TEST(AdaptIam, UnknownRoleAndRemotePolicyStayUnknown) {
  auto out = test::adapt_quietly(model::google::adapt, kConfig);
  const Resource* var = test::find(out, "gcp.iam.policy", "google_organization_iam_member.var");
  ASSERT_NE(var, nullptr);
  EXPECT_EQ(at(var->attributes, "scope").as_string(), "organization");
  EXPECT_TRUE(at(var->attributes, "bindings.0.role").is_unknown());
  const Resource* remote = test::find(out, "gcp.iam.policy", "google_project_iam_policy.remote");
  ASSERT_NE(remote, nullptr);
  EXPECT_TRUE(at(remote->attributes, "bindings").is_unknown());
  EXPECT_TRUE(at(remote->attributes, "public_access").is_unknown());
}

TEST(AdaptIam, SingleMemberKnownAfterApplyKeepsItsShape) {
  auto out = test::adapt_quietly(model::google::adapt, R"(
google_project_iam_member.ci:
  project: acme-prod
  role: roles/storage.admin
  member: {"$shape": "serviceAccount:${google_service_account.ci.email}"}
google_project_iam_member.var:
  project: acme-prod
  role: roles/viewer
  member: {"$unknown": var.member}
)");
  const Resource* ci = test::find(out, "gcp.iam.policy", "google_project_iam_member.ci");
  ASSERT_NE(ci, nullptr);
  EXPECT_EQ(at(ci->attributes, "bindings.0.members.0").as_string(),
            "serviceAccount:${google_service_account.ci.email}");
  EXPECT_TRUE(test::is_false(at(ci->attributes, "public_access")));
  const Resource* var = test::find(out, "gcp.iam.policy", "google_project_iam_member.var");
  ASSERT_NE(var, nullptr);
  ASSERT_TRUE(at(var->attributes, "bindings.0.members").is_list());
  EXPECT_TRUE(at(var->attributes, "bindings.0.members.0").is_unknown());
  EXPECT_TRUE(at(var->attributes, "public_access").is_unknown());
}

TEST(AdaptIam, CustomRoles) {
  auto out = test::adapt_quietly(model::google::adapt, kConfig);
  const Resource* role =
      test::find(out, "gcp.iam.custom_role", "google_project_iam_custom_role.ops");
  ASSERT_NE(role, nullptr);
  EXPECT_EQ(role->name, "opsRole");
  Value v = test::with_defaults(*role);
  EXPECT_EQ(at(v, "permissions.1").as_string(), "resourcemanager.projects.setIamPolicy");
  EXPECT_EQ(at(v, "stage").as_string(), "GA");
  EXPECT_EQ(at(v, "scope").as_string(), "project");
}

}  // namespace
}  // namespace cc
