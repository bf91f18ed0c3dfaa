// HCL JSON syntax (.tf.json) to the same syntax tree as the native syntax.
#include <gtest/gtest.h>

#include <string>

#include "collect/hcl/json_syntax.h"
#include "collect/hcl/json_terraform_spec.h"
#include "hcl_test_util.h"

namespace cc::hcl {
namespace {

using test::show;

struct Parsed {
  bool ok = false;
  Body body;
  Diagnostics diags;
};

Parsed parse(std::string_view text, const BodySpec& spec = terraform_json_spec(),
             ParseLimits limits = {}) {
  Parsed p;
  p.ok = parse_hcl_json(text, 4, limits, spec, p.body, p.diags);
  return p;
}

Parsed parse_ok(std::string_view text, const BodySpec& spec = terraform_json_spec()) {
  Parsed p = parse(text, spec);
  EXPECT_TRUE(p.ok);
  for (const auto& d : p.diags) {
    ADD_FAILURE() << d.code << " " << d.span.line << ":" << d.span.col << " " << d.message;
  }
  return p;
}

// A whole body in one line: attributes with their expressions, then blocks with labels.
std::string render(const Body& body) {
  std::string s;
  for (const auto& a : body.attributes) s += a.name + "=" + show(a.expr) + "; ";
  for (const auto& b : body.blocks) {
    s += b.type;
    for (const auto& l : b.labels) s += " \"" + l.value + "\"";
    s += " { " + render(b.body) + "} ";
  }
  return s;
}

const Attribute* attr(const Body& body, std::string_view name) {
  for (const auto& a : body.attributes)
    if (a.name == name) return &a;
  return nullptr;
}

TEST(JsonSyntax, ResourceLabelsAttributesAndNestedObjects) {
  Parsed p = parse_ok(R"({
  "resource": {
    "aws_s3_bucket": {
      "logs": {
        "bucket": "acme-logs",
        "force_destroy": false,
        "tags": {"Team": "sec"},
        "lifecycle_rule": [{"id": "expire", "enabled": true}]
      }
    }
  }
})");
  ASSERT_EQ(p.body.blocks.size(), 1u);
  const Block& b = p.body.blocks[0];
  EXPECT_EQ(b.type, "resource");
  ASSERT_EQ(b.labels.size(), 2u);
  EXPECT_EQ(b.labels[0].value, "aws_s3_bucket");
  EXPECT_EQ(b.labels[1].value, "logs");
  EXPECT_TRUE(b.labels[1].quoted);
  EXPECT_EQ(b.labels[1].span, (Span{4, 4, 7}));
  EXPECT_EQ(b.span, (Span{4, 4, 7}));
  EXPECT_EQ(b.end_span, (Span{4, 9, 7}));
  EXPECT_EQ(render(b.body),
            "bucket=\"acme-logs\"; force_destroy=false; tags={\"Team\"=\"sec\"}; "
            "lifecycle_rule=[{\"id\"=\"expire\", \"enabled\"=true}]; ");
  const Attribute* bucket = attr(b.body, "bucket");
  ASSERT_TRUE(bucket);
  EXPECT_EQ(bucket->span, (Span{4, 5, 9}));
  EXPECT_EQ(bucket->expr->span, (Span{4, 5, 19}));
}

TEST(JsonSyntax, SameTreeAsTheNativeSyntax) {
  const char* native = R"(
variable "env" {
  type    = list(string)
  default = ["dev"]
  validation {
    condition     = length(var.env) > 0
    error_message = "Give at least one."
  }
}
resource "aws_kms_key" "k" {
  description = "key for ${var.name}"
  depends_on  = [aws_s3_bucket.b]
  provider    = aws.west
  lifecycle {
    ignore_changes = [tags]
  }
}
locals {
  name = "app-${var.env[0]}"
}
)";
  const char* json = R"json({
  "variable": {"env": {
    "type": "list(string)",
    "default": ["dev"],
    "validation": {
      "condition": "${length(var.env) > 0}",
      "error_message": "Give at least one."
    }
  }},
  "resource": {"aws_kms_key": {"k": {
    "description": "key for ${var.name}",
    "depends_on": ["aws_s3_bucket.b"],
    "provider": "aws.west",
    "lifecycle": {"ignore_changes": ["tags"]}
  }}},
  "locals": {"name": "app-${var.env[0]}"}
})json";
  ParseResult n = parse_hcl(native, 4);
  ASSERT_TRUE(n.diags.empty());
  Parsed j = parse_ok(json);
  // The only difference JSON forces: a condition is a one-part template around the
  // expression, which evaluates to the expression's own value.
  std::string want = render(n.body);
  const std::string cond = "condition=(length(var.env) > 0)";
  want.replace(want.find(cond), cond.size(), "condition=template");
  EXPECT_EQ(render(j.body), want);
  const Expression& c = *j.body.blocks[0].body.blocks[0].body.attributes[0].expr;
  ASSERT_EQ(c.parts.size(), 1u);
  EXPECT_EQ(show(c.parts[0].expr), "(length(var.env) > 0)");
}

TEST(JsonSyntax, TemplatesKeepExactColumnsInsidePlainStrings) {
  Parsed p = parse_ok(R"({"locals": {"arn": "${aws_s3_bucket.b.arn}/*"}})");
  const Expression& e = *p.body.blocks[0].body.attributes[0].expr;
  ASSERT_EQ(e.kind, ExprKind::Template);
  EXPECT_EQ(e.span, (Span{4, 1, 20}));
  ASSERT_EQ(e.parts.size(), 2u);
  EXPECT_EQ(e.parts[0].expr->span, (Span{4, 1, 23}));
  EXPECT_EQ(show(e.parts[0].expr), "aws_s3_bucket.b.arn");
  EXPECT_EQ(e.parts[1].text, "/*");
}

TEST(JsonSyntax, StringsWithEscapesPointAtTheString) {
  Parsed p = parse_ok(R"({"locals": {
  "msg": "line one\nline \"two\" ${var.x}"
}})");
  const Expression& e = *p.body.blocks[0].body.attributes[0].expr;
  ASSERT_EQ(e.kind, ExprKind::Template);
  EXPECT_EQ(e.parts[0].text, "line one\nline \"two\" ");
  EXPECT_EQ(e.parts[1].expr->span, (Span{4, 2, 10}));
  EXPECT_EQ(e.parts[1].span, (Span{4, 2, 10}));
}

TEST(JsonSyntax, DoubledSigilsAreLiteralText) {
  Parsed p = parse_ok(R"({"locals": {"raw": "$${not_a_ref}"}})");
  const Expression& e = *p.body.blocks[0].body.attributes[0].expr;
  EXPECT_EQ(e.kind, ExprKind::Literal);
  EXPECT_EQ(e.text, "${not_a_ref}");
}

TEST(JsonSyntax, ScalarsKeepTheirSpelling) {
  Parsed p = parse_ok(R"({"locals": {"a": 1.50, "b": -3, "c": null, "d": true, "e": 2e3}})");
  EXPECT_EQ(render(p.body.blocks[0].body), "a=1.50; b=-3; c=null; d=true; e=2e3; ");
  const Expression& a = *p.body.blocks[0].body.attributes[0].expr;
  EXPECT_EQ(a.literal, LiteralKind::Number);
  EXPECT_DOUBLE_EQ(a.number, 1.5);
  EXPECT_DOUBLE_EQ(p.body.blocks[0].body.attributes[1].expr->number, -3);
}

TEST(JsonSyntax, BlocksGivenAsArraysAtAnyLevel) {
  Parsed p = parse_ok(R"({
  "resource": [
    {"aws_s3_bucket": {"a": {"bucket": "a"}}},
    {"aws_s3_bucket": {"b": [{"bucket": "b1"}, {"bucket": "b2"}]}}
  ]
})");
  EXPECT_EQ(render(p.body),
            "resource \"aws_s3_bucket\" \"a\" { bucket=\"a\"; } "
            "resource \"aws_s3_bucket\" \"b\" { bucket=\"b1\"; } "
            "resource \"aws_s3_bucket\" \"b\" { bucket=\"b2\"; } ");
  // A block from an array element is located at its own object.
  EXPECT_EQ(p.body.blocks[2].span, (Span{4, 4, 48}));
}

TEST(JsonSyntax, ProvisionersAndDynamicBlocks) {
  Parsed p = parse_ok(R"({"resource": {"aws_security_group": {"web": {
  "name": "web",
  "dynamic": {"ingress": {
    "for_each": "${var.ports}",
    "iterator": "port",
    "content": {
      "from_port": "${port.value}",
      "dynamic": {"cidr": {"for_each": "${var.cidrs}", "content": {"block": "${cidr.value}"}}}
    }
  }},
  "provisioner": {"local-exec": [{"command": "echo one"}, {"command": "echo two", "when": "destroy"}]},
  "connection": {"host": "${self.public_ip}"}
}}}})");
  const Body& body = p.body.blocks[0].body;
  EXPECT_EQ(render(body),
            "name=\"web\"; "
            "dynamic \"ingress\" { for_each=template; iterator=port; "
            "content { from_port=template; dynamic \"cidr\" { for_each=template; "
            "content { block=template; } } } } "
            "provisioner \"local-exec\" { command=\"echo one\"; } "
            "provisioner \"local-exec\" { command=\"echo two\"; when=destroy; } "
            "connection { host=template; } ");
  EXPECT_EQ(body.blocks[0].body.attributes[1].expr->kind, ExprKind::Variable);
}

TEST(JsonSyntax, CommentsAreIgnoredInBodiesOnly) {
  Parsed p = parse_ok(R"({
  "//": "generated file",
  "resource": {
    "//": "label level comment",
    "aws_s3_bucket": {"b": {"//": "body comment", "tags": {"//": "kept", "a": "b"}}}
  }
})");
  EXPECT_EQ(render(p.body),
            "resource \"aws_s3_bucket\" \"b\" { tags={\"//\"=\"kept\", \"a\"=\"b\"}; } ");
}

TEST(JsonSyntax, ModulesOutputsProvidersAndTerraformSettings) {
  Parsed p = parse_ok(R"({
  "terraform": {
    "required_version": ">= 1.5",
    "required_providers": {"aws": {"source": "hashicorp/aws", "version": "~> 5.0"}},
    "backend": {"s3": {"bucket": "state", "key": "app.tfstate"}}
  },
  "provider": {"aws": [{"region": "eu-west-1"}, {"alias": "west", "region": "us-west-2"}]},
  "module": {"net": {"source": "./net", "providers": {"aws": "aws.west"}, "count": 2}},
  "output": {"id": {"value": "${module.net.id}", "sensitive": true,
                    "depends_on": ["module.net"]}}
})");
  EXPECT_EQ(render(p.body),
            "terraform { required_version=\">= 1.5\"; "
            "required_providers { aws={\"source\"=\"hashicorp/aws\", \"version\"=\"~> 5.0\"}; } "
            "backend \"s3\" { bucket=\"state\"; key=\"app.tfstate\"; } } "
            "provider \"aws\" { region=\"eu-west-1\"; } "
            "provider \"aws\" { alias=\"west\"; region=\"us-west-2\"; } "
            "module \"net\" { source=\"./net\"; providers={\"aws\"=aws.west}; count=2; } "
            "output \"id\" { value=template; sensitive=true; depends_on=[module.net]; } ");
}

TEST(JsonSyntax, RootMayBeAnArrayOfObjects) {
  Parsed p = parse_ok(R"([{"locals": {"a": 1}}, {"locals": {"b": 2}}])");
  EXPECT_EQ(render(p.body), "locals { a=1; } locals { b=2; } ");
}

TEST(JsonSyntax, UnknownObjectsAsBlocksWhenTheSpecSaysSo) {
  BodySpec generic;
  generic.unknown_objects_are_attributes = false;
  Parsed p = parse_ok(R"({"outer": {"name": "x", "inner": {"v": [1, {"k": 2}]}}})", generic);
  EXPECT_EQ(render(p.body), "outer { name=\"x\"; inner { v=[1, {\"k\"=2}]; } } ");
}

TEST(JsonSyntax, MalformedJsonReportsTheJsonError) {
  Parsed p = parse("{\"locals\": {\"a\": 1,}}");
  EXPECT_FALSE(p.ok);
  ASSERT_FALSE(p.diags.empty());
  EXPECT_EQ(p.diags[0].code, "json.syntax");
  EXPECT_EQ(p.diags[0].span.file, 4u);
  EXPECT_EQ(p.diags[0].span.line, 1u);
}

TEST(JsonSyntax, WrongShapesAreErrorsAndTheRestIsKept) {
  Parsed p = parse(R"({
  "resource": {"aws_s3_bucket": "not an object"},
  "variable": {"v": [1]},
  "locals": {"ok": "yes"}
})");
  EXPECT_FALSE(p.ok);
  ASSERT_EQ(p.diags.size(), 2u);
  EXPECT_EQ(p.diags[0].code, "hcl.syntax");
  EXPECT_EQ(p.diags[0].span, (Span{4, 2, 33}));
  EXPECT_NE(p.diags[0].message.find("labels of block 'resource'"), std::string::npos);
  EXPECT_EQ(p.diags[1].span, (Span{4, 3, 22}));
  EXPECT_EQ(render(p.body), "locals { ok=\"yes\"; } ");
}

TEST(JsonSyntax, BadTemplateDropsOnlyThatAttribute) {
  Parsed p = parse(R"({"locals": {
  "bad": "x-${var.a",
  "good": "${var.b}"
}})");
  EXPECT_FALSE(p.ok);
  ASSERT_FALSE(p.diags.empty());
  EXPECT_EQ(p.diags[0].code, "hcl.syntax");
  EXPECT_EQ(p.diags[0].span.line, 2u);
  EXPECT_GT(p.diags[0].span.col, 10u);  // inside the string, not at its start
  EXPECT_EQ(render(p.body), "locals { good=template; } ");
}

TEST(JsonSyntax, BadTypeExpressionIsAnError) {
  Parsed p = parse(R"({"variable": {"v": {"type": "list(string"}}})");
  EXPECT_FALSE(p.ok);
  ASSERT_FALSE(p.diags.empty());
  EXPECT_EQ(p.diags[0].span.line, 1u);
  EXPECT_EQ(render(p.body), "variable \"v\" { } ");
}

TEST(JsonSyntax, AttributeRepeatedAcrossBodyObjectsIsAnError) {
  Parsed p = parse(R"({"locals": [{"a": 1}, {"a": 2}]})");
  // Two separate locals blocks may each define "a"; one body split in two may not.
  EXPECT_TRUE(p.ok);
  BodySpec spec;
  spec.blocks = {{"thing", BlockSpec{}}};
  Parsed q = parse(R"({"thing": {"a": 1}, "x": 1})", spec);
  EXPECT_TRUE(q.ok);
  Parsed r = parse(R"([{"x": 1}, {"x": 2}])", spec);
  EXPECT_FALSE(r.ok);
  ASSERT_EQ(r.diags.size(), 1u);
  EXPECT_NE(r.diags[0].message.find("already defined at 1:3"), std::string::npos);
}

TEST(JsonSyntax, DepthAndSizeLimitsAreDiagnostics) {
  std::string deep = "{\"locals\": {\"a\": ";
  for (int i = 0; i < 100; ++i) deep += "[";
  for (int i = 0; i < 100; ++i) deep += "]";
  deep += "}}";
  ParseLimits limits;
  limits.max_depth = 20;
  Parsed p = parse(deep, terraform_json_spec(), limits);
  EXPECT_FALSE(p.ok);
  ASSERT_FALSE(p.diags.empty());
  EXPECT_EQ(p.diags[0].code, "limit.depth");

  limits = {};
  limits.max_bytes = 8;
  Parsed q = parse(R"({"locals": {}})", terraform_json_spec(), limits);
  EXPECT_FALSE(q.ok);
  ASSERT_FALSE(q.diags.empty());
  EXPECT_EQ(q.diags[0].code, "limit.size");
}

TEST(JsonSyntax, ManyErrorsStopAtALimit) {
  std::string text = "{\"locals\": {";
  for (int i = 0; i < 500; ++i) text += "\"a" + std::to_string(i) + "\": \"${\",";
  text += "\"end\": 1}}";
  Parsed p = parse(text);
  EXPECT_FALSE(p.ok);
  EXPECT_LE(p.diags.size(), 110u);
  for (const auto& d : p.diags) EXPECT_TRUE(d.span.known());
}

TEST(JsonSyntax, NotAnObjectAtTheRoot) {
  Parsed p = parse("\"text\"");
  EXPECT_FALSE(p.ok);
  ASSERT_EQ(p.diags.size(), 1u);
  EXPECT_EQ(p.diags[0].code, "hcl.syntax");
  EXPECT_EQ(p.diags[0].span, (Span{4, 1, 1}));
}

}  // namespace
}  // namespace cc::hcl
