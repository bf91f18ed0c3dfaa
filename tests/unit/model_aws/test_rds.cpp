#include <gtest/gtest.h>

#include "raw2.h"

namespace cc {
namespace {

using test::at;

constexpr const char* kTemplate = R"(
Db:
  Type: AWS::RDS::DBInstance
  Properties:
    DBInstanceIdentifier: orders-db
    Engine: postgres
    StorageEncrypted: "true"
    KmsKeyId: {"!Ref": Key}
    PubliclyAccessible: false
    BackupRetentionPeriod: "14"
    MultiAZ: true
    EnableCloudwatchLogsExports: [postgresql, upgrade]
    Tags: [{Key: team, Value: payments}]
Key:
  Type: AWS::KMS::Key
Cluster:
  Type: AWS::RDS::DBCluster
  Properties:
    Engine: aurora-postgresql
    StorageEncrypted: true
    DeletionProtection: true
Member1:
  Type: AWS::RDS::DBInstance
  Properties:
    Engine: aurora-postgresql
    DBClusterIdentifier: {"!Ref": Cluster}
Member2:
  Type: AWS::RDS::DBInstance
  Properties:
    Engine: aurora-postgresql
    DBClusterIdentifier: {"!Ref": Cluster}
)";

TEST(AdaptRds, InstanceFieldsAreConvertedAndKeepTheirSpans) {
  Document doc = test::raw_doc(kTemplate);
  Diagnostics diags;
  auto out = test::run(model::aws::adapt_rds, doc, diags);
  ASSERT_EQ(out.size(), 4u);
  const Resource* db = test::find(out, "aws.rds.instance", "Db");
  ASSERT_NE(db, nullptr);
  EXPECT_EQ(db->name, "orders-db");
  EXPECT_EQ(db->provider, "aws");
  EXPECT_EQ(db->format, "cloudformation");
  const Value& a = db->attributes;
  EXPECT_EQ(at(a, "name"), Value::string("orders-db"));
  EXPECT_EQ(at(a, "storage_encrypted"), Value::boolean(true));
  EXPECT_EQ(at(a, "backup_retention_period"), Value::number(14));
  EXPECT_EQ(at(a, "multi_az"), Value::boolean(true));
  EXPECT_EQ(at(a, "tags.team"), Value::string("payments"));
  EXPECT_EQ(at(a, "log_exports").as_list().size(), 2u);
  // The KMS key is a reference: unknown, with the reference kept for joins.
  ASSERT_TRUE(at(a, "kms_key").is_unknown());
  EXPECT_EQ(at(a, "kms_key").as_unknown().ref, "Key");
  // Spans point at the source lines (line 1 of the raw text is empty).
  EXPECT_EQ(at(a, "storage_encrypted").span().line, 7u);
  EXPECT_EQ(at(a, "backup_retention_period").span().line, 10u);
  EXPECT_EQ(db->span.line, 2u);
  EXPECT_TRUE(diags.empty());
  test::expect_fits_schema(*db);
}

TEST(AdaptRds, UnsetSettingsTakeTheDocumentedDefaults) {
  Document doc = test::raw_doc(kTemplate);
  Diagnostics diags;
  auto out = test::run(model::aws::adapt_rds, doc, diags);
  const Resource* db = test::find(out, "aws.rds.instance", "Db");
  ASSERT_NE(db, nullptr);
  EXPECT_EQ(db->attributes.find("deletion_protection"), nullptr);  // absent until defaults
  Value a = test::with_defaults(*db);
  EXPECT_EQ(at(a, "deletion_protection"), Value::boolean(false));
  EXPECT_EQ(at(a, "deletion_protection").provenance(), Provenance::Default);
  EXPECT_EQ(at(a, "auto_minor_version_upgrade"), Value::boolean(true));
  EXPECT_EQ(at(a, "iam_auth"), Value::boolean(false));
  EXPECT_EQ(at(a, "in_cluster"), Value::boolean(false));
  EXPECT_EQ(at(a, "performance_insights.enabled"), Value::boolean(false));
}

TEST(AdaptRds, ClusterMembersAreJoined) {
  Document doc = test::raw_doc(kTemplate);
  Diagnostics diags;
  auto out = test::run(model::aws::adapt_rds, doc, diags);
  const Resource* cluster = test::find(out, "aws.rds.cluster", "Cluster");
  ASSERT_NE(cluster, nullptr);
  EXPECT_EQ(at(cluster->attributes, "member_count"), Value::number(2));
  EXPECT_EQ(at(cluster->attributes, "deletion_protection"), Value::boolean(true));
  test::expect_fits_schema(*cluster);
  const Resource* member = test::find(out, "aws.rds.instance", "Member1");
  ASSERT_NE(member, nullptr);
  EXPECT_EQ(at(member->attributes, "in_cluster"), Value::boolean(true));
  EXPECT_EQ(at(member->attributes, "cluster"), Value::string("Cluster"));
  test::expect_fits_schema(*member);
}

TEST(AdaptRds, EncryptionInheritedFromASnapshotIsUnknown) {
  Document doc = test::raw_doc(R"(
Restored:
  Type: AWS::RDS::DBInstance
  Properties:
    Engine: mysql
    DBSnapshotIdentifier: arn:aws:rds:eu-west-1:111122223333:snapshot:nightly
)");
  Diagnostics diags;
  auto out = test::run(model::aws::adapt_rds, doc, diags);
  ASSERT_EQ(out.size(), 1u);
  Value a = test::with_defaults(out[0]);
  EXPECT_TRUE(at(a, "storage_encrypted").is_unknown());
}

TEST(AdaptRds, WrongTypesBecomeUnknownWithADiagnostic) {
  Document doc = test::raw_doc(R"(
Db:
  Type: AWS::RDS::DBInstance
  Properties:
    Engine: mysql
    BackupRetentionPeriod: [7]
    StorageEncrypted: {"!Unknown": parameter without value}
)");
  Diagnostics diags;
  auto out = test::run(model::aws::adapt_rds, doc, diags);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_TRUE(at(out[0].attributes, "backup_retention_period").is_unknown());
  EXPECT_TRUE(at(out[0].attributes, "storage_encrypted").is_unknown());
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].code, "aws.property_type");
  EXPECT_EQ(diags[0].span.line, 6u);
  EXPECT_EQ(out[0].name, "Db");
}

}  // namespace
}  // namespace cc
