#pragma once
// Test support for the AWS adapters: raw CloudFormation resources written as a small
// YAML `Resources` map, with the intrinsics the adapters care about turned into what
// the CloudFormation collector hands over (an unknown naming its target). Schema checks
// and lookups come from ../common/schema_check.h.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "../common/schema_check.h"
#include "collect/doc/yaml_reader.h"
#include "model/aws/aws.h"

namespace cc::test {

// {"!Ref": X} or {Ref: X} -> unknown(ref X); {"!GetAtt": "A.B"} or {"Fn::GetAtt": [A, B]}
// -> unknown(ref "A.B"); {"!Unknown": reason} -> unknown without a reference, as for a
// parameter that has no value.
inline void resolve_intrinsics(Value& v) {
  if (v.is_list()) {
    for (auto& item : v.as_list()) resolve_intrinsics(item);
    return;
  }
  if (!v.is_map()) return;
  if (v.as_map().size() == 1) {
    const Member& m = v.as_map().front();
    const Value& arg = m.value;
    if ((m.key == "!Ref" || m.key == "Ref") && arg.is_string()) {
      v = Value::unknown("reference", v.span(), arg.as_string());
      return;
    }
    if (m.key == "!GetAtt" && arg.is_string()) {
      v = Value::unknown("attribute", v.span(), arg.as_string());
      return;
    }
    if (m.key == "Fn::GetAtt" && arg.is_list() && arg.as_list().size() == 2) {
      v = Value::unknown("attribute", v.span(),
                         arg.as_list()[0].as_string() + "." + arg.as_list()[1].as_string());
      return;
    }
    if (m.key == "!Unknown") {
      v = Value::unknown(arg.is_string() ? arg.as_string() : "unknown", v.span());
      return;
    }
  }
  for (auto& m : v.as_map()) resolve_intrinsics(m.value);
}

// A document from `Resources:`-style YAML: each top-level key is a logical id whose
// value is the resource entry {Type, Properties, ...}.
inline Document raw_doc(std::string_view yaml, uint32_t file = 1) {
  std::vector<Value> docs;
  Diagnostics diags;
  EXPECT_TRUE(collect::parse_yaml(yaml, file, collect::Limits{}, docs, diags));
  Document doc;
  doc.file = file;
  doc.format = "cloudformation";
  if (docs.empty() || !docs.front().is_map()) {
    ADD_FAILURE() << "fixture YAML is not a map";
    return doc;
  }
  for (auto& m : docs.front().as_map()) {
    Resource r;
    const Value* type = m.value.find("Type");
    r.kind = "cfn:" + (type && type->is_string() ? type->as_string() : std::string("?"));
    r.address = m.key;
    r.name = m.key;
    r.provider = "aws";
    r.format = "cloudformation";
    r.attributes = m.value;
    resolve_intrinsics(r.attributes);
    r.span = m.key_span;
    doc.resources.push_back(std::move(r));
  }
  return doc;
}

}  // namespace cc::test
