// Collection functions over lists (tuples and sets are lists here) and maps.
#include <fmt/format.h>

#include <algorithm>
#include <unordered_set>

#include "collect/tffunc/internal.h"
#include "collect/tffunc/unicode.h"

namespace cc::terraform::detail {
namespace {

bool any_unknown_at_top(const Call& c) {
  return std::any_of(c.args.begin(), c.args.end(), [](const Value& v) { return v.is_unknown(); });
}

Outcome fn_length(Call& c) {
  const Value& v = c.args[0];
  switch (v.type()) {
    case Value::Type::Unknown:
      return unknown_result(c);
    case Value::Type::String:
      return Value::number(static_cast<double>(characters(v.as_string()).size()));
    case Value::Type::List:
      return Value::number(static_cast<double>(v.as_list().size()));
    case Value::Type::Map:
      return Value::number(static_cast<double>(v.as_map().size()));
    case Value::Type::Null:
      return fail(c, "argument must not be null");
    default:
      return fail(c, fmt::format("argument must be a string, list or map, got {}",
                                 Value::type_name(v.type())));
  }
}

Outcome fn_concat(Call& c) {
  if (any_unknown_at_top(c)) return unknown_result(c);
  List out;
  for (size_t i = 0; i < c.args.size(); ++i) {
    auto list = arg_list(c, i);
    if (!list) return forward(list);
    if (out.size() + (*list)->size() > kMaxElements) return fail(c, "result has too many elements");
    out.insert(out.end(), (*list)->begin(), (*list)->end());
  }
  return Value::list(std::move(out));
}

Outcome fn_merge(Call& c) {
  if (any_unknown_at_top(c)) return unknown_result(c);
  MapBuilder out;
  for (size_t i = 0; i < c.args.size(); ++i) {
    if (c.args[i].is_null()) continue;
    auto map = arg_map(c, i);
    if (!map) return forward(map);
    for (const auto& m : **map) out.set(m.key, m.value);
  }
  return std::move(out).finish();
}

Outcome fn_lookup(Call& c) {
  if (c.args[0].is_unknown() || c.args[1].contains_unknown()) return unknown_result(c);
  auto map = arg_map(c, 0);
  if (!map) return forward(map);
  auto key = arg_string(c, 1);
  if (!key) return forward(key);
  if (const Value* found = c.args[0].find(*key)) return *found;
  if (c.args.size() == 3) return c.args[2];
  return fail(c, fmt::format("the map has no key \"{}\" and no default was given", *key));
}

Outcome fn_element(Call& c) {
  if (c.args[0].is_unknown() || c.args[1].is_unknown()) return unknown_result(c);
  auto list = arg_list(c, 0);
  if (!list) return forward(list);
  auto index = arg_integer(c, 1);
  if (!index) return forward(index);
  if ((*list)->empty()) return fail(c, "cannot take an element of an empty list");
  // Indexes wrap around in both directions: -1 is the last element.
  auto size = static_cast<int64_t>((*list)->size());
  return (**list)[static_cast<size_t>(((*index % size) + size) % size)];
}

Outcome fn_coalesce(Call& c) {
  for (const auto& v : c.args) {
    // An unknown might be null or empty; passing it on keeps the reference it names.
    if (v.is_unknown()) return v;
    if (v.is_null() || (v.is_string() && v.as_string().empty())) continue;
    return v;
  }
  return fail(c, "every argument is null or an empty string");
}

Outcome fn_coalescelist(Call& c) {
  for (size_t i = 0; i < c.args.size(); ++i) {
    const Value& v = c.args[i];
    if (v.is_unknown()) return v;
    if (v.is_null()) continue;
    auto list = arg_list(c, i);
    if (!list) return forward(list);
    if (!(*list)->empty()) return v;
  }
  return fail(c, "every argument is an empty list");
}

Outcome fn_keys(Call& c) {
  if (c.args[0].is_unknown()) return unknown_result(c);
  auto map = arg_map(c, 0);
  if (!map) return forward(map);
  Value sorted = sorted_map(**map);
  List keys;
  for (const auto& m : sorted.as_map()) keys.push_back(Value::string(m.key));
  return Value::list(std::move(keys));
}

Outcome fn_values(Call& c) {
  if (c.args[0].is_unknown()) return unknown_result(c);
  auto map = arg_map(c, 0);
  if (!map) return forward(map);
  Value sorted = sorted_map(**map);
  List values;
  for (auto& m : sorted.as_map()) values.push_back(std::move(m.value));
  return Value::list(std::move(values));
}

Outcome fn_slice(Call& c) {
  if (any_unknown_at_top(c)) return unknown_result(c);
  auto list = arg_list(c, 0);
  if (!list) return forward(list);
  auto start = arg_integer(c, 1);
  if (!start) return forward(start);
  auto end = arg_integer(c, 2);
  if (!end) return forward(end);
  auto size = static_cast<int64_t>((*list)->size());
  if (*start < 0 || *start > size) return fail(c, "start index is out of range");
  if (*end < 0 || *end > size) return fail(c, "end index is out of range");
  if (*start > *end) return fail(c, "start index must not be greater than end index");
  return Value::list(List((*list)->begin() + *start, (*list)->begin() + *end));
}

Outcome fn_reverse(Call& c) {
  if (c.args[0].is_unknown()) return unknown_result(c);
  auto list = arg_list(c, 0);
  if (!list) return forward(list);
  return Value::list(List((*list)->rbegin(), (*list)->rend()));
}

Outcome fn_one(Call& c) {
  if (c.args[0].is_unknown()) return unknown_result(c);
  auto list = arg_list(c, 0);
  if (!list) return forward(list);
  if ((*list)->empty()) return Value::null();
  if ((*list)->size() > 1)
    return fail(c,
                fmt::format("the list must have at most one element, it has {}", (*list)->size()));
  return (**list)[0];
}

Outcome fn_contains(Call& c) {
  if (c.args[0].is_unknown() || c.args[1].contains_unknown()) return unknown_result(c);
  auto list = arg_list(c, 0);
  if (!list) return forward(list);
  bool unknown_element = false;
  for (const auto& e : **list) {
    if (e.contains_unknown()) {
      unknown_element = true;
      continue;
    }
    if (same_value(e, c.args[1])) return Value::boolean(true);
  }
  if (unknown_element) return unknown_result(c);
  return Value::boolean(false);
}

Outcome fn_index(Call& c) {
  auto list = arg_list(c, 0);
  if (!list) return forward(list);
  for (size_t i = 0; i < (*list)->size(); ++i)
    if (same_value((**list)[i], c.args[1])) return Value::number(static_cast<double>(i));
  return fail(c, "the value is not in the list");
}

Outcome fn_distinct(Call& c) {
  auto list = arg_list(c, 0);
  if (!list) return forward(list);
  List out;
  std::unordered_set<std::string> seen;
  for (const auto& e : **list)
    if (seen.insert(identity_key(e)).second) out.push_back(e);
  return Value::list(std::move(out));
}

Checked<bool> flatten_into(const Call& c, const List& in, List& out, int depth) {
  if (depth > kMaxDepth) return fail(c, "lists are nested too deeply");
  for (const auto& e : in) {
    if (e.is_list()) {
      auto ok = flatten_into(c, e.as_list(), out, depth + 1);
      if (!ok) return ok;
    } else {
      out.push_back(e);
      if (out.size() > kMaxElements) return fail(c, "result has too many elements");
    }
  }
  return true;
}

Outcome fn_flatten(Call& c) {
  auto list = arg_list(c, 0);
  if (!list) return forward(list);
  List out;
  auto ok = flatten_into(c, **list, out, 0);
  if (!ok) return forward(ok);
  return Value::list(std::move(out));
}

Outcome fn_compact(Call& c) {
  auto list = arg_list(c, 0);
  if (!list) return forward(list);
  List out;
  for (const auto& e : **list) {
    if (e.is_null()) continue;
    auto text = to_text(e);
    if (!text)
      return fail(c, fmt::format("elements must be strings, got {}", Value::type_name(e.type())));
    if (!text->empty()) out.push_back(Value::string(std::move(*text)));
  }
  return Value::list(std::move(out));
}

Outcome fn_chunklist(Call& c) {
  auto list = arg_list(c, 0);
  if (!list) return forward(list);
  auto size = arg_integer(c, 1);
  if (!size) return forward(size);
  if ((*list)->empty()) return Value::list();
  if (*size < 0) return fail(c, "the chunk size must not be negative");
  // A size of zero means one chunk holding the whole list.
  if (*size == 0) return Value::list(List{c.args[0]});
  List out;
  const List& in = **list;
  for (size_t i = 0; i < in.size(); i += static_cast<size_t>(*size)) {
    size_t end = std::min(in.size(), i + static_cast<size_t>(*size));
    out.push_back(Value::list(List(in.begin() + static_cast<std::ptrdiff_t>(i),
                                   in.begin() + static_cast<std::ptrdiff_t>(end))));
  }
  return Value::list(std::move(out));
}

Outcome fn_alltrue(Call& c) {
  if (c.args[0].is_unknown()) return unknown_result(c);
  auto list = arg_list(c, 0);
  if (!list) return forward(list);
  bool unknown = false;
  for (const auto& e : **list) {
    if (e.is_unknown()) {
      unknown = true;
      continue;
    }
    if (e.is_null()) return Value::boolean(false);
    auto b = e.loose_bool();
    if (!b || e.is_number()) return fail(c, "elements must be bools");
    if (!*b) return Value::boolean(false);
  }
  if (unknown) return unknown_result(c);
  return Value::boolean(true);
}

Outcome fn_anytrue(Call& c) {
  if (c.args[0].is_unknown()) return unknown_result(c);
  auto list = arg_list(c, 0);
  if (!list) return forward(list);
  bool unknown = false;
  for (const auto& e : **list) {
    if (e.is_unknown()) {
      unknown = true;
      continue;
    }
    if (e.is_null()) continue;
    auto b = e.loose_bool();
    if (!b || e.is_number()) return fail(c, "elements must be bools");
    if (*b) return Value::boolean(true);
  }
  if (unknown) return unknown_result(c);
  return Value::boolean(false);
}

Outcome fn_range(Call& c) {
  std::vector<double> n;
  for (size_t i = 0; i < c.args.size(); ++i) {
    auto d = arg_number(c, i);
    if (!d) return forward(d);
    n.push_back(*d);
  }
  double start = n.size() == 1 ? 0 : n[0];
  double limit = n.size() == 1 ? n[0] : n[1];
  double step = n.size() == 3 ? n[2] : (start > limit ? -1 : 1);
  if (step == 0) return fail(c, "step must not be zero");
  List out;
  if ((step > 0 && start > limit) || (step < 0 && start < limit)) return Value::list();
  // Terraform itself refuses to build more than 1024 values.
  for (double v = start; step > 0 ? v < limit : v > limit; v += step) {
    if (out.size() >= 1024)
      return fail(c, "more than 1024 values; narrow the range or use a larger step");
    out.push_back(Value::number(v));
  }
  return Value::list(std::move(out));
}

Outcome fn_sort(Call& c) {
  auto list = arg_list(c, 0);
  if (!list) return forward(list);
  std::vector<std::string> items;
  for (const auto& e : **list) {
    auto text = to_text(e);
    if (!text) return fail(c, "elements must be strings (numbers and bools are converted)");
    items.push_back(std::move(*text));
  }
  std::sort(items.begin(), items.end());
  List out;
  for (auto& s : items) out.push_back(Value::string(std::move(s)));
  return Value::list(std::move(out));
}

Outcome fn_sum(Call& c) {
  auto list = arg_list(c, 0);
  if (!list) return forward(list);
  if ((*list)->empty()) return fail(c, "cannot sum an empty list");
  double total = 0;
  for (const auto& e : **list) {
    auto d = to_number(e);
    if (!d)
      return fail(c, fmt::format("elements must be numbers, got {}", Value::type_name(e.type())));
    total += *d;
  }
  return Value::number(total);
}

Outcome fn_matchkeys(Call& c) {
  auto values = arg_list(c, 0);
  auto keys = arg_list(c, 1);
  auto search = arg_list(c, 2);
  if (!values) return forward(values);
  if (!keys) return forward(keys);
  if (!search) return forward(search);
  if ((*values)->size() != (*keys)->size())
    return fail(c, "the values and keys lists must have the same length");
  List out;
  for (size_t i = 0; i < (*keys)->size(); ++i) {
    const Value& key = (**keys)[i];
    bool wanted = std::any_of((*search)->begin(), (*search)->end(),
                              [&](const Value& s) { return same_value(s, key); });
    if (wanted) out.push_back((**values)[i]);
  }
  return Value::list(std::move(out));
}

Outcome fn_transpose(Call& c) {
  auto map = arg_map(c, 0);
  if (!map) return forward(map);
  Value sorted = sorted_map(**map);
  MapBuilder out;
  for (const auto& m : sorted.as_map()) {
    if (!m.value.is_list()) return fail(c, "every value must be a list of strings");
    for (const auto& e : m.value.as_list()) {
      auto text = to_text(e);
      if (!text) return fail(c, "every value must be a list of strings");
      out.slot(*text, Value::list()).as_list().push_back(Value::string(m.key));
    }
  }
  return std::move(out).finish();
}

Outcome fn_zipmap(Call& c) {
  if (c.args[0].contains_unknown() || c.args[1].is_unknown()) return unknown_result(c);
  auto keys = arg_list(c, 0);
  auto values = arg_list(c, 1);
  if (!keys) return forward(keys);
  if (!values) return forward(values);
  if ((*keys)->size() != (*values)->size())
    return fail(c, fmt::format("{} keys but {} values", (*keys)->size(), (*values)->size()));
  MapBuilder out;
  for (size_t i = 0; i < (*keys)->size(); ++i) {
    auto key = to_text((**keys)[i]);
    if (!key) return fail(c, "keys must be strings");
    out.set(*key, (**values)[i]);
  }
  return std::move(out).finish();
}

constexpr FunctionSpec kFunctions[] = {
    {"alltrue", fn_alltrue, 1, 1, UnknownArgs::Handle},
    {"anytrue", fn_anytrue, 1, 1, UnknownArgs::Handle},
    {"chunklist", fn_chunklist, 2, 2},
    {"coalesce", fn_coalesce, 1, kVariadic, UnknownArgs::Handle},
    {"coalescelist", fn_coalescelist, 1, kVariadic, UnknownArgs::Handle},
    {"compact", fn_compact, 1, 1},
    {"concat", fn_concat, 1, kVariadic, UnknownArgs::Handle},
    {"contains", fn_contains, 2, 2, UnknownArgs::Handle},
    {"distinct", fn_distinct, 1, 1},
    {"element", fn_element, 2, 2, UnknownArgs::Handle},
    {"flatten", fn_flatten, 1, 1},
    {"index", fn_index, 2, 2},
    {"keys", fn_keys, 1, 1, UnknownArgs::Handle},
    {"length", fn_length, 1, 1, UnknownArgs::Handle},
    {"lookup", fn_lookup, 2, 3, UnknownArgs::Handle},
    {"matchkeys", fn_matchkeys, 3, 3},
    {"merge", fn_merge, 0, kVariadic, UnknownArgs::Handle},
    {"one", fn_one, 1, 1, UnknownArgs::Handle},
    {"range", fn_range, 1, 3},
    {"reverse", fn_reverse, 1, 1, UnknownArgs::Handle},
    {"slice", fn_slice, 3, 3, UnknownArgs::Handle},
    {"sort", fn_sort, 1, 1},
    {"sum", fn_sum, 1, 1},
    {"transpose", fn_transpose, 1, 1},
    {"values", fn_values, 1, 1, UnknownArgs::Handle},
    {"zipmap", fn_zipmap, 2, 2, UnknownArgs::Handle},
};

}  // namespace

std::span<const FunctionSpec> collection_functions() { return kFunctions; }

}  // namespace cc::terraform::detail
