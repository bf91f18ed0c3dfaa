#pragma once
// Test support for the azurerm adapters: raw Terraform resources written as a small YAML
// map from address to arguments, the way the configuration evaluator hands them over.
// {$ref: "azurerm_x.y.id"} stands for a reference Terraform resolves only at apply
// (an unknown keeping its ref); {$unknown: reason} for a value without one (a variable
// without default); {$shape: "text", $ref: "..."} for a string template of references.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "collect/doc/yaml_reader.h"
#include "core/data_dir.h"
#include "model/azure/azure.h"
#include "model/base/schema.h"

namespace cc::test {

inline void resolve_unknowns(Value& v) {
  if (v.is_list()) {
    for (auto& item : v.as_list()) resolve_unknowns(item);
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
  for (auto& m : v.as_map()) resolve_unknowns(m.value);
}

// "module.m.azurerm_subnet.a[0]" -> "azurerm_subnet"; "data.x.y" -> "data.x".
inline std::string type_of(std::string_view address) {
  while (address.starts_with("module.")) {
    size_t dot = address.find('.', 7);
    if (dot == std::string_view::npos) return std::string(address);
    address = address.substr(dot + 1);
  }
  bool data = address.starts_with("data.");
  if (data) address.remove_prefix(5);
  std::string type(address.substr(0, address.find('.')));
  return data ? "data." + type : type;
}

inline Document tf_doc(std::string_view yaml, uint32_t file = 1) {
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
    r.kind = "tf:" + type_of(m.key);
    r.address = m.key;
    r.name = m.key;
    r.provider = "azurerm";
    r.format = "terraform";
    r.attributes = m.value.is_map() ? m.value : Value::map({}, m.key_span);
    resolve_unknowns(r.attributes);
    r.span = m.key_span;
    doc.resources.push_back(std::move(r));
  }
  return doc;
}

// Runs the whole azurerm adapter over `doc`.
inline std::vector<Resource> adapt(const Document& doc, Diagnostics& diags) {
  std::vector<Resource> out;
  model::AdaptContext ctx{doc, out, diags};
  model::azure::adapt(ctx);
  return out;
}

inline const Resource* find(const std::vector<Resource>& out, std::string_view kind,
                            std::string_view address) {
  for (const auto& r : out)
    if (r.kind == kind && r.address == address) return &r;
  return nullptr;
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

inline const model::SchemaRegistry& schemas() { return loaded_schemas().registry; }

// Every field the adapter emitted is declared by the kind's schema with a fitting type
// (unknown values fit any type).
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
  const model::KindSchema* ks = schemas().find(r.kind);
  ASSERT_NE(ks, nullptr) << "no schema for " << r.kind;
  expect_fits(*ks->type, r.attributes, r.kind);
}

inline void expect_all_fit(const std::vector<Resource>& out) {
  for (const auto& r : out) expect_fits_schema(r);
}

// The resource's attributes with the schema's defaults applied, as rules see them.
inline Value with_defaults(const Resource& r) {
  Value v = r.attributes;
  if (const model::KindSchema* ks = schemas().find(r.kind)) model::apply_defaults(*ks->type, v);
  return v;
}

inline const Value& at(const Value& v, std::string_view path) {
  static const Value missing = Value::unknown("missing in test");
  const Value* found = v.at_path(path);
  EXPECT_NE(found, nullptr) << "no " << path;
  return found ? *found : missing;
}

}  // namespace cc::test
