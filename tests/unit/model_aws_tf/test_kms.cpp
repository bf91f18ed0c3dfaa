#include <gtest/gtest.h>

#include "../common/raw_tf.h"
#include "model/aws_tf/aws_tf.h"

namespace cc {
namespace {

using test::at;

TEST(TfKms, KeyArgumentsAliasAndSeparatePolicy) {
  Document doc = test::tf_doc(R"({
"aws_kms_key.data": {"description": "data", "enable_key_rotation": true,
  "deletion_window_in_days": 7, "policy": "{\"Statement\":[]}", "tags": {"env": "prod"}},
"aws_kms_alias.data": {"name": "alias/data", "target_key_id": {"$ref": "aws_kms_key.data.key_id"}},
"aws_kms_key_policy.data": {"key_id": {"$ref": "aws_kms_key.data.id"},
  "policy": "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"kms:Decrypt\",\"Resource\":\"*\"}]}"},
"aws_kms_key.bare": {}
})");
  Diagnostics diags;
  auto out = test::adapt_checked(model::aws_tf::adapt_kms, doc, diags);
  ASSERT_EQ(out.size(), 2u);
  const Value& a = out[0].attributes;
  EXPECT_EQ(out[0].name, "alias/data");
  EXPECT_EQ(at(a, "rotation_enabled"), Value::boolean(true));
  EXPECT_EQ(at(a, "rotation_enabled").span().line, 2u);
  EXPECT_EQ(at(a, "pending_window_days"), Value::number(7));
  // The separate key policy resource replaces the key's own policy argument.
  EXPECT_EQ(at(a, "policy.statements.0.principals"), Value::list({Value::string("AWS:*")}));
  EXPECT_EQ(at(a, "tags.env"), Value::string("prod"));
  Value bare = test::with_defaults(out[1]);
  EXPECT_EQ(at(bare, "rotation_enabled"), Value::boolean(false));
  EXPECT_EQ(at(bare, "pending_window_days"), Value::number(30));
  EXPECT_EQ(at(bare, "key_spec"), Value::string("SYMMETRIC_DEFAULT"));
  EXPECT_TRUE(diags.empty());
}

TEST(TfKms, UnknownArgumentsStayUnknown) {
  Document doc = test::tf_doc(R"({
"aws_kms_key.k": {"enable_key_rotation": {"$unknown": "var.rotate"}, "policy": {"$unknown": "var.policy"}}
})");
  Diagnostics diags;
  auto out = test::adapt_checked(model::aws_tf::adapt_kms, doc, diags);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_TRUE(at(out[0].attributes, "rotation_enabled").is_unknown());
  EXPECT_TRUE(at(out[0].attributes, "policy").is_unknown());
}

}  // namespace
}  // namespace cc
