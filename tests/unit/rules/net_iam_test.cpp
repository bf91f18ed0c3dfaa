// CIDR parsing and containment, and the IAM policy helpers.
#include <gtest/gtest.h>

#include "rules/iam.h"
#include "rules/net.h"
#include "test_support.h"

namespace cc::rules {
namespace {

using namespace testing;

Cidr cidr(std::string_view s) {
  auto c = parse_cidr(s);
  EXPECT_TRUE(c.has_value()) << s;
  return c ? *c : Cidr{};
}

TEST(Cidr, ParsesIpv4AndIpv6) {
  EXPECT_EQ(cidr("10.0.0.0/8").prefix, 8);
  EXPECT_FALSE(cidr("10.0.0.0/8").v6);
  EXPECT_EQ(cidr("192.168.1.7").prefix, 32);  // a bare address is one host
  EXPECT_TRUE(cidr("2001:db8::/32").v6);
  EXPECT_EQ(cidr("::1").prefix, 128);
  EXPECT_EQ(cidr("0.0.0.0/0").prefix, 0);
  EXPECT_EQ(cidr("::ffff:10.0.0.1/128").prefix, 128);
}

TEST(Cidr, RejectsInvalidBlocks) {
  for (const char* bad :
       {"", "10.0.0.0/33", "10.0.0.0/", "10.0.0/8", "256.0.0.0/8", "10.0.0.0/-1", "10.0.0.0/8/9",
        "2001:db8::/129", "gggg::/16", "10.0.0.0/ 8", "any", "/0"})
    EXPECT_FALSE(parse_cidr(bad).has_value()) << bad;
}

TEST(Cidr, OpenToInternetIsAnySlashZero) {
  EXPECT_TRUE(open_to_internet(cidr("0.0.0.0/0")));
  EXPECT_TRUE(open_to_internet(cidr("::/0")));
  EXPECT_TRUE(open_to_internet(cidr("10.0.0.0/0")));  // host bits do not narrow a /0
  EXPECT_FALSE(open_to_internet(cidr("0.0.0.0/1")));
  EXPECT_FALSE(open_to_internet(cidr("0.0.0.0")));
}

TEST(Cidr, Containment) {
  EXPECT_TRUE(cidr_contains(cidr("10.0.0.0/8"), cidr("10.255.0.0/16")));
  EXPECT_TRUE(cidr_contains(cidr("10.0.0.0/8"), cidr("10.0.0.0/8")));
  EXPECT_FALSE(cidr_contains(cidr("10.0.0.0/16"), cidr("10.0.0.0/8")));
  EXPECT_FALSE(cidr_contains(cidr("10.0.0.0/8"), cidr("11.0.0.0/16")));
  EXPECT_TRUE(cidr_contains(cidr("172.16.0.0/12"), cidr("172.31.255.255")));
  EXPECT_FALSE(cidr_contains(cidr("172.16.0.0/12"), cidr("172.32.0.0")));
  EXPECT_TRUE(cidr_contains(cidr("2001:db8::/32"), cidr("2001:db8:1::/48")));
  EXPECT_FALSE(cidr_contains(cidr("2001:db8::/32"), cidr("2001:db9::/48")));
  EXPECT_FALSE(cidr_contains(cidr("0.0.0.0/0"), cidr("::1")));  // families never mix
  EXPECT_TRUE(cidr_contains(cidr("::/0"), cidr("::1")));
}

TEST(Cidr, PrivateRanges) {
  for (const char* p : {"10.0.0.0/8", "10.20.30.0/24", "172.16.0.0/12", "172.20.0.0/16",
                        "192.168.0.0/16", "100.64.0.0/10", "127.0.0.1", "169.254.169.254",
                        "fd00::/8", "fc00::/7", "fe80::1/64", "::1"})
    EXPECT_TRUE(is_private_cidr(cidr(p))) << p;
  for (const char* p : {"0.0.0.0/0", "8.8.8.8", "172.32.0.0/16", "172.0.0.0/8", "100.128.0.0/10",
                        "192.169.0.0/16", "::/0", "2001:db8::/32", "fe00::/7", "::2"})
    EXPECT_FALSE(is_private_cidr(cidr(p))) << p;
}

TEST(Glob, AwsStyleWildcardsIgnoringCase) {
  EXPECT_TRUE(glob_match("*", ""));
  EXPECT_TRUE(glob_match("*", "anything"));
  EXPECT_TRUE(glob_match("s3:*", "S3:GetObject"));
  EXPECT_TRUE(glob_match("s3:Get*", "s3:getobject"));
  EXPECT_TRUE(glob_match("iam:*Policy*", "iam:PutRolePolicy"));
  EXPECT_TRUE(glob_match("a?c", "abc"));
  EXPECT_FALSE(glob_match("a?c", "ac"));
  EXPECT_FALSE(glob_match("s3:Get*", "s3:PutObject"));
  EXPECT_TRUE(glob_match("*a*b*", "xxaxxbxx"));
  EXPECT_FALSE(glob_match("*a*b", "xxaxxbxxc"));
  EXPECT_FALSE(glob_match("", "x"));
}

Value statements(std::string_view text) { return yaml(text); }

TEST(Iam, AllowsWithWildcards) {
  Value st = statements(R"(
- {effect: Allow, actions: ['s3:Get*'], resources: ['arn:aws:s3:::data/*']}
)");
  EXPECT_EQ(iam_allows(st, "s3:GetObject", "arn:aws:s3:::data/file"), Tri::True);
  EXPECT_EQ(iam_allows(st, "s3:PutObject", "arn:aws:s3:::data/file"), Tri::False);
  EXPECT_EQ(iam_allows(st, "s3:GetObject", "arn:aws:s3:::other/file"), Tri::False);
  Value admin = statements("[{effect: Allow, actions: ['*'], resources: ['*']}]");
  EXPECT_EQ(iam_allows(admin, "*", "*"), Tri::True);
  EXPECT_EQ(iam_allows(st, "*", "*"), Tri::False);
}

TEST(Iam, NotActionAndNotResource) {
  Value st = statements(R"(
- {effect: Allow, not_actions: ['iam:*'], resources: ['*']}
- {effect: Allow, actions: ['kms:Decrypt'], not_resources: ['arn:aws:kms:*:*:key/secret']}
)");
  EXPECT_EQ(iam_allows(st, "s3:DeleteBucket", "arn:aws:s3:::b"), Tri::True);
  EXPECT_EQ(iam_allows(st, "iam:CreateUser", "*"), Tri::False);
  EXPECT_EQ(iam_allows(st, "kms:Decrypt", "arn:aws:kms:eu-west-1:1:key/other"), Tri::True);
}

TEST(Iam, UnconditionalDenyWinsConditionalDenyDoesNot) {
  Value st = statements(R"(
- {effect: Allow, actions: ['s3:*'], resources: ['*']}
- {effect: Deny, actions: ['s3:DeleteBucket'], resources: ['*']}
- {effect: Deny, actions: ['s3:PutObject'], resources: ['*'],
   conditions: [{operator: Bool, key: 'aws:SecureTransport', values: ['false']}]}
)");
  EXPECT_EQ(iam_allows(st, "s3:GetObject", "arn:aws:s3:::b"), Tri::True);
  EXPECT_EQ(iam_allows(st, "s3:DeleteBucket", "arn:aws:s3:::b"), Tri::False);
  EXPECT_EQ(iam_allows(st, "s3:PutObject", "arn:aws:s3:::b"), Tri::True);
  Value deny_not = statements(R"(
- {effect: Allow, actions: ['*'], resources: ['*']}
- {effect: Deny, not_actions: ['s3:Get*'], resources: ['*']}
)");
  EXPECT_EQ(iam_allows(deny_not, "s3:GetObject", "x"), Tri::True);
  EXPECT_EQ(iam_allows(deny_not, "ec2:RunInstances", "x"), Tri::False);
}

TEST(Iam, TrustPoliciesWithoutResourcesAndUnknowns) {
  Value trust = statements(
      "[{effect: Allow, actions: ['sts:AssumeRole'], principals: ['Service:ec2.amazonaws.com']}]");
  EXPECT_EQ(iam_allows(trust, "sts:AssumeRole", "*"), Tri::True);
  Value st = statements("[{effect: Allow, resources: ['*']}]");
  st.as_list()[0].set("actions", Value::list({Value::unknown("parameter Action")}));
  EXPECT_EQ(iam_allows(st, "s3:GetObject", "x"), Tri::Unknown);
  Value deny_unknown = statements(R"(
- {effect: Allow, actions: ['*'], resources: ['*']}
- {actions: ['*'], resources: ['*']}
)");
  deny_unknown.as_list()[1].set("effect", Value::unknown("parameter Effect"));
  EXPECT_EQ(iam_allows(deny_unknown, "s3:GetObject", "x"), Tri::Unknown);
  EXPECT_EQ(iam_allows(Value::unknown("whole policy"), "a", "b"), Tri::Unknown);
  EXPECT_EQ(iam_allows(Value::null(), "a", "b"), Tri::False);
}

TEST(Iam, PublicPrincipal) {
  EXPECT_EQ(iam_public_principal(statements("[{effect: Allow, principals: ['*']}]")), Tri::True);
  EXPECT_EQ(iam_public_principal(statements("[{effect: Allow, principals: ['AWS:*']}]")),
            Tri::True);
  EXPECT_EQ(iam_public_principal(statements("[{effect: Deny, principals: ['*']}]")), Tri::False);
  EXPECT_EQ(iam_public_principal(
                statements("[{effect: Allow, principals: ['AWS:arn:aws:iam::1:root']}]")),
            Tri::False);
  EXPECT_EQ(
      iam_public_principal(statements("[{effect: Allow, principals: ['*'], conditions: [{operator: "
                                      "StringEquals, key: 'aws:SourceAccount', values: ['1']}]}]")),
      Tri::False);
  EXPECT_EQ(iam_public_principal(statements("[{effect: Allow, principals: []}]")), Tri::False);
  Value u = statements("[{effect: Allow}]");
  u.as_list()[0].set("principals", Value::list({Value::unknown("parameter Principal")}));
  EXPECT_EQ(iam_public_principal(u), Tri::Unknown);
}

TEST(Iam, HelpersInExpressionsCarryTheUnknownReason) {
  Value r = yaml(R"(policy:
  statements:
    - {effect: Allow, actions: ['s3:GetObject'], resources: ['*'], principals: ['*']}
)");
  EXPECT_EQ(tri_of("iamPublicPrincipal(resource.policy.statements)", r), Tri::True);
  EXPECT_EQ(tri_of("iamAllows(resource.policy.statements, 's3:GetObject', 'arn:aws:s3:::b/k')", r),
            Tri::True);
  EXPECT_EQ(tri_of("iamAllows(resource.policy.statements, 's3:PutObject', '*')", r), Tri::False);
  r.find("policy")
      ->find("statements")
      ->as_list()[0]
      .set("principals", Value::list({Value::unknown("parameter Who")}));
  Truth t = test_on("iamPublicPrincipal(resource.policy.statements)", r);
  EXPECT_EQ(t.value, Tri::Unknown);
  EXPECT_EQ(t.reason, "parameter Who");
  EXPECT_EQ(tri_of("iamPublicPrincipal(resource.nothing)", r), Tri::False);
}

}  // namespace
}  // namespace cc::rules
