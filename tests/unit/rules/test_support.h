#pragma once
// Shared fixtures for the rule-stage tests: a small schema and YAML-built resources.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "collect/doc/yaml_reader.h"
#include "model/base/schema.h"
#include "rules/expr.h"

namespace cc::rules::testing {

inline constexpr const char* kTypesSchema = R"(
types:
  iam.statement:
    fields:
      sid: {type: string}
      effect: {type: string}
      actions: {type: list<string>}
      not_actions: {type: list<string>}
      resources: {type: list<string>}
      not_resources: {type: list<string>}
      principals: {type: list<string>}
      conditions: {type: list<any>}
  test.sg_rule:
    fields:
      protocol: {type: string}
      from_port: {type: number}
      to_port: {type: number}
      cidrs: {type: list<string>}
)";

inline constexpr const char* kBucketSchema = R"(
kind: test.bucket
provider: aws
doc: A bucket for tests.
fields:
  name: {type: string}
  size: {type: number}
  public: {type: bool}
  encryption:
    type: object
    fields:
      enabled: {type: bool}
      algorithm: {type: string}
  tags: {type: map<string>}
  labels: {type: list<string>}
  ingress: {type: list<test.sg_rule>}
  policy:
    type: object
    fields:
      statements: {type: list<iam.statement>}
  extra: {type: any}
)";

inline const model::SchemaRegistry& registry() {
  static const model::SchemaRegistry reg = [] {
    model::SchemaRegistry r;
    Diagnostics diags;
    bool ok = r.load_text(kTypesSchema, 90, diags) && r.load_text(kBucketSchema, 91, diags) &&
              r.finish(diags);
    EXPECT_TRUE(ok) << (diags.empty() ? std::string() : diags[0].message);
    return r;
  }();
  return reg;
}

inline std::shared_ptr<const model::Type> bucket_type() {
  return registry().find("test.bucket")->type;
}

// The first document of a YAML text, for building resources tersely.
inline Value yaml(std::string_view text, uint32_t file = 7) {
  std::vector<Value> docs;
  Diagnostics diags;
  EXPECT_TRUE(collect::parse_yaml(text, file, collect::Limits{}, docs, diags));
  EXPECT_FALSE(docs.empty());
  return docs.empty() ? Value() : docs[0];
}

// Compiles against the test schema (or unchecked when `checked` is false); the test
// fails when it does not compile.
inline Expr compile_ok(std::string_view text, bool checked = true, bool require_bool = false) {
  CompileOptions options;
  if (checked) options.resource = bucket_type();
  options.require_bool = require_bool;
  auto r = Expr::compile(text, options);
  EXPECT_TRUE(r.has_value()) << text << ": " << (r ? "" : r.error().message);
  return r ? *r : Expr();
}

inline ExprError compile_error(std::string_view text, bool checked = true,
                               bool require_bool = false) {
  CompileOptions options;
  if (checked) options.resource = bucket_type();
  options.require_bool = require_bool;
  auto r = Expr::compile(text, options);
  EXPECT_FALSE(r.has_value()) << text << " compiled but should not";
  return r ? ExprError{} : r.error();
}

// Evaluates an unchecked expression against `resource`.
inline Truth test_on(std::string_view text, const Value& resource) {
  return compile_ok(text, false).test(resource);
}
inline Value eval_on(std::string_view text, const Value& resource) {
  return compile_ok(text, false).evaluate(resource);
}
inline Tri tri_of(std::string_view text, const Value& resource = Value::map()) {
  return test_on(text, resource).value;
}

}  // namespace cc::rules::testing
