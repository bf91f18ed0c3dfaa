#include <gtest/gtest.h>

#include "../common/raw_tf.h"
#include "model/aws_tf/aws_tf.h"

namespace cc {
namespace {

using test::at;

TEST(TfRds, InstanceArgumentsAndDefaults) {
  Document doc = test::tf_doc(R"({
"aws_db_instance.main": {
  "identifier": "orders",
  "engine": "postgres",
  "instance_class": "db.t3.medium",
  "storage_encrypted": true,
  "kms_key_id": {"$ref": "aws_kms_key.db.arn"},
  "backup_retention_period": 14,
  "multi_az": true,
  "iam_database_authentication_enabled": true,
  "enabled_cloudwatch_logs_exports": ["postgresql", "upgrade"],
  "tags": {"team": "payments"}
},
"aws_db_instance.bare": {"engine": "mysql", "instance_class": "db.t3.micro"}
})");
  Diagnostics diags;
  auto out = test::adapt_checked(model::aws_tf::adapt_rds, doc, diags);
  ASSERT_EQ(out.size(), 2u);
  const Value& main = out[0].attributes;
  EXPECT_EQ(out[0].kind, "aws.rds.instance");
  EXPECT_EQ(out[0].name, "orders");
  EXPECT_EQ(at(main, "name"), Value::string("orders"));
  EXPECT_EQ(at(main, "storage_encrypted"), Value::boolean(true));
  EXPECT_EQ(at(main, "storage_encrypted").span().line, 6u);
  EXPECT_EQ(at(main, "kms_key"), Value::string("${aws_kms_key.db.arn}"));
  EXPECT_EQ(at(main, "backup_retention_period"), Value::number(14));
  EXPECT_EQ(at(main, "iam_auth"), Value::boolean(true));
  EXPECT_EQ(at(main, "log_exports").as_list().size(), 2u);
  EXPECT_EQ(at(main, "tags.team"), Value::string("payments"));
  EXPECT_EQ(main.find("in_cluster"), nullptr);

  Value bare = test::with_defaults(out[1]);
  EXPECT_EQ(out[1].name, "aws_db_instance.bare");
  EXPECT_EQ(at(bare, "storage_encrypted"), Value::boolean(false));
  EXPECT_EQ(at(bare, "storage_encrypted").provenance(), Provenance::Default);
  EXPECT_EQ(at(bare, "publicly_accessible"), Value::boolean(false));
  EXPECT_EQ(at(bare, "auto_minor_version_upgrade"), Value::boolean(true));
  EXPECT_TRUE(diags.empty());
}

TEST(TfRds, RestoredInstanceInheritsEncryption) {
  Document doc = test::tf_doc(R"({
"aws_db_instance.restored": {"engine": "mysql", "snapshot_identifier": "nightly"},
"aws_db_instance.replica": {"replicate_source_db": {"$ref": "aws_db_instance.restored.identifier"}},
"aws_db_instance.pitr": {"restore_to_point_in_time": [{"source_db_instance_identifier": "x"}]},
"aws_db_instance.explicit": {"snapshot_identifier": "nightly", "storage_encrypted": false}
})");
  Diagnostics diags;
  auto out = test::adapt_checked(model::aws_tf::adapt_rds, doc, diags);
  ASSERT_EQ(out.size(), 4u);
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_TRUE(at(out[i].attributes, "storage_encrypted").is_unknown()) << out[i].address;
    EXPECT_EQ(at(out[i].attributes, "storage_encrypted").span().line, 2u + i);
  }
  EXPECT_EQ(at(out[3].attributes, "storage_encrypted"), Value::boolean(false));
}

TEST(TfRds, ClusterInstancesJoinTheirCluster) {
  Document doc = test::tf_doc(R"({
"aws_rds_cluster.aurora": {
  "cluster_identifier": "ledger",
  "engine": "aurora-postgresql",
  "storage_encrypted": true,
  "deletion_protection": true,
  "backup_retention_period": 7,
  "enabled_cloudwatch_logs_exports": ["postgresql"]
},
"aws_rds_cluster_instance.writer[0]": {
  "cluster_identifier": {"$ref": "aws_rds_cluster.aurora.id"},
  "instance_class": "db.r6g.large",
  "engine": "aurora-postgresql",
  "publicly_accessible": true
},
"aws_rds_cluster_instance.writer[1]": {"cluster_identifier": "ledger", "instance_class": "db.r6g.large"},
"aws_rds_cluster_instance.elsewhere": {"cluster_identifier": "other-cluster"},
"aws_rds_cluster_instance.unresolved": {"cluster_identifier": {"$unknown": "var.cluster"}}
})");
  Diagnostics diags;
  auto out = test::adapt_checked(model::aws_tf::adapt_rds, doc, diags);
  ASSERT_EQ(out.size(), 5u);
  // Instances first (source order), then the cluster.
  EXPECT_EQ(out[0].address, "aws_rds_cluster_instance.writer[0]");
  EXPECT_EQ(at(out[0].attributes, "in_cluster"), Value::boolean(true));
  EXPECT_EQ(at(out[0].attributes, "cluster"), Value::string("aws_rds_cluster.aurora"));
  EXPECT_EQ(at(out[0].attributes, "publicly_accessible"), Value::boolean(true));
  // Storage belongs to the cluster, so the instance says nothing about it.
  EXPECT_EQ(out[0].attributes.find("storage_encrypted"), nullptr);
  EXPECT_EQ(at(out[1].attributes, "cluster"), Value::string("aws_rds_cluster.aurora"));
  EXPECT_EQ(at(out[2].attributes, "cluster"), Value::string("other-cluster"));
  EXPECT_TRUE(at(out[3].attributes, "in_cluster").is_unknown());

  const Resource& cluster = out[4];
  EXPECT_EQ(cluster.kind, "aws.rds.cluster");
  EXPECT_EQ(cluster.name, "ledger");
  EXPECT_EQ(at(cluster.attributes, "member_count"), Value::number(2));
  EXPECT_EQ(at(cluster.attributes, "storage_encrypted"), Value::boolean(true));
  EXPECT_EQ(at(cluster.attributes, "log_exports").as_list().front(), Value::string("postgresql"));
}

TEST(TfRds, ServerlessClusterIsAlwaysEncrypted) {
  Document doc = test::tf_doc(R"({
"aws_rds_cluster.serverless": {"engine": "aurora-mysql", "engine_mode": "serverless"},
"aws_rds_cluster.provisioned": {"engine": "aurora-mysql"},
"aws_rds_cluster.from_snapshot": {"engine": "aurora-mysql", "snapshot_identifier": {"$unknown": "var.snapshot"}}
})");
  Diagnostics diags;
  auto out = test::adapt_checked(model::aws_tf::adapt_rds, doc, diags);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(at(out[0].attributes, "storage_encrypted"), Value::boolean(true));
  EXPECT_EQ(at(test::with_defaults(out[1]), "storage_encrypted"), Value::boolean(false));
  EXPECT_EQ(at(out[1].attributes, "member_count"), Value::number(0));
  EXPECT_TRUE(at(out[2].attributes, "storage_encrypted").is_unknown());
}

TEST(TfRds, WrongTypesWarnAndBecomeUnknown) {
  Document doc = test::tf_doc(R"({
"aws_db_instance.odd": {"backup_retention_period": "a week", "multi_az": {"$unknown": "var.ha"}}
})");
  Diagnostics diags;
  auto out = test::adapt_checked(model::aws_tf::adapt_rds, doc, diags);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_TRUE(at(out[0].attributes, "backup_retention_period").is_unknown());
  EXPECT_TRUE(at(out[0].attributes, "multi_az").is_unknown());
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].span.line, 2u);
}

}  // namespace
}  // namespace cc
