#include <gtest/gtest.h>

#include "raw2.h"

namespace cc {
namespace {

using test::at;

TEST(AdaptLogs, RetentionAndKms) {
  Document doc = test::raw_doc(R"(
App:
  Type: AWS::Logs::LogGroup
  Properties:
    LogGroupName: /app/web
    RetentionInDays: "90"
    KmsKeyId: !GetAtt Key.Arn
    Tags: [{Key: app, Value: web}]
Forever:
  Type: AWS::Logs::LogGroup
Param:
  Type: AWS::Logs::LogGroup
  Properties: {RetentionInDays: !Unknown parameter, KmsKeyId: !Unknown parameter}
)");
  Diagnostics diags;
  auto out = test::run(model::aws::adapt_logs, doc, diags);
  EXPECT_TRUE(diags.empty());
  ASSERT_EQ(out.size(), 3u);
  const Resource* app = test::find(out, "aws.logs.log_group", "App");
  ASSERT_NE(app, nullptr);
  test::expect_fits_schema(*app);
  EXPECT_EQ(app->name, "/app/web");
  EXPECT_EQ(at(app->attributes, "retention_days").as_number(), 90);
  EXPECT_EQ(at(app->attributes, "retention_days").span().line, 6u);
  EXPECT_EQ(at(app->attributes, "kms_key").as_string(), "${Key.Arn}");
  EXPECT_TRUE(at(app->attributes, "encrypted_with_kms").as_bool());

  const Resource* forever = test::find(out, "aws.logs.log_group", "Forever");
  ASSERT_NE(forever, nullptr);
  EXPECT_EQ(forever->name, "Forever");
  Value d = test::with_defaults(*forever);
  EXPECT_EQ(d.find("retention_days"), nullptr);  // never expires: no default
  EXPECT_FALSE(at(d, "encrypted_with_kms").as_bool());

  const Resource* param = test::find(out, "aws.logs.log_group", "Param");
  ASSERT_NE(param, nullptr);
  EXPECT_TRUE(at(param->attributes, "retention_days").is_unknown());
  EXPECT_TRUE(at(param->attributes, "encrypted_with_kms").is_unknown());
}

}  // namespace
}  // namespace cc
