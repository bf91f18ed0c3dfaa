// Collection functions and how they treat unknown elements.
#include "tffunc_test_util.h"

namespace cc::terraform::test {
namespace {

using CollectionFn = Fn;

TEST_F(CollectionFn, LengthOfCollections) {
  EXPECT_EQ(eval("length", {J("[1,2,3]")}), "3");
  EXPECT_EQ(eval("length", {J(R"({"a":1,"b":2})")}), "2");
  EXPECT_EQ(eval("length", {Value::list({U(), U()})}), "2");
  EXPECT_TRUE(unknown("length", {U()}));
  EXPECT_TRUE(fails("length", {N(3)}));
  EXPECT_TRUE(fails("length", {Value::null()}));
}

TEST_F(CollectionFn, AlltrueAnytrue) {
  EXPECT_EQ(eval("alltrue", {J("[true, true]")}), "true");
  EXPECT_EQ(eval("alltrue", {J("[]")}), "true");
  EXPECT_EQ(eval("alltrue", {J(R"([true, "false"])")}), "false");
  EXPECT_EQ(eval("anytrue", {J("[false, true]")}), "true");
  EXPECT_EQ(eval("anytrue", {J("[]")}), "false");
  // A known false decides alltrue even next to an unknown; otherwise it is unknown.
  EXPECT_EQ(eval("alltrue", {Value::list({U(), B(false)})}), "false");
  EXPECT_TRUE(unknown("alltrue", {Value::list({U(), B(true)})}));
  EXPECT_EQ(eval("anytrue", {Value::list({U(), B(true)})}), "true");
  EXPECT_TRUE(unknown("anytrue", {Value::list({U(), B(false)})}));
  EXPECT_TRUE(fails("alltrue", {J("[1]")}));
}

TEST_F(CollectionFn, Chunklist) {
  EXPECT_EQ(eval("chunklist", {J(R"(["a","b","c","d","e"])"), N(2)}),
            R"([["a","b"],["c","d"],["e"]])");
  EXPECT_EQ(eval("chunklist", {J("[1,2]"), N(0)}), "[[1,2]]");
  EXPECT_EQ(eval("chunklist", {J("[]"), N(3)}), "[]");
  EXPECT_EQ(eval("chunklist", {J("[]"), N(0)}), "[]");
  EXPECT_TRUE(fails("chunklist", {J("[1]"), N(-1)}));
}

TEST_F(CollectionFn, CoalesceSkipsNullAndEmpty) {
  EXPECT_EQ(eval("coalesce", {Value::null(), S(""), S("b"), S("c")}), R"("b")");
  EXPECT_EQ(eval("coalesce", {N(1), N(2)}), "1");
  EXPECT_TRUE(fails("coalesce", {Value::null(), S("")}));
  auto r = call("coalesce", {Value::null(), U("aws_kms_key.k.arn"), S("fallback")});
  ASSERT_TRUE(r && r->is_unknown());
  EXPECT_EQ(r->as_unknown().ref, "aws_kms_key.k.arn");
  EXPECT_EQ(eval("coalescelist", {J("[]"), J(R"(["x"])"), J(R"(["y"])")}), R"(["x"])");
  EXPECT_TRUE(fails("coalescelist", {J("[]"), J("[]")}));
}

TEST_F(CollectionFn, CompactConcatContains) {
  EXPECT_EQ(eval("compact", {J(R"(["a","",null,"b"])")}), R"(["a","b"])");
  EXPECT_EQ(eval("concat", {J(R"(["a"])"), J("[]"), J(R"(["b","c"])")}), R"(["a","b","c"])");
  EXPECT_EQ(eval("concat", {J("[1]"), Value::list({U()})}), "[1,<unknown>]");
  EXPECT_TRUE(unknown("concat", {J("[1]"), U()}));
  EXPECT_EQ(eval("contains", {J(R"(["a","b"])"), S("b")}), "true");
  EXPECT_EQ(eval("contains", {J(R"(["a","b"])"), S("z")}), "false");
  EXPECT_EQ(eval("contains", {J(R"([{"k":1,"j":2}])"), J(R"({"j":2,"k":1})")}), "true");
  EXPECT_EQ(eval("contains", {Value::list({U(), S("b")}), S("b")}), "true");
  EXPECT_TRUE(unknown("contains", {Value::list({U(), S("b")}), S("z")}));
}

TEST_F(CollectionFn, DistinctElementIndex) {
  EXPECT_EQ(eval("distinct", {J(R"(["b","a","b","c","a"])")}), R"(["b","a","c"])");
  EXPECT_EQ(eval("element", {J(R"(["a","b","c"])"), N(1)}), R"("b")");
  EXPECT_EQ(eval("element", {J(R"(["a","b","c"])"), N(5)}), R"("c")");
  EXPECT_TRUE(fails("element", {J("[]"), N(0)}));
  EXPECT_EQ(eval("element", {J(R"(["a","b","c"])"), N(-1)}), R"("c")");
  EXPECT_EQ(eval("element", {J(R"(["a","b","c"])"), N(-4)}), R"("c")");
  auto r = call("element", {Value::list({S("a"), U("aws_subnet.s.id")}), N(1)});
  ASSERT_TRUE(r && r->is_unknown());
  EXPECT_EQ(r->as_unknown().ref, "aws_subnet.s.id");
  EXPECT_EQ(eval("index", {J(R"(["a","b","c"])"), S("c")}), "2");
  EXPECT_TRUE(fails("index", {J(R"(["a"])"), S("z")}));
}

TEST_F(CollectionFn, FlattenIsRecursive) {
  EXPECT_EQ(eval("flatten", {J(R"([["a","b"],[],["c",["d"]]])")}), R"(["a","b","c","d"])");
  EXPECT_EQ(eval("flatten", {J(R"([{"k":1},[{"k":2}]])")}), R"([{"k":1},{"k":2}])");
}

TEST_F(CollectionFn, DeepFlattenIsAnErrorNotACrash) {
  // Just past the nesting limit, and moved rather than copied: copying a value this
  // deep recurses as deep, which is not what this test is about.
  Value deep = Value::list({S("leaf")});
  for (int i = 0; i < 1100; ++i) {
    List wrapper;
    wrapper.push_back(std::move(deep));
    deep = Value::list(std::move(wrapper));
  }
  std::vector<Value> args;
  args.push_back(std::move(deep));
  EXPECT_TRUE(fails("flatten", std::move(args)));
}

TEST_F(CollectionFn, KeysValuesLookup) {
  Value m = J(R"({"zone":"b","app":"a","env":"c"})");
  EXPECT_EQ(eval("keys", {m}), R"(["app","env","zone"])");
  EXPECT_EQ(eval("values", {m}), R"(["a","c","b"])");
  EXPECT_EQ(eval("lookup", {m, S("env")}), R"("c")");
  EXPECT_EQ(eval("lookup", {m, S("nope"), S("dflt")}), R"("dflt")");
  EXPECT_TRUE(fails("lookup", {m, S("nope")}));
  Value with_unknown = Value::map({Member{"arn", U("aws_iam_role.r.arn"), {}}});
  EXPECT_EQ(eval("keys", {with_unknown}), R"(["arn"])");
  auto r = call("lookup", {with_unknown, S("arn")});
  ASSERT_TRUE(r && r->is_unknown());
  EXPECT_EQ(r->as_unknown().ref, "aws_iam_role.r.arn");
}

TEST_F(CollectionFn, MatchkeysMergeOne) {
  EXPECT_EQ(
      eval("matchkeys", {J(R"(["i-1","i-2","i-3"])"), J(R"(["eu","us","eu"])"), J(R"(["eu"])")}),
      R"(["i-1","i-3"])");
  EXPECT_TRUE(fails("matchkeys", {J("[1,2]"), J("[1]"), J("[1]")}));
  EXPECT_EQ(eval("merge", {J(R"({"a":1,"b":2})"), J(R"({"b":3,"c":4})"), Value::null()}),
            R"({"a":1,"b":3,"c":4})");
  EXPECT_EQ(eval("merge", {}), "{}");
  EXPECT_TRUE(fails("merge", {J("[1]")}));
  EXPECT_EQ(eval("one", {J("[]")}), "null");
  EXPECT_EQ(eval("one", {J(R"(["only"])")}), R"("only")");
  EXPECT_TRUE(fails("one", {J("[1,2]")}));
}

TEST_F(CollectionFn, RangeFollowsTerraformRules) {
  EXPECT_EQ(eval("range", {N(3)}), "[0,1,2]");
  EXPECT_EQ(eval("range", {N(1), N(4)}), "[1,2,3]");
  EXPECT_EQ(eval("range", {N(4), N(1)}), "[4,3,2]");
  EXPECT_EQ(eval("range", {N(0), N(1), N(0.25)}), "[0,0.25,0.5,0.75]");
  EXPECT_EQ(eval("range", {N(0), N(5), N(-1)}), "[]");
  EXPECT_TRUE(fails("range", {N(0), N(5), N(0)}));
  EXPECT_TRUE(fails("range", {N(1e15)}));
  EXPECT_EQ(eval("length", {*call("range", {N(1024)})}), "1024");
}

TEST_F(CollectionFn, ReverseSliceSortSum) {
  EXPECT_EQ(eval("reverse", {J("[1,2,3]")}), "[3,2,1]");
  EXPECT_EQ(eval("slice", {J(R"(["a","b","c","d"])"), N(1), N(3)}), R"(["b","c"])");
  EXPECT_TRUE(fails("slice", {J("[1,2]"), N(1), N(3)}));
  EXPECT_TRUE(fails("slice", {J("[1,2]"), N(2), N(1)}));
  EXPECT_EQ(eval("sort", {J(R"(["e","d","a","x"])")}), R"(["a","d","e","x"])");
  EXPECT_EQ(eval("sort", {J("[10,9,1]")}), R"(["1","10","9"])");
  EXPECT_EQ(eval("sum", {J("[1,2.5,3]")}), "6.5");
  EXPECT_TRUE(fails("sum", {J("[]")}));
  EXPECT_TRUE(fails("sum", {J(R"(["x"])")}));
}

TEST_F(CollectionFn, TransposeAndZipmap) {
  EXPECT_EQ(eval("transpose", {J(R"({"a":["1","2"],"b":["2","3"]})")}),
            R"({"1":["a"],"2":["a","b"],"3":["b"]})");
  EXPECT_EQ(eval("zipmap", {J(R"(["b","a"])"), J("[2,1]")}), R"({"a":1,"b":2})");
  EXPECT_TRUE(fails("zipmap", {J(R"(["a"])"), J("[]")}));
  EXPECT_EQ(eval("zipmap", {J(R"(["k"])"), Value::list({U()})}), R"({"k":<unknown>})");
  EXPECT_TRUE(unknown("zipmap", {Value::list({U()}), J("[1]")}));
}

TEST_F(CollectionFn, UnknownArgumentsPropagate) {
  EXPECT_TRUE(unknown("distinct", {Value::list({U()})}));
  EXPECT_TRUE(unknown("sum", {Value::list({N(1), U()})}));
  EXPECT_TRUE(unknown("slice", {U(), N(0), N(1)}));
  EXPECT_TRUE(unknown("keys", {U()}));
  EXPECT_TRUE(unknown("merge", {J("{}"), U()}));
  EXPECT_EQ(eval("merge", {J(R"({"a":1})"), Value::map({Member{"b", U(), {}}})}),
            R"({"a":1,"b":<unknown>})");
}

}  // namespace
}  // namespace cc::terraform::test
