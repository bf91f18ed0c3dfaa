// The function table, arity checks and the general unknown rule.
#include <algorithm>

#include "tffunc_test_util.h"

namespace cc::terraform::test {
namespace {

using RegistryFn = Fn;

TEST_F(RegistryFn, NamesAreSortedAndCoverTheFamilies) {
  auto names = function_names();
  EXPECT_TRUE(std::is_sorted(names.begin(), names.end()));
  EXPECT_EQ(std::adjacent_find(names.begin(), names.end()), names.end());
  for (std::string_view n :
       {"chomp", "format", "regexall", "setproduct", "base64gzip", "yamlencode", "parseint",
        "cidrsubnets", "toset", "uuidv5", "timecmp", "templatefile", "fileset", "one"}) {
    EXPECT_TRUE(is_function(n)) << n;
    EXPECT_NE(std::find(names.begin(), names.end(), n), names.end()) << n;
  }
  EXPECT_FALSE(is_function("try"));
  EXPECT_FALSE(is_function("no_such_function"));
  EXPECT_GE(names.size(), 110u);
}

TEST_F(RegistryFn, UnknownFunctionAndArity) {
  auto r = call("frobnicate", {});
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().find("frobnicate"), std::string::npos);
  auto a = call("upper", {});
  ASSERT_FALSE(a);
  EXPECT_EQ(a.error(), "upper: expects 1 argument, got 0");
  EXPECT_TRUE(fails("lookup", {J("{}")}));
  EXPECT_TRUE(fails("lookup", {J("{}"), S("a"), S("b"), S("c")}));
  auto v = call("range", {});
  ASSERT_FALSE(v);
  EXPECT_EQ(v.error(), "range: expects 1 to 3 arguments, got 0");
  auto w = call("coalesce", {});
  ASSERT_FALSE(w);
  EXPECT_EQ(w.error(), "coalesce: expects at least 1 argument, got 0");
}

TEST_F(RegistryFn, NamespacedSpellingWorks) {
  EXPECT_EQ(str("core::upper", {S("x")}), "X");
  EXPECT_TRUE(is_function("core::upper"));
}

TEST_F(RegistryFn, SensitivityFunctionsPassValuesThrough) {
  EXPECT_EQ(str("sensitive", {S("hunter2")}), "hunter2");
  EXPECT_EQ(eval("nonsensitive", {J("[1]")}), "[1]");
  auto r = call("sensitive", {U("aws_db_instance.d.password")});
  ASSERT_TRUE(r && r->is_unknown());
  EXPECT_EQ(r->as_unknown().ref, "aws_db_instance.d.password");
  EXPECT_TRUE(unknown("issensitive", {S("x")}));
  EXPECT_TRUE(unknown("rsadecrypt", {S("Y2lwaGVy"), S("key")}));
}

TEST_F(RegistryFn, TemplatestringUsesTheRenderer) {
  EXPECT_TRUE(unknown("templatestring", {S("Hi ${n}"), J(R"({"n":"x"})")}));
  ctx.render_template = [](std::string_view text, const std::string& path, const Value& vars) {
    return Value::string(std::string(text) + "|" + path + "|" + vars.find("n")->as_string());
  };
  EXPECT_EQ(str("templatestring", {S("Hi ${n}"), J(R"({"n":"x"})")}), "Hi ${n}||x");
  EXPECT_TRUE(fails("templatestring", {S("t"), J("[1]")}));
  EXPECT_TRUE(unknown("templatestring", {U(), J("{}")}));
}

TEST_F(RegistryFn, AnyUnknownArgumentGivesAnUnknownResult) {
  auto r = call("upper", {U("aws_s3_bucket.b.id")});
  ASSERT_TRUE(r && r->is_unknown());
  EXPECT_NE(r->as_unknown().reason.find("upper"), std::string::npos);
  EXPECT_TRUE(unknown("join", {S(","), Value::list({S("a"), U()})}));
  EXPECT_TRUE(unknown("cidrsubnet", {U(), N(4), N(1)}));
  EXPECT_TRUE(unknown("sha256", {U()}));
  EXPECT_TRUE(unknown("file", {U()}));
  EXPECT_TRUE(unknown("formatdate", {S("YYYY"), U()}));
  EXPECT_TRUE(unknown("jsondecode", {U()}));
  EXPECT_TRUE(unknown("regex", {S("a"), U()}));
}

TEST_F(RegistryFn, HostileInputsAreErrors) {
  EXPECT_TRUE(fails("range", {N(0), N(1e12), N(1)}));
  EXPECT_TRUE(fails("cidrsubnet", {S("10.0.0.0/8"), N(1e18), N(1)}));
  EXPECT_TRUE(fails("regex", {S("a{1001}{1001}"), S("a")}));
  EXPECT_TRUE(fails("format", {S("%1000001s"), S("x")}));
  EXPECT_TRUE(fails("indent", {N(1e9), S("a\nb")}));
  EXPECT_TRUE(fails("substr", {S("x"), N(1e300), N(1)}));
}

}  // namespace
}  // namespace cc::terraform::test
