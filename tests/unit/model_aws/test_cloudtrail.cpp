#include <gtest/gtest.h>

#include "raw2.h"

namespace cc {
namespace {

using test::at;

TEST(AdaptCloudTrail, FullTrail) {
  Document doc = test::raw_doc(R"(
Trail:
  Type: AWS::CloudTrail::Trail
  Properties:
    TrailName: org-trail
    IsLogging: true
    IsMultiRegionTrail: true
    EnableLogFileValidation: true
    S3BucketName: !Ref TrailBucket
    KMSKeyId: !Ref TrailKey
    CloudWatchLogsLogGroupArn: !GetAtt TrailLogs.Arn
    CloudWatchLogsRoleArn: !GetAtt TrailRole.Arn
    EventSelectors:
      - ReadWriteType: All
        IncludeManagementEvents: true
        DataResources: [{Type: AWS::S3::Object, Values: ["arn:aws:s3"]}]
)");
  Diagnostics diags;
  auto out = test::run(model::aws::adapt_cloudtrail, doc, diags);
  EXPECT_TRUE(diags.empty());
  ASSERT_EQ(out.size(), 1u);
  test::expect_fits_schema(out[0]);
  const Value& a = out[0].attributes;
  EXPECT_EQ(out[0].name, "org-trail");
  EXPECT_TRUE(at(a, "is_logging").as_bool());
  EXPECT_TRUE(at(a, "multi_region").as_bool());
  EXPECT_TRUE(at(a, "log_file_validation").as_bool());
  EXPECT_EQ(at(a, "log_file_validation").span().line, 8u);
  EXPECT_EQ(at(a, "s3_bucket").as_string(), "${TrailBucket}");
  EXPECT_EQ(at(a, "kms_key").as_string(), "${TrailKey}");
  EXPECT_TRUE(at(a, "encrypted_with_kms").as_bool());
  EXPECT_TRUE(at(a, "cloudwatch_logs_enabled").as_bool());
  EXPECT_EQ(at(a, "event_selectors.count").as_number(), 1);
  EXPECT_TRUE(at(a, "event_selectors.data_events").as_bool());
  EXPECT_TRUE(at(a, "event_selectors.management_events").as_bool());
  EXPECT_EQ(at(a, "event_selectors.read_write_type").as_string(), "All");
}

TEST(AdaptCloudTrail, MinimalTrailUsesDefaultsAndUnknowns) {
  Document doc = test::raw_doc(R"(
Trail:
  Type: AWS::CloudTrail::Trail
  Properties:
    IsLogging: !Unknown parameter
    S3BucketName: central-logs
    CloudWatchLogsLogGroupArn: arn:aws:logs:eu-west-1:123456789012:log-group:trail
    AdvancedEventSelectors:
      - FieldSelectors: [{Field: eventCategory, Equals: [Management]}]
)");
  Diagnostics diags;
  auto out = test::run(model::aws::adapt_cloudtrail, doc, diags);
  ASSERT_EQ(out.size(), 1u);
  const Value& a = out[0].attributes;
  EXPECT_TRUE(at(a, "is_logging").is_unknown());
  // A log group without a delivery role delivers nothing.
  EXPECT_FALSE(at(a, "cloudwatch_logs_enabled").as_bool());
  EXPECT_FALSE(at(a, "event_selectors.data_events").as_bool());
  EXPECT_TRUE(at(a, "event_selectors.management_events").as_bool());
  Value d = test::with_defaults(out[0]);
  EXPECT_FALSE(at(d, "multi_region").as_bool());
  EXPECT_FALSE(at(d, "log_file_validation").as_bool());
  EXPECT_FALSE(at(d, "encrypted_with_kms").as_bool());
  EXPECT_TRUE(at(d, "include_global_events").as_bool());
}

}  // namespace
}  // namespace cc
