// Bodies: attributes, blocks, labels, comments, one-line blocks, source positions.
#include <gtest/gtest.h>

#include "hcl_test_util.h"

namespace cc::hcl {
namespace {

using test::parse_ok;
using test::show;

TEST(HclBody, AttributesAndBlocksKeepOrderAndPositions) {
  auto r = parse_ok(
      "region = \"eu-west-1\"\n"
      "\n"
      "resource \"aws_s3_bucket\" \"logs\" {\n"
      "  bucket = \"my-logs\"\n"
      "  versioning {\n"
      "    enabled = true\n"
      "  }\n"
      "}\n"
      "count = 2\n");
  ASSERT_EQ(r.body.attributes.size(), 2u);
  EXPECT_EQ(r.body.attributes[0].name, "region");
  EXPECT_EQ(r.body.attributes[1].name, "count");
  EXPECT_EQ(r.body.attributes[1].span, (Span{1, 9, 1}));
  ASSERT_EQ(r.body.blocks.size(), 1u);
  const Block& b = r.body.blocks[0];
  EXPECT_EQ(b.type, "resource");
  ASSERT_EQ(b.labels.size(), 2u);
  EXPECT_EQ(b.labels[0].value, "aws_s3_bucket");
  EXPECT_TRUE(b.labels[0].quoted);
  EXPECT_EQ(b.labels[1].value, "logs");
  EXPECT_EQ(b.span, (Span{1, 3, 1}));
  EXPECT_EQ(b.end_span, (Span{1, 8, 1}));
  ASSERT_EQ(b.body.attributes.size(), 1u);
  EXPECT_EQ(b.body.attributes[0].span, (Span{1, 4, 3}));
  EXPECT_EQ(show(b.body.attributes[0].expr), "\"my-logs\"");
  EXPECT_EQ(b.body.attributes[0].expr->span, (Span{1, 4, 12}));
  ASSERT_EQ(b.body.blocks.size(), 1u);
  EXPECT_EQ(b.body.blocks[0].type, "versioning");
  EXPECT_EQ(show(b.body.blocks[0].body.attributes[0].expr), "true");
}

TEST(HclBody, BareLabelsAndOneLineBlocks) {
  auto r = parse_ok("locals { a = 1 }\nmodule net { source = \"./net\" }\nempty {}\n");
  ASSERT_EQ(r.body.blocks.size(), 3u);
  EXPECT_EQ(r.body.blocks[0].body.attributes[0].name, "a");
  ASSERT_EQ(r.body.blocks[1].labels.size(), 1u);
  EXPECT_EQ(r.body.blocks[1].labels[0].value, "net");
  EXPECT_FALSE(r.body.blocks[1].labels[0].quoted);
  EXPECT_TRUE(r.body.blocks[2].body.attributes.empty());
}

TEST(HclBody, CommentsOfAllThreeKindsAreIgnored) {
  auto r = parse_ok(
      "# hash comment\n"
      "a = 1 // trailing\n"
      "/* block\n   comment */ b = 2\n"
      "c = /* inline */ 3 # end\n");
  ASSERT_EQ(r.body.attributes.size(), 3u);
  EXPECT_EQ(r.body.attributes[1].name, "b");
  EXPECT_EQ(r.body.attributes[1].span, (Span{1, 4, 15}));
  EXPECT_EQ(show(r.body.attributes[2].expr), "3");
}

TEST(HclBody, Utf8IdentifiersAndDashes) {
  auto r = parse_ok("größe = 1\nblock-name \"ü\" { naïve-value = größe }\n");
  ASSERT_EQ(r.body.attributes.size(), 1u);
  EXPECT_EQ(r.body.attributes[0].name, "größe");
  ASSERT_EQ(r.body.blocks.size(), 1u);
  EXPECT_EQ(r.body.blocks[0].type, "block-name");
  EXPECT_EQ(r.body.blocks[0].labels[0].value, "ü");
  EXPECT_EQ(r.body.blocks[0].body.attributes[0].name, "naïve-value");
  EXPECT_EQ(show(r.body.blocks[0].body.attributes[0].expr), "größe");
}

TEST(HclBody, EmptyAndCrlfInput) {
  EXPECT_TRUE(parse_ok("").body.attributes.empty());
  auto r = parse_ok("a = 1\r\nb {\r\n  c = \"x\"\r\n}\r\n");
  ASSERT_EQ(r.body.attributes.size(), 1u);
  ASSERT_EQ(r.body.blocks.size(), 1u);
  EXPECT_EQ(show(r.body.blocks[0].body.attributes[0].expr), "\"x\"");
}

}  // namespace
}  // namespace cc::hcl
