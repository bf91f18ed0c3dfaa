#pragma once
// Test support shared by the adapter test areas: the schemas shipped in schemas/, a
// check that canonical output only uses fields its kind's schema declares (with a
// fitting type), the attributes as rules see them (defaults applied), and lookups
// in an adapter's output.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "core/data_dir.h"
#include "model/base/adapt.h"
#include "model/base/schema.h"

namespace cc::test {

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

inline size_t count(const std::vector<Resource>& out, std::string_view kind) {
  size_t n = 0;
  for (const auto& r : out) n += r.kind == kind ? 1 : 0;
  return n;
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

// The schema files of the kind's platform ("gcp" for "gcp.kms.key": gcp.*.yaml and
// types/gcp.yaml) load without a problem; other platforms' files are checked by their
// own tests.
inline void expect_clean_schema_files(std::string_view kind) {
  const LoadedSchemas& l = loaded_schemas();
  std::string prefix = std::string(kind.substr(0, kind.find('.'))) + ".";
  for (const auto& d : l.diags) {
    const std::string& path = l.sources.path(d.span.file);
    size_t slash = path.find_last_of('/');
    std::string_view file =
        std::string_view(path).substr(slash == std::string::npos ? 0 : slash + 1);
    if (file.starts_with(prefix)) ADD_FAILURE() << path << ":" << d.span.line << ": " << d.message;
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
  expect_clean_schema_files(r.kind);
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

inline bool is_true(const Value& v) { return v.is_bool() && v.as_bool(); }
inline bool is_false(const Value& v) { return v.is_bool() && !v.as_bool(); }

}  // namespace cc::test
