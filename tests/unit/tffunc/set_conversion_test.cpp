// Set functions and type conversions.
#include "tffunc_test_util.h"

namespace cc::terraform::test {
namespace {

using SetFn = Fn;

TEST_F(SetFn, UnionIntersectionSubtract) {
  EXPECT_EQ(eval("setunion", {J(R"(["b","a"])"), J(R"(["c","a"])")}), R"(["a","b","c"])");
  EXPECT_EQ(
      eval("setintersection", {J(R"(["a","b","c"])"), J(R"(["b","c","d"])"), J(R"(["c","b"])")}),
      R"(["b","c"])");
  EXPECT_EQ(eval("setsubtract", {J(R"(["a","b","c"])"), J(R"(["a","c"])")}), R"(["b"])");
  EXPECT_EQ(eval("setunion", {J("[3,1]"), J("[2,1]")}), "[1,2,3]");
  EXPECT_TRUE(unknown("setunion", {J("[1]"), U()}));
}

TEST_F(SetFn, Product) {
  EXPECT_EQ(eval("setproduct", {J(R"(["dev","prod"])"), J(R"(["a","b"])")}),
            R"([["dev","a"],["dev","b"],["prod","a"],["prod","b"]])");
  EXPECT_EQ(eval("setproduct", {J(R"(["x"])"), J("[]")}), "[]");
}

TEST_F(SetFn, HugeProductIsAnError) {
  List big;
  for (int i = 0; i < 2000; ++i) big.push_back(N(i));
  Value b = Value::list(big);
  EXPECT_TRUE(fails("setproduct", {b, b, b}));
}

using ConversionFn = Fn;

TEST_F(ConversionFn, ToString) {
  EXPECT_EQ(str("tostring", {N(3)}), "3");
  EXPECT_EQ(str("tostring", {N(-0.125)}), "-0.125");
  EXPECT_EQ(str("tostring", {N(1e21)}), "1000000000000000000000");
  EXPECT_EQ(str("tostring", {B(true)}), "true");
  EXPECT_EQ(eval("tostring", {Value::null()}), "null");
  EXPECT_TRUE(fails("tostring", {J("[1]")}));
  auto r = call("tostring", {U("aws_s3_bucket.b.id")});
  ASSERT_TRUE(r && r->is_unknown());
  EXPECT_EQ(r->as_unknown().ref, "aws_s3_bucket.b.id");
}

TEST_F(ConversionFn, ToNumberAndBool) {
  EXPECT_EQ(eval("tonumber", {S("42")}), "42");
  EXPECT_EQ(eval("tonumber", {S("-1.5")}), "-1.5");
  EXPECT_EQ(eval("tonumber", {N(7)}), "7");
  EXPECT_TRUE(fails("tonumber", {S("4x")}));
  EXPECT_TRUE(fails("tonumber", {S("")}));
  EXPECT_EQ(eval("tobool", {S("true")}), "true");
  EXPECT_EQ(eval("tobool", {B(false)}), "false");
  EXPECT_EQ(eval("tobool", {Value::null()}), "null");
  EXPECT_TRUE(fails("tobool", {S("yes")}));
  EXPECT_TRUE(fails("tobool", {N(1)}));
}

TEST_F(ConversionFn, Collections) {
  EXPECT_EQ(eval("tolist", {J(R"(["a", 1, true])")}), R"(["a","1","true"])");
  EXPECT_EQ(eval("tolist", {J("[1, 2]")}), "[1,2]");
  EXPECT_TRUE(fails("tolist", {J("[1, true]")}));
  EXPECT_TRUE(fails("tolist", {J(R"({"a":1})")}));
  EXPECT_EQ(eval("toset", {J(R"(["c","a","c","b"])")}), R"(["a","b","c"])");
  EXPECT_EQ(eval("toset", {J(R"(["b", 1, "1"])")}), R"(["1","b"])");
  EXPECT_EQ(eval("tomap", {J(R"({"b":"x","a":1})")}), R"({"a":"1","b":"x"})");
  EXPECT_TRUE(fails("tomap", {J("[1]")}));
  EXPECT_TRUE(unknown("toset", {U()}));
}

}  // namespace
}  // namespace cc::terraform::test
