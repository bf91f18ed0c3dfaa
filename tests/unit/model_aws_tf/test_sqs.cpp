#include <gtest/gtest.h>

#include "../common/raw_tf.h"
#include "model/aws_tf/aws_tf.h"

namespace cc {
namespace {

using test::at;

TEST(TfSqs, EncryptionChoices) {
  Document doc = test::tf_doc(R"({
"aws_kms_key.queue": {},
"aws_sqs_queue.default": {"name": "default"},
"aws_sqs_queue.off": {"sqs_managed_sse_enabled": false},
"aws_sqs_queue.aws_key": {"kms_master_key_id": "alias/aws/sqs"},
"aws_sqs_queue.cmk": {"kms_master_key_id": {"$ref": "aws_kms_key.queue.arn"}, "fifo_queue": true},
"aws_sqs_queue.var_key": {"kms_master_key_id": {"$unknown": "var.key"}}
})");
  Diagnostics diags;
  auto out = test::adapt_checked(model::aws_tf::adapt_sqs, doc, diags);
  ASSERT_EQ(out.size(), 5u);
  Value def = test::with_defaults(out[0]);
  EXPECT_EQ(out[0].name, "default");
  EXPECT_EQ(at(def, "encryption.enabled"), Value::boolean(true));
  EXPECT_EQ(at(def, "encryption.enabled").provenance(), Provenance::Default);
  EXPECT_EQ(at(out[1].attributes, "encryption.enabled"), Value::boolean(false));
  EXPECT_EQ(at(out[1].attributes, "encryption.enabled").span().line, 4u);
  EXPECT_EQ(at(out[2].attributes, "encryption.type"), Value::string("kms"));
  EXPECT_EQ(at(out[2].attributes, "encryption.customer_managed_key"), Value::boolean(false));
  EXPECT_EQ(at(out[3].attributes, "encryption.customer_managed_key"), Value::boolean(true));
  EXPECT_EQ(at(out[3].attributes, "fifo"), Value::boolean(true));
  // A key from a variable without value: encryption is on (a key is named) but whose
  // key it is cannot be told.
  EXPECT_TRUE(at(out[4].attributes, "encryption.enabled").is_unknown());
  EXPECT_TRUE(at(out[4].attributes, "encryption.customer_managed_key").is_unknown());
}

TEST(TfSqs, PoliciesAreJoined) {
  Document doc = test::tf_doc(R"({
"aws_sqs_queue.jobs": {
  "name": "jobs",
  "policy": "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:root\"},\"Action\":\"sqs:SendMessage\",\"Resource\":\"*\"}]}"
},
"aws_sqs_queue.lonely": {"name": "lonely"},
"aws_sqs_queue_policy.jobs": {
  "queue_url": {"$ref": "aws_sqs_queue.jobs.id"},
  "policy": {"$ref": "aws_sqs_queue.jobs.arn",
             "$shape": "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"sqs:SendMessage\",\"Resource\":\"${aws_sqs_queue.jobs.arn}\"}]}"}
}
})");
  Diagnostics diags;
  auto out = test::adapt_checked(model::aws_tf::adapt_sqs, doc, diags);
  ASSERT_EQ(out.size(), 2u);
  const Value& statements = at(out[0].attributes, "policy.statements");
  ASSERT_EQ(statements.as_list().size(), 2u);
  EXPECT_EQ(at(statements, "0.principals.0"), Value::string("AWS:arn:aws:iam::111122223333:root"));
  EXPECT_EQ(at(statements, "1.principals.0"), Value::string("*"));
  EXPECT_EQ(at(statements, "1.resources.0"), Value::string("${aws_sqs_queue.jobs.arn}"));
  EXPECT_EQ(at(statements, "1.principals.0").span().line, 9u);
  EXPECT_EQ(at(test::with_defaults(out[1]), "policy.statements").as_list().size(), 0u);
}

TEST(TfSqs, UnreadablePolicyMakesStatementsUnknown) {
  Document doc = test::tf_doc(R"({
"aws_sqs_queue.a": {"name": "a"},
"aws_sqs_queue_policy.a": {"queue_url": {"$ref": "aws_sqs_queue.a.url"}, "policy": {"$unknown": "var.policy"}},
"aws_sqs_queue.b": {"name": "b"},
"aws_sqs_queue_policy.somewhere": {"queue_url": {"$unknown": "var.queue_url"}, "policy": "{}"}
})");
  Diagnostics diags;
  auto out = test::adapt_checked(model::aws_tf::adapt_sqs, doc, diags);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_TRUE(at(out[0].attributes, "policy.statements").is_unknown());
  // A policy for a queue that cannot be resolved may be queue b's.
  EXPECT_TRUE(at(out[1].attributes, "policy.statements").is_unknown());
}

TEST(TfSqs, DeadLetterQueues) {
  Document doc = test::tf_doc(R"({
"aws_sqs_queue.dlq": {"name": "dlq", "message_retention_seconds": 1209600},
"aws_sqs_queue.inline": {
  "redrive_policy": {"$ref": "aws_sqs_queue.dlq.arn", "$shape": "{\"deadLetterTargetArn\":\"${aws_sqs_queue.dlq.arn}\",\"maxReceiveCount\":4}"}
},
"aws_sqs_queue.separate": {},
"aws_sqs_queue_redrive_policy.separate": {
  "queue_url": {"$ref": "aws_sqs_queue.separate.id"},
  "redrive_policy": "{\"deadLetterTargetArn\":\"arn:aws:sqs:eu-west-1:111122223333:dlq\",\"maxReceiveCount\":4}"
}
})");
  Diagnostics diags;
  auto out = test::adapt_checked(model::aws_tf::adapt_sqs, doc, diags);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(at(out[0].attributes, "message_retention_seconds"), Value::number(1209600));
  EXPECT_EQ(at(test::with_defaults(out[0]), "dead_letter.configured"), Value::boolean(false));
  EXPECT_EQ(at(out[1].attributes, "dead_letter.configured"), Value::boolean(true));
  EXPECT_EQ(at(out[2].attributes, "dead_letter.configured"), Value::boolean(true));
  EXPECT_EQ(at(out[2].attributes, "dead_letter.configured").span().line, 9u);
}

}  // namespace
}  // namespace cc
