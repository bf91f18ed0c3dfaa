// Template text and lone expressions parsed outside a file: JSON-syntax strings and
// templatefile() files.
#include <gtest/gtest.h>

#include <string>

#include "collect/hcl/parser.h"
#include "hcl_test_util.h"

namespace cc::hcl {
namespace {

using test::show;

struct Parsed {
  ExprPtr expr;
  Diagnostics diags;
};

Parsed tmpl(std::string_view text, Span start = Span{7, 3, 10}, ParseLimits limits = {}) {
  Parsed p;
  p.expr = parse_template(text, 7, start, limits, p.diags);
  return p;
}

Parsed expr(std::string_view text, Span start = Span{7, 3, 10}) {
  Parsed p;
  p.expr = parse_expression(text, 7, start, {}, p.diags);
  return p;
}

TEST(ParseTemplate, PlainTextIsALiteralString) {
  Parsed p = tmpl("just text");
  ASSERT_TRUE(p.expr);
  EXPECT_TRUE(p.diags.empty());
  EXPECT_EQ(p.expr->kind, ExprKind::Literal);
  EXPECT_EQ(p.expr->literal, LiteralKind::String);
  EXPECT_EQ(p.expr->text, "just text");
  EXPECT_EQ(p.expr->span, (Span{7, 3, 10}));
}

TEST(ParseTemplate, EmptyTextIsAnEmptyString) {
  Parsed p = tmpl("");
  ASSERT_TRUE(p.expr);
  EXPECT_EQ(p.expr->kind, ExprKind::Literal);
  EXPECT_EQ(p.expr->text, "");
}

TEST(ParseTemplate, InterpolationPartsKeepPositionsFromStart) {
  Parsed p = tmpl("${var.env}-logs");
  ASSERT_TRUE(p.expr);
  ASSERT_EQ(p.expr->kind, ExprKind::Template);
  ASSERT_EQ(p.expr->parts.size(), 2u);
  const TemplatePart& interp = p.expr->parts[0];
  EXPECT_EQ(interp.kind, TemplatePart::Kind::Interpolation);
  EXPECT_EQ(show(interp.expr), "var.env");
  EXPECT_EQ(interp.span, (Span{7, 3, 10}));
  EXPECT_EQ(interp.expr->span, (Span{7, 3, 12}));
  EXPECT_EQ(p.expr->parts[1].text, "-logs");
  EXPECT_EQ(p.expr->parts[1].span, (Span{7, 3, 20}));
}

TEST(ParseTemplate, DoubledSigilsAreLiteralAndBackslashesAreText) {
  Parsed p = tmpl(R"($${not} %%{not} a\nb "q")");
  ASSERT_TRUE(p.expr);
  EXPECT_TRUE(p.diags.empty());
  ASSERT_EQ(p.expr->kind, ExprKind::Literal);
  EXPECT_EQ(p.expr->text, R"(${not} %{not} a\nb "q")");
}

TEST(ParseTemplate, MultiLineTextWithDirectives) {
  const std::string text =
      "hosts:\n"
      "%{ for h in hosts ~}\n"
      "  - ${h}\n"
      "%{ endfor ~}\n"
      "%{ if enabled }on%{ else }off%{ endif }\n";
  Parsed p = tmpl(text, Span{7, 1, 1});
  ASSERT_TRUE(p.expr) << (p.diags.empty() ? "" : p.diags[0].message);
  ASSERT_EQ(p.expr->kind, ExprKind::Template);
  ASSERT_EQ(p.expr->parts.size(), 4u);
  EXPECT_EQ(p.expr->parts[0].text, "hosts:\n");
  const TemplatePart& loop = p.expr->parts[1];
  EXPECT_EQ(loop.kind, TemplatePart::Kind::For);
  EXPECT_EQ(loop.value_var, "h");
  EXPECT_EQ(loop.span, (Span{7, 2, 1}));
  ASSERT_EQ(loop.then_parts.size(), 3u);
  EXPECT_EQ(loop.then_parts[0].text, "  - ");  // `~}` trimmed the line break before it
  EXPECT_EQ(loop.then_parts[1].expr->span, (Span{7, 3, 7}));
  const TemplatePart& cond = p.expr->parts[2];  // `~}` left no text after endfor
  EXPECT_EQ(cond.kind, TemplatePart::Kind::If);
  EXPECT_TRUE(cond.has_else);
  EXPECT_EQ(cond.span, (Span{7, 5, 1}));
  EXPECT_EQ(p.expr->parts[3].text, "\n");
}

TEST(ParseTemplate, StripMarkersTrimNeighbouringText) {
  Parsed p = tmpl("a   ${~ x ~}   b");
  ASSERT_TRUE(p.expr);
  ASSERT_EQ(p.expr->parts.size(), 3u);
  EXPECT_EQ(p.expr->parts[0].text, "a");
  EXPECT_EQ(p.expr->parts[2].text, "b");
}

TEST(ParseTemplate, UnclosedInterpolationIsAnErrorAtItsPosition) {
  Parsed p = tmpl("name-${var.x");
  EXPECT_FALSE(p.expr);
  ASSERT_FALSE(p.diags.empty());
  EXPECT_EQ(p.diags[0].code, "hcl.syntax");
  EXPECT_EQ(p.diags[0].span.file, 7u);
  EXPECT_EQ(p.diags[0].span.line, 3u);
  EXPECT_GE(p.diags[0].span.col, 15u);
}

TEST(ParseTemplate, UnmatchedDirectivesAreErrors) {
  EXPECT_FALSE(tmpl("%{ if x }yes").expr);
  EXPECT_FALSE(tmpl("no%{ endif }").expr);
  Parsed p = tmpl("%{ while x }");
  EXPECT_FALSE(p.expr);
  ASSERT_FALSE(p.diags.empty());
  EXPECT_EQ(p.diags[0].span.line, 3u);
}

TEST(ParseTemplate, UnterminatedStringInsideInterpolationIsReportedOnce) {
  Parsed p = tmpl("${lookup(m, \"k)}");
  EXPECT_FALSE(p.expr);
  ASSERT_FALSE(p.diags.empty());
  EXPECT_EQ(p.diags[0].code, "hcl.syntax");
}

TEST(ParseTemplate, DepthLimitIsADiagnostic) {
  std::string text = "${";
  for (int i = 0; i < 300; ++i) text += "(";
  ParseLimits limits;
  limits.max_depth = 50;
  Parsed p = tmpl(text, Span{7, 1, 1}, limits);
  EXPECT_FALSE(p.expr);
  bool depth = false;
  for (const auto& d : p.diags) depth = depth || d.code == "limit.depth";
  EXPECT_TRUE(depth);
}

TEST(ParseTemplate, SizeLimitIsADiagnostic) {
  ParseLimits limits;
  limits.max_bytes = 4;
  Parsed p = tmpl("longer than four", Span{7, 2, 2}, limits);
  EXPECT_FALSE(p.expr);
  ASSERT_EQ(p.diags.size(), 1u);
  EXPECT_EQ(p.diags[0].code, "limit.size");
  EXPECT_EQ(p.diags[0].span, (Span{7, 2, 2}));
}

TEST(ParseTemplate, UnknownStartCountsFromTheFirstLine) {
  Parsed p = tmpl("${x}", Span{});
  ASSERT_TRUE(p.expr);
  EXPECT_EQ(p.expr->span, (Span{7, 1, 1}));
  EXPECT_EQ(p.expr->parts[0].expr->span, (Span{7, 1, 3}));
}

TEST(ParseExpression, TypeConstraintsAndReferences) {
  Parsed t = expr("map(object({ name = string, size = optional(number, 1) }))");
  ASSERT_TRUE(t.expr);
  EXPECT_EQ(show(t.expr), "map(object({bare:name=string, bare:size=optional(number, 1)}))");
  EXPECT_EQ(t.expr->span, (Span{7, 3, 10}));

  Parsed r = expr("module.net.aws_subnet.private[0]");
  ASSERT_TRUE(r.expr);
  EXPECT_EQ(show(r.expr), "module.net.aws_subnet.private[0]");
}

TEST(ParseExpression, LineBreaksInsideAreSpacing) {
  Parsed p = expr("object({\n  a = string\n  b = number\n})\n");
  ASSERT_TRUE(p.expr) << (p.diags.empty() ? "" : p.diags[0].message);
  EXPECT_EQ(show(p.expr), "object({bare:a=string, bare:b=number})");
}

TEST(ParseExpression, TrailingTokensAreAnError) {
  Parsed p = expr("aws_s3_bucket.a aws_s3_bucket.b");
  EXPECT_FALSE(p.expr);
  ASSERT_EQ(p.diags.size(), 1u);
  EXPECT_EQ(p.diags[0].code, "hcl.syntax");
  EXPECT_EQ(p.diags[0].span, (Span{7, 3, 26}));
}

TEST(ParseExpression, EmptyTextIsAnError) {
  Parsed p = expr("");
  EXPECT_FALSE(p.expr);
  EXPECT_FALSE(p.diags.empty());
}

}  // namespace
}  // namespace cc::hcl
