// Evaluations per second of realistic rule assertions over a realistic canonical
// resource (an S3 bucket with a policy, a security group with several rules).
#include <benchmark/benchmark.h>

#include <string>

#include "core/value.h"
#include "rules/expr.h"

namespace {

using cc::Value;

Value statement(const char* effect, std::initializer_list<const char*> actions,
                std::initializer_list<const char*> principals) {
  Value s = Value::map();
  s.set("effect", Value::string(effect));
  cc::List a;
  for (const char* x : actions) a.push_back(Value::string(x));
  s.set("actions", Value::list(std::move(a)));
  s.set("resources", Value::list({Value::string("arn:aws:s3:::logs/*")}));
  cc::List p;
  for (const char* x : principals) p.push_back(Value::string(x));
  s.set("principals", Value::list(std::move(p)));
  s.set("conditions", Value::list());
  return s;
}

Value bucket() {
  Value b = Value::map();
  b.set("name", Value::string("company-logs-prod", cc::Span{1, 4, 7}));
  b.set_path("encryption.enabled", Value::boolean(true, cc::Span{1, 8, 11}));
  b.set_path("encryption.algorithm", Value::string("aws:kms"));
  b.set_path("encryption.kms", Value::boolean(true));
  b.set_path("versioning.enabled", Value::boolean(true));
  b.set_path("logging.enabled", Value::boolean(false));
  b.set_path("public_access_block.block_public_acls", Value::boolean(true));
  b.set_path("public_access_block.block_public_policy", Value::boolean(true));
  b.set_path("public_access_block.ignore_public_acls", Value::boolean(true));
  b.set_path("public_access_block.restrict_public_buckets", Value::boolean(true));
  b.set_path(
      "policy.statements",
      Value::list({statement("Allow", {"s3:GetObject", "s3:ListBucket"},
                             {"AWS:arn:aws:iam::123456789012:root"}),
                   statement("Deny", {"s3:*"}, {"*"}),
                   statement("Allow", {"s3:PutObject"}, {"Service:logging.s3.amazonaws.com"})}));
  b.set_path("tags.env", Value::string("prod"));
  b.set_path("tags.owner", Value::string("platform"));
  cc::List ingress;
  for (int port : {22, 80, 443, 3389, 5432}) {
    Value r = Value::map();
    r.set("protocol", Value::string("tcp"));
    r.set("from_port", Value::number(port));
    r.set("to_port", Value::number(port));
    r.set("cidrs", Value::list({Value::string(port == 443 ? "0.0.0.0/0" : "10.0.0.0/8"),
                                Value::string("192.168.0.0/16")}));
    ingress.push_back(std::move(r));
  }
  b.set("ingress", Value::list(std::move(ingress)));
  return b;
}

void run(benchmark::State& state, const char* text) {
  auto expr = cc::rules::Expr::compile(text, {});
  if (!expr) {
    state.SkipWithError(expr.error().message.c_str());
    return;
  }
  const Value resource = bucket();
  for (auto _ : state) {
    cc::rules::Trace trace;
    auto truth = expr->test(resource, &trace);
    benchmark::DoNotOptimize(truth.value);
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_FieldAccess(benchmark::State& s) { run(s, "resource.encryption.enabled"); }
void BM_LogicAndComparison(benchmark::State& s) {
  run(s,
      "resource.encryption.enabled && resource.encryption.algorithm == 'aws:kms' && "
      "resource.versioning.enabled && resource.tags.env != 'dev'");
}
void BM_PublicAccessBlock(benchmark::State& s) {
  run(s,
      "resource.public_access_block.block_public_acls && "
      "resource.public_access_block.block_public_policy && "
      "resource.public_access_block.ignore_public_acls && "
      "resource.public_access_block.restrict_public_buckets");
}
void BM_IngressOpenToInternet(benchmark::State& s) {
  run(s,
      "!resource.ingress.exists(r, portRangeIncludes(r.from_port, r.to_port, 22) && "
      "r.cidrs.exists(c, openToInternet(c)))");
}
void BM_IamPublicPrincipal(benchmark::State& s) {
  run(s, "!iamPublicPrincipal(resource.policy.statements)");
}
void BM_IamAllows(benchmark::State& s) {
  run(s, "!iamAllows(resource.policy.statements, 's3:DeleteObject', 'arn:aws:s3:::logs/key')");
}
void BM_RegexLiteral(benchmark::State& s) {
  run(s, "resource.name.matches('^[a-z0-9-]+-(prod|stage)$')");
}

BENCHMARK(BM_FieldAccess);
BENCHMARK(BM_LogicAndComparison);
BENCHMARK(BM_PublicAccessBlock);
BENCHMARK(BM_IngressOpenToInternet);
BENCHMARK(BM_IamPublicPrincipal);
BENCHMARK(BM_IamAllows);
BENCHMARK(BM_RegexLiteral);

}  // namespace

BENCHMARK_MAIN();
