#include <gtest/gtest.h>

#include "../common/raw_tf.h"
#include "model/aws_tf/aws_tf.h"

namespace cc {
namespace {

using test::at;

const Resource& only(const std::vector<Resource>& out, std::string_view address) {
  const Resource* r = test::find(out, "aws.s3.bucket", address);
  EXPECT_NE(r, nullptr) << address;
  static const Resource missing;
  return r ? *r : missing;
}

TEST(TfS3, V4InlineBlocks) {
  Document doc = test::tf_doc(R"({
"aws_s3_bucket.data": {
  "bucket": "acme-data",
  "acl": "public-read",
  "versioning": [{"enabled": true, "mfa_delete": false}],
  "logging": [{"target_bucket": {"$ref": "aws_s3_bucket.logs.id"}, "target_prefix": "data/"}],
  "server_side_encryption_configuration": [{"rule": [{
    "apply_server_side_encryption_by_default": [{"sse_algorithm": "aws:kms",
      "kms_master_key_id": {"$ref": "aws_kms_key.k.arn"}}],
    "bucket_key_enabled": true}]}],
  "lifecycle_rule": [{"enabled": false}, {"enabled": true}],
  "policy": "{\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}",
  "tags": {"team": "data"}
},
"aws_s3_bucket.logs": {"bucket": "acme-logs", "object_lock_enabled": true}
})");
  Diagnostics diags;
  auto out = test::adapt_checked(model::aws_tf::adapt_s3, doc, diags);
  ASSERT_EQ(out.size(), 2u);
  const Value& a = only(out, "aws_s3_bucket.data").attributes;
  EXPECT_EQ(out[0].name, "acme-data");
  EXPECT_EQ(at(a, "acl"), Value::string("PublicRead"));
  EXPECT_EQ(at(a, "acl").span().line, 4u);
  EXPECT_EQ(at(a, "versioning.enabled"), Value::boolean(true));
  EXPECT_EQ(at(a, "versioning.status"), Value::string("Enabled"));
  EXPECT_EQ(at(a, "logging.enabled"), Value::boolean(true));
  EXPECT_EQ(at(a, "logging.target_bucket"), Value::string("${aws_s3_bucket.logs.id}"));
  EXPECT_EQ(at(a, "logging.prefix"), Value::string("data/"));
  EXPECT_EQ(at(a, "encryption.kms"), Value::boolean(true));
  EXPECT_EQ(at(a, "encryption.kms_key"), Value::string("${aws_kms_key.k.arn}"));
  EXPECT_EQ(at(a, "encryption.bucket_key"), Value::boolean(true));
  EXPECT_EQ(at(a, "lifecycle_rules.count"), Value::number(2));
  EXPECT_EQ(at(a, "lifecycle_rules.enabled"), Value::boolean(true));
  EXPECT_EQ(at(a, "policy.denies_insecure_transport"), Value::boolean(true));
  EXPECT_EQ(at(a, "policy.statements").as_list().size(), 1u);
  EXPECT_EQ(at(a, "tags.team"), Value::string("data"));
  EXPECT_EQ(at(a, "is_log_target"), Value::boolean(false));

  const Value& logs = only(out, "aws_s3_bucket.logs").attributes;
  // The data bucket's logging block names it by reference.
  EXPECT_EQ(at(logs, "is_log_target"), Value::boolean(true));
  EXPECT_EQ(at(logs, "is_log_target").span().line, 6u);
  EXPECT_EQ(at(logs, "object_lock.enabled"), Value::boolean(true));
  EXPECT_TRUE(diags.empty());
}

TEST(TfS3, V5SplitResourcesJoinByReferenceAndName) {
  Document doc = test::tf_doc(R"({
"aws_s3_bucket.data": {"bucket": "acme-data"},
"aws_s3_bucket_server_side_encryption_configuration.data": {
  "bucket": {"$ref": "aws_s3_bucket.data.id"},
  "rule": [{"apply_server_side_encryption_by_default": [{"sse_algorithm": "AES256"}]}]},
"aws_s3_bucket_versioning.data": {"bucket": "acme-data",
  "versioning_configuration": [{"status": "Suspended"}]},
"aws_s3_bucket_logging.data": {"bucket": {"$ref": "aws_s3_bucket.data.id"},
  "target_bucket": "central-logs", "target_prefix": "s3/"},
"aws_s3_bucket_public_access_block.data": {"bucket": {"$ref": "aws_s3_bucket.data.id"},
  "block_public_acls": true, "block_public_policy": true},
"aws_s3_bucket_acl.data": {"bucket": {"$ref": "aws_s3_bucket.data.id"}, "acl": "private"},
"aws_s3_bucket_ownership_controls.data": {"bucket": {"$ref": "aws_s3_bucket.data.id"},
  "rule": [{"object_ownership": "BucketOwnerPreferred"}]},
"aws_s3_bucket_policy.data": {"bucket": {"$ref": "aws_s3_bucket.data.id"},
  "policy": {"$ref": "data.aws_iam_policy_document.tls.json"}},
"data.aws_iam_policy_document.tls": {"statement": [{
  "effect": "Deny", "actions": ["s3:*"],
  "resources": [{"$ref": "aws_s3_bucket.data.arn", "$shape": "${aws_s3_bucket.data.arn}/*"}],
  "principals": [{"type": "*", "identifiers": ["*"]}],
  "condition": [{"test": "Bool", "variable": "aws:SecureTransport", "values": ["false"]}]}]}
})");
  Diagnostics diags;
  auto out = test::adapt_checked(model::aws_tf::adapt_s3, doc, diags);
  ASSERT_EQ(out.size(), 1u);
  const Value& a = out[0].attributes;
  EXPECT_EQ(at(a, "encryption.enabled"), Value::boolean(true));
  EXPECT_EQ(at(a, "encryption.kms"), Value::boolean(false));
  EXPECT_EQ(at(a, "encryption.algorithm"), Value::string("AES256"));
  EXPECT_EQ(at(a, "versioning.enabled"), Value::boolean(false));  // joined by known name
  EXPECT_EQ(at(a, "versioning.status"), Value::string("Suspended"));
  EXPECT_EQ(at(a, "logging.target_bucket"), Value::string("central-logs"));
  EXPECT_EQ(at(a, "public_access_block.block_public_acls"), Value::boolean(true));
  // The resource's own default for an argument left out is false, unlike the schema's.
  EXPECT_EQ(at(a, "public_access_block.ignore_public_acls"), Value::boolean(false));
  EXPECT_EQ(at(a, "public_access_block.ignore_public_acls").span().line, 10u);
  EXPECT_EQ(at(a, "acl"), Value::string("Private"));
  EXPECT_EQ(at(a, "object_ownership"), Value::string("BucketOwnerPreferred"));
  EXPECT_EQ(at(a, "policy.denies_insecure_transport"), Value::boolean(true));
  const Value& st = at(a, "policy.statements").as_list().at(0);
  EXPECT_EQ(at(st, "principals"), Value::list({Value::string("*")}));
  EXPECT_EQ(at(st, "resources"), Value::list({Value::string("${aws_s3_bucket.data.arn}/*")}));
  EXPECT_EQ(at(st, "conditions.0.key"), Value::string("aws:SecureTransport"));
  EXPECT_TRUE(diags.empty());
}

TEST(TfS3, DefaultsWhenNothingIsConfigured) {
  Document doc = test::tf_doc(R"({"aws_s3_bucket.plain": {}})");
  Diagnostics diags;
  auto out = test::adapt_checked(model::aws_tf::adapt_s3, doc, diags);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].name, "aws_s3_bucket.plain");
  Value a = test::with_defaults(out[0]);
  EXPECT_EQ(at(a, "encryption.kms"), Value::boolean(false));
  EXPECT_EQ(at(a, "versioning.enabled"), Value::boolean(false));
  EXPECT_EQ(at(a, "versioning.enabled").provenance(), Provenance::Default);
  EXPECT_EQ(at(a, "public_access_block.block_public_acls"), Value::boolean(true));
  EXPECT_EQ(at(a, "policy.statements").as_list().size(), 0u);
}

TEST(TfS3, UnknownsStayUnknown) {
  Document doc = test::tf_doc(R"({
"aws_s3_bucket.data": {"bucket": "acme-data"},
"aws_s3_bucket_versioning.other": {"bucket": {"$unknown": "var.bucket has no value"},
  "versioning_configuration": [{"status": "Enabled"}]},
"aws_s3_bucket_policy.data": {"bucket": {"$ref": "aws_s3_bucket.data.id"},
  "policy": {"$unknown": "file() of a missing file"}},
"aws_s3_bucket_server_side_encryption_configuration.data": {
  "bucket": {"$ref": "aws_s3_bucket.data.id"},
  "rule": [{"apply_server_side_encryption_by_default": [{"sse_algorithm": {"$unknown": "var.alg"}}]}]}
})");
  Diagnostics diags;
  auto out = test::adapt_checked(model::aws_tf::adapt_s3, doc, diags);
  ASSERT_EQ(out.size(), 1u);
  const Value& a = out[0].attributes;
  EXPECT_TRUE(at(a, "versioning.enabled").is_unknown());
  EXPECT_TRUE(at(a, "policy.statements").is_unknown());
  EXPECT_TRUE(at(a, "policy.denies_insecure_transport").is_unknown());
  EXPECT_TRUE(at(a, "encryption.kms").is_unknown());
  EXPECT_EQ(at(a, "encryption.enabled"), Value::boolean(true));
}

TEST(TfS3, JsonencodeShapeIsParsedAsThePolicy) {
  Document doc = test::tf_doc(R"({
"aws_s3_bucket.site": {"bucket": "acme-site"},
"aws_s3_bucket_policy.site": {"bucket": {"$ref": "aws_s3_bucket.site.id"},
  "policy": {"$ref": "aws_s3_bucket.site.arn",
    "$shape": "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"${aws_s3_bucket.site.arn}/*\"}]}"}}
})");
  Diagnostics diags;
  auto out = test::adapt_checked(model::aws_tf::adapt_s3, doc, diags);
  ASSERT_EQ(out.size(), 1u);
  const Value& st = at(out[0].attributes, "policy.statements").as_list().at(0);
  EXPECT_EQ(at(st, "effect"), Value::string("Allow"));
  EXPECT_EQ(at(st, "principals"), Value::list({Value::string("*")}));
  EXPECT_EQ(at(st, "resources"), Value::list({Value::string("${aws_s3_bucket.site.arn}/*")}));
  EXPECT_EQ(at(out[0].attributes, "policy.denies_insecure_transport"), Value::boolean(false));
}

}  // namespace
}  // namespace cc
