#pragma once
// Test support for the AWS adapters: raw CloudFormation resources written as a small
// YAML `Resources` map, with the intrinsics the adapters care about turned into what
// the CloudFormation collector hands over (an unknown naming its target), and a check
// that canonical output only uses fields its kind's schema declares.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "collect/doc/yaml_reader.h"
#include "core/data_dir.h"
#include "model/aws/aws.h"
#include "model/base/schema.h"

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

// Runs one adapter over `doc`.
inline std::vector<Resource> run(void (*adapter)(model::AdaptContext&), const Document& doc,
                                 Diagnostics& diags) {
  std::vector<Resource> out;
  model::AdaptContext ctx{doc, out, diags};
  adapter(ctx);
  return out;
}

inline const Resource* find(const std::vector<Resource>& out, std::string_view kind,
                            std::string_view address) {
  for (const auto& r : out)
    if (r.kind == kind && r.address == address) return &r;
  return nullptr;
}

// The schemas shipped in schemas/, loaded once, with the problems found per file.
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

// The kind's own schema file loads without a problem (other files are checked by
// their own tests).
inline void expect_clean_schema_file(std::string_view kind) {
  const LoadedSchemas& l = loaded_schemas();
  std::string file = std::string(kind) + ".yaml";
  for (const auto& d : l.diags) {
    const std::string& path = l.sources.path(d.span.file);
    if (path.size() >= file.size() &&
        path.compare(path.size() - file.size(), file.size(), file) == 0)
      ADD_FAILURE() << path << ":" << d.span.line << ": " << d.message;
  }
}

// Every field the adapter emitted is declared by the schema, with a fitting type
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
        if (!f) continue;
        EXPECT_NE(f->type, nullptr) << path << "." << m.key << " has an unresolved type";
        if (f->type) expect_fits(*f->type, m.value, path + "." + m.key);
      }
      return;
    default:
      return;
  }
}

inline void expect_fits_schema(const Resource& r) {
  expect_clean_schema_file(r.kind);
  const model::KindSchema* ks = schemas().find(r.kind);
  ASSERT_NE(ks, nullptr) << "no schema for " << r.kind;
  expect_fits(*ks->type, r.attributes, r.kind);
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
