#include "model/kubernetes/common.h"

#include <fmt/format.h>

#include <cstdlib>

namespace cc::model::kubernetes {

std::string_view object_kind(const Resource& raw) {
  std::string_view kind = raw.kind;
  if (!kind.starts_with("k8s:")) return {};
  size_t slash = kind.rfind('/');
  return slash == std::string_view::npos ? std::string_view{} : kind.substr(slash + 1);
}

Value namespace_of(const Resource& raw) {
  const Value* ns = member(member(&raw.attributes, "metadata"), "namespace");
  if (ns && ns->is_string() && !ns->as_string().empty()) return *ns;
  return defaulted(Value::string("default", raw.span));
}

Resource canonical_from(const Resource& raw, std::string kind, bool cluster_scoped) {
  Resource r;
  r.kind = std::move(kind);
  r.address = raw.address;
  r.name = raw.name;
  r.provider = "kubernetes";
  r.format = "kubernetes";
  r.span = raw.span;
  r.end_line = raw.end_line;
  const Value* metadata = member(&raw.attributes, "metadata");
  Value attrs = Value::map({}, raw.span);
  const Value* name = member(metadata, "name");
  attrs.set("name", name ? *name : Value::string(raw.name, raw.span));
  if (!cluster_scoped) attrs.set("namespace", namespace_of(raw));
  attrs.set("labels", to_string_map(member(metadata, "labels"), "metadata.labels"));
  attrs.set("annotations", to_string_map(member(metadata, "annotations"), "metadata.annotations"));
  r.attributes = std::move(attrs);
  return r;
}

const Value* member(const Value* parent, std::string_view key) {
  if (!parent) return nullptr;
  const Value* v = parent->find(key);
  return v && !v->is_null() ? v : nullptr;
}

std::optional<Value> to_bool(const Value* src, std::string_view field) {
  if (!src || src->is_null()) return std::nullopt;
  if (src->is_unknown()) return *src;
  if (auto b = src->loose_bool()) return Value::boolean(*b, src->span());
  return Value::unknown(fmt::format("{} is not a boolean", field), src->span());
}

std::optional<Value> to_string(const Value* src, std::string_view field) {
  if (!src || src->is_null()) return std::nullopt;
  switch (src->type()) {
    case Value::Type::String:
    case Value::Type::Unknown:
      return *src;
    case Value::Type::Number:
      // Quantities such as `cpu: 1` or ports written as numbers read as text here.
      return Value::string(fmt::format("{}", src->as_number()), src->span());
    case Value::Type::Bool:
      return Value::string(src->as_bool() ? "true" : "false", src->span());
    default:
      return Value::unknown(fmt::format("{} is not a string", field), src->span());
  }
}

std::optional<Value> to_number(const Value* src, std::string_view field) {
  if (!src || src->is_null()) return std::nullopt;
  if (src->is_number() || src->is_unknown()) return *src;
  if (src->is_string()) {
    const std::string& s = src->as_string();
    char* end = nullptr;
    double d = std::strtod(s.c_str(), &end);
    if (!s.empty() && end == s.c_str() + s.size()) return Value::number(d, src->span());
  }
  return Value::unknown(fmt::format("{} is not a number", field), src->span());
}

Value to_string_list(const Value* src, std::string_view field) {
  if (!src || src->is_null()) return defaulted(Value::list({}, {}));
  if (src->is_unknown()) return *src;
  if (!src->is_list()) {
    // A single string where a list is expected is a common slip; read it as one item.
    if (src->is_string()) return Value::list({*src}, src->span());
    return Value::unknown(fmt::format("{} is not a list", field), src->span());
  }
  List items;
  for (const auto& item : src->as_list()) {
    if (auto s = to_string(&item, field)) items.push_back(std::move(*s));
  }
  return Value::list(std::move(items), src->span());
}

Value to_string_map(const Value* src, std::string_view field) {
  if (!src || src->is_null()) return defaulted(Value::map({}, {}));
  if (src->is_unknown()) return *src;
  if (!src->is_map()) return Value::unknown(fmt::format("{} is not a mapping", field), src->span());
  Map members;
  for (const auto& m : src->as_map()) {
    auto s = to_string(&m.value, field);
    members.push_back(
        Member{m.key, s ? std::move(*s) : Value::string("", m.value.span()), m.key_span});
  }
  return Value::map(std::move(members), src->span());
}

void set_if(Value& dst, std::string key, std::optional<Value> v) {
  if (v) dst.set(std::move(key), std::move(*v));
}

Value defaulted(Value v) {
  v.set_provenance(Provenance::Default);
  return v;
}

Value empty_list(Span span) { return defaulted(Value::list({}, span)); }
Value empty_map(Span span) { return defaulted(Value::map({}, span)); }

}  // namespace cc::model::kubernetes
