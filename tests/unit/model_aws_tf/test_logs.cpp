#include <gtest/gtest.h>

#include "../common/raw_tf.h"
#include "model/aws_tf/aws_tf.h"

namespace cc {
namespace {

using test::at;

TEST(TfLogs, RetentionKeyAndDataProtection) {
  Document doc = test::tf_doc(R"({
"aws_cloudwatch_log_group.app": {"name": "/acme/app", "retention_in_days": 400,
  "kms_key_id": {"$ref": "aws_kms_key.logs.arn"}, "log_group_class": "STANDARD"},
"aws_cloudwatch_log_data_protection_policy.app": {"log_group_name": {"$ref": "aws_cloudwatch_log_group.app.name"},
  "policy_document": "{}"},
"aws_cloudwatch_log_group.forever": {"name": "/acme/audit", "retention_in_days": 0},
"aws_cloudwatch_log_group.vague": {"retention_in_days": {"$unknown": "var.days"}}
})");
  Diagnostics diags;
  auto out = test::adapt_checked(model::aws_tf::adapt_logs, doc, diags);
  ASSERT_EQ(out.size(), 3u);
  const Value& a = out[0].attributes;
  EXPECT_EQ(out[0].name, "/acme/app");
  EXPECT_EQ(at(a, "retention_days"), Value::number(400));
  EXPECT_EQ(at(a, "retention_days").span().line, 2u);
  EXPECT_EQ(at(a, "kms_key"), Value::string("${aws_kms_key.logs.arn}"));
  EXPECT_EQ(at(a, "encrypted_with_kms"), Value::boolean(true));
  EXPECT_EQ(at(a, "data_protection"), Value::boolean(true));
  // 0 is the provider's "never expire": no retention limit at all.
  EXPECT_EQ(out[1].attributes.find("retention_days"), nullptr);
  Value forever = test::with_defaults(out[1]);
  EXPECT_EQ(at(forever, "encrypted_with_kms"), Value::boolean(false));
  EXPECT_TRUE(at(out[2].attributes, "retention_days").is_unknown());
  EXPECT_EQ(out[2].name, "aws_cloudwatch_log_group.vague");
  EXPECT_TRUE(diags.empty());
}

}  // namespace
}  // namespace cc
