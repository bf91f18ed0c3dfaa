// Operators, macros and built-in functions, including three-valued cases.
#include <gtest/gtest.h>

#include <thread>

#include "test_support.h"

namespace cc::rules {
namespace {

using namespace testing;

// A resource with an unknown attribute (a template parameter without a default).
Value resource_with_unknown() {
  Value r = yaml(R"(
name: logs
size: 3
public: false
labels: [a, b]
tags: {env: prod, Owner: ops}
encryption: {enabled: true, algorithm: AES256}
ingress:
  - {protocol: tcp, from_port: 22, to_port: 22, cidrs: [10.0.0.0/8]}
  - {protocol: tcp, from_port: 443, to_port: 443, cidrs: [0.0.0.0/0]}
)");
  r.set("mystery", Value::unknown("depends on parameter BucketName, which has no default"));
  r.set("mixed", Value::list({Value::boolean(false), Value::unknown("u1")}));
  r.set("mixed_true", Value::list({Value::boolean(true), Value::unknown("u2")}));
  return r;
}

TEST(Eval, LiteralsAndArithmetic) {
  Value r = Value::map();
  EXPECT_EQ(eval_on("7 % 4", r).as_number(), 3);
  EXPECT_EQ(eval_on("10 / 4", r).as_number(), 2.5);
  EXPECT_EQ(eval_on("10 - 4 - 3", r).as_number(), 3);
  EXPECT_EQ(eval_on("'ab' + 'cd'", r).as_string(), "abcd");
  EXPECT_EQ(eval_on("[1] + [2, 3]", r).as_list().size(), 3u);
  EXPECT_TRUE(eval_on("null", r).is_null());
  EXPECT_EQ(eval_on("{'a': 1}.a", r).as_number(), 1);
  EXPECT_EQ(eval_on("[10, 20][1]", r).as_number(), 20);
  EXPECT_TRUE(eval_on("[10, 20][5]", r).is_null());
}

TEST(Eval, RuntimeTypeErrorsAreUndecidedWithAReason) {
  Value r = yaml("{s: text, n: 1, b: true}");
  Truth t = test_on("resource.s < resource.n", r);
  EXPECT_EQ(t.value, Tri::Unknown);
  EXPECT_NE(t.reason.find("cannot compare string with number"), std::string::npos);
  EXPECT_EQ(tri_of("size(resource.b) == 1", r), Tri::Unknown);
  EXPECT_NE(test_on("size(resource.b) == 1", r).reason.find("size()"), std::string::npos);
  EXPECT_EQ(tri_of("1 / 0 == 1"), Tri::Unknown);
  EXPECT_EQ(tri_of("resource.s && true", r), Tri::Unknown);
  EXPECT_TRUE(eval_on("resource.s.x", r).is_unknown());
  EXPECT_EQ(eval_on("resource.s.x", r).as_unknown().reason.rfind("error: ", 0), 0u);
  // An error behaves like unknown in logic: the other side can still decide.
  EXPECT_EQ(tri_of("resource.s < 1 || true", r), Tri::True);
  EXPECT_EQ(tri_of("false && resource.s < 1", r), Tri::False);
}

TEST(Eval, EqualityIsHeterogeneousAndDeep) {
  Value r = yaml("{a: [1, {b: x}], n: 2}");
  EXPECT_EQ(tri_of("resource.a == [1, {'b': 'x'}]", r), Tri::True);
  EXPECT_EQ(tri_of("resource.a != [1, {'b': 'y'}]", r), Tri::True);
  EXPECT_EQ(tri_of("resource.n == '2'", r), Tri::False);
  EXPECT_EQ(tri_of("resource.missing == null", r), Tri::True);
  EXPECT_EQ(tri_of("resource.n != null", r), Tri::True);
  EXPECT_EQ(tri_of("'b' < 'c' && 2 <= 2 && 3 > 2 && 3 >= 4 == false", r), Tri::True);
}

TEST(Eval, AbsentFieldsReadAsNullAndHasTellsPresence) {
  Value r = yaml("{a: {b: 1, c: null}}");
  EXPECT_TRUE(eval_on("resource.x.y.z", r).is_null());
  EXPECT_EQ(tri_of("has(resource.a.b)", r), Tri::True);
  EXPECT_EQ(tri_of("has(resource.a.c)", r), Tri::False);  // present but null
  EXPECT_EQ(tri_of("has(resource.a.d)", r), Tri::False);
  EXPECT_EQ(tri_of("has(resource.x.y)", r), Tri::False);
  Value u = resource_with_unknown();
  EXPECT_EQ(tri_of("has(resource.mystery.x)", u), Tri::Unknown);
}

TEST(Eval, ThreeValuedLogic) {
  Value r = resource_with_unknown();
  EXPECT_EQ(tri_of("false && resource.mystery", r), Tri::False);
  EXPECT_EQ(tri_of("resource.mystery && false", r), Tri::False);
  EXPECT_EQ(tri_of("true && resource.mystery", r), Tri::Unknown);
  EXPECT_EQ(tri_of("true || resource.mystery", r), Tri::True);
  EXPECT_EQ(tri_of("resource.mystery || true", r), Tri::True);
  EXPECT_EQ(tri_of("false || resource.mystery", r), Tri::Unknown);
  EXPECT_EQ(tri_of("!resource.mystery", r), Tri::Unknown);
  EXPECT_EQ(tri_of("resource.mystery == 'x'", r), Tri::Unknown);
  EXPECT_EQ(tri_of("resource.mystery.deeper == 'x'", r), Tri::Unknown);
  EXPECT_EQ(tri_of("(resource.mystery ? true : false)", r), Tri::Unknown);
  EXPECT_EQ(tri_of("size(resource.mystery) > 0", r), Tri::Unknown);
  Truth t = test_on("resource.mystery == 'x'", r);
  EXPECT_EQ(t.reason, "depends on parameter BucketName, which has no default");
}

TEST(Eval, MacrosAreThreeValued) {
  Value r = resource_with_unknown();
  EXPECT_EQ(tri_of("resource.mixed.exists(x, x)", r), Tri::Unknown);
  EXPECT_EQ(tri_of("resource.mixed_true.exists(x, x)", r), Tri::True);
  EXPECT_EQ(tri_of("resource.mixed.all(x, x)", r), Tri::False);
  EXPECT_EQ(tri_of("resource.mixed_true.all(x, x)", r), Tri::Unknown);
  EXPECT_EQ(tri_of("resource.mixed_true.exists_one(x, x)", r), Tri::Unknown);
  EXPECT_EQ(tri_of("[true, true, resource.mystery].exists_one(x, x)", r), Tri::False);
  EXPECT_EQ(tri_of("resource.mystery.all(x, x)", r), Tri::Unknown);
  EXPECT_EQ(tri_of("resource.mixed.filter(x, x).size() == 0", r), Tri::Unknown);
}

TEST(Eval, Macros) {
  Value r = resource_with_unknown();
  EXPECT_EQ(tri_of("resource.labels.all(l, l.size() == 1)", r), Tri::True);
  EXPECT_EQ(tri_of("resource.labels.exists(l, l == 'b')", r), Tri::True);
  EXPECT_EQ(tri_of("resource.labels.exists(l, l == 'z')", r), Tri::False);
  EXPECT_EQ(tri_of("resource.labels.exists_one(l, l != 'a')", r), Tri::True);
  EXPECT_EQ(tri_of("resource.labels.exists_one(l, l != 'z')", r), Tri::False);
  EXPECT_EQ(eval_on("resource.labels.map(l, l + '!')", r), yaml("['a!', 'b!']"));
  EXPECT_EQ(eval_on("resource.ingress.filter(i, i.from_port > 100).map(i, i.to_port)", r),
            yaml("[443]"));
  EXPECT_EQ(eval_on("resource.tags.filter(k, k.startsWith('e'))", r), yaml("[env]"));
  EXPECT_EQ(tri_of("resource.nothing.all(x, false)", r), Tri::True);  // absent list is empty
  EXPECT_EQ(tri_of("resource.ingress.exists(i, i.cidrs.exists(c, openToInternet(c)))", r),
            Tri::True);
  EXPECT_EQ(tri_of("[[1, 2], [3]].exists(a, a.exists(a, a == 3))", r), Tri::True);  // shadowing
  EXPECT_EQ(tri_of("resource.size.all(x, true)", r), Tri::Unknown);  // not a collection
}

TEST(Eval, InOnListsAndMapKeys) {
  Value r = resource_with_unknown();
  EXPECT_EQ(tri_of("'a' in resource.labels", r), Tri::True);
  EXPECT_EQ(tri_of("'z' in resource.labels", r), Tri::False);
  EXPECT_EQ(tri_of("'env' in resource.tags", r), Tri::True);
  EXPECT_EQ(tri_of("'prod' in resource.tags", r), Tri::False);
  EXPECT_EQ(tri_of("'x' in resource.absent", r), Tri::False);
  EXPECT_EQ(tri_of("true in resource.mixed", r), Tri::Unknown);
  EXPECT_EQ(tri_of("false in resource.mixed", r), Tri::True);
  EXPECT_EQ(tri_of("'x' in resource.mystery", r), Tri::Unknown);
  EXPECT_EQ(tri_of("'x' in resource.size", r), Tri::Unknown);
}

TEST(Eval, SizeAndStringMethods) {
  Value r = yaml("{s: 'Hello World', e: 'h\u00e9'}");
  EXPECT_EQ(eval_on("size(resource.s)", r).as_number(), 11);
  EXPECT_EQ(eval_on("resource.e.size()", r).as_number(), 2);  // code points, not bytes
  EXPECT_EQ(eval_on("size(resource.none)", r).as_number(), 0);
  EXPECT_EQ(eval_on("size({'a': 1, 'b': 2})", r).as_number(), 2);
  EXPECT_EQ(tri_of("resource.s.startsWith('Hell')", r), Tri::True);
  EXPECT_EQ(tri_of("resource.s.endsWith('World')", r), Tri::True);
  EXPECT_EQ(tri_of("resource.s.endsWith('Hello World!')", r), Tri::False);
  EXPECT_EQ(tri_of("resource.s.contains('o W')", r), Tri::True);
  EXPECT_EQ(tri_of("resource.s.matches('^H.*d$')", r), Tri::True);
  EXPECT_EQ(tri_of("resource.s.matches('orl')", r), Tri::True);  // search, not full match
  EXPECT_EQ(tri_of("resource.s.matches('^orl')", r), Tri::False);
  EXPECT_EQ(eval_on("resource.s.lowerAscii()", r).as_string(), "hello world");
  EXPECT_EQ(eval_on("resource.s.upperAscii()", r).as_string(), "HELLO WORLD");
  EXPECT_EQ(tri_of("resource.none.startsWith('a')", r), Tri::Unknown);
}

TEST(Eval, DynamicRegexCompiledAtEvaluation) {
  Value r = yaml("{s: abc123, p: '[0-9]+$', bad: '(('}");
  EXPECT_EQ(tri_of("resource.s.matches(resource.p)", r), Tri::True);
  Truth bad = test_on("resource.s.matches(resource.bad)", r);
  EXPECT_EQ(bad.value, Tri::Unknown);
  EXPECT_NE(bad.reason.find("invalid pattern"), std::string::npos);
}

TEST(Eval, DomainHelpersInExpressions) {
  Value r = yaml("{cidr: 10.1.0.0/16, bad: 10.1.0.0/33, from: 20, to: 25}");
  EXPECT_EQ(tri_of("openToInternet('0.0.0.0/0')"), Tri::True);
  EXPECT_EQ(tri_of("openToInternet('::/0')"), Tri::True);
  EXPECT_EQ(tri_of("openToInternet(['10.0.0.0/8', '::/0'])"), Tri::True);
  EXPECT_EQ(tri_of("openToInternet(resource.none)", r), Tri::False);
  EXPECT_EQ(tri_of("openToInternet(resource.bad)", r), Tri::Unknown);
  EXPECT_NE(test_on("isPrivateCidr(resource.bad)", r).reason.find("not a valid CIDR"),
            std::string::npos);
  EXPECT_EQ(tri_of("cidrContains('10.0.0.0/8', resource.cidr)", r), Tri::True);
  EXPECT_EQ(tri_of("isPrivateCidr(resource.cidr)", r), Tri::True);
  EXPECT_EQ(tri_of("portRangeIncludes(resource.from, resource.to, 22)", r), Tri::True);
  EXPECT_EQ(tri_of("portRangeIncludes(resource.from, resource.to, 26)", r), Tri::False);
  EXPECT_EQ(tri_of("portRangeIncludes(-1, -1, 3389)", r), Tri::True);
  EXPECT_EQ(tri_of("portRangeIncludes(resource.none, 25, 22)", r), Tri::Unknown);
  EXPECT_EQ(tri_of("portRangesOverlap(20, 25, 25, 30)", r), Tri::True);
  EXPECT_EQ(tri_of("portRangesOverlap(20, 24, 25, 30)", r), Tri::False);
  EXPECT_EQ(tri_of("portRangesOverlap(-1, -1, 25, 30)", r), Tri::True);
  EXPECT_EQ(tri_of("globMatch('arn:aws:s3:::log-*', 'ARN:aws:s3:::LOG-2024')"), Tri::True);
  EXPECT_EQ(tri_of("globMatch('s3:Get?bject', 's3:GetObject')"), Tri::True);
  EXPECT_EQ(tri_of("globMatch('s3:Get?bject', 's3:GetObjects')"), Tri::False);
}

TEST(Eval, TraceRecordsTheDeepestPositionedValueRead) {
  Value r = yaml(R"(name: a
encryption:
  enabled: false
  algorithm: AES256
ingress:
  - {from_port: 22, cidrs: [10.0.0.0/8]}
  - {from_port: 3389, cidrs: [0.0.0.0/0]}
)");
  Trace trace;
  EXPECT_EQ(compile_ok("resource.name == 'a' && resource.encryption.enabled", false)
                .test(r, &trace)
                .value,
            Tri::False);
  EXPECT_EQ(trace.span.line, 3u);
  EXPECT_EQ(trace.span.col, 12u);
  Trace t2;
  EXPECT_EQ(compile_ok("resource.ingress.all(i, !i.cidrs.exists(c, openToInternet(c)))", false)
                .test(r, &t2)
                .value,
            Tri::False);
  EXPECT_EQ(t2.span.line, 7u);  // the element that decided
  Trace t3;
  EXPECT_EQ(compile_ok("resource.missing.deep == null", false).test(r, &t3).value, Tri::True);
  EXPECT_FALSE(t3.span.known());
}

TEST(Eval, ConcurrentEvaluationSharesOneCompiledExpression) {
  Expr e = compile_ok(
      "resource.labels.exists(l, l.matches(resource.pattern)) && size(resource.labels) == 2",
      false);
  Value yes = yaml("{labels: [abc, xyz], pattern: '^x'}");
  Value no = yaml("{labels: [abc, def], pattern: '^x'}");
  std::vector<std::thread> threads;
  std::vector<int> wrong(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 500; ++i) {
        if (e.test(yes).value != Tri::True) ++wrong[t];
        if (e.test(no).value != Tri::False) ++wrong[t];
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int w : wrong) EXPECT_EQ(w, 0);
}

}  // namespace
}  // namespace cc::rules
