#include <gtest/gtest.h>

#include "raw2.h"

namespace cc {
namespace {

using test::at;

constexpr const char* kTemplate = R"(
Alice:
  Type: AWS::IAM::User
  Properties:
    UserName: alice
    LoginProfile: {Password: !Unknown secret parameter, PasswordResetRequired: true}
    Groups: [!Ref Admins]
    PermissionsBoundary: arn:aws:iam::123456789012:policy/boundary
    Policies:
      - PolicyName: everything
        PolicyDocument:
          Statement: [{Effect: Allow, Action: "*", Resource: "*"}]
AliceKey:
  Type: AWS::IAM::AccessKey
  Properties: {UserName: !Ref Alice}
AliceOldKey:
  Type: AWS::IAM::AccessKey
  Properties: {UserName: alice, Status: Inactive}
Admins:
  Type: AWS::IAM::Group
  Properties:
    ManagedPolicyArns: [arn:aws:iam::aws:policy/AdministratorAccess]
RequireMfa:
  Type: AWS::IAM::ManagedPolicy
  Properties:
    Groups: [!Ref Admins]
    PolicyDocument:
      Statement:
        - Effect: Deny
          NotAction: ["iam:ChangePassword"]
          Resource: "*"
          Condition: {BoolIfExists: {aws:MultiFactorAuthPresent: false}}
Bob:
  Type: AWS::IAM::User
AppRole:
  Type: AWS::IAM::Role
  Properties:
    AssumeRolePolicyDocument:
      Statement:
        - {Effect: Allow, Principal: {Service: [ec2.amazonaws.com]}, Action: sts:AssumeRole}
    ManagedPolicyArns: [!Ref ReadOnly, arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore]
    MaxSessionDuration: 7200
ReadOnly:
  Type: AWS::IAM::ManagedPolicy
  Properties:
    ManagedPolicyName: read-only-data
    PolicyDocument: {Statement: {Effect: Allow, Action: [s3:GetObject], Resource: "*"}}
PassAll:
  Type: AWS::IAM::Policy
  Properties:
    PolicyName: pass-any-role
    Roles: [!Ref AppRole]
    PolicyDocument: {Statement: [{Effect: Allow, Action: iam:PassRole, Resource: "*"}]}
RoleInline:
  Type: AWS::IAM::RolePolicy
  Properties:
    RoleName: !Ref AppRole
    PolicyName: logs
    PolicyDocument: {Statement: [{Effect: Allow, Action: logs:PutLogEvents, Resource: "*"}]}
)";

class AdaptIam : public ::testing::Test {
 protected:
  void SetUp() override {
    doc = test::raw_doc(kTemplate);
    out = test::run(model::aws::adapt_iam, doc, diags);
  }
  Document doc;
  Diagnostics diags;
  std::vector<Resource> out;
};

TEST_F(AdaptIam, EmitsEachPrincipalAndPolicyOnce) {
  EXPECT_TRUE(diags.empty());
  size_t users = 0, roles = 0, groups = 0, policies = 0;
  for (const auto& r : out) {
    test::expect_fits_schema(r);
    users += r.kind == "aws.iam.user";
    roles += r.kind == "aws.iam.role";
    groups += r.kind == "aws.iam.group";
    policies += r.kind == "aws.iam.policy";
  }
  EXPECT_EQ(users, 2u);
  EXPECT_EQ(roles, 1u);
  EXPECT_EQ(groups, 1u);
  EXPECT_EQ(policies, 4u);  // two managed, one AWS::IAM::Policy, one RolePolicy
}

TEST_F(AdaptIam, UserCredentialsGroupsAndMfa) {
  const Resource* alice = test::find(out, "aws.iam.user", "Alice");
  ASSERT_NE(alice, nullptr);
  const Value& a = alice->attributes;
  EXPECT_EQ(alice->name, "alice");
  EXPECT_TRUE(at(a, "console_access").as_bool());  // password from a parameter: still set
  EXPECT_EQ(at(a, "console_access").span().line, 6u);
  EXPECT_TRUE(at(a, "password_reset_required").as_bool());
  EXPECT_EQ(at(a, "access_keys.count").as_number(), 2);
  EXPECT_EQ(at(a, "access_keys.active").as_number(), 1);
  EXPECT_EQ(at(a, "groups.0").as_string(), "${Admins}");
  EXPECT_EQ(at(a, "permissions_boundary").as_string(), "arn:aws:iam::123456789012:policy/boundary");
  ASSERT_EQ(at(a, "inline_policies").as_list().size(), 1u);
  EXPECT_EQ(at(a, "inline_policies.0.name").as_string(), "everything");
  EXPECT_EQ(at(a, "inline_policies.0.statements.0.actions.0").as_string(), "*");
  // The group's managed policy denies everything without MFA.
  EXPECT_FALSE(at(a, "mfa.device").as_bool());
  EXPECT_TRUE(at(a, "mfa.enforced_by_policy").as_bool());
  EXPECT_TRUE(at(a, "mfa.signal").as_bool());
  EXPECT_EQ(at(a, "mfa.signal").span().line, 29u);

  const Resource* bob = test::find(out, "aws.iam.user", "Bob");
  ASSERT_NE(bob, nullptr);
  EXPECT_EQ(bob->attributes.find("console_access"), nullptr);
  EXPECT_EQ(bob->attributes.find("access_keys"), nullptr);
  EXPECT_FALSE(at(bob->attributes, "mfa.signal").as_bool());
  Value d = test::with_defaults(*bob);
  EXPECT_FALSE(at(d, "console_access").as_bool());
  EXPECT_EQ(at(d, "access_keys.active").as_number(), 0);
}

TEST_F(AdaptIam, RoleJoinsEveryKindOfPolicy) {
  const Resource* role = test::find(out, "aws.iam.role", "AppRole");
  ASSERT_NE(role, nullptr);
  const Value& a = role->attributes;
  EXPECT_EQ(at(a, "assume_role_policy.statements.0.principals.0").as_string(),
            "Service:ec2.amazonaws.com");
  EXPECT_EQ(at(a, "max_session_duration").as_number(), 7200);
  ASSERT_EQ(at(a, "inline_policies").as_list().size(), 2u);
  EXPECT_EQ(at(a, "inline_policies.0.name").as_string(), "pass-any-role");
  EXPECT_EQ(at(a, "inline_policies.1.name").as_string(), "logs");
  ASSERT_EQ(at(a, "managed_policy_arns").as_list().size(), 2u);
  EXPECT_EQ(at(a, "managed_policy_arns.0").as_string(), "${ReadOnly}");
  ASSERT_EQ(at(a, "managed_policies").as_list().size(), 1u);
  EXPECT_EQ(at(a, "managed_policies.0.name").as_string(), "read-only-data");
  EXPECT_EQ(at(a, "managed_policies.0.statements.0.actions.0").as_string(), "s3:GetObject");
}

TEST_F(AdaptIam, GroupAndPolicyAttachments) {
  const Resource* group = test::find(out, "aws.iam.group", "Admins");
  ASSERT_NE(group, nullptr);
  ASSERT_EQ(at(group->attributes, "managed_policy_arns").as_list().size(), 2u);
  EXPECT_EQ(at(group->attributes, "managed_policy_arns.0").as_string(),
            "arn:aws:iam::aws:policy/AdministratorAccess");
  EXPECT_EQ(at(group->attributes, "managed_policy_arns.1").as_string(), "${RequireMfa}");

  const Resource* ro = test::find(out, "aws.iam.policy", "ReadOnly");
  ASSERT_NE(ro, nullptr);
  EXPECT_TRUE(at(ro->attributes, "managed").as_bool());
  EXPECT_TRUE(at(ro->attributes, "attached").as_bool());
  EXPECT_EQ(at(ro->attributes, "roles.0").as_string(), "${AppRole}");
  EXPECT_EQ(at(ro->attributes, "document.statements.0.resources.0").as_string(), "*");

  const Resource* pass = test::find(out, "aws.iam.policy", "PassAll");
  ASSERT_NE(pass, nullptr);
  EXPECT_FALSE(at(pass->attributes, "managed").as_bool());
  EXPECT_EQ(pass->name, "pass-any-role");
  EXPECT_EQ(at(pass->attributes, "roles.0").as_string(), "${AppRole}");
  const Resource* inline_role = test::find(out, "aws.iam.policy", "RoleInline");
  ASSERT_NE(inline_role, nullptr);
  EXPECT_EQ(at(inline_role->attributes, "roles.0").as_string(), "${AppRole}");
  EXPECT_TRUE(at(inline_role->attributes, "users").as_list().empty());
}

TEST(AdaptIamUnknowns, UnknownDocumentsAndLists) {
  Document doc = test::raw_doc(R"(
R:
  Type: AWS::IAM::Role
  Properties:
    AssumeRolePolicyDocument: !Unknown parameter
    ManagedPolicyArns: !Unknown parameter
    Policies: [{PolicyName: p, PolicyDocument: "{broken"}]
P:
  Type: AWS::IAM::ManagedPolicy
  Properties:
    Roles: !Unknown parameter
    PolicyDocument: {Statement: []}
)");
  Diagnostics diags;
  auto out = test::run(model::aws::adapt_iam, doc, diags);
  const Resource* role = test::find(out, "aws.iam.role", "R");
  ASSERT_NE(role, nullptr);
  EXPECT_TRUE(at(role->attributes, "assume_role_policy").is_unknown());
  EXPECT_TRUE(at(role->attributes, "managed_policy_arns").is_unknown());
  EXPECT_TRUE(at(role->attributes, "inline_policies.0.statements").is_unknown());
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].code, "aws.policy_json");
  EXPECT_EQ(diags[0].span.line, 7u);
  const Resource* policy = test::find(out, "aws.iam.policy", "P");
  ASSERT_NE(policy, nullptr);
  EXPECT_TRUE(at(policy->attributes, "attached").is_unknown());
}

TEST(AdaptIamUnknowns, PolicyForUnknownPrincipalsMakesPermissionsUnknown) {
  Document doc = test::raw_doc(R"(
R:
  Type: AWS::IAM::Role
  Properties:
    AssumeRolePolicyDocument: {Statement: []}
Maybe:
  Type: AWS::IAM::Policy
  Properties:
    PolicyName: maybe-admin
    Roles: [!Unknown role name parameter]
    PolicyDocument: {Statement: [{Effect: Allow, Action: "*", Resource: "*"}]}
)");
  Diagnostics diags;
  auto out = test::run(model::aws::adapt_iam, doc, diags);
  const Resource* role = test::find(out, "aws.iam.role", "R");
  ASSERT_NE(role, nullptr);
  ASSERT_EQ(at(role->attributes, "inline_policies").as_list().size(), 1u);
  EXPECT_TRUE(at(role->attributes, "inline_policies.0").is_unknown());
  EXPECT_EQ(at(role->attributes, "inline_policies.0").span().line, 6u);
}

TEST(AdaptIamMfa, VirtualDeviceIsASignal) {
  Document doc = test::raw_doc(R"(
U:
  Type: AWS::IAM::User
  Properties: {LoginProfile: {Password: x}}
Device:
  Type: AWS::IAM::VirtualMFADevice
  Properties: {Users: [!Ref U]}
)");
  Diagnostics diags;
  auto out = test::run(model::aws::adapt_iam, doc, diags);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_TRUE(at(out[0].attributes, "mfa.device").as_bool());
  EXPECT_TRUE(at(out[0].attributes, "mfa.signal").as_bool());
  EXPECT_EQ(at(out[0].attributes, "mfa.signal").span().line, 5u);
}

}  // namespace
}  // namespace cc
