// Errors: positions, readable messages, recovery, limits.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "hcl_test_util.h"

namespace cc::hcl {
namespace {

bool has_message(const Diagnostics& diags, const std::string& part) {
  for (const auto& d : diags) {
    if (d.message.find(part) != std::string::npos) return true;
  }
  return false;
}

TEST(HclErrors, MissingEqualsNamesTheAttribute) {
  Body body;
  Diagnostics diags;
  EXPECT_FALSE(parse_hcl("resource \"x\" \"y\" {\n  bucket\n}\n", 3, {}, body, diags));
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].code, "hcl.syntax");
  EXPECT_EQ(diags[0].span, (Span{3, 2, 9}));
  EXPECT_NE(diags[0].message.find("expected '=' or '{' after attribute name 'bucket'"),
            std::string::npos)
      << diags[0].message;
  // The block itself survived.
  ASSERT_EQ(body.blocks.size(), 1u);
  EXPECT_EQ(body.blocks[0].labels[1].value, "y");
}

TEST(HclErrors, RecoversAtTheNextLine) {
  // A line break ends an attribute in a body, so `1 +` is an error on line 1.
  auto r = parse_hcl("a = 1 +\nb = 2\nd = @\ne = 5\nblock {\n  f = ]\n  g = 6\n}\n", 1);
  std::vector<std::string> names;
  for (const auto& a : r.body.attributes) names.push_back(a.name);
  EXPECT_EQ(names, (std::vector<std::string>{"b", "e"}));
  ASSERT_EQ(r.body.blocks.size(), 1u);
  ASSERT_EQ(r.body.blocks[0].body.attributes.size(), 1u);
  EXPECT_EQ(r.body.blocks[0].body.attributes[0].name, "g");
  ASSERT_EQ(r.diags.size(), 3u);
  EXPECT_EQ(r.diags[0].span, (Span{1, 1, 8}));
  EXPECT_TRUE(has_message(r.diags, "expected an expression, found end of line"));
  EXPECT_EQ(r.diags[1].span, (Span{1, 3, 5}));
  EXPECT_EQ(r.diags[1].message.rfind("unexpected character '@'", 0), 0u) << r.diags[1].message;
  EXPECT_EQ(r.diags[2].span, (Span{1, 6, 7}));
}

TEST(HclErrors, PositionOfUnexpectedToken) {
  auto r = parse_hcl("x = foo(1 2)\n", 1);
  ASSERT_EQ(r.diags.size(), 1u);
  EXPECT_EQ(r.diags[0].span, (Span{1, 1, 11}));
  EXPECT_TRUE(has_message(r.diags, "expected ',' or ')' in the arguments of 'foo'"));
}

TEST(HclErrors, UnterminatedConstructs) {
  auto s = parse_hcl("a = \"open\nb = 2\n", 1);
  EXPECT_TRUE(has_message(s.diags, "unterminated string"));
  ASSERT_EQ(s.body.attributes.size(), 2u);
  EXPECT_EQ(s.body.attributes[0].expr->text, "open");

  auto h = parse_hcl("a = <<EOT\nline\n", 1);
  EXPECT_TRUE(has_message(h.diags, "heredoc is not closed"));

  auto c = parse_hcl("a = 1 /* never closed", 1);
  EXPECT_TRUE(has_message(c.diags, "never closed"));

  auto b = parse_hcl("block {\n  a = 1\n", 1);
  EXPECT_TRUE(has_message(b.diags, "expected '}' to close block 'block' opened at 1:1"));
  ASSERT_EQ(b.body.blocks.size(), 1u);
  EXPECT_EQ(b.body.blocks[0].body.attributes.size(), 1u);
}

TEST(HclErrors, BadEscapeAndDirectiveMismatch) {
  auto e = parse_hcl("a = \"\\q\"\n", 1);
  EXPECT_TRUE(has_message(e.diags, "unknown escape sequence '\\q'"));
  auto d = parse_hcl("a = \"%{ endif }\"\n", 1);
  EXPECT_TRUE(has_message(d.diags, "no matching opening directive"));
  auto f = parse_hcl("a = \"%{ if x }y\"\n", 1);
  EXPECT_TRUE(has_message(f.diags, "expected '%{ endif }'"));
  auto l = parse_hcl("resource \"${x}\" {}\n", 1);
  EXPECT_TRUE(has_message(l.diags, "block label must be a plain quoted string"));
}

TEST(HclErrors, DepthLimitStopsDeepNesting) {
  for (const char open : {'(', '[', '{'}) {
    std::string text = "a = " + std::string(100000, open);
    auto r = parse_hcl(text, 1);
    ASSERT_FALSE(r.diags.empty());
    EXPECT_EQ(r.diags[0].code, "limit.depth") << open;
  }
  std::string blocks;
  for (int i = 0; i < 100000; ++i) blocks += "b {\n";
  auto nested = parse_hcl(blocks, 1);
  ASSERT_FALSE(nested.diags.empty());
  EXPECT_EQ(nested.diags[0].code, "limit.depth");

  std::string chain = "a = 1";
  for (int i = 0; i < 100000; ++i) chain += " + 1";
  auto ops = parse_hcl(chain, 1);
  ASSERT_FALSE(ops.diags.empty());
  EXPECT_EQ(ops.diags[0].code, "limit.depth");

  auto unary = parse_hcl("a = " + std::string(100000, '!') + "x", 1);
  ASSERT_FALSE(unary.diags.empty());
  EXPECT_EQ(unary.diags[0].code, "limit.depth");

  std::string templates = "a = ";
  for (int i = 0; i < 50000; ++i) templates += "\"${";
  auto tpl = parse_hcl(templates, 1);
  // The lexer also reports the strings left open at the end of the input.
  bool depth_reported = false;
  for (const auto& d : tpl.diags) depth_reported = depth_reported || d.code == "limit.depth";
  EXPECT_TRUE(depth_reported);
  EXPECT_LE(tpl.diags.size(), 3u);

  std::string escapes = "a = \"";
  for (int i = 0; i < 1500; ++i) escapes += "\\q";
  escapes += "\"\n";
  auto bad = parse_hcl(escapes, 1);
  EXPECT_GE(bad.diags.size(), 1u);
  EXPECT_LE(bad.diags.size(), 60u);
}

TEST(HclErrors, ModestNestingWithinTheLimitParses) {
  ParseLimits limits;
  limits.max_depth = 50;
  auto ok = parse_hcl("a = [[[[[[[[[[1]]]]]]]]]]\n", 1, limits);
  EXPECT_TRUE(ok.diags.empty());
  limits.max_depth = 5;
  auto deep = parse_hcl("a = [[[[[[[[[[1]]]]]]]]]]\n", 1, limits);
  ASSERT_FALSE(deep.diags.empty());
  EXPECT_EQ(deep.diags[0].code, "limit.depth");
}

TEST(HclErrors, DuplicateAttributeKeepsTheFirst) {
  auto r = parse_hcl("a = 1\nb {\n  a = 2\n}\na = 3\n", 1);
  ASSERT_EQ(r.diags.size(), 1u);
  EXPECT_EQ(r.diags[0].span, (Span{1, 5, 1}));
  EXPECT_EQ(r.diags[0].message, "attribute 'a' is already defined at 1:1");
  ASSERT_EQ(r.body.attributes.size(), 1u);
  EXPECT_EQ(r.body.attributes[0].expr->text, "1");
  // The same name inside a nested block is a different body.
  EXPECT_EQ(r.body.blocks[0].body.attributes.size(), 1u);
}

TEST(HclErrors, NamespacedNameMustBeCalled) {
  auto r = parse_hcl("a = provider::aws::thing\n", 1);
  ASSERT_EQ(r.diags.size(), 1u);
  EXPECT_EQ(r.diags[0].message,
            "expected '(' after function name 'provider::aws::thing', found end of line");
  EXPECT_EQ(r.diags[0].span, (Span{1, 1, 25}));
}

TEST(HclErrors, SizeLimit) {
  ParseLimits limits;
  limits.max_bytes = 4;
  auto r = parse_hcl("a = 12345\n", 1, limits);
  ASSERT_EQ(r.diags.size(), 1u);
  EXPECT_EQ(r.diags[0].code, "limit.size");
}

}  // namespace
}  // namespace cc::hcl

namespace cc::hcl {
namespace {

TEST(HclNumbers, OutOfRangeNumbersAreReported) {
  auto r = parse_hcl("huge = 1e400\ntiny = 1e-400\n", 1);
  ASSERT_EQ(r.body.attributes.size(), 2u);
  EXPECT_TRUE(std::isinf(r.body.attributes[0].expr->number));
  EXPECT_EQ(r.body.attributes[1].expr->number, 0.0);
  ASSERT_EQ(r.diags.size(), 2u);
  EXPECT_EQ(r.diags[0].code, "hcl.number");
  EXPECT_EQ(r.diags[0].span.line, 1u);
  EXPECT_EQ(r.diags[0].span.col, 8u);
}

}  // namespace
}  // namespace cc::hcl

namespace cc::hcl {
namespace {

TEST(HclOneLineBlocks, MustCloseOnTheirLineWithOneAttribute) {
  EXPECT_TRUE(parse_hcl("x { a = 1 }\ny {}\n", 1).diags.empty());
  auto open = parse_hcl("x { a = 1\n}\n", 1);
  ASSERT_EQ(open.diags.size(), 1u);
  EXPECT_EQ(open.diags[0].span.line, 1u);
  EXPECT_EQ(open.diags[0].span.col, 3u);
  ASSERT_EQ(open.body.blocks.size(), 1u) << "the block is still kept";
  EXPECT_FALSE(parse_hcl("x { y { a = 1 } }\n", 1).diags.empty());
}

}  // namespace
}  // namespace cc::hcl
