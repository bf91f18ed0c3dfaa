#include <gtest/gtest.h>

#include "../common/raw_tf.h"
#include "model/aws_tf/aws_tf.h"

namespace cc {
namespace {

using test::at;

TEST(TfSns, Encryption) {
  Document doc = test::tf_doc(R"({
"aws_kms_key.topic": {},
"aws_sns_topic.plain": {"name": "plain"},
"aws_sns_topic.aws_key": {"name": "alerts.fifo", "fifo_topic": true, "kms_master_key_id": "alias/aws/sns"},
"aws_sns_topic.cmk": {"kms_master_key_id": {"$ref": "aws_kms_key.topic.id"}},
"aws_sns_topic.empty": {"kms_master_key_id": ""}
})");
  Diagnostics diags;
  auto out = test::adapt_checked(model::aws_tf::adapt_sns, doc, diags);
  ASSERT_EQ(out.size(), 4u);
  Value plain = test::with_defaults(out[0]);
  EXPECT_EQ(at(plain, "encryption.enabled"), Value::boolean(false));
  EXPECT_EQ(at(plain, "encryption.enabled").provenance(), Provenance::Default);
  EXPECT_EQ(at(out[1].attributes, "encryption.enabled"), Value::boolean(true));
  EXPECT_EQ(at(out[1].attributes, "encryption.customer_managed_key"), Value::boolean(false));
  EXPECT_EQ(at(out[1].attributes, "fifo"), Value::boolean(true));
  EXPECT_EQ(at(out[2].attributes, "encryption.customer_managed_key"), Value::boolean(true));
  EXPECT_EQ(at(out[2].attributes, "encryption.kms_key"), Value::string("${aws_kms_key.topic.id}"));
  EXPECT_EQ(at(out[3].attributes, "encryption.enabled"), Value::boolean(false));
  EXPECT_EQ(at(out[3].attributes, "encryption.enabled").span().line, 6u);
}

TEST(TfSns, TopicPoliciesAreJoined) {
  Document doc = test::tf_doc(R"({
"aws_sns_topic.events": {"name": "events"},
"aws_sns_topic.other": {"name": "other"},
"aws_sns_topic_policy.events": {
  "arn": {"$ref": "aws_sns_topic.events.arn"},
  "policy": {"$ref": "data.aws_iam_policy_document.events.json"}
},
"data.aws_iam_policy_document.events": {
  "statement": [{
    "effect": "Allow",
    "actions": ["sns:Publish"],
    "principals": [{"type": "*", "identifiers": ["*"]}],
    "resources": [{"$ref": "aws_sns_topic.events.arn"}]
  }]
}
})");
  Diagnostics diags;
  auto out = test::adapt_checked(model::aws_tf::adapt_sns, doc, diags);
  ASSERT_EQ(out.size(), 2u);
  const Value& statements = at(out[0].attributes, "policy.statements");
  ASSERT_TRUE(statements.is_list());
  ASSERT_EQ(statements.as_list().size(), 1u);
  EXPECT_EQ(at(statements, "0.effect"), Value::string("Allow"));
  EXPECT_EQ(at(statements, "0.actions.0"), Value::string("sns:Publish"));
  EXPECT_EQ(out[1].attributes.find("policy"), nullptr);
}

TEST(TfSns, UnresolvedTopicPolicyIsUnknown) {
  Document doc = test::tf_doc(R"({
"aws_sns_topic.t": {"name": "t"},
"aws_sns_topic_policy.p": {"arn": {"$unknown": "var.topic_arn"}, "policy": "{\"Statement\":[]}"}
})");
  Diagnostics diags;
  auto out = test::adapt_checked(model::aws_tf::adapt_sns, doc, diags);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_TRUE(at(out[0].attributes, "policy.statements").is_unknown());
}

}  // namespace
}  // namespace cc
