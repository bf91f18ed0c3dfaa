#include <gtest/gtest.h>

#include "raw2.h"

namespace cc {
namespace {

using test::at;

TEST(AdaptKms, KeySettingsAndPolicy) {
  Document doc = test::raw_doc(R"(
Key:
  Type: AWS::KMS::Key
  Properties:
    Description: data key
    EnableKeyRotation: "true"
    PendingWindowInDays: 7
    MultiRegion: true
    KeyPolicy:
      Statement:
        - Sid: Root
          Effect: Allow
          Principal: {AWS: !Unknown "Sub over AWS::AccountId"}
          Action: kms:*
          Resource: "*"
        - Effect: Allow
          Principal: "*"
          Action: [kms:Decrypt]
          Resource: "*"
    Tags: [{Key: env, Value: prod}]
Bare:
  Type: AWS::KMS::Key
KeyAlias:
  Type: AWS::KMS::Alias
  Properties: {AliasName: alias/data, TargetKeyId: !Ref Key}
)");
  Diagnostics diags;
  auto out = test::run(model::aws::adapt_kms, doc, diags);
  EXPECT_TRUE(diags.empty());
  ASSERT_EQ(out.size(), 2u);
  const Resource* key = test::find(out, "aws.kms.key", "Key");
  ASSERT_NE(key, nullptr);
  test::expect_fits_schema(*key);
  const Value& a = key->attributes;
  EXPECT_EQ(key->name, "alias/data");
  EXPECT_EQ(at(a, "name").as_string(), "alias/data");
  EXPECT_TRUE(at(a, "rotation_enabled").as_bool());
  EXPECT_EQ(at(a, "rotation_enabled").span().line, 6u);
  EXPECT_EQ(at(a, "pending_window_days").as_number(), 7);
  EXPECT_TRUE(at(a, "multi_region").as_bool());
  EXPECT_EQ(at(a, "description").as_string(), "data key");
  // A principal built from pseudo parameters cannot be known.
  ASSERT_EQ(at(a, "policy.statements").as_list().size(), 2u);
  EXPECT_TRUE(at(a, "policy.statements.0.principals").is_unknown() ||
              at(a, "policy.statements.0.principals.0").is_unknown());
  EXPECT_EQ(at(a, "policy.statements.1.principals.0").as_string(), "*");
  EXPECT_EQ(at(a, "tags.env").as_string(), "prod");

  const Resource* bare = test::find(out, "aws.kms.key", "Bare");
  ASSERT_NE(bare, nullptr);
  EXPECT_EQ(bare->name, "Bare");
  EXPECT_EQ(bare->attributes.find("rotation_enabled"), nullptr);
  Value d = test::with_defaults(*bare);
  EXPECT_FALSE(at(d, "rotation_enabled").as_bool());
  EXPECT_EQ(at(d, "rotation_enabled").provenance(), Provenance::Default);
  EXPECT_EQ(at(d, "key_spec").as_string(), "SYMMETRIC_DEFAULT");
  EXPECT_TRUE(at(d, "enabled").as_bool());
  EXPECT_EQ(at(d, "pending_window_days").as_number(), 30);
}

TEST(AdaptKms, UnknownRotationStaysUnknown) {
  Document doc = test::raw_doc(R"(
Key:
  Type: AWS::KMS::Key
  Properties: {EnableKeyRotation: !Unknown parameter, KeySpec: RSA_2048}
)");
  Diagnostics diags;
  auto out = test::run(model::aws::adapt_kms, doc, diags);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_TRUE(at(out[0].attributes, "rotation_enabled").is_unknown());
  EXPECT_EQ(at(out[0].attributes, "key_spec").as_string(), "RSA_2048");
}

}  // namespace
}  // namespace cc
