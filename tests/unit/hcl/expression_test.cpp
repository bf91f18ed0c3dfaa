// Expressions: literals, collections, traversals, splats, calls, for, operators.
#include <gtest/gtest.h>

#include "hcl_test_util.h"

namespace cc::hcl {
namespace {

using test::parse_expr;
using test::show;

TEST(HclExpression, Literals) {
  auto n = parse_expr("1.5e3");
  EXPECT_EQ(n->literal, LiteralKind::Number);
  EXPECT_DOUBLE_EQ(n->number, 1500);
  EXPECT_EQ(n->text, "1.5e3");
  EXPECT_DOUBLE_EQ(parse_expr("42")->number, 42);
  EXPECT_DOUBLE_EQ(parse_expr("0.25")->number, 0.25);
  auto t = parse_expr("true");
  EXPECT_EQ(t->literal, LiteralKind::Bool);
  EXPECT_TRUE(t->boolean);
  EXPECT_FALSE(parse_expr("false")->boolean);
  EXPECT_EQ(parse_expr("null")->literal, LiteralKind::Null);
}

TEST(HclExpression, StringEscapes) {
  auto s = parse_expr(R"("a\nb\t\"q\" \\ \u00e9 \U0001F600 $${x} %%{y}")");
  EXPECT_EQ(s->literal, LiteralKind::String);
  EXPECT_EQ(s->text, "a\nb\t\"q\" \\ \xC3\xA9 \xF0\x9F\x98\x80 ${x} %{y}");
}

TEST(HclExpression, TuplesAndObjects) {
  EXPECT_EQ(show(parse_expr("[1, \"two\", [3],]")), "[1, \"two\", [3]]");
  EXPECT_EQ(show(parse_expr("[\n  1,\n  2\n]")), "[1, 2]");
  EXPECT_EQ(show(parse_expr("{a = 1, \"b\" : 2}")), "{bare:a=1, \"b\"=2}");
  EXPECT_EQ(show(parse_expr("{\n  a = 1\n  b = [\n    2,\n  ]\n  (var.k) = 3\n}")),
            "{bare:a=1, bare:b=[2], paren(var.k)=3}");
  EXPECT_EQ(show(parse_expr("{}")), "{}");
}

TEST(HclExpression, Traversals) {
  EXPECT_EQ(show(parse_expr("var.x")), "var.x");
  EXPECT_EQ(show(parse_expr("aws_s3_bucket.b.arn")), "aws_s3_bucket.b.arn");
  EXPECT_EQ(show(parse_expr("a[0]")), "a[0]");
  EXPECT_EQ(show(parse_expr("a[\"k\"].b")), "a[\"k\"].b");
  EXPECT_EQ(show(parse_expr("a.0.b.1")), "a.#0.b.#1");
  EXPECT_EQ(show(parse_expr("a[var.i].name")), "getattr(index(a, var.i), name)");
  EXPECT_EQ(show(parse_expr("f(x).y[2]")), "index(getattr(f(x), y), 2)");
}

TEST(HclExpression, Splats) {
  EXPECT_EQ(show(parse_expr("aws_instance.web.*.id")), "attrsplat(aws_instance.web, .id)");
  EXPECT_EQ(show(parse_expr("a.*.b.c[0]")), "index(attrsplat(a, .b.c), 0)");
  EXPECT_EQ(show(parse_expr("a[*].b[0].c")), "fullsplat(a, .b[0].c)");
  EXPECT_EQ(show(parse_expr("a[*]")), "fullsplat(a, )");
}

TEST(HclExpression, FunctionCalls) {
  EXPECT_EQ(show(parse_expr("max(1, 2, 3)")), "max(1, 2, 3)");
  EXPECT_EQ(show(parse_expr("timestamp()")), "timestamp()");
  EXPECT_EQ(show(parse_expr("max(var.list...)")), "max(var.list...)");
  EXPECT_EQ(show(parse_expr("join(\",\",\n  [a, b],\n)")), "join(\",\", [a, b])");
  EXPECT_EQ(show(parse_expr("provider::aws::arn_parse(var.arn).region")),
            "getattr(provider::aws::arn_parse(var.arn), region)");
  // A conditional's ':' is not mistaken for a namespace separator.
  EXPECT_EQ(show(parse_expr("a ? b : c")), "(a ? b : c)");
}

TEST(HclExpression, ForExpressions) {
  EXPECT_EQ(show(parse_expr("[for s in var.list : upper(s)]")), "[for s in var.list : upper(s)]");
  EXPECT_EQ(show(parse_expr("[for k, v in var.map : v if k != \"x\"]")),
            "[for k,v in var.map : v if (k != \"x\")]");
  EXPECT_EQ(show(parse_expr("{for k, v in var.map : k => v...}")),
            "{for k,v in var.map : k => v...}");
  EXPECT_EQ(show(parse_expr("{\n  for i, x in xs :\n  x.name => i\n  if x.on\n}")),
            "{for i,x in xs : x.name => i if x.on}");
}

TEST(HclExpression, OperatorPrecedence) {
  EXPECT_EQ(show(parse_expr("1 + 2 * 3")), "(1 + (2 * 3))");
  EXPECT_EQ(show(parse_expr("1 - 2 - 3")), "((1 - 2) - 3)");
  EXPECT_EQ(show(parse_expr("a || b && c")), "(a || (b && c))");
  EXPECT_EQ(show(parse_expr("a == b && c != d")), "((a == b) && (c != d))");
  EXPECT_EQ(show(parse_expr("a < b == c >= d")), "((a < b) == (c >= d))");
  EXPECT_EQ(show(parse_expr("a + b < c % d")), "((a + b) < (c % d))");
  EXPECT_EQ(show(parse_expr("!a && -b.c > 0")), "((!a) && ((-b.c) > 0))");
  EXPECT_EQ(show(parse_expr("(1 + 2) * 3")), "(paren((1 + 2)) * 3)");
  EXPECT_EQ(show(parse_expr("a / b * c")), "((a / b) * c)");
}

TEST(HclExpression, Conditionals) {
  EXPECT_EQ(show(parse_expr("a ? b : c")), "(a ? b : c)");
  EXPECT_EQ(show(parse_expr("a || b ? 1 + 1 : x ? y : z")), "((a || b) ? (1 + 1) : (x ? y : z))");
  EXPECT_EQ(show(parse_expr("(\n  var.on\n  ? 1\n  : 2\n)")), "paren((var.on ? 1 : 2))");
}

TEST(HclExpression, SpansPointAtTheStartOfEachNode) {
  auto e = parse_expr("foo(1, bar.baz)");
  ASSERT_EQ(e->kind, ExprKind::Call);
  EXPECT_EQ(e->span, (Span{1, 1, 9}));
  EXPECT_EQ(e->elements[0]->span, (Span{1, 1, 13}));
  EXPECT_EQ(e->elements[1]->span, (Span{1, 1, 16}));
  ASSERT_EQ(e->elements[1]->traversal.size(), 1u);
  EXPECT_EQ(e->elements[1]->traversal[0].span, (Span{1, 1, 20}));
}

}  // namespace
}  // namespace cc::hcl
