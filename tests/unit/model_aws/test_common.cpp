#include <gtest/gtest.h>

#include "model/aws/common.h"
#include "raw2.h"

namespace cc {
namespace {

using model::aws::Convert;
using test::at;

Value yaml(std::string_view text) {
  std::vector<Value> docs;
  Diagnostics diags;
  EXPECT_TRUE(collect::parse_yaml(text, 1, collect::Limits{}, docs, diags));
  if (docs.empty()) return Value::null();
  test::resolve_intrinsics(docs.front());
  return docs.front();
}

TEST(AwsCommon, ResourcesOfTypeAndPropertiesByPath) {
  Document doc = test::raw_doc(R"(
A:
  Type: AWS::S3::Bucket
  Properties:
    VersioningConfiguration: {Status: Enabled}
B:
  Type: AWS::SQS::Queue
C:
  Type: AWS::S3::Bucket
)");
  std::vector<Resource> out;
  Diagnostics diags;
  model::AdaptContext ctx{doc, out, diags};
  const auto& buckets = model::aws::resources_of_type(ctx, "AWS::S3::Bucket");
  ASSERT_EQ(buckets.size(), 2u);
  EXPECT_EQ(buckets[0]->address, "A");
  EXPECT_EQ(buckets[1]->address, "C");
  EXPECT_TRUE(model::aws::is_type(*buckets[0], "AWS::S3::Bucket"));
  EXPECT_FALSE(model::aws::is_type(*buckets[0], "AWS::S3::BucketPolicy"));
  const Value* status = model::aws::property(*buckets[0], "VersioningConfiguration.Status");
  ASSERT_NE(status, nullptr);
  EXPECT_EQ(status->as_string(), "Enabled");
  EXPECT_EQ(status->span().line, 5u);
  EXPECT_EQ(model::aws::properties(*buckets[1]), nullptr);
  EXPECT_EQ(model::aws::property(*buckets[1], "VersioningConfiguration"), nullptr);
  EXPECT_EQ(model::aws::cfn_kind("AWS::S3::Bucket"), "cfn:AWS::S3::Bucket");
}

TEST(AwsCommon, UnknownPropertiesAreNeverReadAsAbsent) {
  Document doc = test::raw_doc(R"(
WholeIf:
  Type: AWS::S3::Bucket
  Properties: !Unknown Fn::If on an unknown condition
PartIf:
  Type: AWS::S3::Bucket
  Properties:
    BucketEncryption: !Unknown Fn::If on an unknown condition
)");
  const Value* whole = model::aws::property(doc.resources[0], "VersioningConfiguration.Status");
  ASSERT_NE(whole, nullptr);
  EXPECT_TRUE(whole->is_unknown());
  EXPECT_EQ(model::aws::properties(doc.resources[0]), nullptr);
  const Value* part =
      model::aws::property(doc.resources[1], "BucketEncryption.ServerSideEncryptionConfiguration");
  ASSERT_NE(part, nullptr);
  EXPECT_TRUE(part->is_unknown());
  EXPECT_EQ(part->span().line, 8u);
  EXPECT_EQ(model::aws::property(doc.resources[1], "VersioningConfiguration.Status"), nullptr);
}

TEST(AwsCommon, MakeCanonicalUsesPhysicalNameOnlyWhenKnown) {
  Document doc = test::raw_doc(R"(
Named:
  Type: AWS::S3::Bucket
  Properties: {BucketName: logs-prod}
FromParam:
  Type: AWS::S3::Bucket
  Properties: {BucketName: !Unknown no default}
)");
  Resource named = model::aws::make_canonical(doc.resources[0], "aws.s3.bucket", "BucketName");
  EXPECT_EQ(named.name, "logs-prod");
  EXPECT_EQ(named.address, "Named");
  EXPECT_EQ(named.provider, "aws");
  EXPECT_EQ(named.format, "cloudformation");
  EXPECT_EQ(named.span, doc.resources[0].span);
  EXPECT_TRUE(named.attributes.is_map());
  Resource unnamed = model::aws::make_canonical(doc.resources[1], "aws.s3.bucket", "BucketName");
  EXPECT_EQ(unnamed.name, "FromParam");
}

TEST(AwsCommon, LooseConversionsKeepSpansAndUnknowns) {
  Diagnostics diags;
  Convert c{diags};
  Span s{1, 7, 3};
  Value t = model::aws::to_bool(Value::string("true", s), c);
  ASSERT_TRUE(t.is_bool());
  EXPECT_TRUE(t.as_bool());
  EXPECT_EQ(t.span(), s);
  EXPECT_FALSE(model::aws::to_bool(Value::string("False", s), c).as_bool());
  EXPECT_EQ(model::aws::to_number(Value::string("14", s), c).as_number(), 14);
  EXPECT_EQ(model::aws::to_string(Value::number(443, s), c).as_string(), "443");
  EXPECT_EQ(model::aws::to_string(Value::boolean(false, s), c).as_string(), "false");
  Value unk = Value::unknown("parameter P has no default", s);
  EXPECT_TRUE(model::aws::to_bool(unk, c).is_unknown());
  EXPECT_TRUE(model::aws::to_number(unk, c).is_unknown());
  EXPECT_TRUE(diags.empty());

  // Wrong types become unknown with a warning at the value's position.
  Value bad = model::aws::to_bool(Value::string("sometimes", s), c);
  EXPECT_TRUE(bad.is_unknown());
  EXPECT_TRUE(model::aws::to_number(Value::string("12x", s), c).is_unknown());
  ASSERT_EQ(diags.size(), 2u);
  EXPECT_EQ(diags[0].code, "aws.property_type");
  EXPECT_EQ(diags[0].span, s);
  EXPECT_EQ(diags[0].level, DiagLevel::Warning);
}

TEST(AwsCommon, StringListsAndReferences) {
  Diagnostics diags;
  Convert c{diags};
  Value one = model::aws::to_string_list(Value::string("s3:*", Span{1, 2, 3}), c);
  ASSERT_TRUE(one.is_list());
  ASSERT_EQ(one.as_list().size(), 1u);
  EXPECT_EQ(one.as_list()[0].as_string(), "s3:*");
  EXPECT_EQ(one.span(), (Span{1, 2, 3}));

  Value refs = model::aws::to_reference_list(
      yaml("[sg-123, !Ref WebSg, !GetAtt Vpc.DefaultSecurityGroup, !Unknown p]"), c);
  ASSERT_EQ(refs.as_list().size(), 4u);
  EXPECT_EQ(refs.as_list()[0].as_string(), "sg-123");
  EXPECT_EQ(refs.as_list()[1].as_string(), "${WebSg}");
  EXPECT_EQ(refs.as_list()[2].as_string(), "${Vpc.DefaultSecurityGroup}");
  EXPECT_TRUE(refs.as_list()[3].is_unknown());

  Value out = Value::map();
  EXPECT_FALSE(model::aws::set_bool(out, "a.b", nullptr, c));
  EXPECT_EQ(out.find("a"), nullptr);  // absent stays absent so defaults apply later
  Value yes = Value::string("true");
  EXPECT_TRUE(model::aws::set_bool(out, "a.b", &yes, c));
  EXPECT_TRUE(at(out, "a.b").as_bool());
}

TEST(AwsCommon, IsSetTreatsReferencesAsSetAndParametersAsUnknown) {
  Value by_ref = model::aws::is_set(Value::unknown("physical id", Span{1, 4, 1}, "Key"));
  ASSERT_TRUE(by_ref.is_bool());
  EXPECT_TRUE(by_ref.as_bool());
  EXPECT_TRUE(model::aws::is_set(Value::unknown("parameter K has no default")).is_unknown());
  EXPECT_FALSE(model::aws::is_set(Value::string("")).as_bool());
  EXPECT_TRUE(model::aws::is_set(Value::string("alias/logs")).as_bool());
  Value absent = model::aws::is_set(nullptr, Span{1, 9, 1});
  EXPECT_FALSE(absent.as_bool());
  EXPECT_EQ(absent.span().line, 9u);
}

TEST(AwsCommon, TagsFromListOrMap) {
  Diagnostics diags;
  Convert c{diags};
  Value list =
      model::aws::tags_map(yaml("[{Key: env, Value: prod}, {Key: owner, Value: !Unknown p}, {Key: "
                                "!Unknown k, Value: x}, {Key: cost, Value: 12}]"),
                           c);
  ASSERT_TRUE(list.is_map());
  EXPECT_EQ(at(list, "env").as_string(), "prod");
  EXPECT_EQ(at(list, "env").span().line, 1u);
  EXPECT_TRUE(at(list, "owner").is_unknown());
  EXPECT_EQ(at(list, "cost").as_string(), "12");
  EXPECT_EQ(list.as_map().size(), 3u);  // the entry with an unknown key is skipped
  Value map = model::aws::tags_map(yaml("{team: data}"), c);
  EXPECT_EQ(at(map, "team").as_string(), "data");
  EXPECT_TRUE(model::aws::tags_map(Value::unknown("u"), c).is_unknown());
  EXPECT_TRUE(model::aws::tags_map(Value::string("oops"), c).is_unknown());
  EXPECT_EQ(diags.size(), 1u);
}

TEST(AwsCommon, PolicyStatementsAreNormalised) {
  Diagnostics diags;
  Convert c{diags};
  Value doc = yaml(R"(
Version: "2012-10-17"
Statement:
  - Sid: Read
    Effect: Allow
    Action: s3:GetObject
    Resource: [!GetAtt Bucket.Arn, "arn:aws:s3:::other/*"]
    Principal: {AWS: [!GetAtt Role.Arn, "123456789012"], Service: ec2.amazonaws.com}
  - Effect: Deny
    NotAction: ["iam:*"]
    NotResource: "*"
    Principal: "*"
    Condition:
      Bool: {aws:SecureTransport: false}
      StringNotEquals: {aws:SourceVpc: [vpc-1, vpc-2]}
)");
  Value p = model::aws::normalize_policy(doc, c);
  EXPECT_TRUE(diags.empty());
  const Value& st = at(p, "statements");
  ASSERT_EQ(st.as_list().size(), 2u);
  const Value& read = st.as_list()[0];
  EXPECT_EQ(at(read, "sid").as_string(), "Read");
  EXPECT_EQ(at(read, "effect").as_string(), "Allow");
  ASSERT_EQ(at(read, "actions").as_list().size(), 1u);
  EXPECT_EQ(at(read, "actions.0").as_string(), "s3:GetObject");
  EXPECT_EQ(at(read, "actions.0").span().line, 6u);
  EXPECT_TRUE(at(read, "not_actions").as_list().empty());
  // A reference to a resource of the template reads as its Fn::Sub spelling.
  EXPECT_EQ(at(read, "resources.0").as_string(), "${Bucket.Arn}");
  EXPECT_EQ(at(read, "resources.1").as_string(), "arn:aws:s3:::other/*");
  ASSERT_EQ(at(read, "principals").as_list().size(), 3u);
  EXPECT_EQ(at(read, "principals.0").as_string(), "AWS:${Role.Arn}");
  EXPECT_EQ(at(read, "principals.1").as_string(), "AWS:123456789012");
  EXPECT_EQ(at(read, "principals.2").as_string(), "Service:ec2.amazonaws.com");
  EXPECT_TRUE(at(read, "conditions").as_list().empty());

  const Value& deny = st.as_list()[1];
  EXPECT_EQ(at(deny, "not_actions.0").as_string(), "iam:*");
  EXPECT_EQ(at(deny, "not_resources.0").as_string(), "*");
  EXPECT_EQ(at(deny, "principals.0").as_string(), "*");
  ASSERT_EQ(at(deny, "conditions").as_list().size(), 2u);
  EXPECT_EQ(at(deny, "conditions.0.operator").as_string(), "Bool");
  EXPECT_EQ(at(deny, "conditions.0.key").as_string(), "aws:SecureTransport");
  EXPECT_EQ(at(deny, "conditions.0.values.0").as_string(), "false");
  EXPECT_EQ(at(deny, "conditions.1.values").as_list().size(), 2u);
  EXPECT_EQ(at(deny, "conditions.1.values.1").as_string(), "vpc-2");
  EXPECT_EQ(at(deny, "conditions.0.operator").span().line, 14u);
}

TEST(AwsCommon, SingleStatementAndJsonStringDocuments) {
  Diagnostics diags;
  Convert c{diags};
  Value single = model::aws::normalize_policy(
      yaml("{Statement: {Effect: Allow, Action: '*', Resource: '*'}}"), c);
  ASSERT_EQ(at(single, "statements").as_list().size(), 1u);
  EXPECT_EQ(at(single, "statements.0.actions.0").as_string(), "*");
  EXPECT_TRUE(at(single, "statements.0.principals").as_list().empty());

  Span where{1, 20, 7};
  Value json = Value::string(
      R"({"Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":["sqs:SendMessage"]}]})",
      where);
  Value parsed = model::aws::normalize_policy(json, c);
  EXPECT_TRUE(diags.empty());
  EXPECT_EQ(at(parsed, "statements.0.principals.0").as_string(), "AWS:*");
  EXPECT_EQ(at(parsed, "statements.0.actions.0").as_string(), "sqs:SendMessage");
  // Positions inside the embedded JSON point at the string in the template.
  EXPECT_EQ(at(parsed, "statements.0.actions.0").span(), where);

  Value broken = model::aws::normalize_policy(Value::string("{not json", where), c);
  EXPECT_TRUE(broken.is_unknown());
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].code, "aws.policy_json");
  EXPECT_EQ(diags[0].span, where);

  EXPECT_TRUE(model::aws::normalize_policy(Value::unknown("u"), c).is_unknown());
  Value no_effect = model::aws::normalize_statement(yaml("{Action: s3:*}"), c);
  EXPECT_TRUE(at(no_effect, "effect").is_unknown());
}

TEST(AwsCommon, ReferencesJoinResources) {
  Document doc = test::raw_doc(R"(
Bucket:
  Type: AWS::S3::Bucket
  Properties: {BucketName: data}
Policy:
  Type: AWS::S3::BucketPolicy
  Properties:
    Bucket: !Ref Bucket
    Other: !GetAtt Bucket.Arn
    ByName: data
    Missing: !Ref Elsewhere
)");
  std::vector<Resource> out;
  Diagnostics diags;
  model::AdaptContext ctx{doc, out, diags};
  const Resource& bucket = doc.resources[0];
  const Value* by_ref = model::aws::property(doc.resources[1], "Bucket");
  const Value* by_att = model::aws::property(doc.resources[1], "Other");
  const Value* by_name = model::aws::property(doc.resources[1], "ByName");
  const Value* missing = model::aws::property(doc.resources[1], "Missing");
  EXPECT_EQ(model::aws::ref_of(*by_att), "Bucket.Arn");
  EXPECT_EQ(model::aws::ref_target(*by_att), "Bucket");
  EXPECT_TRUE(model::aws::refers_to(*by_ref, bucket));
  EXPECT_TRUE(model::aws::refers_to(*by_att, bucket));
  EXPECT_TRUE(model::aws::refers_to(*by_name, bucket, "data"));
  EXPECT_FALSE(model::aws::refers_to(*by_name, bucket));
  EXPECT_FALSE(model::aws::refers_to(*missing, bucket));
  EXPECT_EQ(model::aws::referenced(ctx, *by_att), &bucket);
  EXPECT_EQ(model::aws::referenced(ctx, *by_att, "AWS::S3::Bucket"), &bucket);
  EXPECT_EQ(model::aws::referenced(ctx, *by_att, "AWS::SQS::Queue"), nullptr);
  EXPECT_EQ(model::aws::referenced(ctx, *missing), nullptr);
  EXPECT_EQ(model::aws::referenced(ctx, *by_name), nullptr);
  EXPECT_EQ(model::aws::physical_name(bucket, "BucketName"), "data");
}

}  // namespace
}  // namespace cc
