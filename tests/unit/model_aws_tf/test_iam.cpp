#include <gtest/gtest.h>

#include "../common/raw_tf.h"
#include "model/aws_tf/aws_tf.h"

namespace cc {
namespace {

using test::at;

const Resource& get(const std::vector<Resource>& out, std::string_view kind,
                    std::string_view address) {
  const Resource* r = test::find(out, kind, address);
  EXPECT_NE(r, nullptr) << kind << " " << address;
  static const Resource missing;
  return r ? *r : missing;
}

TEST(TfIam, RoleJoinsInlineBlocksPolicyResourcesAndAttachments) {
  Document doc = test::tf_doc(R"({
"aws_iam_role.app": {
  "name": "app",
  "assume_role_policy": "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}",
  "permissions_boundary": {"$ref": "aws_iam_policy.boundary.arn"},
  "inline_policy": [{"name": "all", "policy": "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}}"}],
  "max_session_duration": 7200
},
"aws_iam_role_policy.extra": {"name": "extra", "role": {"$ref": "aws_iam_role.app.id"},
  "policy": {"$ref": "data.aws_iam_policy_document.pass.json"}},
"data.aws_iam_policy_document.pass": {"statement": [{"actions": ["iam:PassRole"], "resources": ["*"]}]},
"aws_iam_policy.custom": {"name": "custom",
  "policy": "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\",\"Resource\":\"*\"}]}"},
"aws_iam_policy.boundary": {"name": "boundary", "policy": "{\"Statement\":[]}"},
"aws_iam_role_policy_attachment.custom": {"role": "app", "policy_arn": {"$ref": "aws_iam_policy.custom.arn"}},
"aws_iam_policy_attachment.shared": {"name": "shared", "roles": [{"$ref": "aws_iam_role.app.name"}],
  "policy_arn": "arn:aws:iam::aws:policy/ReadOnlyAccess"}
})");
  Diagnostics diags;
  auto out = test::adapt_checked(model::aws_tf::adapt_iam, doc, diags);
  const Value& a = get(out, "aws.iam.role", "aws_iam_role.app").attributes;
  EXPECT_EQ(at(a, "name"), Value::string("app"));
  EXPECT_EQ(at(a, "permissions_boundary"), Value::string("${aws_iam_policy.boundary.arn}"));
  EXPECT_EQ(at(a, "max_session_duration"), Value::number(7200));
  EXPECT_EQ(at(a, "assume_role_policy.statements.0.principals"),
            Value::list({Value::string("Service:ec2.amazonaws.com")}));
  ASSERT_EQ(at(a, "inline_policies").as_list().size(), 2u);
  EXPECT_EQ(at(a, "inline_policies.0.name"), Value::string("all"));
  EXPECT_EQ(at(a, "inline_policies.0.statements.0.actions"), Value::list({Value::string("*")}));
  EXPECT_EQ(at(a, "inline_policies.1.name"), Value::string("extra"));
  // The data source's default effect is Allow.
  EXPECT_EQ(at(a, "inline_policies.1.statements.0.effect"), Value::string("Allow"));
  EXPECT_EQ(at(a, "inline_policies.1.statements.0.actions"),
            Value::list({Value::string("iam:PassRole")}));
  EXPECT_EQ(at(a, "managed_policy_arns"),
            Value::list({Value::string("${aws_iam_policy.custom.arn}"),
                         Value::string("arn:aws:iam::aws:policy/ReadOnlyAccess")}));
  ASSERT_EQ(at(a, "managed_policies").as_list().size(), 1u);
  EXPECT_EQ(at(a, "managed_policies.0.name"), Value::string("custom"));

  const Value& custom = get(out, "aws.iam.policy", "aws_iam_policy.custom").attributes;
  EXPECT_EQ(at(custom, "managed"), Value::boolean(true));
  EXPECT_EQ(at(custom, "attached"), Value::boolean(true));
  EXPECT_EQ(at(custom, "roles"), Value::list({Value::string("app")}));
  const Value& boundary = get(out, "aws.iam.policy", "aws_iam_policy.boundary").attributes;
  EXPECT_EQ(at(boundary, "attached"), Value::boolean(false));
  const Value& extra = get(out, "aws.iam.policy", "aws_iam_role_policy.extra").attributes;
  EXPECT_EQ(at(extra, "managed"), Value::boolean(false));
  EXPECT_EQ(at(extra, "roles"), Value::list({Value::string("${aws_iam_role.app.id}")}));
  EXPECT_TRUE(diags.empty());
}

TEST(TfIam, UserCredentialsGroupsAndMfaFromGroupPolicy) {
  Document doc = test::tf_doc(R"({
"aws_iam_user.bob": {"name": "bob", "tags": {"team": "ops"}},
"aws_iam_user_login_profile.bob": {"user": {"$ref": "aws_iam_user.bob.name"}, "password_reset_required": true},
"aws_iam_access_key.one": {"user": "bob"},
"aws_iam_access_key.two": {"user": {"$ref": "aws_iam_user.bob.name"}, "status": "Inactive"},
"aws_iam_group.eng": {"name": "eng"},
"aws_iam_user_group_membership.bob": {"user": {"$ref": "aws_iam_user.bob.name"},
  "groups": [{"$ref": "aws_iam_group.eng.name"}]},
"aws_iam_group_policy.mfa": {"name": "mfa", "group": {"$ref": "aws_iam_group.eng.name"},
  "policy": {"$ref": "data.aws_iam_policy_document.mfa.json"}},
"data.aws_iam_policy_document.mfa": {"statement": [{"effect": "Deny", "not_actions": ["iam:EnableMFADevice"],
  "resources": ["*"], "condition": [{"test": "BoolIfExists", "variable": "aws:MultiFactorAuthPresent", "values": ["false"]}]}]}
})");
  Diagnostics diags;
  auto out = test::adapt_checked(model::aws_tf::adapt_iam, doc, diags);
  const Value& a = get(out, "aws.iam.user", "aws_iam_user.bob").attributes;
  EXPECT_EQ(at(a, "console_access"), Value::boolean(true));
  EXPECT_EQ(at(a, "console_access").span().line, 3u);
  EXPECT_EQ(at(a, "password_reset_required"), Value::boolean(true));
  EXPECT_EQ(at(a, "access_keys.count"), Value::number(2));
  EXPECT_EQ(at(a, "access_keys.active"), Value::number(1));
  EXPECT_EQ(at(a, "groups"), Value::list({Value::string("${aws_iam_group.eng.name}")}));
  EXPECT_EQ(at(a, "mfa.enforced_by_policy"), Value::boolean(true));
  EXPECT_EQ(at(a, "mfa.signal"), Value::boolean(true));
  EXPECT_EQ(at(a, "inline_policies").as_list().size(), 0u);
  EXPECT_EQ(at(a, "tags.team"), Value::string("ops"));
  const Value& g = get(out, "aws.iam.group", "aws_iam_group.eng").attributes;
  EXPECT_EQ(at(g, "inline_policies.0.statements.0.not_actions"),
            Value::list({Value::string("iam:EnableMFADevice")}));
  EXPECT_TRUE(diags.empty());
}

TEST(TfIam, UnresolvablePrincipalsAndDocumentsAreUnknown) {
  Document doc = test::tf_doc(R"({
"aws_iam_user.u": {"name": "u"},
"aws_iam_user_policy.p": {"user": {"$unknown": "var.user"}, "policy": "{\"Statement\":[]}"},
"aws_iam_role.r": {"name": "r", "assume_role_policy": {"$unknown": "var.trust"}},
"aws_iam_policy.bad": {"name": "bad", "policy": "{not json"}
})");
  Diagnostics diags;
  auto out = test::adapt_checked(model::aws_tf::adapt_iam, doc, diags);
  const Value& u = get(out, "aws.iam.user", "aws_iam_user.u").attributes;
  ASSERT_EQ(at(u, "inline_policies").as_list().size(), 1u);
  EXPECT_TRUE(at(u, "inline_policies.0").is_unknown());
  const Value& r = get(out, "aws.iam.role", "aws_iam_role.r").attributes;
  EXPECT_TRUE(at(r, "assume_role_policy").is_unknown());
  const Value& bad = get(out, "aws.iam.policy", "aws_iam_policy.bad").attributes;
  EXPECT_TRUE(at(bad, "document").is_unknown());
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].code, "aws.policy_json");
  EXPECT_EQ(diags[0].span.line, 5u);
}

TEST(TfIam, PolicyDocumentMergesSourceAndOverrideDocuments) {
  Document doc = test::tf_doc(R"({
"data.aws_iam_policy_document.base": {"statement": [
  {"sid": "Read", "actions": ["s3:GetObject"], "resources": ["*"]},
  {"sid": "List", "actions": ["s3:ListBucket"], "resources": ["*"]}]},
"data.aws_iam_policy_document.final": {
  "source_policy_documents": [{"$ref": "data.aws_iam_policy_document.base.json"}],
  "statement": [{"sid": "Read", "actions": ["s3:GetObject"], "resources": ["arn:aws:s3:::b/*"],
    "principals": [{"type": "AWS", "identifiers": ["arn:aws:iam::111122223333:root"]}]}]},
"aws_iam_policy.p": {"name": "p", "policy": {"$ref": "data.aws_iam_policy_document.final.json"}}
})");
  Diagnostics diags;
  auto out = test::adapt_checked(model::aws_tf::adapt_iam, doc, diags);
  const Value& p = get(out, "aws.iam.policy", "aws_iam_policy.p").attributes;
  const Value& st = at(p, "document.statements");
  ASSERT_EQ(st.as_list().size(), 2u);
  EXPECT_EQ(at(st, "0.sid"), Value::string("Read"));
  EXPECT_EQ(at(st, "0.resources"), Value::list({Value::string("arn:aws:s3:::b/*")}));
  EXPECT_EQ(at(st, "0.principals"),
            Value::list({Value::string("AWS:arn:aws:iam::111122223333:root")}));
  EXPECT_EQ(at(st, "1.sid"), Value::string("List"));
  EXPECT_TRUE(diags.empty());
}

TEST(TfIam, PasswordPolicyArgumentsAndDefaults) {
  Document doc = test::tf_doc(R"({
"aws_iam_account_password_policy.strict": {"minimum_password_length": 16,
  "require_symbols": true, "password_reuse_prevention": 24, "max_password_age": 90},
"aws_iam_account_password_policy.bare": {}
})");
  Diagnostics diags;
  auto out = test::adapt_checked(model::aws_tf::adapt_iam, doc, diags);
  ASSERT_EQ(out.size(), 2u);
  const Value& s = out[0].attributes;
  EXPECT_EQ(out[0].kind, "aws.iam.password_policy");
  EXPECT_EQ(at(s, "minimum_length"), Value::number(16));
  EXPECT_EQ(at(s, "minimum_length").span().line, 2u);
  EXPECT_EQ(at(s, "require_symbols"), Value::boolean(true));
  EXPECT_EQ(at(s, "reuse_prevention"), Value::number(24));
  EXPECT_EQ(at(s, "max_age_days"), Value::number(90));
  Value bare = test::with_defaults(out[1]);
  EXPECT_EQ(at(bare, "minimum_length"), Value::number(6));
  EXPECT_EQ(at(bare, "max_age_days"), Value::number(0));
  EXPECT_EQ(at(bare, "require_uppercase"), Value::boolean(false));
  EXPECT_EQ(at(bare, "allow_users_to_change"), Value::boolean(true));
}

}  // namespace
}  // namespace cc
