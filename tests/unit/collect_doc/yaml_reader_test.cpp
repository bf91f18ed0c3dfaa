#include "collect/doc/yaml_reader.h"

#include <gtest/gtest.h>

#include <string>

namespace cc::collect {
namespace {

std::vector<Value> parse_ok(std::string_view text, Diagnostics* out_diags = nullptr) {
  std::vector<Value> docs;
  Diagnostics diags;
  EXPECT_TRUE(parse_yaml(text, 7, Limits{}, docs, diags)) << (diags.empty() ? "" : diags[0].message);
  if (out_diags) *out_diags = diags;
  return docs;
}

TEST(YamlReader, TypesPlainScalarsAndKeepsQuotedStrings) {
  auto docs = parse_ok("a: 1\nb: 2.5\nc: true\nd: ~\ne: '1'\nf: hello\ng: 0x1F\nh: yes\ni: -3\n");
  ASSERT_EQ(docs.size(), 1u);
  const Value& d = docs[0];
  EXPECT_EQ(d.find("a")->as_number(), 1);
  EXPECT_EQ(d.find("b")->as_number(), 2.5);
  EXPECT_TRUE(d.find("c")->as_bool());
  EXPECT_TRUE(d.find("d")->is_null());
  EXPECT_EQ(d.find("e")->as_string(), "1");
  EXPECT_EQ(d.find("f")->as_string(), "hello");
  EXPECT_EQ(d.find("g")->as_number(), 31);
  EXPECT_TRUE(d.find("h")->as_bool());
  EXPECT_EQ(d.find("i")->as_number(), -3);
}

TEST(YamlReader, RecordsLineAndColumnOfValuesAndKeys) {
  auto docs = parse_ok("top:\n  inner:\n    - x\n    - key: v\n");
  const Value* inner = docs[0].at_path("top.inner");
  ASSERT_NE(inner, nullptr);
  ASSERT_TRUE(inner->is_list());
  EXPECT_EQ(inner->as_list()[0].span().line, 3u);
  EXPECT_EQ(inner->as_list()[0].span().col, 7u);
  EXPECT_EQ(inner->as_list()[0].span().file, 7u);
  const Value& item = inner->as_list()[1];
  EXPECT_EQ(item.as_map()[0].key_span.line, 4u);
  EXPECT_EQ(item.as_map()[0].key_span.col, 7u);
  EXPECT_EQ(item.find("key")->span().col, 12u);
}

TEST(YamlReader, ReadsEveryDocumentOfAStream) {
  auto docs = parse_ok("a: 1\n---\nb: 2\n---\n");
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_NE(docs[1].find("b"), nullptr);
  EXPECT_TRUE(docs[2].is_null());
}

TEST(YamlReader, WrapsLocalTagsAsSingleMemberMaps) {
  auto docs = parse_ok("a: !Ref Bucket\nb: !GetAtt [R, Arn]\nc: !Sub\n  - x\n  - {}\n");
  const Value* a = docs[0].find("a");
  ASSERT_TRUE(a->is_map());
  EXPECT_EQ(a->as_map()[0].key, "!Ref");
  EXPECT_EQ(a->find("!Ref")->as_string(), "Bucket");
  EXPECT_TRUE(docs[0].find("b")->find("!GetAtt")->is_list());
  EXPECT_TRUE(docs[0].find("c")->find("!Sub")->is_list());
}

TEST(YamlReader, StandardTagsForceTypes) {
  auto docs = parse_ok("a: !!str 10\nb: !!int \"12\"\n");
  EXPECT_EQ(docs[0].find("a")->as_string(), "10");
  EXPECT_EQ(docs[0].find("b")->as_number(), 12);
}

TEST(YamlReader, ExpandsAnchorsAliasesAndMergeKeys) {
  auto docs = parse_ok("base: &b {x: 1, y: 2}\nuse: *b\nmerged:\n  <<: *b\n  y: 3\n");
  EXPECT_EQ(docs[0].at_path("use.x")->as_number(), 1);
  EXPECT_EQ(docs[0].at_path("merged.x")->as_number(), 1);
  EXPECT_EQ(docs[0].at_path("merged.y")->as_number(), 3);
}

TEST(YamlReader, DuplicateKeysWarnAndLastWins) {
  Diagnostics diags;
  auto docs = parse_ok("a: 1\na: 2\n", &diags);
  EXPECT_EQ(docs[0].find("a")->as_number(), 2);
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].code, "yaml.duplicate-key");
  EXPECT_EQ(diags[0].span.line, 2u);
}

TEST(YamlReader, SyntaxErrorCarriesPosition) {
  std::vector<Value> docs;
  Diagnostics diags;
  EXPECT_FALSE(parse_yaml("a: 1\nb: [1, 2\nc: 3\n", 3, Limits{}, docs, diags));
  ASSERT_FALSE(diags.empty());
  EXPECT_EQ(diags[0].code, "yaml.syntax");
  EXPECT_EQ(diags[0].span.file, 3u);
  EXPECT_GE(diags[0].span.line, 2u);
}

TEST(YamlReader, DepthLimitStopsDeepNesting) {
  std::string deep(5000, '[');
  std::vector<Value> docs;
  Diagnostics diags;
  Limits limits;
  limits.max_depth = 100;
  EXPECT_FALSE(parse_yaml(deep, 1, limits, docs, diags));
  ASSERT_FALSE(diags.empty());
  EXPECT_EQ(diags.back().code, "limit.depth");
}

TEST(YamlReader, AliasBombEndsAtTheNodeLimit) {
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  char prev = 'a';
  for (char c = 'b'; c <= 'j'; ++c) {
    bomb += std::string(1, c) + ": &" + c + " [";
    for (int i = 0; i < 10; ++i) bomb += std::string(i ? ", *" : "*") + prev;
    bomb += "]\n";
    prev = c;
  }
  std::vector<Value> docs;
  Diagnostics diags;
  Limits limits;
  limits.max_nodes = 100000;
  EXPECT_FALSE(parse_yaml(bomb, 1, limits, docs, diags));
  ASSERT_FALSE(diags.empty());
  EXPECT_EQ(diags.back().code, "limit.nodes");
}

TEST(YamlReader, SizeLimitRejectsLargeInput) {
  std::vector<Value> docs;
  Diagnostics diags;
  Limits limits;
  limits.max_file_bytes = 10;
  EXPECT_FALSE(parse_yaml("a: 123456789012\n", 1, limits, docs, diags));
  EXPECT_EQ(diags.at(0).code, "limit.size");
}

TEST(YamlReader, UnknownAliasIsAnError) {
  std::vector<Value> docs;
  Diagnostics diags;
  EXPECT_FALSE(parse_yaml("a: *nope\n", 1, Limits{}, docs, diags));
  ASSERT_FALSE(diags.empty());
}

}  // namespace
}  // namespace cc::collect
