#include <string>

#include "collect/kubernetes/kubernetes.h"
#include "collect/kubernetes/scope.h"

namespace cc::collect {
namespace {

const std::string* string_member(const Value& map, std::string_view key) {
  const Value* v = map.find(key);
  return v && v->is_string() ? &v->as_string() : nullptr;
}

// The last source line a value (or any key inside it) occupies, so a finding can
// highlight the whole object.
uint32_t greatest_line(const Value& v) {
  uint32_t line = v.span().line;
  if (v.is_list()) {
    for (const auto& item : v.as_list()) line = std::max(line, greatest_line(item));
  } else if (v.is_map()) {
    for (const auto& m : v.as_map()) {
      line = std::max(line, m.key_span.line);
      line = std::max(line, greatest_line(m.value));
    }
  }
  return line;
}

// A List (v1/List, PodList, ...) carries objects under `items`.
bool is_list_object(const Value& obj) {
  const std::string* kind = string_member(obj, "kind");
  const Value* items = obj.find("items");
  return kind && kind->ends_with("List") && items && items->is_list();
}

void report(Diagnostics& diags, DiagLevel level, std::string code, std::string message, Span span) {
  diags.push_back(Diagnostic{level, std::move(code), std::move(message), span});
}

void collect_object(const Value& obj, Document& out, Diagnostics& diags) {
  if (!obj.is_map()) {
    report(diags, DiagLevel::Warning, "k8s.not_object",
           std::string("expected a Kubernetes object (a mapping), found a ") +
               Value::type_name(obj.type()),
           obj.span());
    return;
  }
  if (is_list_object(obj)) {
    for (const auto& item : obj.find("items")->as_list()) {
      if (!item.is_null()) collect_object(item, out, diags);
    }
    return;
  }
  const std::string* api_version = string_member(obj, "apiVersion");
  const std::string* kind = string_member(obj, "kind");
  if (!api_version || !kind || api_version->empty() || kind->empty()) {
    report(diags, DiagLevel::Error, "k8s.missing_kind",
           "Kubernetes object without string apiVersion and kind; object skipped", obj.span());
    return;
  }
  const Value* metadata = obj.find("metadata");
  const std::string* name = metadata ? string_member(*metadata, "name") : nullptr;
  if (!name || name->empty()) {
    report(diags, DiagLevel::Error, "k8s.missing_name",
           *kind + " object without metadata.name; object skipped",
           metadata && metadata->span().known() ? metadata->span() : obj.span());
    return;
  }

  Resource r;
  r.kind = "k8s:" + *api_version + "/" + *kind;
  if (is_cluster_scoped(*kind)) {
    r.address = *kind + "/" + *name;
  } else {
    const std::string* ns = string_member(*metadata, "namespace");
    // kubectl places objects without a namespace in the current context's namespace,
    // which is "default" unless configured otherwise.
    std::string namespace_name = ns && !ns->empty() ? *ns : std::string("default");
    r.address = namespace_name + "/" + *kind + "/" + *name;
  }
  r.name = *name;
  r.provider = "kubernetes";
  r.format = "kubernetes";
  r.span = obj.span();
  r.end_line = greatest_line(obj);
  r.attributes = obj;
  out.resources.push_back(std::move(r));
}

}  // namespace

bool looks_like_kubernetes(const Value& doc) {
  const std::string* api_version = string_member(doc, "apiVersion");
  const std::string* kind = string_member(doc, "kind");
  return api_version && kind && !api_version->empty() && !kind->empty();
}

void collect_kubernetes(const std::vector<Value>& docs, uint32_t file, Document& out,
                        Diagnostics& diags) {
  out.file = file;
  out.format = "kubernetes";
  for (const auto& doc : docs) {
    if (doc.is_null()) continue;  // empty document, e.g. a trailing `---`
    collect_object(doc, out, diags);
  }
}

}  // namespace cc::collect
