#include <gtest/gtest.h>

#include "../common/raw_tf.h"
#include "model/aws_tf/aws_tf.h"

namespace cc {
namespace {

using test::at;

TEST(TfEcr, RepositoryArguments) {
  Document doc = test::tf_doc(R"({
"aws_kms_key.images": {},
"aws_ecr_repository.app": {
  "name": "app",
  "image_tag_mutability": "IMMUTABLE",
  "force_delete": true,
  "image_scanning_configuration": [{"scan_on_push": true}],
  "encryption_configuration": [{"encryption_type": "KMS", "kms_key": {"$ref": "aws_kms_key.images.arn"}}]
},
"aws_ecr_repository.plain": {"name": "plain"},
"aws_ecr_repository.managed_kms": {"encryption_configuration": [{"encryption_type": "KMS"}]}
})");
  Diagnostics diags;
  auto out = test::adapt_checked(model::aws_tf::adapt_ecr, doc, diags);
  ASSERT_EQ(out.size(), 3u);
  const Value& app = out[0].attributes;
  EXPECT_EQ(at(app, "scan_on_push"), Value::boolean(true));
  EXPECT_EQ(at(app, "scan_on_push").span().line, 7u);
  EXPECT_EQ(at(app, "image_tag_mutability"), Value::string("IMMUTABLE"));
  EXPECT_EQ(at(app, "empty_on_delete"), Value::boolean(true));
  EXPECT_EQ(at(app, "encryption.type"), Value::string("KMS"));
  EXPECT_EQ(at(app, "encryption.customer_managed_key"), Value::boolean(true));
  Value plain = test::with_defaults(out[1]);
  EXPECT_EQ(at(plain, "scan_on_push"), Value::boolean(false));
  EXPECT_EQ(at(plain, "image_tag_mutability"), Value::string("MUTABLE"));
  EXPECT_EQ(at(plain, "encryption.type"), Value::string("AES256"));
  Value managed = test::with_defaults(out[2]);
  EXPECT_EQ(at(managed, "encryption.type"), Value::string("KMS"));
  EXPECT_EQ(at(managed, "encryption.customer_managed_key"), Value::boolean(false));
}

TEST(TfEcr, RegistryScanningAppliesToMatchingRepositories) {
  Document doc = test::tf_doc(R"({
"aws_ecr_registry_scanning_configuration.registry": {
  "scan_type": "ENHANCED",
  "rule": [{"scan_frequency": "CONTINUOUS_SCAN",
            "repository_filter": [{"filter": "prod-*", "filter_type": "WILDCARD"}]}]
},
"aws_ecr_repository.prod": {"name": "prod-api"},
"aws_ecr_repository.dev": {"name": "dev-api"}
})");
  Diagnostics diags;
  auto out = test::adapt_checked(model::aws_tf::adapt_ecr, doc, diags);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(at(out[0].attributes, "scan_on_push"), Value::boolean(true));
  EXPECT_EQ(at(out[0].attributes, "scan_on_push").span().line, 5u);
  EXPECT_EQ(out[1].attributes.find("scan_on_push"), nullptr);
}

TEST(TfEcr, PolicyAndLifecycleAreJoined) {
  Document doc = test::tf_doc(R"({
"aws_ecr_repository.app": {"name": "app"},
"aws_ecr_repository.other": {"name": "other"},
"aws_ecr_repository_policy.app": {
  "repository": "app",
  "policy": "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":[\"ecr:BatchGetImage\"]}]}"
},
"aws_ecr_lifecycle_policy.app": {"repository": {"$ref": "aws_ecr_repository.app.name"}, "policy": "{\"rules\":[]}"}
})");
  Diagnostics diags;
  auto out = test::adapt_checked(model::aws_tf::adapt_ecr, doc, diags);
  ASSERT_EQ(out.size(), 2u);
  const Value& statements = at(out[0].attributes, "policy.statements");
  ASSERT_EQ(statements.as_list().size(), 1u);
  EXPECT_EQ(at(statements, "0.principals.0"), Value::string("*"));
  EXPECT_EQ(at(statements, "0.principals.0").span().line, 6u);
  EXPECT_EQ(at(out[0].attributes, "lifecycle_policy"), Value::boolean(true));
  EXPECT_EQ(out[1].attributes.find("policy"), nullptr);
  EXPECT_EQ(at(test::with_defaults(out[1]), "lifecycle_policy"), Value::boolean(false));
}

}  // namespace
}  // namespace cc
