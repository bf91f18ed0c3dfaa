#include <gtest/gtest.h>

#include "raw2.h"

namespace cc {
namespace {

using test::at;

TEST(AdaptSns, EncryptionAndJoinedPolicies) {
  Document doc = test::raw_doc(R"(
Alerts:
  Type: AWS::SNS::Topic
  Properties:
    TopicName: alerts
    KmsMasterKeyId: {"!Ref": Key}
Key:
  Type: AWS::KMS::Key
Plain:
  Type: AWS::SNS::Topic
Policy:
  Type: AWS::SNS::TopicPolicy
  Properties:
    Topics: [{"!Ref": Alerts}, {"!Ref": Plain}]
    PolicyDocument:
      Statement:
        - Effect: Allow
          Principal: {Service: events.amazonaws.com}
          Action: sns:Publish
          Resource: "*"
)");
  Diagnostics diags;
  auto out = test::run(model::aws::adapt_sns, doc, diags);
  ASSERT_EQ(out.size(), 2u);
  const Value& a = out[0].attributes;
  EXPECT_EQ(out[0].name, "alerts");
  EXPECT_EQ(at(a, "encryption.enabled"), Value::boolean(true));
  EXPECT_EQ(at(a, "encryption.customer_managed_key"), Value::boolean(true));
  EXPECT_EQ(at(a, "encryption.enabled").span().line, 6u);
  EXPECT_EQ(at(a, "policy.statements.0.principals.0"),
            Value::string("Service:events.amazonaws.com"));
  Value plain = test::with_defaults(out[1]);
  EXPECT_EQ(at(plain, "encryption.enabled"), Value::boolean(false));
  EXPECT_EQ(at(plain, "policy.statements").as_list().size(), 1u);
  for (const auto& r : out) test::expect_fits_schema(r);
}

TEST(AdaptSns, KeyFromAParameterIsSetButOfUnknownOwnership) {
  Document doc = test::raw_doc(R"(
Topic:
  Type: AWS::SNS::Topic
  Properties:
    KmsMasterKeyId: {"!Unknown": parameter without default}
)");
  Diagnostics diags;
  auto out = test::run(model::aws::adapt_sns, doc, diags);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_TRUE(at(out[0].attributes, "encryption.enabled").is_unknown());
  EXPECT_TRUE(at(out[0].attributes, "encryption.customer_managed_key").is_unknown());
}

}  // namespace
}  // namespace cc
