// Type conversion functions. An unknown argument passes through unchanged (keeping the
// reference it names); the conversion happens once it is known.
#include <fmt/format.h>

#include "collect/tffunc/internal.h"

namespace cc::terraform::detail {
namespace {

bool primitive(const Value& v) { return v.is_string() || v.is_number() || v.is_bool(); }

// Gives the elements one type as Terraform does when it builds a list or map from mixed
// values: strings mixed with numbers or bools turn everything into strings.
Checked<bool> unify(const Call& c, std::vector<Value*> items) {
  bool strings = false, numbers = false, bools = false, collections = false;
  for (const Value* v : items) {
    strings = strings || v->is_string();
    numbers = numbers || v->is_number();
    bools = bools || v->is_bool();
    collections = collections || v->is_list() || v->is_map();
  }
  if (collections && (strings || numbers || bools))
    return fail(c, "the elements have no common type (collections mixed with primitives)");
  if (!strings && numbers && bools)
    return fail(c, "the elements have no common type (number and bool)");
  if (strings && (numbers || bools))
    for (Value* v : items)
      if (primitive(*v)) *v = Value::string(*to_text(*v), v->span());
  return true;
}

Outcome fn_tostring(Call& c) {
  const Value& v = c.args[0];
  if (v.is_unknown() || v.is_null()) return v;
  if (auto t = to_text(v)) return Value::string(std::move(*t), v.span());
  return fail(c, fmt::format("cannot convert {} to string", Value::type_name(v.type())));
}

Outcome fn_tonumber(Call& c) {
  const Value& v = c.args[0];
  if (v.is_unknown() || v.is_null()) return v;
  if (auto d = to_number(v)) return Value::number(*d, v.span());
  if (v.is_string()) return fail(c, fmt::format("cannot convert \"{}\" to number", v.as_string()));
  return fail(c, fmt::format("cannot convert {} to number", Value::type_name(v.type())));
}

Outcome fn_tobool(Call& c) {
  const Value& v = c.args[0];
  if (v.is_unknown() || v.is_null()) return v;
  if (v.is_bool()) return v;
  if (v.is_string() && (v.as_string() == "true" || v.as_string() == "false"))
    return Value::boolean(v.as_string() == "true", v.span());
  if (v.is_string()) return fail(c, fmt::format("cannot convert \"{}\" to bool", v.as_string()));
  return fail(c, fmt::format("cannot convert {} to bool", Value::type_name(v.type())));
}

Outcome to_list(Call& c) {
  Value v = c.args[0];
  if (v.is_unknown() || v.is_null()) return v;
  if (!v.is_list())
    return fail(c, fmt::format("cannot convert {} to list", Value::type_name(v.type())));
  std::vector<Value*> items;
  for (auto& e : v.as_list()) items.push_back(&e);
  auto ok = unify(c, items);
  if (!ok) return forward(ok);
  return v;
}

Outcome fn_tolist(Call& c) { return to_list(c); }

Outcome fn_toset(Call& c) {
  auto list = to_list(c);
  if (!list || !list->is_list()) return list;
  Span span = list->span();
  Value set = make_set(std::move(list->as_list()));
  set.set_span(span);
  return set;
}

Outcome fn_tomap(Call& c) {
  Value v = c.args[0];
  if (v.is_unknown() || v.is_null()) return v;
  if (!v.is_map())
    return fail(c, fmt::format("cannot convert {} to map", Value::type_name(v.type())));
  std::vector<Value*> items;
  for (auto& m : v.as_map()) items.push_back(&m.value);
  auto ok = unify(c, items);
  if (!ok) return forward(ok);
  Span span = v.span();
  Value out = sorted_map(std::move(v.as_map()));
  out.set_span(span);
  return out;
}

constexpr FunctionSpec kFunctions[] = {
    {"tobool", fn_tobool, 1, 1, UnknownArgs::Handle},
    {"tolist", fn_tolist, 1, 1, UnknownArgs::Handle},
    {"tomap", fn_tomap, 1, 1, UnknownArgs::Handle},
    {"tonumber", fn_tonumber, 1, 1, UnknownArgs::Handle},
    {"toset", fn_toset, 1, 1, UnknownArgs::Handle},
    {"tostring", fn_tostring, 1, 1, UnknownArgs::Handle},
};

}  // namespace

std::span<const FunctionSpec> conversion_functions() { return kFunctions; }

}  // namespace cc::terraform::detail
