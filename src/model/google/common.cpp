#include "model/google/common.h"

#include <charconv>

namespace cc::model::google {

void copy_attr(const Resource& raw, std::string_view dotted, Value& out, std::string_view path) {
  const Value* v = tf::attr(raw, dotted);
  if (!v || v->is_null()) return;
  out.set_path(path, *v);
}

std::optional<bool> bool_of(const Value* v) {
  if (!v || v->is_null() || v->is_unknown()) return std::nullopt;
  return v->loose_bool();
}

void copy_bool(const Resource& raw, std::string_view dotted, Value& out, std::string_view path) {
  const Value* v = tf::attr(raw, dotted);
  if (!v || v->is_null()) return;
  if (v->is_unknown()) {
    out.set_path(path, *v);
    return;
  }
  if (auto b = v->loose_bool()) {
    out.set_path(path, Value::boolean(*b, v->span()));
  } else {
    out.set_path(path, Value::unknown("not a boolean", v->span()));
  }
}

void set_bool(Value& out, std::string_view path, bool b, Span span) {
  out.set_path(path, Value::boolean(b, span));
}

std::string_view str_of(const Value* v) {
  if (!v || !v->is_string()) return {};
  return v->as_string();
}

std::optional<double> duration_days(std::string_view text) {
  if (text.empty() || text.back() != 's') return std::nullopt;
  text.remove_suffix(1);
  double seconds = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), seconds);
  if (ec != std::errc{} || end != text.data() + text.size() || seconds < 0) return std::nullopt;
  return seconds / 86400.0;
}

void copy_duration_days(const Resource& raw, std::string_view dotted, Value& out,
                        std::string_view path) {
  const Value* v = tf::attr(raw, dotted);
  if (!v || v->is_null()) return;
  if (v->is_unknown()) {
    out.set_path(path, *v);
    return;
  }
  if (auto days = duration_days(str_of(v))) {
    out.set_path(path, Value::number(*days, v->span()));
  } else {
    out.set_path(path, Value::unknown("not a duration in seconds", v->span()));
  }
}

Value named_or_unknown(const Value& v) {
  if (!v.is_unknown()) return v;
  const Unknown& u = v.as_unknown();
  if (!u.shape.empty()) return Value::string(u.shape, v.span());
  if (!u.ref.empty()) return Value::string("${" + u.ref + "}", v.span());
  return v;
}

std::optional<Value> string_list(const Value* v) {
  if (!v || v->is_null()) return std::nullopt;
  if (v->is_unknown()) return *v;
  List items;
  if (v->is_list()) {
    for (const auto& e : v->as_list())
      if (!e.is_null()) items.push_back(named_or_unknown(e));
  } else {
    items.push_back(named_or_unknown(*v));
  }
  return Value::list(std::move(items), v->span());
}

const Value* metadata_value(const Value* metadata, std::string_view key) {
  if (!metadata) return nullptr;
  if (metadata->is_unknown()) return metadata;
  return metadata->find(key);
}

void customer_key(const Value* key, Value& out) {
  if (!key || key->is_null()) return;
  Value named = named_or_unknown(*key);
  out.set_path("encryption.kms_key", named);
  if (named.is_unknown())
    out.set_path("encryption.customer_managed_key", Value::unknown("key not known", key->span()));
  else
    set_bool(out, "encryption.customer_managed_key",
             !named.is_string() || !named.as_string().empty(), key->span());
}

}  // namespace cc::model::google
