#include <gtest/gtest.h>

#include "../common/raw_tf.h"
#include "model/aws_tf/aws_tf.h"

namespace cc {
namespace {

using test::at;

TEST(TfDynamodb, EncryptionKeys) {
  Document doc = test::tf_doc(R"({
"aws_kms_key.table": {"enable_key_rotation": true},
"aws_dynamodb_table.owned": {"name": "owned", "hash_key": "id"},
"aws_dynamodb_table.aws_managed": {"name": "managed", "server_side_encryption": [{"enabled": true}]},
"aws_dynamodb_table.cmk": {
  "name": "orders",
  "server_side_encryption": [{"enabled": true, "kms_key_arn": {"$ref": "aws_kms_key.table.arn"}}]
},
"aws_dynamodb_table.var_key": {
  "server_side_encryption": [{"enabled": true, "kms_key_arn": {"$unknown": "var.key"}}]
}
})");
  Diagnostics diags;
  auto out = test::adapt_checked(model::aws_tf::adapt_dynamodb, doc, diags);
  ASSERT_EQ(out.size(), 4u);
  Value owned = test::with_defaults(out[0]);
  EXPECT_EQ(at(owned, "encryption.kms"), Value::boolean(false));
  EXPECT_EQ(at(owned, "encryption.customer_managed_key"), Value::boolean(false));
  EXPECT_EQ(at(owned, "encryption.customer_managed_key").provenance(), Provenance::Default);

  EXPECT_EQ(at(out[1].attributes, "encryption.kms"), Value::boolean(true));
  EXPECT_EQ(at(out[1].attributes, "encryption.customer_managed_key"), Value::boolean(false));

  EXPECT_EQ(out[2].name, "orders");
  EXPECT_EQ(at(out[2].attributes, "encryption.customer_managed_key"), Value::boolean(true));
  EXPECT_EQ(at(out[2].attributes, "encryption.kms_key"), Value::string("${aws_kms_key.table.arn}"));
  EXPECT_EQ(at(out[2].attributes, "encryption.customer_managed_key").span().line, 7u);

  EXPECT_TRUE(at(out[3].attributes, "encryption.customer_managed_key").is_unknown());
}

TEST(TfDynamodb, RecoveryAndProtection) {
  Document doc = test::tf_doc(R"({
"aws_dynamodb_table.on": {
  "point_in_time_recovery": [{"enabled": true}],
  "deletion_protection_enabled": true,
  "billing_mode": "PAY_PER_REQUEST",
  "tags": {"env": "prod"}
},
"aws_dynamodb_table.off": {"point_in_time_recovery": {"enabled": false}}
})");
  Diagnostics diags;
  auto out = test::adapt_checked(model::aws_tf::adapt_dynamodb, doc, diags);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(at(out[0].attributes, "point_in_time_recovery"), Value::boolean(true));
  EXPECT_EQ(at(out[0].attributes, "point_in_time_recovery").span().line, 3u);
  EXPECT_EQ(at(out[0].attributes, "deletion_protection"), Value::boolean(true));
  EXPECT_EQ(at(out[0].attributes, "billing_mode"), Value::string("PAY_PER_REQUEST"));
  EXPECT_EQ(at(out[0].attributes, "tags.env"), Value::string("prod"));
  // A block written as a single map (JSON syntax) reads the same.
  EXPECT_EQ(at(out[1].attributes, "point_in_time_recovery"), Value::boolean(false));
  EXPECT_EQ(at(test::with_defaults(out[1]), "global"), Value::boolean(false));
}

TEST(TfDynamodb, ReplicasMakeAGlobalTable) {
  Document doc = test::tf_doc(R"({
"aws_dynamodb_table.all": {
  "point_in_time_recovery": [{"enabled": true}],
  "replica": [{"region_name": "eu-west-2", "point_in_time_recovery": true},
              {"region_name": "eu-central-1", "point_in_time_recovery": true}]
},
"aws_dynamodb_table.weak": {
  "point_in_time_recovery": [{"enabled": true}],
  "replica": [{"region_name": "eu-west-2", "point_in_time_recovery": true},
              {"region_name": "us-east-1"}]
},
"aws_dynamodb_table.unsure": {
  "point_in_time_recovery": [{"enabled": true}],
  "replica": [{"region_name": "eu-west-2", "point_in_time_recovery": {"$unknown": "var.pitr"}}]
}
})");
  Diagnostics diags;
  auto out = test::adapt_checked(model::aws_tf::adapt_dynamodb, doc, diags);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(at(out[0].attributes, "global"), Value::boolean(true));
  EXPECT_EQ(at(out[0].attributes, "point_in_time_recovery"), Value::boolean(true));
  EXPECT_EQ(at(out[1].attributes, "point_in_time_recovery"), Value::boolean(false));
  EXPECT_EQ(at(out[1].attributes, "point_in_time_recovery").span().line, 10u);
  EXPECT_TRUE(at(out[2].attributes, "point_in_time_recovery").is_unknown());
}

}  // namespace
}  // namespace cc
