#include <gtest/gtest.h>

#include "raw2.h"

namespace cc {
namespace {

using test::at;

constexpr const char* kTemplate = R"(
Logs:
  Type: AWS::S3::Bucket
  Properties:
    BucketName: acme-logs
    AccessControl: LogDeliveryWrite
    ObjectLockEnabled: true
    ObjectLockConfiguration:
      ObjectLockEnabled: Enabled
      Rule: {DefaultRetention: {Mode: COMPLIANCE, Years: 1}}
Data:
  Type: AWS::S3::Bucket
  Properties:
    BucketEncryption:
      ServerSideEncryptionConfiguration:
        - ServerSideEncryptionByDefault:
            SSEAlgorithm: aws:kms
            KMSMasterKeyID: !GetAtt Key.Arn
          BucketKeyEnabled: true
    VersioningConfiguration: {Status: Enabled}
    LoggingConfiguration:
      DestinationBucketName: !Ref Logs
      LogFilePrefix: data/
    PublicAccessBlockConfiguration:
      BlockPublicAcls: true
      BlockPublicPolicy: "true"
    LifecycleConfiguration:
      Rules: [{Status: Disabled}, {Status: Enabled}]
    ReplicationConfiguration:
      Role: !GetAtt ReplRole.Arn
      Rules: [{Status: Enabled, Destination: {Bucket: "arn:aws:s3:::dr"}}]
    Tags: [{Key: team, Value: data}]
DataPolicy:
  Type: AWS::S3::BucketPolicy
  Properties:
    Bucket: !Ref Data
    PolicyDocument:
      Statement:
        - Effect: Deny
          Principal: "*"
          Action: s3:*
          Resource: "*"
          Condition: {Bool: {aws:SecureTransport: "false"}}
Plain:
  Type: AWS::S3::Bucket
)";

TEST(AdaptS3, ReadsEverySettingWithSpans) {
  Document doc = test::raw_doc(kTemplate);
  Diagnostics diags;
  auto out = test::run(model::aws::adapt_s3, doc, diags);
  EXPECT_TRUE(diags.empty());
  ASSERT_EQ(out.size(), 3u);  // the policy is joined, not emitted
  const Resource* data = test::find(out, "aws.s3.bucket", "Data");
  ASSERT_NE(data, nullptr);
  test::expect_fits_schema(*data);
  const Value& a = data->attributes;
  EXPECT_EQ(data->name, "Data");
  EXPECT_EQ(data->span.line, 11u);
  EXPECT_TRUE(at(a, "encryption.enabled").as_bool());
  EXPECT_TRUE(at(a, "encryption.kms").as_bool());
  EXPECT_EQ(at(a, "encryption.algorithm").as_string(), "aws:kms");
  EXPECT_EQ(at(a, "encryption.algorithm").span().line, 17u);
  EXPECT_TRUE(at(a, "encryption.kms_key").is_unknown());
  EXPECT_EQ(at(a, "encryption.kms_key").as_unknown().ref, "Key.Arn");
  EXPECT_TRUE(at(a, "encryption.bucket_key").as_bool());
  EXPECT_TRUE(at(a, "versioning.enabled").as_bool());
  EXPECT_EQ(at(a, "versioning.enabled").span().line, 20u);
  EXPECT_TRUE(at(a, "logging.enabled").as_bool());
  EXPECT_EQ(at(a, "logging.prefix").as_string(), "data/");
  // Given configuration: settings it leaves out are off, at the block's position.
  EXPECT_TRUE(at(a, "public_access_block.block_public_acls").as_bool());
  EXPECT_TRUE(at(a, "public_access_block.block_public_policy").as_bool());
  EXPECT_FALSE(at(a, "public_access_block.ignore_public_acls").as_bool());
  EXPECT_FALSE(at(a, "public_access_block.restrict_public_buckets").as_bool());
  EXPECT_EQ(at(a, "lifecycle_rules.count").as_number(), 2);
  EXPECT_TRUE(at(a, "lifecycle_rules.enabled").as_bool());
  EXPECT_TRUE(at(a, "replication.enabled").as_bool());
  EXPECT_EQ(at(a, "replication.destinations.0").as_string(), "arn:aws:s3:::dr");
  EXPECT_EQ(at(a, "tags.team").as_string(), "data");
  EXPECT_FALSE(at(a, "is_log_target").as_bool());
  // Joined bucket policy.
  ASSERT_EQ(at(a, "policy.statements").as_list().size(), 1u);
  EXPECT_EQ(at(a, "policy.statements.0.effect").as_string(), "Deny");
  EXPECT_TRUE(at(a, "policy.denies_insecure_transport").as_bool());
  EXPECT_EQ(at(a, "policy.denies_insecure_transport").span().line, 39u);
}

TEST(AdaptS3, LogBucketAndDefaults) {
  Document doc = test::raw_doc(kTemplate);
  Diagnostics diags;
  auto out = test::run(model::aws::adapt_s3, doc, diags);
  const Resource* logs = test::find(out, "aws.s3.bucket", "Logs");
  ASSERT_NE(logs, nullptr);
  test::expect_fits_schema(*logs);
  EXPECT_EQ(logs->name, "acme-logs");
  EXPECT_EQ(at(logs->attributes, "name").as_string(), "acme-logs");
  EXPECT_TRUE(at(logs->attributes, "is_log_target").as_bool());
  EXPECT_TRUE(at(logs->attributes, "object_lock.enabled").as_bool());
  EXPECT_EQ(at(logs->attributes, "object_lock.mode").as_string(), "COMPLIANCE");
  EXPECT_EQ(at(logs->attributes, "object_lock.retention_days").as_number(), 365);

  const Resource* plain = test::find(out, "aws.s3.bucket", "Plain");
  ASSERT_NE(plain, nullptr);
  // Unset settings stay absent; the schema's documented defaults fill them.
  EXPECT_EQ(plain->attributes.find("encryption"), nullptr);
  EXPECT_EQ(plain->attributes.find("policy"), nullptr);
  Value d = test::with_defaults(*plain);
  EXPECT_TRUE(at(d, "encryption.enabled").as_bool());
  EXPECT_FALSE(at(d, "encryption.kms").as_bool());
  EXPECT_EQ(at(d, "encryption.kms").provenance(), Provenance::Default);
  EXPECT_FALSE(at(d, "versioning.enabled").as_bool());
  EXPECT_FALSE(at(d, "logging.enabled").as_bool());
  EXPECT_TRUE(at(d, "public_access_block.block_public_acls").as_bool());
  EXPECT_FALSE(at(d, "policy.denies_insecure_transport").as_bool());
  EXPECT_TRUE(at(d, "policy.statements").as_list().empty());
  EXPECT_EQ(at(d, "acl").as_string(), "Private");
}

TEST(AdaptS3, UnknownValuesStayUnknown) {
  Document doc = test::raw_doc(R"(
B:
  Type: AWS::S3::Bucket
  Properties:
    VersioningConfiguration: {Status: !Unknown parameter}
    PublicAccessBlockConfiguration: !Unknown parameter
    BucketEncryption:
      ServerSideEncryptionConfiguration:
        - ServerSideEncryptionByDefault: {SSEAlgorithm: !Unknown parameter}
P:
  Type: AWS::S3::BucketPolicy
  Properties:
    Bucket: !Unknown bucket parameter
    PolicyDocument: {Statement: []}
)");
  Diagnostics diags;
  auto out = test::run(model::aws::adapt_s3, doc, diags);
  ASSERT_EQ(out.size(), 1u);
  const Value& a = out[0].attributes;
  EXPECT_TRUE(at(a, "versioning.enabled").is_unknown());
  EXPECT_TRUE(at(a, "public_access_block.block_public_acls").is_unknown());
  EXPECT_TRUE(at(a, "encryption.kms").is_unknown());
  EXPECT_TRUE(at(a, "encryption.enabled").as_bool());
  // A policy naming an unknown bucket may be this bucket's.
  EXPECT_TRUE(at(a, "policy.denies_insecure_transport").is_unknown());
  EXPECT_TRUE(at(a, "policy.statements").is_unknown());
}

TEST(AdaptS3, PolicyByBucketNameAndWithoutTlsDeny) {
  Document doc = test::raw_doc(R"(
B:
  Type: AWS::S3::Bucket
  Properties: {BucketName: shared}
P:
  Type: AWS::S3::BucketPolicy
  Properties:
    Bucket: shared
    PolicyDocument:
      Statement:
        - {Effect: Allow, Principal: "*", Action: s3:GetObject, Resource: "arn:aws:s3:::shared/*"}
        - {Effect: Deny, Principal: "*", Action: s3:*, Resource: "*", Condition: {NumericLessThan: {s3:TlsVersion: 1.2}}}
)");
  Diagnostics diags;
  auto out = test::run(model::aws::adapt_s3, doc, diags);
  ASSERT_EQ(out.size(), 1u);
  const Value& a = out[0].attributes;
  ASSERT_EQ(at(a, "policy.statements").as_list().size(), 2u);
  EXPECT_EQ(at(a, "policy.statements.0.principals.0").as_string(), "*");
  EXPECT_FALSE(at(a, "policy.denies_insecure_transport").as_bool());
  EXPECT_EQ(at(a, "policy.statements.1.conditions.0.values.0").as_string(), "1.2");
}

TEST(AdaptS3, BadInputIsADiagnosticNotACrash) {
  Document doc = test::raw_doc(R"(
B:
  Type: AWS::S3::Bucket
  Properties:
    VersioningConfiguration: {Status: [1, 2]}
    Tags: "not a list"
    LifecycleConfiguration: {Rules: 5}
)");
  Diagnostics diags;
  auto out = test::run(model::aws::adapt_s3, doc, diags);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_TRUE(at(out[0].attributes, "versioning.enabled").is_unknown());
  EXPECT_TRUE(at(out[0].attributes, "tags").is_unknown());
  EXPECT_TRUE(at(out[0].attributes, "lifecycle_rules.count").is_unknown());
  ASSERT_EQ(diags.size(), 2u);
  EXPECT_EQ(diags[0].span.line, 5u);
}

}  // namespace
}  // namespace cc
