#pragma once
// Parses manifest text the way a scan does (YAML reader, collector, adapters, schema
// defaults) so tests can assert on raw and canonical resources.
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "collect/doc/json_reader.h"
#include "collect/doc/yaml_reader.h"
#include "collect/kubernetes/kubernetes.h"
#include "core/data_dir.h"
#include "model/base/schema.h"
#include "model/kubernetes/kubernetes.h"

namespace cc::test {

inline constexpr uint32_t kFile = 1;

struct Scanned {
  Document doc;
  std::vector<Resource> canonical;
  Diagnostics diags;

  [[nodiscard]] const Resource* find(std::string_view kind, std::string_view name) const {
    for (const auto& r : canonical)
      if (r.kind == kind && r.name == name) return &r;
    return nullptr;
  }
};

// The Kubernetes schemas of the repository (k8s.*.yaml only).
// Problems found while loading them are kept in k8s_schema_diagnostics().
inline Diagnostics& k8s_schema_diagnostics() {
  static Diagnostics diags;
  return diags;
}

inline const model::SchemaRegistry& k8s_schemas() {
  static const model::SchemaRegistry registry = [] {
    model::SchemaRegistry reg;
    Diagnostics& diags = k8s_schema_diagnostics();
    for (const char* name : {"k8s.types", "k8s.workload", "k8s.namespace", "k8s.network_policy",
                             "k8s.role", "k8s.role_binding", "k8s.service_account", "k8s.service",
                             "k8s.ingress", "k8s.secret", "k8s.config_map"}) {
      std::ifstream in(data_dir() / "schemas" / (std::string(name) + ".yaml"));
      std::stringstream text;
      text << in.rdbuf();
      reg.load_text(text.str(), 0, diags);
    }
    reg.finish(diags);
    return reg;
  }();
  return registry;
}

inline Scanned scan(std::string_view yaml, bool with_defaults = true) {
  Scanned s;
  std::vector<Value> docs;
  collect::parse_yaml(yaml, kFile, collect::Limits{}, docs, s.diags);
  collect::collect_kubernetes(docs, kFile, s.doc, s.diags);
  model::AdaptContext ctx{s.doc, s.canonical, s.diags};
  model::kubernetes::adapt(ctx);
  if (with_defaults) {
    for (auto& r : s.canonical)
      if (const auto* schema = k8s_schemas().find(r.kind))
        model::apply_defaults(*schema->type, r.attributes);
  }
  return s;
}

// Reads a dotted path of a resource's attributes; nullptr when absent.
inline const Value* attr(const Resource* r, std::string_view path) {
  return r ? r->attributes.at_path(path) : nullptr;
}

inline bool is_true(const Value* v) { return v && v->is_bool() && v->as_bool(); }
inline bool is_false(const Value* v) { return v && v->is_bool() && !v->as_bool(); }
inline std::string str(const Value* v) { return v && v->is_string() ? v->as_string() : "<none>"; }
inline double num(const Value* v) { return v && v->is_number() ? v->as_number() : -1; }

}  // namespace cc::test
