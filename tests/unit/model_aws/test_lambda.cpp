#include <gtest/gtest.h>

#include "raw2.h"

namespace cc {
namespace {

using test::at;

constexpr const char* kTemplate = R"(
Fn:
  Type: AWS::Lambda::Function
  Properties:
    FunctionName: resize
    Runtime: python3.8
    Role: {"!GetAtt": Role.Arn}
    TracingConfig: {Mode: Active}
    VpcConfig:
      SubnetIds: [subnet-1, subnet-2]
      SecurityGroupIds: [sg-1]
    Environment:
      Variables:
        DB_PASSWORD: hunter2
        API_TOKEN: "{{resolve:secretsmanager:api:SecretString:token}}"
        BUCKET: {"!Ref": Bucket}
    DeadLetterConfig: {TargetArn: {"!GetAtt": Dlq.Arn}}
    ReservedConcurrentExecutions: 5
PublicUrl:
  Type: AWS::Lambda::Url
  Properties:
    TargetFunctionArn: {"!GetAtt": Fn.Arn}
    AuthType: NONE
OtherUrl:
  Type: AWS::Lambda::Url
  Properties:
    TargetFunctionArn: {"!Ref": Other}
    AuthType: AWS_IAM
Other:
  Type: AWS::Lambda::Function
  Properties:
    PackageType: Image
)";

TEST(AdaptLambda, RuntimeNetworkTracingAndDeadLetter) {
  Document doc = test::raw_doc(kTemplate);
  Diagnostics diags;
  auto out = test::run(model::aws::adapt_lambda, doc, diags);
  ASSERT_EQ(out.size(), 2u);
  const Resource* fn = test::find(out, "aws.lambda.function", "Fn");
  ASSERT_NE(fn, nullptr);
  const Value& a = fn->attributes;
  EXPECT_EQ(at(a, "name"), Value::string("resize"));
  EXPECT_EQ(at(a, "runtime"), Value::string("python3.8"));
  EXPECT_EQ(at(a, "deprecated_runtime"), Value::boolean(true));
  EXPECT_EQ(at(a, "deprecated_runtime").span().line, 6u);
  EXPECT_EQ(at(a, "tracing_mode"), Value::string("Active"));
  EXPECT_EQ(at(a, "vpc.attached"), Value::boolean(true));
  EXPECT_EQ(at(a, "vpc.subnet_ids").as_list().size(), 2u);
  EXPECT_EQ(at(a, "dead_letter.configured"), Value::boolean(true));
  EXPECT_EQ(at(a, "reserved_concurrency"), Value::number(5));
  test::expect_fits_schema(*fn);
}

TEST(AdaptLambda, EnvironmentKeepsNamesAndWhetherValuesAreInlineButNotValues) {
  Document doc = test::raw_doc(kTemplate);
  Diagnostics diags;
  auto out = test::run(model::aws::adapt_lambda, doc, diags);
  const Resource* fn = test::find(out, "aws.lambda.function", "Fn");
  ASSERT_NE(fn, nullptr);
  const Value& vars = at(fn->attributes, "environment.variables");
  ASSERT_TRUE(vars.is_list());
  ASSERT_EQ(vars.as_list().size(), 3u);
  EXPECT_EQ(at(vars, "0.name"), Value::string("DB_PASSWORD"));
  EXPECT_EQ(at(vars, "0.literal"), Value::boolean(true));
  EXPECT_EQ(at(vars, "0.name").span().line, 14u);
  EXPECT_EQ(at(vars, "1.literal"), Value::boolean(false));  // dynamic reference
  EXPECT_EQ(at(vars, "2.literal"), Value::boolean(false));  // resolved at deploy time
  // The secret itself never reaches the canonical resource.
  EXPECT_EQ(vars.as_list()[0].find("value"), nullptr);
}

TEST(AdaptLambda, FunctionUrlsAreJoinedByReference) {
  Document doc = test::raw_doc(kTemplate);
  Diagnostics diags;
  auto out = test::run(model::aws::adapt_lambda, doc, diags);
  const Resource* fn = test::find(out, "aws.lambda.function", "Fn");
  const Resource* other = test::find(out, "aws.lambda.function", "Other");
  ASSERT_NE(fn, nullptr);
  ASSERT_NE(other, nullptr);
  const Value& urls = at(fn->attributes, "function_urls");
  ASSERT_EQ(urls.as_list().size(), 1u);
  EXPECT_EQ(at(urls, "0.auth_type"), Value::string("NONE"));
  EXPECT_EQ(at(urls, "0.address"), Value::string("PublicUrl"));
  EXPECT_EQ(at(other->attributes, "function_urls.0.auth_type"), Value::string("AWS_IAM"));
  // A container image has no runtime, so there is nothing to call deprecated.
  EXPECT_EQ(other->attributes.find("deprecated_runtime"), nullptr);
  Value d = test::with_defaults(*other);
  EXPECT_EQ(at(d, "vpc.attached"), Value::boolean(false));
  EXPECT_EQ(at(d, "tracing_mode"), Value::string("PassThrough"));
  test::expect_fits_schema(*other);
}

TEST(AdaptLambda, UnknownEnvironmentStaysUnknown) {
  Document doc = test::raw_doc(R"(
Fn:
  Type: AWS::Lambda::Function
  Properties:
    Runtime: {"!Ref": RuntimeParameter}
    Environment:
      Variables: {"!Unknown": from a macro}
)");
  Diagnostics diags;
  auto out = test::run(model::aws::adapt_lambda, doc, diags);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_TRUE(at(out[0].attributes, "environment.variables").is_unknown());
  EXPECT_TRUE(at(out[0].attributes, "deprecated_runtime").is_unknown());
  EXPECT_TRUE(diags.empty());
}

}  // namespace
}  // namespace cc
