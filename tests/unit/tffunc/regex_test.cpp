// regex(), regexall() and replace().
#include "tffunc_test_util.h"

namespace cc::terraform::test {
namespace {

using RegexFn = Fn;

TEST_F(RegexFn, ResultShapeFollowsCaptureGroups) {
  EXPECT_EQ(eval("regex", {S("[a-z]+"), S("123abc456")}), R"("abc")");
  EXPECT_EQ(eval("regex", {S("(\\d+)-(\\d+)"), S("port 80-443")}), R"(["80","443"])");
  EXPECT_EQ(eval("regex", {S("(?P<user>\\w+)@(?P<host>[\\w.]+)"), S("ops@example.org")}),
            R"({"host":"example.org","user":"ops"})");
  EXPECT_EQ(eval("regex", {S("a(x)?b"), S("ab")}), "[null]");
  EXPECT_EQ(eval("regex", {S("(?<year>\\d{4})"), S("in 2024")}), R"({"year":"2024"})");
  EXPECT_EQ(eval("regex", {S("\\(?<x"), S("(?<x")}), R"("<x")");
}

TEST_F(RegexFn, Errors) {
  EXPECT_TRUE(fails("regex", {S("z+"), S("abc")}));
  EXPECT_TRUE(fails("regex", {S("(unclosed"), S("abc")}));
  EXPECT_TRUE(fails("regex", {S("(?P<n>a)(b)"), S("ab")}));
  // Backreferences are not RE2 syntax: an error, not a crash.
  EXPECT_TRUE(fails("regexall", {S("(a)\\1"), S("aa")}));
}

TEST_F(RegexFn, RegexallFindsEveryMatch) {
  EXPECT_EQ(eval("regexall", {S("[0-9]+"), S("a1b22c333")}), R"(["1","22","333"])");
  EXPECT_EQ(eval("regexall", {S("x"), S("abc")}), "[]");
  EXPECT_EQ(eval("regexall", {S("a*"), S("baaac")}), R"(["","aaa",""])");
  EXPECT_EQ(eval("regexall", {S("(\\w)=(\\d)"), S("a=1,b=2")}), R"([["a","1"],["b","2"]])");
}

TEST_F(RegexFn, ReplacePlainAndRegex) {
  EXPECT_EQ(str("replace", {S("1 + 2 + 3"), S("+"), S("-")}), "1 - 2 - 3");
  EXPECT_EQ(str("replace", {S("hello world"), S("/w.*d/"), S("there")}), "hello there");
  EXPECT_EQ(str("replace", {S("2024-05-01"), S("/(\\d+)-(\\d+)-(\\d+)/"), S("$3.$2.$1")}),
            "01.05.2024");
  EXPECT_EQ(str("replace", {S("key=val"), S("/(?P<k>\\w+)=(?P<v>\\w+)/"), S("${v}:${k}")}),
            "val:key");
  EXPECT_EQ(str("replace", {S("a.b"), S("/\\./"), S("$$")}), "a$b");
  EXPECT_EQ(str("replace", {S("abc"), S("/x*/"), S("-")}), "-a-b-c-");
  EXPECT_EQ(str("replace", {S("abc"), S(""), S("-")}), "-a-b-c-");
  EXPECT_EQ(str("replace", {S("a/b/c"), S("/"), S("_")}), "a_b_c");
  EXPECT_TRUE(fails("replace", {S("x"), S("/(/"), S("y")}));
}

}  // namespace
}  // namespace cc::terraform::test
