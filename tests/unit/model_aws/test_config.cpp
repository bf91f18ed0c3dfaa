#include <gtest/gtest.h>

#include "raw2.h"

namespace cc {
namespace {

using test::at;

TEST(AdaptConfig, RecorderWithChannelRecordsEverything) {
  Document doc = test::raw_doc(R"(
Recorder:
  Type: AWS::Config::ConfigurationRecorder
  Properties:
    Name: default
    RoleARN: {"!GetAtt": ConfigRole.Arn}
    RecordingGroup:
      AllSupported: true
      IncludeGlobalResourceTypes: true
Channel:
  Type: AWS::Config::DeliveryChannel
  Properties:
    S3BucketName: {"!Ref": ConfigBucket}
)");
  Diagnostics diags;
  auto out = test::run(model::aws::adapt_config, doc, diags);
  ASSERT_EQ(out.size(), 1u);
  const Value& a = out[0].attributes;
  EXPECT_EQ(out[0].name, "default");
  EXPECT_EQ(at(a, "all_supported"), Value::boolean(true));
  EXPECT_EQ(at(a, "include_global"), Value::boolean(true));
  EXPECT_EQ(at(a, "delivery_channel.present"), Value::boolean(true));
  EXPECT_EQ(at(a, "delivery_channel.address"), Value::string("Channel"));
  EXPECT_EQ(at(a, "delivery_channel.present").span().line, 10u);
  test::expect_fits_schema(out[0]);
}

TEST(AdaptConfig, RecordingGroupVariants) {
  Document doc = test::raw_doc(R"(
NoGroup:
  Type: AWS::Config::ConfigurationRecorder
  Properties: {RoleARN: arn:role}
Listed:
  Type: AWS::Config::ConfigurationRecorder
  Properties:
    RoleARN: arn:role
    RecordingGroup: {ResourceTypes: ["AWS::S3::Bucket"]}
Excluding:
  Type: AWS::Config::ConfigurationRecorder
  Properties:
    RoleARN: arn:role
    RecordingGroup:
      RecordingStrategy: {UseOnly: EXCLUSION_BY_RESOURCE_TYPES}
      ExclusionByResourceTypes: {ResourceTypes: ["AWS::EC2::NetworkInterface"]}
)");
  Diagnostics diags;
  auto out = test::run(model::aws::adapt_config, doc, diags);
  ASSERT_EQ(out.size(), 3u);
  Value none = test::with_defaults(out[0]);
  EXPECT_EQ(at(none, "all_supported"), Value::boolean(true));
  EXPECT_EQ(at(none, "all_supported").provenance(), Provenance::Default);
  EXPECT_EQ(at(none, "delivery_channel.present"), Value::boolean(false));
  EXPECT_EQ(at(out[1].attributes, "all_supported"), Value::boolean(false));
  EXPECT_EQ(at(out[2].attributes, "all_supported"), Value::boolean(false));
  EXPECT_EQ(at(out[2].attributes, "recording_strategy"),
            Value::string("EXCLUSION_BY_RESOURCE_TYPES"));
  for (const auto& r : out) test::expect_fits_schema(r);
}

}  // namespace
}  // namespace cc
