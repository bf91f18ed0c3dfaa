// Templates: interpolation, directives, strip markers and heredocs.
#include <gtest/gtest.h>

#include "hcl_test_util.h"

namespace cc::hcl {
namespace {

using test::parse_expr;
using test::parse_ok;
using test::show;
using Kind = TemplatePart::Kind;

TEST(HclTemplate, Interpolation) {
  auto e = parse_expr("\"arn:${var.partition}:s3:::${aws_s3_bucket.b.id}/*\"");
  ASSERT_EQ(e->kind, ExprKind::Template);
  ASSERT_EQ(e->parts.size(), 5u);
  EXPECT_EQ(e->parts[0].kind, Kind::Literal);
  EXPECT_EQ(e->parts[0].text, "arn:");
  EXPECT_EQ(e->parts[1].kind, Kind::Interpolation);
  EXPECT_EQ(show(e->parts[1].expr), "var.partition");
  EXPECT_EQ(e->parts[2].text, ":s3:::");
  EXPECT_EQ(show(e->parts[3].expr), "aws_s3_bucket.b.id");
  EXPECT_EQ(e->parts[4].text, "/*");
  // The closing "/*" text is not lost after the last interpolation.
  auto f = parse_expr("\"${a}/*\"");
  ASSERT_EQ(f->parts.size(), 2u);
  EXPECT_EQ(f->parts[1].text, "/*");
}

TEST(HclTemplate, NestedTemplatesAndBracesInsideInterpolation) {
  auto e = parse_expr("\"x${lookup({a = \"${b}\"}, \"a\")}y\"");
  ASSERT_EQ(e->parts.size(), 3u);
  EXPECT_EQ(e->parts[2].text, "y");
  const Expression& call = *e->parts[1].expr;
  ASSERT_EQ(call.kind, ExprKind::Call);
  EXPECT_EQ(call.elements[0]->object_items[0].value->kind, ExprKind::Template);
}

TEST(HclTemplate, IfDirectiveWithElse) {
  auto e = parse_expr("\"Hello, %{ if name != \"\" }${name}%{ else }unnamed%{ endif }!\"");
  ASSERT_EQ(e->parts.size(), 3u);
  const TemplatePart& p = e->parts[1];
  ASSERT_EQ(p.kind, Kind::If);
  EXPECT_EQ(show(p.expr), "(name != \"\")");
  ASSERT_EQ(p.then_parts.size(), 1u);
  EXPECT_EQ(p.then_parts[0].kind, Kind::Interpolation);
  EXPECT_TRUE(p.has_else);
  ASSERT_EQ(p.else_parts.size(), 1u);
  EXPECT_EQ(p.else_parts[0].text, "unnamed");
  EXPECT_EQ(e->parts[2].text, "!");
}

TEST(HclTemplate, ForDirectiveWithStripMarkers) {
  auto r = parse_ok(
      "v = <<EOT\n"
      "%{ for i, ip in ips ~}\n"
      "server ${ip}\n"
      "%{ endfor ~}\n"
      "EOT\n");
  const Expression& e = *r.body.attributes[0].expr;
  ASSERT_EQ(e.kind, ExprKind::Template);
  ASSERT_EQ(e.parts.size(), 1u);
  const TemplatePart& loop = e.parts[0];
  ASSERT_EQ(loop.kind, Kind::For);
  EXPECT_EQ(loop.key_var, "i");
  EXPECT_EQ(loop.value_var, "ip");
  EXPECT_EQ(show(loop.expr), "ips");
  ASSERT_EQ(loop.then_parts.size(), 3u);
  // `~}` removed the line break after the opening directive.
  EXPECT_EQ(loop.then_parts[0].text, "server ");
  EXPECT_EQ(loop.then_parts[2].text, "\n");
}

TEST(HclTemplate, LeftStripMarkerTrimsPrecedingText) {
  auto e = parse_expr("\"a   ${~ b ~}   c\"");
  ASSERT_EQ(e->parts.size(), 3u);
  EXPECT_EQ(e->parts[0].text, "a");
  EXPECT_EQ(e->parts[2].text, "c");
}

TEST(HclTemplate, PlainHeredocKeepsIndentation) {
  auto r = parse_ok("policy = <<EOF\n  {\n    \"a\": 1\n  }\nEOF\nnext = 1\n");
  ASSERT_EQ(r.body.attributes.size(), 2u);
  const Expression& e = *r.body.attributes[0].expr;
  EXPECT_EQ(e.literal, LiteralKind::String);
  EXPECT_EQ(e.text, "  {\n    \"a\": 1\n  }\n");
}

TEST(HclTemplate, IndentedHeredocStripsCommonIndentation) {
  auto r = parse_ok(
      "block {\n"
      "  script = <<-EOT\n"
      "    echo ${var.x}\n"
      "      indented\n"
      "\n"
      "    done\n"
      "    EOT\n"
      "}\n");
  const Expression& e = *r.body.blocks[0].body.attributes[0].expr;
  ASSERT_EQ(e.kind, ExprKind::Template);
  ASSERT_EQ(e.parts.size(), 3u);
  EXPECT_EQ(e.parts[0].text, "echo ");
  EXPECT_EQ(show(e.parts[1].expr), "var.x");
  EXPECT_EQ(e.parts[2].text, "\n  indented\n\ndone\n");
}

TEST(HclTemplate, IndentedHeredocUsesTheLeastIndentedLine) {
  auto less = parse_ok("a = <<-EOT\n    Foo\n  Bar\n    Baz\n  EOT\n");
  EXPECT_EQ(less.body.attributes[0].expr->text, "  Foo\nBar\n  Baz\n");
  // A line that starts with an interpolation counts with its own indentation.
  auto interp = parse_ok("a = <<-EOT\n    Foo\n  ${bar}\n    Baz\n  EOT\n");
  const Expression& e = *interp.body.attributes[0].expr;
  ASSERT_EQ(e.parts.size(), 3u);
  EXPECT_EQ(e.parts[0].text, "  Foo\n");
  EXPECT_EQ(e.parts[2].text, "\n  Baz\n");
}

TEST(HclTemplate, HeredocMarkerMustBeTheWholeLine) {
  auto r = parse_ok("a = <<EOT\n    NOT EOT\n  EOT\nb = 1\n");
  EXPECT_EQ(r.body.attributes[0].expr->text, "    NOT EOT\n");
  ASSERT_EQ(r.body.attributes.size(), 2u);
}

TEST(HclTemplate, HeredocInsideFunctionCall) {
  auto r = parse_ok("p = jsonencode(<<EOT\n{}\nEOT\n)\n");
  const Expression& call = *r.body.attributes[0].expr;
  ASSERT_EQ(call.kind, ExprKind::Call);
  EXPECT_EQ(call.elements[0]->text, "{}\n");
}

TEST(HclTemplate, HeredocDoesNotProcessBackslashEscapes) {
  auto r = parse_ok("a = <<X\nC:\\path $${literal}\nX\n");
  EXPECT_EQ(r.body.attributes[0].expr->text, "C:\\path ${literal}\n");
}

TEST(HclTemplate, EmptyQuotedString) {
  auto e = parse_expr("\"\"");
  EXPECT_EQ(e->literal, LiteralKind::String);
  EXPECT_EQ(e->text, "");
}

}  // namespace
}  // namespace cc::hcl
