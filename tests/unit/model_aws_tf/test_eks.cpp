#include <gtest/gtest.h>

#include "../common/raw_tf.h"
#include "model/aws_tf/aws_tf.h"

namespace cc {
namespace {

using test::at;

TEST(TfEks, ClusterArguments) {
  Document doc = test::tf_doc(R"({
"aws_eks_cluster.main": {
  "name": "main",
  "version": "1.31",
  "role_arn": {"$ref": "aws_iam_role.cluster.arn"},
  "vpc_config": [{"subnet_ids": ["subnet-1"], "endpoint_public_access": true,
                  "endpoint_private_access": true, "public_access_cidrs": ["203.0.113.0/24"]}],
  "encryption_config": [{"resources": ["secrets"], "provider": [{"key_arn": {"$ref": "aws_kms_key.eks.arn"}}]}],
  "enabled_cluster_log_types": ["api", "audit", "authenticator"],
  "access_config": [{"authentication_mode": "API"}],
  "tags": {"env": "prod"}
},
"aws_eks_cluster.bare": {"name": "bare", "vpc_config": [{"subnet_ids": ["subnet-1"]}]}
})");
  Diagnostics diags;
  auto out = test::adapt_checked(model::aws_tf::adapt_eks, doc, diags);
  ASSERT_EQ(out.size(), 2u);
  const Value& main = out[0].attributes;
  EXPECT_EQ(at(main, "version"), Value::string("1.31"));
  EXPECT_EQ(at(main, "role"), Value::string("${aws_iam_role.cluster.arn}"));
  EXPECT_EQ(at(main, "endpoint.public_access"), Value::boolean(true));
  EXPECT_EQ(at(main, "endpoint.private_access"), Value::boolean(true));
  EXPECT_EQ(at(main, "endpoint.public_access_cidrs.0"), Value::string("203.0.113.0/24"));
  EXPECT_EQ(at(main, "secrets_encryption.enabled"), Value::boolean(true));
  EXPECT_EQ(at(main, "secrets_encryption.kms_key"), Value::string("${aws_kms_key.eks.arn}"));
  EXPECT_EQ(at(main, "secrets_encryption.enabled").span().line, 8u);
  EXPECT_EQ(at(main, "logging.enabled_types").as_list().size(), 3u);
  EXPECT_EQ(at(main, "authentication_mode"), Value::string("API"));

  Value bare = test::with_defaults(out[1]);
  EXPECT_EQ(at(bare, "endpoint.public_access"), Value::boolean(true));
  EXPECT_EQ(at(bare, "endpoint.public_access_cidrs.0"), Value::string("0.0.0.0/0"));
  EXPECT_EQ(at(bare, "secrets_encryption.enabled"), Value::boolean(false));
  EXPECT_EQ(at(bare, "logging.enabled_types").as_list().size(), 0u);
}

TEST(TfEks, SecretsEncryptionNeedsSecretsAndAKey) {
  Document doc = test::tf_doc(R"({
"aws_eks_cluster.other_resources": {"encryption_config": [{"resources": ["configmaps"], "provider": [{"key_arn": "arn:aws:kms:eu-west-1:111122223333:key/x"}]}]},
"aws_eks_cluster.var_key": {"encryption_config": [{"resources": ["secrets"], "provider": [{"key_arn": {"$unknown": "var.key"}}]}]},
"aws_eks_cluster.var_resources": {"encryption_config": [{"resources": {"$unknown": "var.resources"}}]}
})");
  Diagnostics diags;
  auto out = test::adapt_checked(model::aws_tf::adapt_eks, doc, diags);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(at(out[0].attributes, "secrets_encryption.enabled"), Value::boolean(false));
  EXPECT_TRUE(at(out[1].attributes, "secrets_encryption.enabled").is_unknown());
  EXPECT_TRUE(at(out[2].attributes, "secrets_encryption.enabled").is_unknown());
}

}  // namespace
}  // namespace cc
