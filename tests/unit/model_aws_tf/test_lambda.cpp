#include <gtest/gtest.h>

#include "../common/raw_tf.h"
#include "model/aws_tf/aws_tf.h"

namespace cc {
namespace {

using test::at;

TEST(TfLambda, FunctionArguments) {
  Document doc = test::tf_doc(R"({
"aws_lambda_function.api": {
  "function_name": "api",
  "runtime": "python3.8",
  "role": {"$ref": "aws_iam_role.lambda.arn"},
  "tracing_config": [{"mode": "Active"}],
  "vpc_config": [{"subnet_ids": ["subnet-1", "subnet-2"], "security_group_ids": [{"$ref": "aws_security_group.fn.id"}]}],
  "dead_letter_config": [{"target_arn": {"$ref": "aws_sqs_queue.dlq.arn"}}],
  "reserved_concurrent_executions": -1,
  "kms_key_arn": {"$ref": "aws_kms_key.env.arn"}
},
"aws_lambda_function.image": {"function_name": "worker", "package_type": "Image", "reserved_concurrent_executions": 5}
})");
  Diagnostics diags;
  auto out = test::adapt_checked(model::aws_tf::adapt_lambda, doc, diags);
  ASSERT_EQ(out.size(), 2u);
  const Value& api = out[0].attributes;
  EXPECT_EQ(out[0].name, "api");
  EXPECT_EQ(at(api, "deprecated_runtime"), Value::boolean(true));
  EXPECT_EQ(at(api, "deprecated_runtime").span().line, 4u);
  EXPECT_EQ(at(api, "role"), Value::string("${aws_iam_role.lambda.arn}"));
  EXPECT_EQ(at(api, "tracing_mode"), Value::string("Active"));
  EXPECT_EQ(at(api, "vpc.attached"), Value::boolean(true));
  EXPECT_EQ(at(api, "vpc.subnet_ids").as_list().size(), 2u);
  EXPECT_EQ(at(api, "dead_letter.configured"), Value::boolean(true));
  EXPECT_EQ(at(api, "environment.kms_key"), Value::string("${aws_kms_key.env.arn}"));
  // -1 means no reservation.
  EXPECT_EQ(api.find("reserved_concurrency"), nullptr);

  Value image = test::with_defaults(out[1]);
  EXPECT_EQ(image.find("runtime"), nullptr);
  EXPECT_EQ(at(image, "deprecated_runtime"), Value::boolean(false));
  EXPECT_EQ(at(image, "tracing_mode"), Value::string("PassThrough"));
  EXPECT_EQ(at(image, "reserved_concurrency"), Value::number(5));
}

TEST(TfLambda, EnvironmentVariablesKeepNamesNotValues) {
  Document doc = test::tf_doc(R"({
"aws_lambda_function.fn": {
  "runtime": "nodejs22.x",
  "environment": [{"variables": {
    "DB_PASSWORD": "hunter2",
    "API_TOKEN": {"$ref": "aws_secretsmanager_secret_version.token.secret_string"},
    "STAGE": {"$unknown": "var.stage"}
  }}]
}
})");
  Diagnostics diags;
  auto out = test::adapt_checked(model::aws_tf::adapt_lambda, doc, diags);
  ASSERT_EQ(out.size(), 1u);
  const Value& vars = at(out[0].attributes, "environment.variables");
  ASSERT_EQ(vars.as_list().size(), 3u);
  EXPECT_EQ(at(vars, "0.name"), Value::string("DB_PASSWORD"));
  EXPECT_EQ(at(vars, "0.literal"), Value::boolean(true));
  EXPECT_EQ(at(vars, "0.literal").span().line, 5u);
  EXPECT_EQ(at(vars, "1.literal"), Value::boolean(false));
  EXPECT_EQ(at(vars, "2.literal"), Value::boolean(false));
  EXPECT_EQ(at(out[0].attributes, "deprecated_runtime"), Value::boolean(false));
  // The secret itself never reaches the inventory.
  EXPECT_EQ(vars.as_list()[0].find("value"), nullptr);
}

TEST(TfLambda, FunctionUrlsAreJoined) {
  Document doc = test::tf_doc(R"({
"aws_lambda_function.public": {"function_name": "public-fn", "runtime": "python3.12"},
"aws_lambda_function.private": {"function_name": "private-fn", "runtime": "python3.12"},
"aws_lambda_function_url.by_name": {"function_name": "public-fn", "authorization_type": "NONE"},
"aws_lambda_function_url.by_ref": {
  "function_name": {"$ref": "aws_lambda_function.private.arn"},
  "authorization_type": "AWS_IAM",
  "qualifier": "live"
},
"aws_lambda_function_url.broken": {"function_name": "public-fn"}
})");
  Diagnostics diags;
  auto out = test::adapt_checked(model::aws_tf::adapt_lambda, doc, diags);
  ASSERT_EQ(out.size(), 2u);
  const Value& pub = at(out[0].attributes, "function_urls");
  ASSERT_EQ(pub.as_list().size(), 2u);
  EXPECT_EQ(at(pub, "0.address"), Value::string("aws_lambda_function_url.by_name"));
  EXPECT_EQ(at(pub, "0.auth_type"), Value::string("NONE"));
  EXPECT_EQ(at(pub, "0.auth_type").span().line, 4u);
  EXPECT_TRUE(at(pub, "1.auth_type").is_unknown());
  const Value& priv = at(out[1].attributes, "function_urls");
  ASSERT_EQ(priv.as_list().size(), 1u);
  EXPECT_EQ(at(priv, "0.auth_type"), Value::string("AWS_IAM"));
  EXPECT_EQ(at(priv, "0.qualifier"), Value::string("live"));
}

}  // namespace
}  // namespace cc
