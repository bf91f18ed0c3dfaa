#pragma once
// Test support for the Google Cloud adapters: raw Terraform resources written as a YAML
// map of address -> arguments (blocks as lists of maps), with the values Terraform only
// knows after apply written as tags, and a check that canonical output only uses fields
// its kind's schema declares.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "collect/doc/yaml_reader.h"
#include "core/data_dir.h"
#include "model/base/schema.h"
#include "model/google/google.h"

namespace cc::test {

// {"!ref": "google_kms_crypto_key.k.id"} -> unknown referring to that attribute;
// {"!shape": "serviceAccount:${google_service_account.sa.email}"} -> unknown string
// template built from references; {"!unknown": reason} -> unknown with nothing behind it
// (a variable without a value).
inline void resolve_tags(Value& v) {
  if (v.is_list()) {
    for (auto& item : v.as_list()) resolve_tags(item);
    return;
  }
  if (!v.is_map()) return;
  if (v.as_map().size() == 1) {
    const Member& m = v.as_map().front();
    if (m.key == "!ref" && m.value.is_string()) {
      v = Value::unknown("known after apply", v.span(), m.value.as_string());
      return;
    }
    if (m.key == "!shape" && m.value.is_string()) {
      v = Value::unknown("known after apply", v.span(), {}, m.value.as_string());
      return;
    }
    if (m.key == "!unknown") {
      v = Value::unknown(m.value.is_string() ? m.value.as_string() : "unknown", v.span());
      return;
    }
  }
  for (auto& m : v.as_map()) resolve_tags(m.value);
}

// The resource type of an address: google_x.name -> google_x, data.google_y.n -> data.google_y.
inline std::string type_of_address(std::string_view address) {
  bool data = address.starts_with("data.");
  if (data) address.remove_prefix(5);
  std::string type(address.substr(0, address.find('.')));
  return data ? "data." + type : type;
}

inline Document raw_doc(std::string_view yaml, uint32_t file = 1) {
  std::vector<Value> docs;
  Diagnostics diags;
  EXPECT_TRUE(collect::parse_yaml(yaml, file, collect::Limits{}, docs, diags));
  Document doc;
  doc.file = file;
  doc.format = "terraform";
  if (docs.empty() || !docs.front().is_map()) {
    ADD_FAILURE() << "fixture YAML is not a map";
    return doc;
  }
  for (auto& m : docs.front().as_map()) {
    Resource r;
    r.kind = "tf:" + type_of_address(m.key);
    r.address = m.key;
    r.name = m.key;
    r.provider = "google";
    r.format = "terraform";
    r.attributes = m.value.is_map() ? m.value : Value::map();
    resolve_tags(r.attributes);
    r.span = m.key_span;
    doc.resources.push_back(std::move(r));
  }
  return doc;
}

// Runs every Google Cloud adapter over `yaml`.
inline std::vector<Resource> adapt(std::string_view yaml) {
  Document doc = raw_doc(yaml);
  std::vector<Resource> out;
  Diagnostics diags;
  model::AdaptContext ctx{doc, out, diags};
  model::google::adapt(ctx);
  EXPECT_TRUE(diags.empty());
  return out;
}

inline const Resource* find(const std::vector<Resource>& out, std::string_view kind,
                            std::string_view address) {
  for (const auto& r : out)
    if (r.kind == kind && r.address == address) return &r;
  return nullptr;
}

inline size_t count(const std::vector<Resource>& out, std::string_view kind) {
  size_t n = 0;
  for (const auto& r : out) n += r.kind == kind ? 1 : 0;
  return n;
}

struct LoadedSchemas {
  model::SchemaRegistry registry;
  SourceTable sources;
  Diagnostics diags;
};

inline const LoadedSchemas& loaded_schemas() {
  static const LoadedSchemas loaded = [] {
    LoadedSchemas l;
    l.registry.load_dir(data_dir() / "schemas", l.sources, l.diags);
    return l;
  }();
  return loaded;
}

// Every field the adapter emitted is declared by the schema with a fitting type
// (unknown values fit any type), and the gcp schema files load cleanly.
inline void expect_fits(const model::Type& type, const Value& v, const std::string& path) {
  using K = model::Type::Kind;
  if (v.is_unknown() || type.kind == K::Any) return;
  switch (type.kind) {
    case K::Bool:
      EXPECT_TRUE(v.is_bool()) << path << " should be a bool";
      return;
    case K::Number:
      EXPECT_TRUE(v.is_number()) << path << " should be a number";
      return;
    case K::String:
      EXPECT_TRUE(v.is_string()) << path << " should be a string";
      return;
    case K::List:
      ASSERT_TRUE(v.is_list()) << path << " should be a list";
      for (size_t i = 0; i < v.as_list().size(); ++i)
        expect_fits(*type.element, v.as_list()[i], path + "." + std::to_string(i));
      return;
    case K::Map:
      ASSERT_TRUE(v.is_map()) << path << " should be a map";
      for (const auto& m : v.as_map()) expect_fits(*type.element, m.value, path + "." + m.key);
      return;
    case K::Object:
      ASSERT_TRUE(v.is_map()) << path << " should be an object";
      for (const auto& m : v.as_map()) {
        const model::Field* f = type.field(m.key);
        EXPECT_NE(f, nullptr) << path << "." << m.key << " is not in the schema";
        if (f && f->type) expect_fits(*f->type, m.value, path + "." + m.key);
      }
      return;
    default:
      return;
  }
}

inline void expect_fits_schema(const Resource& r) {
  const LoadedSchemas& l = loaded_schemas();
  for (const auto& d : l.diags) {
    const std::string& path = l.sources.path(d.span.file);
    if (path.find("gcp") != std::string::npos)
      ADD_FAILURE() << path << ":" << d.span.line << ": " << d.message;
  }
  const model::KindSchema* ks = l.registry.find(r.kind);
  ASSERT_NE(ks, nullptr) << "no schema for " << r.kind;
  expect_fits(*ks->type, r.attributes, r.kind);
}

inline void expect_all_fit(const std::vector<Resource>& out) {
  for (const auto& r : out) expect_fits_schema(r);
}

// The attributes with the schema's defaults applied, as rules see them.
inline Value with_defaults(const Resource& r) {
  Value v = r.attributes;
  if (const model::KindSchema* ks = loaded_schemas().registry.find(r.kind))
    model::apply_defaults(*ks->type, v);
  return v;
}

inline const Value& at(const Value& v, std::string_view path) {
  static const Value missing = Value::unknown("missing in test");
  const Value* found = v.at_path(path);
  EXPECT_NE(found, nullptr) << "no " << path;
  return found ? *found : missing;
}

inline bool is_true(const Value& v) { return v.is_bool() && v.as_bool(); }
inline bool is_false(const Value& v) { return v.is_bool() && !v.as_bool(); }

}  // namespace cc::test
