#include <gtest/gtest.h>

#include "../common/raw_tf.h"
#include "model/aws_tf/aws_tf.h"

namespace cc {
namespace {

using test::at;

TEST(TfConfig, RecorderWithDeliveryChannel) {
  Document doc = test::tf_doc(R"({
"aws_config_configuration_recorder.main": {
  "name": "main",
  "role_arn": {"$ref": "aws_iam_role.config.arn"},
  "recording_group": [{"all_supported": true, "include_global_resource_types": true}],
  "recording_mode": [{"recording_frequency": "DAILY"}]
},
"aws_config_delivery_channel.main": {"name": "main", "s3_bucket_name": "config-history"}
})");
  Diagnostics diags;
  auto out = test::adapt_checked(model::aws_tf::adapt_config, doc, diags);
  ASSERT_EQ(out.size(), 1u);
  const Value& rec = out[0].attributes;
  EXPECT_EQ(out[0].name, "main");
  EXPECT_EQ(at(rec, "role"), Value::string("${aws_iam_role.config.arn}"));
  EXPECT_EQ(at(rec, "all_supported"), Value::boolean(true));
  EXPECT_EQ(at(rec, "include_global"), Value::boolean(true));
  EXPECT_EQ(at(rec, "recording_frequency"), Value::string("DAILY"));
  EXPECT_EQ(at(rec, "delivery_channel.present"), Value::boolean(true));
  EXPECT_EQ(at(rec, "delivery_channel.present").span().line, 8u);
  EXPECT_EQ(at(rec, "delivery_channel.address"), Value::string("aws_config_delivery_channel.main"));
  EXPECT_EQ(at(rec, "delivery_channel.s3_bucket"), Value::string("config-history"));
  // Without a status resource Terraform leaves the recorder stopped.
  EXPECT_EQ(at(rec, "recording"), Value::boolean(false));
}

TEST(TfConfig, RecorderStatusStartsTheRecorder) {
  Document doc = test::tf_doc(R"({
"aws_config_configuration_recorder.main": {"name": "main"},
"aws_config_configuration_recorder_status.main": {"name": "main", "is_enabled": true},
"aws_config_configuration_recorder.unnamed": {},
"aws_config_configuration_recorder_status.unnamed": {"name": "default", "is_enabled": false}
})");
  Diagnostics diags;
  auto out = test::adapt_checked(model::aws_tf::adapt_config, doc, diags);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(at(out[0].attributes, "recording"), Value::boolean(true));
  EXPECT_EQ(at(out[0].attributes, "recording").span().line, 3u);
  EXPECT_EQ(at(out[1].attributes, "recording"), Value::boolean(false));
  EXPECT_EQ(at(out[1].attributes, "recording").span().line, 5u);
}

TEST(TfConfig, UnresolvedRecorderStatusIsUnknown) {
  Document doc = test::tf_doc(R"({
"aws_config_configuration_recorder.main": {"name": "main"},
"aws_config_configuration_recorder_status.any": {"name": {"$unknown": "var.recorder"}, "is_enabled": true}
})");
  Diagnostics diags;
  auto out = test::adapt_checked(model::aws_tf::adapt_config, doc, diags);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_TRUE(at(out[0].attributes, "recording").is_unknown());
}

TEST(TfConfig, RecordingGroupChoices) {
  Document doc = test::tf_doc(R"({
"aws_config_configuration_recorder.default": {},
"aws_config_configuration_recorder.listed": {"recording_group": [{"resource_types": ["AWS::S3::Bucket"]}]},
"aws_config_configuration_recorder.excluded": {
  "recording_group": [{"all_supported": false,
                       "recording_strategy": [{"use_only": "EXCLUSION_BY_RESOURCE_TYPES"}],
                       "exclusion_by_resource_types": [{"resource_types": ["AWS::EC2::Volume"]}]}]
},
"aws_config_configuration_recorder.strategy": {"recording_group": [{"recording_strategy": [{"use_only": "ALL_SUPPORTED_RESOURCE_TYPES"}]}]},
"aws_config_configuration_recorder.unknown": {"recording_group": {"$unknown": "dynamic block"}}
})");
  Diagnostics diags;
  auto out = test::adapt_checked(model::aws_tf::adapt_config, doc, diags);
  ASSERT_EQ(out.size(), 5u);
  Value def = test::with_defaults(out[0]);
  EXPECT_EQ(at(def, "all_supported"), Value::boolean(true));
  EXPECT_EQ(at(def, "delivery_channel.present"), Value::boolean(false));
  EXPECT_EQ(at(out[1].attributes, "all_supported"), Value::boolean(false));
  EXPECT_EQ(at(out[1].attributes, "all_supported").span().line, 3u);
  EXPECT_EQ(at(out[2].attributes, "all_supported"), Value::boolean(false));
  EXPECT_EQ(at(out[2].attributes, "recording_strategy"),
            Value::string("EXCLUSION_BY_RESOURCE_TYPES"));
  EXPECT_EQ(at(out[3].attributes, "all_supported"), Value::boolean(true));
  EXPECT_TRUE(at(out[4].attributes, "all_supported").is_unknown());
}

}  // namespace
}  // namespace cc
