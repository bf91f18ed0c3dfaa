// Every function, given every combination of awkward arguments, returns a value or an
// error that names it: no crash, no exception, no unnamed failure.
#include "tffunc_test_util.h"

namespace cc::terraform::test {
namespace {

std::vector<Value> awkward_values() {
  return {Value::null(),
          S(""),
          S("10.0.0.0/8"),
          N(-0.5),
          N(1e300),
          B(true),
          J(R"([[1,"a"],{"k":null}])"),
          J(R"({"a":["x"],"b":{"c":1}})"),
          U("aws_s3_bucket.b.arn")};
}

TEST(TfFuncRobustness, EveryFunctionFailsCleanlyOnOddArguments) {
  FunctionContext ctx;
  auto pool = awkward_values();
  size_t calls = 0;
  for (std::string_view name : function_names()) {
    std::vector<std::vector<Value>> arg_lists{{}};
    for (const auto& a : pool) {
      arg_lists.push_back({a});
      for (const auto& b : pool) {
        arg_lists.push_back({a, b});
        for (const auto& c : pool) arg_lists.push_back({a, b, c});
      }
    }
    for (auto& args : arg_lists) {
      auto r = call_function(name, args, ctx);
      ++calls;
      if (!r) {
        EXPECT_TRUE(r.error().starts_with(std::string(name) + ":")) << name << " -> " << r.error();
      }
    }
  }
  EXPECT_GT(calls, 50'000u);
}

}  // namespace
}  // namespace cc::terraform::test
