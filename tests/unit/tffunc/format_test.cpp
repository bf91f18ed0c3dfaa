// format() and formatlist().
#include "tffunc_test_util.h"

namespace cc::terraform::test {
namespace {

using FormatFn = Fn;

TEST_F(FormatFn, BasicVerbs) {
  EXPECT_EQ(str("format", {S("Hi, %s!"), S("Ada")}), "Hi, Ada!");
  EXPECT_EQ(str("format", {S("%d buckets"), N(12)}), "12 buckets");
  EXPECT_EQ(str("format", {S("%03d|%-4d|%4d"), N(7), N(5), N(42)}), "007|5   |  42");
  EXPECT_EQ(str("format", {S("%.2f"), N(3.14159)}), "3.14");
  EXPECT_EQ(str("format", {S("%8.3f|"), N(-1.5)}), "  -1.500|");
  EXPECT_EQ(str("format", {S("%x %X %o %b"), N(255), N(255), N(8), N(5)}), "ff FF 10 101");
  EXPECT_EQ(str("format", {S("%#x"), N(255)}), "0xff");
  EXPECT_EQ(str("format", {S("%+d"), N(3)}), "+3");
  EXPECT_EQ(str("format", {S("%t"), B(true)}), "true");
  EXPECT_EQ(str("format", {S("%q"), S("a\"b")}), "\"a\\\"b\"");
  EXPECT_EQ(str("format", {S("100%%")}), "100%");
  EXPECT_EQ(str("format", {S("%e"), N(1234.5)}), "1.234500e+03");
  EXPECT_EQ(str("format", {S("%g|%g"), N(0.5), N(1234567)}), "0.5|1.234567e+06");
}

TEST_F(FormatFn, DefaultFormatting) {
  EXPECT_EQ(str("format", {S("%v %v %v"), S("x"), N(2), B(false)}), "x 2 false");
  EXPECT_EQ(str("format", {S("%v"), J(R"({"b":1,"a":[true]})")}), R"({"a":[true],"b":1})");
  EXPECT_EQ(str("format", {S("%#v"), S("s")}), "\"s\"");
  EXPECT_EQ(str("format", {S("%5s|%-5s|"), S("ab"), S("cd")}), "   ab|cd   |");
  EXPECT_EQ(str("format", {S("%.3s"), S("abcdef")}), "abc");
  EXPECT_EQ(str("format", {S("%.0s"), S("abc")}), "abc");
  EXPECT_EQ(str("format", {S("%.2q"), S("abc")}), "\"ab\"");
  EXPECT_EQ(str("format", {S("%05s|%-3v|"), S("ab"), S("x")}), "000ab|x  |");
  EXPECT_EQ(str("format", {S("%v|%v|%v"), N(1234567), N(0.00001), N(-2.5)}),
            "1.234567e+06|1e-05|-2.5");
  EXPECT_EQ(str("format", {S("%v"), Value::null()}), "null");
  EXPECT_EQ(str("format", {S("%t"), S("true")}), "true");
}

TEST_F(FormatFn, ExplicitArgumentIndexes) {
  EXPECT_EQ(str("format", {S("%[2]s-%[1]s"), S("a"), S("b")}), "b-a");
  EXPECT_EQ(str("format", {S("%[1]s %[1]s"), S("x")}), "x x");
}

TEST_F(FormatFn, Errors) {
  EXPECT_TRUE(fails("format", {S("%s %s"), S("only one")}));
  EXPECT_TRUE(fails("format", {S("%s"), S("a"), S("extra")}));
  EXPECT_TRUE(fails("format", {S("%d"), S("abc")}));
  EXPECT_TRUE(fails("format", {S("%d"), N(1.5)}));
  EXPECT_TRUE(fails("format", {S("%t"), N(1)}));
  EXPECT_TRUE(fails("format", {S("%y"), N(1)}));
  EXPECT_TRUE(fails("format", {S("%"), N(1)}));
  EXPECT_TRUE(fails("format", {S("%99999999999d"), N(1)}));
  EXPECT_TRUE(fails("format", {S("%s"), J("[1]")}));
  EXPECT_TRUE(fails("format", {S("%s"), Value::null()}));
  EXPECT_TRUE(fails("format", {S("%t"), S("yes")}));
}

TEST_F(FormatFn, UnknownArgumentMakesTheResultUnknown) {
  EXPECT_TRUE(unknown("format", {S("%s-%s"), S("a"), U("aws_s3_bucket.b.id")}));
}

TEST_F(FormatFn, FormatlistRepeatsScalarsAcrossLists) {
  EXPECT_EQ(eval("formatlist", {S("%s@%s"), J(R"(["a","b"])"), S("example.org")}),
            R"(["a@example.org","b@example.org"])");
  EXPECT_EQ(eval("formatlist", {S("%s=%d"), J(R"(["x","y"])"), J("[1,2]")}), R"(["x=1","y=2"])");
  EXPECT_EQ(eval("formatlist", {S("%s"), S("one")}), R"(["one"])");
  EXPECT_TRUE(fails("formatlist", {S("%s%s"), J(R"(["a"])"), J(R"(["b","c"])")}));
}

TEST_F(FormatFn, FormatlistKeepsKnownRows) {
  List items{S("a"), U("x.id")};
  auto r = call("formatlist", {S("id-%s"), Value::list(items)});
  ASSERT_TRUE(r);
  ASSERT_EQ(r->as_list().size(), 2u);
  EXPECT_EQ(r->as_list()[0].as_string(), "id-a");
  EXPECT_TRUE(r->as_list()[1].is_unknown());
  EXPECT_TRUE(unknown("formatlist", {S("%s"), U()}));
}

}  // namespace
}  // namespace cc::terraform::test
