#pragma once
// Test support for the Terraform adapters (AWS, Azure, Google Cloud): raw Terraform
// resources written as one map from address to arguments, the way the configuration
// evaluator hands them over, either as a JSON object or as YAML (blocks as lists of maps):
//   {"aws_sqs_queue.jobs": {"name": "jobs", "kms_master_key_id": {"$ref": "aws_kms_key.k.arn"}}}
// Values Terraform only knows after apply are written as markers:
// * {"$ref": R} an unknown referencing R (a computed attribute of another resource);
// * {"$ref": R, "$shape": S} or {"$shape": S} an unknown string template of that shape
//   ("serviceAccount:${google_service_account.sa.email}");
// * {"$unknown": why} an unknown without reference (a variable without value).
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "collect/doc/json_reader.h"
#include "collect/doc/yaml_reader.h"
#include "schema_check.h"

namespace cc::test {

inline void resolve_markers(Value& v) {
  if (v.is_list()) {
    for (auto& item : v.as_list()) resolve_markers(item);
    return;
  }
  if (!v.is_map()) return;
  const Value* ref = v.find("$ref");
  const Value* reason = v.find("$unknown");
  const Value* shape = v.find("$shape");
  if (ref || reason || shape) {
    v = Value::unknown(reason && reason->is_string() ? reason->as_string() : "known after apply",
                       v.span(), ref && ref->is_string() ? ref->as_string() : "",
                       shape && shape->is_string() ? shape->as_string() : "");
    return;
  }
  for (auto& m : v.as_map()) resolve_markers(m.value);
}

// The resource type of an address: "aws_s3_bucket" for "module.a.aws_s3_bucket.b[0]";
// data sources keep "data." in front ("data.aws_iam_policy_document").
inline std::string type_of(std::string_view address) {
  while (address.starts_with("module.")) {
    address.remove_prefix(7);
    size_t dot = address.find('.');
    address.remove_prefix(dot == std::string_view::npos ? address.size() : dot + 1);
  }
  bool data = address.starts_with("data.");
  if (data) address.remove_prefix(5);
  std::string type(address.substr(0, address.find('.')));
  return data ? "data." + type : type;
}

// The provider a resource type belongs to: its prefix ("azurerm" for "azurerm_subnet").
inline std::string provider_of(std::string_view type) {
  if (type.starts_with("data.")) type.remove_prefix(5);
  return std::string(type.substr(0, type.find('_')));
}

// A document of raw Terraform resources from a JSON object (text starting with "{") or
// a YAML map keyed by address.
inline Document tf_doc(std::string_view text, uint32_t file = 1) {
  Diagnostics diags;
  Value parsed;
  size_t first = text.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && text[first] == '{') {
    EXPECT_TRUE(collect::parse_json(text, file, collect::Limits{}, parsed, diags));
  } else {
    std::vector<Value> docs;
    EXPECT_TRUE(collect::parse_yaml(text, file, collect::Limits{}, docs, diags));
    if (!docs.empty()) parsed = std::move(docs.front());
  }
  Document doc;
  doc.file = file;
  doc.format = "terraform";
  if (!parsed.is_map()) {
    ADD_FAILURE() << "fixture is not a map of addresses";
    return doc;
  }
  for (auto& m : parsed.as_map()) {
    Resource r;
    std::string type = type_of(m.key);
    r.kind = "tf:" + type;
    r.address = m.key;
    r.name = m.key;
    r.provider = provider_of(type);
    r.format = "terraform";
    r.attributes = m.value.is_map() ? m.value : Value::map({}, m.key_span);
    resolve_markers(r.attributes);
    r.span = m.key_span;
    doc.resources.push_back(std::move(r));
  }
  return doc;
}

// Runs one adapter over a document of raw resources and checks every canonical
// resource it makes: Terraform format, and fitting its kind's schema.
inline std::vector<Resource> adapt_checked(void (*adapter)(model::AdaptContext&),
                                           const Document& doc, Diagnostics& diags) {
  std::vector<Resource> out = run(adapter, doc, diags);
  for (const auto& r : out) {
    EXPECT_EQ(r.format, "terraform") << r.address;
    expect_fits_schema(r);
  }
  return out;
}

// Runs one adapter over the raw resources of `text` (see tf_doc), expecting no
// diagnostic.
inline std::vector<Resource> adapt_quietly(void (*adapter)(model::AdaptContext&),
                                           std::string_view text) {
  Document doc = tf_doc(text);
  Diagnostics diags;
  std::vector<Resource> out = run(adapter, doc, diags);
  EXPECT_TRUE(diags.empty());
  return out;
}

}  // namespace cc::test
