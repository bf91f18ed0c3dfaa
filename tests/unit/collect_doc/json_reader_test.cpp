#include "collect/doc/json_reader.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

namespace cc::collect {
namespace {

Value parse_ok(std::string_view text, Diagnostics* out_diags = nullptr) {
  Value v;
  Diagnostics diags;
  EXPECT_TRUE(parse_json(text, 3, Limits{}, v, diags)) << (diags.empty() ? "" : diags[0].message);
  if (out_diags) *out_diags = diags;
  return v;
}

Diagnostic parse_error(std::string_view text, const Limits& limits = Limits{}) {
  Value v;
  Diagnostics diags;
  EXPECT_FALSE(parse_json(text, 3, limits, v, diags)) << text;
  EXPECT_FALSE(diags.empty());
  if (diags.empty()) return {};
  EXPECT_EQ(diags.back().level, DiagLevel::Error);
  return diags.back();
}

TEST(JsonReader, ReadsEveryValueType) {
  Value v = parse_ok(R"({"s": "hi", "n": -2.5e1, "t": true, "f": false, "z": null,
                         "l": [1, "two"], "m": {"k": "v"}, "e": "tab\tand \u00e9"})");
  ASSERT_TRUE(v.is_map());
  EXPECT_EQ(v.find("s")->as_string(), "hi");
  EXPECT_EQ(v.find("n")->as_number(), -25.0);
  EXPECT_TRUE(v.find("t")->as_bool());
  EXPECT_FALSE(v.find("f")->as_bool());
  EXPECT_TRUE(v.find("z")->is_null());
  ASSERT_EQ(v.find("l")->as_list().size(), 2u);
  EXPECT_EQ(v.find("l")->as_list()[1].as_string(), "two");
  EXPECT_EQ(v.at_path("m.k")->as_string(), "v");
  EXPECT_EQ(v.find("e")->as_string(), "tab\tand \xc3\xa9");
}

TEST(JsonReader, KeepsSourceOrderOfKeys) {
  Value v = parse_ok(R"({"zeta": 1, "alpha": 2, "mid": 3})");
  const Map& m = v.as_map();
  ASSERT_EQ(m.size(), 3u);
  EXPECT_EQ(m[0].key, "zeta");
  EXPECT_EQ(m[1].key, "alpha");
  EXPECT_EQ(m[2].key, "mid");
}

TEST(JsonReader, RecordsLineAndColumnOfNestedValuesAndKeys) {
  const char* text =
      "{\n"
      "  \"Resources\": {\n"
      "    \"Bucket\": {\n"
      "      \"Type\": \"AWS::S3::Bucket\",\n"
      "      \"Tags\": [\n"
      "        {\"Key\": \"a\", \"Value\": 42}\n"
      "      ]\n"
      "    }\n"
      "  }\n"
      "}\n";
  Value v = parse_ok(text);
  EXPECT_EQ(v.span(), (Span{3, 1, 1}));
  const Value* resources = v.find("Resources");
  ASSERT_NE(resources, nullptr);
  EXPECT_EQ(v.as_map()[0].key_span, (Span{3, 2, 3}));
  EXPECT_EQ(resources->span(), (Span{3, 2, 16}));
  const Member& bucket = resources->as_map()[0];
  EXPECT_EQ(bucket.key, "Bucket");
  EXPECT_EQ(bucket.key_span, (Span{3, 3, 5}));
  EXPECT_EQ(bucket.value.find("Type")->span(), (Span{3, 4, 15}));
  const Value* tags = bucket.value.find("Tags");
  EXPECT_EQ(tags->span(), (Span{3, 5, 15}));
  const Value& tag = tags->as_list()[0];
  EXPECT_EQ(tag.span(), (Span{3, 6, 9}));
  EXPECT_EQ(tag.as_map()[1].key_span, (Span{3, 6, 22}));
  EXPECT_EQ(tag.find("Value")->span(), (Span{3, 6, 31}));
}

TEST(JsonReader, PositionsSurviveCrLfLineEnds) {
  Value v = parse_ok("{\r\n\"a\":\r\n  [true]\r\n}");
  EXPECT_EQ(v.as_map()[0].key_span, (Span{3, 2, 1}));
  EXPECT_EQ(v.find("a")->as_list()[0].span(), (Span{3, 3, 4}));
}

TEST(JsonReader, ReadsScalarDocuments) {
  EXPECT_EQ(parse_ok("\"just text\"").as_string(), "just text");
  EXPECT_EQ(parse_ok("  7 ").as_number(), 7.0);
  EXPECT_TRUE(parse_ok("null").is_null());
  EXPECT_TRUE(parse_ok("true").as_bool());
  EXPECT_EQ(parse_ok("\n  \"x\"").span(), (Span{3, 2, 3}));
}

TEST(JsonReader, ReadsNumbersAsDoublesIncludingHugeIntegers) {
  Value v = parse_ok(R"([9007199254740993, 123456789012345678901234567890, 1e308, -0.5, 0])");
  const List& l = v.as_list();
  EXPECT_EQ(l[0].as_number(), 9007199254740992.0);  // nearest double
  EXPECT_DOUBLE_EQ(l[1].as_number(), 1.2345678901234568e29);
  EXPECT_EQ(l[2].as_number(), 1e308);
  EXPECT_EQ(l[3].as_number(), -0.5);
  EXPECT_EQ(l[4].as_number(), 0.0);
}

TEST(JsonReader, DuplicateKeyKeepsLastValueAndWarns) {
  Diagnostics diags;
  Value v = parse_ok("{\"a\": 1,\n \"b\": 2,\n \"a\": 3}", &diags);
  ASSERT_EQ(v.as_map().size(), 2u);
  EXPECT_EQ(v.find("a")->as_number(), 3.0);
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].level, DiagLevel::Warning);
  EXPECT_EQ(diags[0].code, "json.duplicate_key");
  EXPECT_EQ(diags[0].span, (Span{3, 3, 2}));
  EXPECT_NE(diags[0].message.find("'a'"), std::string::npos);
}

TEST(JsonReader, DuplicateKeyDetectedInLargeObjects) {
  std::string text = "{";
  for (int i = 0; i < 100; ++i)
    text += "\"k" + std::to_string(i) + "\": " + std::to_string(i) + ",";
  text += "\"k57\": \"again\"}";
  Diagnostics diags;
  Value v = parse_ok(text, &diags);
  EXPECT_EQ(v.as_map().size(), 100u);
  EXPECT_EQ(v.find("k57")->as_string(), "again");
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].code, "json.duplicate_key");
}

TEST(JsonReader, EscapedKeysAreUnescaped) {
  Value v = parse_ok(R"({"a\"b": 1, "\u0041": 2})");
  EXPECT_NE(v.find("a\"b"), nullptr);
  EXPECT_NE(v.find("A"), nullptr);
  EXPECT_EQ(v.as_map()[1].key_span.col, 13u);
}

TEST(JsonReader, MissingColonReportsPositionOfFault) {
  Diagnostic d = parse_error("{\"a\": 1,\n \"b\" 2}");
  EXPECT_EQ(d.code, "json.syntax");
  EXPECT_EQ(d.span, (Span{3, 2, 6}));
  EXPECT_NE(d.message.find("missing comma, colon"), std::string::npos);
}

TEST(JsonReader, TrailingCommaAndDoubleCommaAreErrors) {
  EXPECT_EQ(parse_error("{\"a\": 1,}").span, (Span{3, 1, 9}));
  EXPECT_EQ(parse_error("[1,,2]").span, (Span{3, 1, 4}));
  EXPECT_EQ(parse_error("[1 2]").span, (Span{3, 1, 4}));
}

TEST(JsonReader, BadLiteralsPointAtTheToken) {
  Diagnostic d = parse_error("{\n  \"a\": tru\n}");
  EXPECT_EQ(d.span, (Span{3, 2, 8}));
  EXPECT_NE(d.message.find("tru"), std::string::npos);
  EXPECT_EQ(parse_error("{\"a\": 01}").span, (Span{3, 1, 7}));
  EXPECT_NE(parse_error("{\"a\": 01}").message.find("number"), std::string::npos);
}

TEST(JsonReader, BadEscapePointsAtTheString) {
  Diagnostic d = parse_error("{\"a\":\n   \"x\\qy\"}");
  EXPECT_EQ(d.span, (Span{3, 2, 4}));
  EXPECT_NE(d.message.find("escape"), std::string::npos);
}

TEST(JsonReader, UnclosedStringPointsAtItsOpeningQuote) {
  Diagnostic d = parse_error("{\"a\": 1,\n \"b\": \"never closed}\n");
  EXPECT_EQ(d.span, (Span{3, 2, 7}));
  EXPECT_NE(d.message.find("never closed"), std::string::npos);
}

TEST(JsonReader, RawControlCharacterInStringIsLocated) {
  Diagnostic d = parse_error("{\"a\": \"one\ttwo\"}");
  EXPECT_EQ(d.span, (Span{3, 1, 11}));
}

TEST(JsonReader, InvalidUtf8IsLocated) {
  Diagnostic d = parse_error("{\"a\": \"ok\",\n \"b\": \"bad \xff here\"}");
  EXPECT_EQ(d.span, (Span{3, 2, 12}));
  EXPECT_NE(d.message.find("UTF-8"), std::string::npos);
}

TEST(JsonReader, TrailingContentIsAnError) {
  Diagnostic d = parse_error("{\"a\": 1}\n\n  extra");
  EXPECT_EQ(d.span, (Span{3, 3, 3}));
  EXPECT_NE(d.message.find("after the end"), std::string::npos);
  EXPECT_EQ(parse_error("[1] [2]").span, (Span{3, 1, 5}));
}

TEST(JsonReader, UnfinishedDocumentIsAnError) {
  Diagnostic d = parse_error("{\"a\": [1, 2,\n");
  EXPECT_EQ(d.code, "json.syntax");
  EXPECT_EQ(d.span, (Span{3, 1, 12}));
  EXPECT_NE(d.message.find("ends before"), std::string::npos);
  EXPECT_NE(parse_error("{\"a\": [1, 2").message.find("ends before"), std::string::npos);
  EXPECT_EQ(parse_error("{").code, "json.syntax");
}

TEST(JsonReader, EmptyInputIsAnError) {
  Diagnostic d = parse_error("   \n ");
  EXPECT_EQ(d.code, "json.syntax");
  EXPECT_NE(d.message.find("no JSON value"), std::string::npos);
  EXPECT_EQ(parse_error("").code, "json.syntax");
}

TEST(JsonReader, DepthLimitStopsTenThousandLevels) {
  std::string deep(10'000, '[');
  deep += std::string(10'000, ']');
  Diagnostic d = parse_error(deep);
  EXPECT_EQ(d.code, "limit.depth");
  EXPECT_EQ(d.span.col, 201u);  // the first array beyond the default limit of 200

  std::string objects;
  for (int i = 0; i < 10'000; ++i) objects += "{\"a\":";
  objects += "1" + std::string(10'000, '}');
  EXPECT_EQ(parse_error(objects).code, "limit.depth");
}

TEST(JsonReader, DepthExactlyAtTheLimitIsAccepted) {
  Limits limits;
  limits.max_depth = 5;
  Value v;
  Diagnostics diags;
  EXPECT_TRUE(parse_json("[[[[[1]]]]]", 1, limits, v, diags));
  EXPECT_EQ(parse_error("[[[[[[1]]]]]]", limits).code, "limit.depth");
}

TEST(JsonReader, RaisedDepthLimitIsHonoured) {
  Limits limits;
  limits.max_depth = 1000;
  std::string deep(900, '[');
  deep += std::string(900, ']');
  Value v;
  Diagnostics diags;
  EXPECT_TRUE(parse_json(deep, 1, limits, v, diags)) << (diags.empty() ? "" : diags[0].message);
}

TEST(JsonReader, NodeLimitIsEnforced) {
  Limits limits;
  limits.max_nodes = 10;
  Diagnostic d = parse_error("[1,2,3,4,5,6,7,8,9,10,11,12]", limits);
  EXPECT_EQ(d.code, "limit.nodes");
  Value v;
  Diagnostics diags;
  EXPECT_TRUE(parse_json("[1,2,3,4,5,6,7,8,9]", 1, limits, v, diags));
}

TEST(JsonReader, FileSizeLimitIsEnforced) {
  Limits limits;
  limits.max_file_bytes = 8;
  EXPECT_EQ(parse_error("[1, 2, 3, 4]", limits).code, "limit.size");
}

TEST(JsonReader, GiantStringsAreReadWhole) {
  std::string big(8u << 20, 'x');
  big[12345] = 'y';
  Value v = parse_ok("{\"blob\": \"" + big + "\", \"after\": 1}");
  ASSERT_EQ(v.find("blob")->as_string().size(), big.size());
  EXPECT_EQ(v.find("blob")->as_string()[12345], 'y');
  EXPECT_EQ(v.as_map()[1].key_span.col, big.size() + 14);
}

TEST(JsonReader, ParserIsReusableAfterAnError) {
  parse_error("{\"a\": [");
  Value v = parse_ok("{\"b\": [true]}");
  EXPECT_TRUE(v.at_path("b.0")->as_bool());
}

}  // namespace
}  // namespace cc::collect
