#pragma once
// Test support for the Terraform AWS adapters: raw Terraform resources written as one
// JSON object keyed by address, the way the configuration evaluator hands them over.
//   {"aws_sqs_queue.jobs": {"name": "jobs", "kms_master_key_id": {"$ref": "aws_kms_key.k.arn"}}}
// {"$ref": R} becomes an unknown referencing R (a computed attribute of another
// resource); {"$ref": R, "$shape": S} an unknown template string of that shape;
// {"$unknown": why} an unknown without reference (a variable without value).
// Schema checks and defaults come from the CloudFormation adapter tests' support.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "../model_aws/raw2.h"
#include "collect/doc/json_reader.h"
#include "model/aws_tf/aws_tf.h"

namespace cc::test::tf {

inline void resolve_markers(Value& v) {
  if (v.is_list()) {
    for (auto& item : v.as_list()) resolve_markers(item);
    return;
  }
  if (!v.is_map()) return;
  const Value* ref = v.find("$ref");
  const Value* shape = v.find("$shape");
  const Value* unknown = v.find("$unknown");
  if (ref && ref->is_string()) {
    v = Value::unknown("computed", v.span(), ref->as_string(),
                       shape && shape->is_string() ? shape->as_string() : std::string());
    return;
  }
  if (unknown && unknown->is_string()) {
    v = Value::unknown(unknown->as_string(), v.span());
    return;
  }
  for (auto& m : v.as_map()) resolve_markers(m.value);
}

// "aws_s3_bucket" for "module.a.aws_s3_bucket.b[0]"; data sources keep "data." in front.
inline std::string raw_kind(std::string_view address) {
  while (address.substr(0, 7) == "module.") {
    address.remove_prefix(7);
    size_t dot = address.find('.');
    address.remove_prefix(dot == std::string_view::npos ? address.size() : dot + 1);
  }
  bool data = address.substr(0, 5) == "data.";
  if (data) address.remove_prefix(5);
  std::string_view type = address.substr(0, address.find('.'));
  return (data ? "tf:data." : "tf:") + std::string(type);
}

inline Document raw_doc(std::string_view json, uint32_t file = 1) {
  Value parsed;
  Diagnostics diags;
  EXPECT_TRUE(collect::parse_json(json, file, collect::Limits{}, parsed, diags));
  Document doc;
  doc.file = file;
  doc.format = "terraform";
  if (!parsed.is_map()) {
    ADD_FAILURE() << "fixture JSON is not an object";
    return doc;
  }
  for (auto& m : parsed.as_map()) {
    Resource r;
    r.kind = raw_kind(m.key);
    r.address = m.key;
    r.name = m.key;
    r.provider = "aws";
    r.format = "terraform";
    r.attributes = m.value;
    resolve_markers(r.attributes);
    r.span = m.key_span;
    doc.resources.push_back(std::move(r));
  }
  return doc;
}

// Runs one adapter over a document of raw resources and checks every canonical
// resource against its kind's schema.
inline std::vector<Resource> adapt(void (*adapter)(model::AdaptContext&), const Document& doc,
                                   Diagnostics& diags) {
  std::vector<Resource> out = test::run(adapter, doc, diags);
  for (const auto& r : out) {
    EXPECT_EQ(r.format, "terraform") << r.address;
    test::expect_fits_schema(r);
  }
  return out;
}

}  // namespace cc::test::tf
