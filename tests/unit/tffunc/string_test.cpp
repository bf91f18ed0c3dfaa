// String functions: case, trimming, splitting, substrings, Unicode characters.
#include "tffunc_test_util.h"

namespace cc::terraform::test {
namespace {

using StringFn = Fn;

TEST_F(StringFn, CaseMappingCoversAsciiAndOtherAlphabets) {
  EXPECT_EQ(str("upper", {S("web-01")}), "WEB-01");
  EXPECT_EQ(str("lower", {S("PROD Stack")}), "prod stack");
  EXPECT_EQ(str("upper", {S("grüße")}), "GRÜßE");
  EXPECT_EQ(str("lower", {S("ПРИВЕТ")}), "привет");
  EXPECT_EQ(str("upper", {S("αβγ")}), "ΑΒΓ");
  EXPECT_EQ(str("title", {S("data lake_zone-eu west")}), "Data Lake_zone-Eu West");
  EXPECT_EQ(str("title", {S("élan vital\u2014über")}), "Élan Vital\u2014über");
}

TEST_F(StringFn, NumbersConvertToText) {
  EXPECT_EQ(str("upper", {N(42)}), "42");
  EXPECT_EQ(str("trimspace", {N(1.5)}), "1.5");
}

TEST_F(StringFn, ChompRemovesAllTrailingNewlines) {
  EXPECT_EQ(str("chomp", {S("line\n")}), "line");
  EXPECT_EQ(str("chomp", {S("line\r\n\n")}), "line");
  EXPECT_EQ(str("chomp", {S("a\nb")}), "a\nb");
}

TEST_F(StringFn, Trimming) {
  EXPECT_EQ(str("trimspace", {S("\t  bucket \n")}), "bucket");
  EXPECT_EQ(str("trimspace", {S("\u00a0x\u3000")}), "x");
  EXPECT_EQ(str("trim", {S("**note**"), S("*")}), "note");
  EXPECT_EQ(str("trim", {S("?!ok!?"), S("!?")}), "ok");
  EXPECT_EQ(str("trimprefix", {S("arn:aws:s3"), S("arn:")}), "aws:s3");
  EXPECT_EQ(str("trimprefix", {S("arn:aws:s3"), S("xyz")}), "arn:aws:s3");
  EXPECT_EQ(str("trimsuffix", {S("logs.txt"), S(".txt")}), "logs");
}

TEST_F(StringFn, PrefixSuffixContains) {
  EXPECT_EQ(eval("startswith", {S("https://example.org"), S("https:")}), "true");
  EXPECT_EQ(eval("startswith", {S("http://example.org"), S("https:")}), "false");
  EXPECT_EQ(eval("endswith", {S("key.pem"), S(".pem")}), "true");
  EXPECT_EQ(eval("strcontains", {S("private-subnet"), S("sub")}), "true");
  EXPECT_EQ(eval("strcontains", {S("private-subnet"), S("public")}), "false");
}

TEST_F(StringFn, SplitAndJoin) {
  EXPECT_EQ(eval("split", {S(","), S("a,b,,c")}), R"(["a","b","","c"])");
  EXPECT_EQ(eval("split", {S(","), S("")}), R"([""])");
  EXPECT_EQ(eval("split", {S("::"), S("x::y")}), R"(["x","y"])");
  EXPECT_EQ(str("join", {S("-"), J(R"(["a","b","c"])")}), "a-b-c");
  EXPECT_EQ(str("join", {S(", "), J(R"(["a"])"), J(R"(["b",3])")}), "a, b, 3");
  EXPECT_EQ(str("join", {S(","), J("[]")}), "");
  EXPECT_TRUE(fails("join", {S(","), J(R"([["nested"]])")}));
  EXPECT_TRUE(fails("join", {S(","), S("not a list")}));
}

TEST_F(StringFn, StrrevKeepsCombiningMarksWithTheirLetter) {
  EXPECT_EQ(str("strrev", {S("abc")}), "cba");
  EXPECT_EQ(str("strrev", {S("ne\u0301e")}), "ee\u0301n");
  EXPECT_EQ(str("strrev", {S("x🙂y")}), "y🙂x");
}

TEST_F(StringFn, SubstrCountsCharacters) {
  EXPECT_EQ(str("substr", {S("terraform"), N(1), N(4)}), "erra");
  EXPECT_EQ(str("substr", {S("🙂🙃😀"), N(1), N(1)}), "🙃");
  EXPECT_EQ(str("substr", {S("bucket-name"), N(-4), N(-1)}), "name");
  EXPECT_EQ(str("substr", {S("short"), N(2), N(100)}), "ort");
  EXPECT_EQ(str("substr", {S("short"), N(10), N(2)}), "");
  EXPECT_EQ(str("substr", {S("short"), N(-10), N(2)}), "sh");
  EXPECT_EQ(str("substr", {S("short"), N(1), N(0)}), "hort");
  EXPECT_TRUE(fails("substr", {S("short"), N(1.5), N(2)}));
}

TEST_F(StringFn, IndentSkipsTheFirstLine) {
  EXPECT_EQ(str("indent", {N(2), S("a\nb\nc")}), "a\n  b\n  c");
  EXPECT_EQ(str("indent", {N(4), S("single")}), "single");
  EXPECT_TRUE(fails("indent", {N(-1), S("x")}));
}

TEST_F(StringFn, LengthOfStringCountsCharacters) {
  EXPECT_EQ(eval("length", {S("héllo")}), "5");
  EXPECT_EQ(eval("length", {S("👍🏽")}), "1");
  EXPECT_EQ(eval("length", {S("")}), "0");
}

TEST_F(StringFn, WrongTypesAreErrorsWithTheFunctionName) {
  auto r = call("upper", {J("[1]")});
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().find("upper:"), std::string::npos);
  EXPECT_NE(r.error().find("must be a string"), std::string::npos);
  EXPECT_TRUE(fails("lower", {Value::null()}));
}

}  // namespace
}  // namespace cc::terraform::test
