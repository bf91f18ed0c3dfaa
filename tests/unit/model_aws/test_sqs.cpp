#include <gtest/gtest.h>

#include "raw2.h"

namespace cc {
namespace {

using test::at;

TEST(AdaptSqs, EncryptionChoices) {
  Document doc = test::raw_doc(R"(
Default:
  Type: AWS::SQS::Queue
Off:
  Type: AWS::SQS::Queue
  Properties: {SqsManagedSseEnabled: false}
Kms:
  Type: AWS::SQS::Queue
  Properties: {QueueName: jobs, KmsMasterKeyId: alias/aws/sqs}
Cmk:
  Type: AWS::SQS::Queue
  Properties: {KmsMasterKeyId: {"!Ref": Key}}
Key:
  Type: AWS::KMS::Key
)");
  Diagnostics diags;
  auto out = test::run(model::aws::adapt_sqs, doc, diags);
  ASSERT_EQ(out.size(), 4u);
  Value def = test::with_defaults(out[0]);
  EXPECT_EQ(at(def, "encryption.enabled"), Value::boolean(true));
  EXPECT_EQ(at(def, "encryption.enabled").provenance(), Provenance::Default);
  EXPECT_EQ(at(out[1].attributes, "encryption.enabled"), Value::boolean(false));
  EXPECT_EQ(at(out[1].attributes, "encryption.enabled").span().line, 6u);
  EXPECT_EQ(out[2].name, "jobs");
  EXPECT_EQ(at(out[2].attributes, "encryption.type"), Value::string("kms"));
  EXPECT_EQ(at(out[2].attributes, "encryption.customer_managed_key"), Value::boolean(false));
  EXPECT_EQ(at(out[3].attributes, "encryption.customer_managed_key"), Value::boolean(true));
  for (const auto& r : out) test::expect_fits_schema(r);
}

TEST(AdaptSqs, QueuePoliciesAreJoined) {
  Document doc = test::raw_doc(R"(
Queue:
  Type: AWS::SQS::Queue
Lonely:
  Type: AWS::SQS::Queue
Policy:
  Type: AWS::SQS::QueuePolicy
  Properties:
    Queues: [{"!Ref": Queue}]
    PolicyDocument:
      Statement:
        - Effect: Allow
          Principal: "*"
          Action: sqs:SendMessage
          Resource: {"!GetAtt": Queue.Arn}
Inline:
  Type: AWS::SQS::QueueInlinePolicy
  Properties:
    Queue: {"!Ref": Queue}
    PolicyDocument:
      Statement: {Effect: Deny, Principal: {AWS: "*"}, Action: "sqs:*"}
)");
  Diagnostics diags;
  auto out = test::run(model::aws::adapt_sqs, doc, diags);
  ASSERT_EQ(out.size(), 2u);
  const Value& st = at(out[0].attributes, "policy.statements");
  ASSERT_EQ(st.as_list().size(), 2u);
  EXPECT_EQ(at(st, "0.effect"), Value::string("Allow"));
  EXPECT_EQ(at(st, "0.principals.0"), Value::string("*"));
  EXPECT_EQ(at(st, "0.actions.0"), Value::string("sqs:SendMessage"));
  EXPECT_EQ(at(st, "0.effect").span().line, 12u);
  EXPECT_EQ(at(st, "1.effect"), Value::string("Deny"));
  // A queue no policy names has no statements (the schema default).
  EXPECT_EQ(out[1].attributes.find("policy"), nullptr);
  Value lonely = test::with_defaults(out[1]);
  EXPECT_TRUE(at(lonely, "policy.statements").as_list().empty());
  test::expect_fits_schema(out[0]);
}

TEST(AdaptSqs, AnUnreadablePolicyMakesTheStatementsUnknown) {
  Document doc = test::raw_doc(R"(
Queue:
  Type: AWS::SQS::Queue
Policy:
  Type: AWS::SQS::QueuePolicy
  Properties:
    Queues: [{"!Ref": Queue}]
    PolicyDocument: {"!Unknown": built by a macro}
)");
  Diagnostics diags;
  auto out = test::run(model::aws::adapt_sqs, doc, diags);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_TRUE(at(out[0].attributes, "policy.statements").is_unknown());
}

}  // namespace
}  // namespace cc
