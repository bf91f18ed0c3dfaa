#include "collect/terraform/values.h"

#include "collect/tffunc/functions.h"
#include "collect/tfplan/address.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

namespace cc::terraform {

std::string format_number(double d) {
  return primitive_text(Value::number(d)).value_or(std::string{});
}

std::optional<std::string> to_template_text(const Value& v) { return primitive_text(v); }

std::optional<bool> equal(const Value& a, const Value& b) {
  if (a.is_unknown() || b.is_unknown()) return std::nullopt;
  if (a.type() != b.type()) return false;
  switch (a.type()) {
    case Value::Type::List: {
      const auto& x = a.as_list();
      const auto& y = b.as_list();
      if (x.size() != y.size()) return false;
      bool unknown = false;
      for (size_t i = 0; i < x.size(); ++i) {
        auto e = equal(x[i], y[i]);
        if (!e) unknown = true;
        else if (!*e) return false;
      }
      if (unknown) return std::nullopt;
      return true;
    }
    case Value::Type::Map: {
      const auto& x = a.as_map();
      if (x.size() != b.as_map().size()) return false;
      bool unknown = false;
      for (const auto& m : x) {
        const Value* o = b.find(m.key);
        if (!o) return false;
        auto e = equal(m.value, *o);
        if (!e) unknown = true;
        else if (!*e) return false;
      }
      if (unknown) return std::nullopt;
      return true;
    }
    default: return a == b;
  }
}

std::string instance_key(const Value& key) {
  std::string k = collect::terraform_instance_key(key);
  return k.empty() ? std::string("[?]") : k;
}

std::optional<std::string> unknown_text(const Value& v) {
  if (!v.is_unknown()) return std::nullopt;
  const Unknown& u = v.as_unknown();
  if (!u.shape.empty()) return u.shape;
  if (!u.ref.empty()) return "${" + u.ref + "}";
  return std::nullopt;
}


namespace {

bool convert_primitive(Value& v, std::string_view type, std::string& error) {
  if (v.is_null() || v.is_unknown() || type == "any") return true;
  Span s = v.span();
  if (type == "string") {
    if (auto t = to_template_text(v)) {
      v = Value::string(*t, s);
      return true;
    }
  } else if (type == "number") {
    if (v.is_number()) return true;
    if (v.is_string()) {
      double d = 0;
      const std::string& str = v.as_string();
      auto [end, ec] = std::from_chars(str.data(), str.data() + str.size(), d);
      if (ec == std::errc{} && end == str.data() + str.size()) {
        v = Value::number(d, s);
        return true;
      }
    }
  } else if (type == "bool") {
    if (v.is_bool()) return true;
    if (v.is_string() && (v.as_string() == "true" || v.as_string() == "false")) {
      v = Value::boolean(v.as_string() == "true", s);
      return true;
    }
  } else {
    return true;  // a type name this reader does not know: keep the value as given
  }
  error = fmt::format("a {} is required, got {}", type, Value::type_name(v.type()));
  return false;
}

}  // namespace

bool convert_to_type(Value& v, const hcl::Expression* type, const EvalDefault& eval_default,
                     std::string& error) {
  if (!type || v.is_unknown() || v.is_null()) return true;
  if (type->kind == hcl::ExprKind::Variable && type->traversal.empty())
    return convert_primitive(v, type->name, error);
  if (type->kind != hcl::ExprKind::Call || type->elements.empty()) return true;
  const std::string& f = type->name;
  const hcl::Expression* arg = type->elements[0].get();
  if (f == "list" || f == "set") {
    if (v.is_map() || !v.is_list()) {
      error = fmt::format("a {} is required, got {}", f, Value::type_name(v.type()));
      return false;
    }
    for (auto& e : v.as_list())
      if (!convert_to_type(e, arg, eval_default, error)) return false;
    if (f == "set") {
      List unique;
      for (auto& e : v.as_list()) {
        bool seen = false;
        for (const auto& u : unique) seen = seen || equal(u, e).value_or(false);
        if (!seen) unique.push_back(std::move(e));
      }
      v.as_list() = std::move(unique);
    }
    return true;
  }
  if (f == "map") {
    if (!v.is_map()) {
      error = fmt::format("a map is required, got {}", Value::type_name(v.type()));
      return false;
    }
    for (auto& m : v.as_map())
      if (!convert_to_type(m.value, arg, eval_default, error)) return false;
    return true;
  }
  if (f == "tuple" && arg->kind == hcl::ExprKind::Tuple && v.is_list()) {
    for (size_t i = 0; i < v.as_list().size() && i < arg->elements.size(); ++i)
      if (!convert_to_type(v.as_list()[i], arg->elements[i].get(), eval_default, error)) return false;
    return true;
  }
  if (f == "object" && arg->kind == hcl::ExprKind::Object) {
    if (!v.is_map()) {
      error = fmt::format("an object is required, got {}", Value::type_name(v.type()));
      return false;
    }
    Map out;
    for (const auto& item : arg->object_items) {
      std::string key = item.key && item.key->kind == hcl::ExprKind::Variable ? item.key->name
                        : item.key                                           ? item.key->text
                                                                             : std::string{};
      const hcl::Expression* field_type = item.value.get();
      bool optional = field_type && field_type->kind == hcl::ExprKind::Call && field_type->name == "optional";
      const hcl::Expression* inner = optional && !field_type->elements.empty() ? field_type->elements[0].get()
                                                                               : field_type;
      if (const Value* present = v.find(key); present && !(optional && present->is_null())) {
        Value copy = *present;
        if (!convert_to_type(copy, inner, eval_default, error)) return false;
        out.push_back(Member{key, std::move(copy), {}});
      } else if (optional) {
        Value def = Value::null();
        if (field_type->elements.size() > 1) {
          def = eval_default(*field_type->elements[1]);
          if (!convert_to_type(def, inner, eval_default, error)) return false;
        }
        out.push_back(Member{key, std::move(def), {}});
      } else {
        error = fmt::format("attribute \"{}\" is required", key);
        return false;
      }
    }
    Span s = v.span();
    v = Value::map(std::move(out), s);
    return true;
  }
  return true;
}

}  // namespace cc::terraform
