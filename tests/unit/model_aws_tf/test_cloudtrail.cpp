#include <gtest/gtest.h>

#include "../common/raw_tf.h"
#include "model/aws_tf/aws_tf.h"

namespace cc {
namespace {

using test::at;

TEST(TfCloudTrail, TrailArgumentsSelectorsAndProviderDefaults) {
  Document doc = test::tf_doc(R"({
"aws_cloudtrail.main": {"name": "org", "s3_bucket_name": {"$ref": "aws_s3_bucket.trail.id"},
  "is_multi_region_trail": true, "enable_log_file_validation": true,
  "kms_key_id": {"$ref": "aws_kms_key.trail.arn"},
  "cloud_watch_logs_group_arn": {"$ref": "aws_cloudwatch_log_group.t.arn", "$shape": "${aws_cloudwatch_log_group.t.arn}:*"},
  "cloud_watch_logs_role_arn": {"$ref": "aws_iam_role.t.arn"},
  "event_selector": [{"read_write_type": "All", "include_management_events": true,
    "data_resource": [{"type": "AWS::S3::Object", "values": ["arn:aws:s3"]}]}]},
"aws_cloudtrail.bare": {"name": "bare", "s3_bucket_name": "b"},
"aws_cloudtrail.off": {"name": "off", "s3_bucket_name": "b", "enable_logging": {"$unknown": "var.on"},
  "cloud_watch_logs_group_arn": "arn:aws:logs:eu-west-1:111122223333:log-group:x:*"}
})");
  Diagnostics diags;
  auto out = test::adapt_checked(model::aws_tf::adapt_cloudtrail, doc, diags);
  ASSERT_EQ(out.size(), 3u);
  const Value& a = out[0].attributes;
  EXPECT_EQ(at(a, "multi_region"), Value::boolean(true));
  EXPECT_EQ(at(a, "log_file_validation"), Value::boolean(true));
  EXPECT_EQ(at(a, "encrypted_with_kms"), Value::boolean(true));
  EXPECT_EQ(at(a, "s3_bucket"), Value::string("${aws_s3_bucket.trail.id}"));
  EXPECT_EQ(at(a, "cloudwatch_logs_group"), Value::string("${aws_cloudwatch_log_group.t.arn}:*"));
  EXPECT_EQ(at(a, "cloudwatch_logs_enabled"), Value::boolean(true));
  EXPECT_EQ(at(a, "event_selectors.count"), Value::number(1));
  EXPECT_EQ(at(a, "event_selectors.data_events"), Value::boolean(true));
  Value bare = test::with_defaults(out[1]);
  // The provider logs unless told otherwise; the canonical field has no default.
  EXPECT_EQ(at(bare, "is_logging"), Value::boolean(true));
  EXPECT_EQ(at(bare, "multi_region"), Value::boolean(false));
  EXPECT_EQ(at(bare, "include_global_events"), Value::boolean(true));
  EXPECT_EQ(at(bare, "encrypted_with_kms"), Value::boolean(false));
  const Value& off = out[2].attributes;
  EXPECT_TRUE(at(off, "is_logging").is_unknown());
  // A log group without a role cannot receive events.
  EXPECT_EQ(at(off, "cloudwatch_logs_enabled"), Value::boolean(false));
  EXPECT_TRUE(diags.empty());
}

}  // namespace
}  // namespace cc
