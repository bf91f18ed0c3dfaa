#include "model/base/schema.h"

#include <gtest/gtest.h>

namespace cc::model {
namespace {

constexpr const char* kTypes = R"(
types:
  iam.statement:
    fields:
      effect: {type: string, doc: Allow or Deny}
      actions: {type: list<string>}
)";

constexpr const char* kBucket = R"(
kind: aws.s3.bucket
provider: aws
doc: An object store bucket.
fields:
  name: {type: string, doc: Bucket name}
  encryption:
    doc: Default encryption of new objects
    fields:
      enabled: {type: bool, default: false, doc: Whether objects are encrypted}
  policy:
    type: object
    fields:
      statements: {type: list<iam.statement>}
  tags: {type: map<string>}
)";

TEST(Schema, LoadsKindsAndResolvesNamedTypesDeclaredLater) {
  SchemaRegistry reg;
  Diagnostics diags;
  ASSERT_TRUE(reg.load_text(kBucket, 1, diags));
  ASSERT_TRUE(reg.load_text(kTypes, 2, diags));
  ASSERT_TRUE(reg.finish(diags)) << diags[0].message;
  const KindSchema* s = reg.find("aws.s3.bucket");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->provider, "aws");
  const Field* policy = s->type->field("policy");
  ASSERT_NE(policy, nullptr);
  const Field* st = policy->type->field("statements");
  ASSERT_NE(st, nullptr);
  EXPECT_EQ(st->type->kind, Type::Kind::List);
  ASSERT_NE(st->type->element, nullptr);
  EXPECT_EQ(st->type->element->name, "iam.statement");
  EXPECT_NE(st->type->element->field("actions"), nullptr);
  EXPECT_EQ(s->type->field("tags")->type->describe(), "map<string>");
  EXPECT_EQ(reg.find("aws.nothing"), nullptr);
}

TEST(Schema, ApplyDefaultsFillsAbsentFieldsAndMarksThem) {
  SchemaRegistry reg;
  Diagnostics diags;
  ASSERT_TRUE(reg.load_text(kTypes, 1, diags));
  ASSERT_TRUE(reg.load_text(kBucket, 2, diags));
  ASSERT_TRUE(reg.finish(diags));
  Value attrs = Value::map();
  attrs.set("name", Value::string("logs"));
  apply_defaults(*reg.find("aws.s3.bucket")->type, attrs);
  const Value* enabled = attrs.at_path("encryption.enabled");
  ASSERT_NE(enabled, nullptr);
  EXPECT_FALSE(enabled->as_bool());
  EXPECT_EQ(enabled->provenance(), Provenance::Default);

  Value set = Value::map();
  set.set_path("encryption.enabled", Value::boolean(true, Span{1, 4, 2}));
  apply_defaults(*reg.find("aws.s3.bucket")->type, set);
  EXPECT_TRUE(set.at_path("encryption.enabled")->as_bool());
  EXPECT_EQ(set.at_path("encryption.enabled")->provenance(), Provenance::Set);
}

TEST(Schema, RejectsUnknownTypesKeysAndBadDefaults) {
  SchemaRegistry reg;
  Diagnostics diags;
  EXPECT_TRUE(reg.load_text("kind: a.b\nfields:\n  x: {type: list<nope>}\n", 1, diags));
  EXPECT_FALSE(reg.finish(diags));
  ASSERT_FALSE(diags.empty());
  EXPECT_NE(diags.back().message.find("nope"), std::string::npos);

  SchemaRegistry reg2;
  Diagnostics d2;
  EXPECT_FALSE(reg2.load_text("kind: a.b\nfields:\n  x: {type: bool, colour: red}\n", 1, d2));
  EXPECT_EQ(d2.at(0).span.line, 3u);

  SchemaRegistry reg3;
  Diagnostics d3;
  EXPECT_TRUE(reg3.load_text("kind: a.b\nfields:\n  x: {type: bool, default: 3}\n", 1, d3));
  EXPECT_FALSE(reg3.finish(d3));

  SchemaRegistry reg4;
  Diagnostics d4;
  EXPECT_TRUE(reg4.load_text("kind: a.b\n", 1, d4));
  EXPECT_FALSE(reg4.load_text("kind: a.b\n", 2, d4));
}

TEST(Schema, RawKindsAreRecognised) {
  EXPECT_TRUE(is_raw_kind("cfn:AWS::S3::Bucket"));
  EXPECT_TRUE(is_raw_kind("k8s:apps/v1/Deployment"));
  EXPECT_FALSE(is_raw_kind("aws.s3.bucket"));
}

}  // namespace
}  // namespace cc::model

namespace cc::model {
namespace {

TEST(Schema, DefaultsCarryNoSchemaPositionAtAnyDepth) {
  SchemaRegistry reg;
  Diagnostics diags;
  ASSERT_TRUE(reg.load_text("kind: a.b\nfields:\n  types: {type: list<string>, default: [api, audit]}\n", 4, diags));
  ASSERT_TRUE(reg.finish(diags));
  Value v = Value::map();
  apply_defaults(*reg.find("a.b")->type, v);
  const Value* types = v.find("types");
  ASSERT_NE(types, nullptr);
  ASSERT_EQ(types->as_list().size(), 2u);
  EXPECT_FALSE(types->span().known());
  EXPECT_FALSE(types->as_list()[1].span().known());
  EXPECT_EQ(types->as_list()[1].provenance(), Provenance::Default);
}

}  // namespace
}  // namespace cc::model
