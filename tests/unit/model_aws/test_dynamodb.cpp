#include <gtest/gtest.h>

#include "raw2.h"

namespace cc {
namespace {

using test::at;

TEST(AdaptDynamodb, CustomerKeyAndRecoverySettings) {
  Document doc = test::raw_doc(R"(
Key:
  Type: AWS::KMS::Key
Orders:
  Type: AWS::DynamoDB::Table
  Properties:
    TableName: orders
    BillingMode: PAY_PER_REQUEST
    SSESpecification:
      SSEEnabled: true
      SSEType: KMS
      KMSMasterKeyId: {"!GetAtt": Key.Arn}
    PointInTimeRecoverySpecification:
      PointInTimeRecoveryEnabled: true
    DeletionProtectionEnabled: "true"
)");
  Diagnostics diags;
  auto out = test::run(model::aws::adapt_dynamodb, doc, diags);
  ASSERT_EQ(out.size(), 1u);
  const Value& a = out[0].attributes;
  EXPECT_EQ(out[0].name, "orders");
  EXPECT_EQ(at(a, "encryption.kms"), Value::boolean(true));
  EXPECT_EQ(at(a, "encryption.customer_managed_key"), Value::boolean(true));
  EXPECT_EQ(at(a, "encryption.customer_managed_key").span().line, 12u);
  EXPECT_EQ(at(a, "point_in_time_recovery"), Value::boolean(true));
  EXPECT_EQ(at(a, "deletion_protection"), Value::boolean(true));
  test::expect_fits_schema(out[0]);
}

TEST(AdaptDynamodb, DefaultsMeanAwsOwnedKeyAndNoRecovery) {
  Document doc = test::raw_doc(R"(
Plain:
  Type: AWS::DynamoDB::Table
  Properties:
    KeySchema: [{AttributeName: id, KeyType: HASH}]
Managed:
  Type: AWS::DynamoDB::Table
  Properties:
    SSESpecification: {SSEEnabled: true}
Param:
  Type: AWS::DynamoDB::Table
  Properties:
    SSESpecification: {SSEEnabled: true, KMSMasterKeyId: {"!Ref": KeyParameter}}
)");
  Diagnostics diags;
  auto out = test::run(model::aws::adapt_dynamodb, doc, diags);
  ASSERT_EQ(out.size(), 3u);
  Value plain = test::with_defaults(out[0]);
  EXPECT_EQ(at(plain, "encryption.kms"), Value::boolean(false));
  EXPECT_EQ(at(plain, "encryption.customer_managed_key"), Value::boolean(false));
  EXPECT_EQ(at(plain, "point_in_time_recovery"), Value::boolean(false));
  EXPECT_EQ(at(plain, "point_in_time_recovery").provenance(), Provenance::Default);
  // SSEEnabled without a key is the AWS managed key: KMS, but not the customer's.
  EXPECT_EQ(at(out[1].attributes, "encryption.customer_managed_key"), Value::boolean(false));
  // A key given by a parameter cannot be classified.
  EXPECT_TRUE(at(out[2].attributes, "encryption.customer_managed_key").is_unknown());
  for (const auto& r : out) test::expect_fits_schema(r);
}

TEST(AdaptDynamodb, GlobalTableNeedsEveryReplica) {
  Document doc = test::raw_doc(R"(
Global:
  Type: AWS::DynamoDB::GlobalTable
  Properties:
    SSESpecification: {SSEEnabled: true, SSEType: KMS}
    Replicas:
      - Region: eu-west-1
        PointInTimeRecoverySpecification: {PointInTimeRecoveryEnabled: true}
        DeletionProtectionEnabled: true
        SSESpecification: {KMSMasterKeyId: alias/orders}
      - Region: eu-central-1
        DeletionProtectionEnabled: {"!Unknown": parameter}
)");
  Diagnostics diags;
  auto out = test::run(model::aws::adapt_dynamodb, doc, diags);
  ASSERT_EQ(out.size(), 1u);
  const Value& a = out[0].attributes;
  EXPECT_EQ(at(a, "global"), Value::boolean(true));
  EXPECT_EQ(at(a, "point_in_time_recovery"), Value::boolean(false));
  EXPECT_TRUE(at(a, "deletion_protection").is_unknown());
  EXPECT_EQ(at(a, "encryption.customer_managed_key"), Value::boolean(true));
  test::expect_fits_schema(out[0]);
}

}  // namespace
}  // namespace cc
