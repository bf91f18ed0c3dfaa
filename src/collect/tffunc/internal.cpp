#include "collect/tffunc/internal.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <unordered_set>

namespace cc::terraform::detail {

Unexpected<std::string> fail(const Call& c, std::string_view message) {
  return {fmt::format("{}: {}", c.name, message)};
}

Value unknown_result(const Call& c) {
  return Value::unknown(fmt::format("{}() depends on a value known only after apply", c.name));
}

const Value* first_unknown(const Value& v) {
  if (v.is_unknown()) return &v;
  if (v.is_list()) {
    for (const auto& e : v.as_list())
      if (const Value* u = first_unknown(e)) return u;
  } else if (v.is_map()) {
    for (const auto& m : v.as_map())
      if (const Value* u = first_unknown(m.value)) return u;
  }
  return nullptr;
}

std::string format_number(double d) {
  if (d == 0) return "0";  // also folds -0
  char buf[400];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::fixed);
  if (ec != std::errc{}) return fmt::format("{}", d);
  return std::string(buf, end);
}

std::optional<std::string> to_text(const Value& v) {
  switch (v.type()) {
    case Value::Type::String:
      return v.as_string();
    case Value::Type::Number:
      return format_number(v.as_number());
    case Value::Type::Bool:
      return std::string(v.as_bool() ? "true" : "false");
    default:
      return std::nullopt;
  }
}

std::optional<double> to_number(const Value& v) {
  if (v.is_number()) return v.as_number();
  if (!v.is_string()) return std::nullopt;
  const std::string& s = v.as_string();
  std::string_view text = s;
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  if (text.empty()) return std::nullopt;
  double d = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), d);
  if (ec != std::errc{} || end != text.data() + text.size() || !std::isfinite(d))
    return std::nullopt;
  return d;
}

namespace {
std::string describe(const Value& v) { return Value::type_name(v.type()); }
std::string position(size_t i) { return fmt::format("argument {}", i + 1); }
}  // namespace

Checked<std::string> arg_string(const Call& c, size_t i) {
  const Value& v = c.args[i];
  if (auto t = to_text(v)) return *t;
  if (v.is_null()) return fail(c, position(i) + " must not be null");
  return fail(c, fmt::format("{} must be a string, got {}", position(i), describe(v)));
}

Checked<double> arg_number(const Call& c, size_t i) {
  const Value& v = c.args[i];
  if (auto d = to_number(v)) return *d;
  if (v.is_null()) return fail(c, position(i) + " must not be null");
  if (v.is_string())
    return fail(c, fmt::format("{} must be a number, got \"{}\"", position(i), v.as_string()));
  return fail(c, fmt::format("{} must be a number, got {}", position(i), describe(v)));
}

Checked<int64_t> arg_integer(const Call& c, size_t i) {
  auto d = arg_number(c, i);
  if (!d) return forward(d);
  if (*d != std::floor(*d)) return fail(c, position(i) + " must be a whole number");
  if (*d < -9.2e18 || *d > 9.2e18) return fail(c, position(i) + " is out of range");
  return static_cast<int64_t>(*d);
}

Checked<bool> arg_bool(const Call& c, size_t i) {
  const Value& v = c.args[i];
  if (v.is_bool()) return v.as_bool();
  if (v.is_string() && (v.as_string() == "true" || v.as_string() == "false"))
    return v.as_string() == "true";
  if (v.is_null()) return fail(c, position(i) + " must not be null");
  return fail(c, fmt::format("{} must be a bool, got {}", position(i), describe(v)));
}

Checked<const List*> arg_list(const Call& c, size_t i) {
  const Value& v = c.args[i];
  if (v.is_list()) return &v.as_list();
  if (v.is_null()) return fail(c, position(i) + " must not be null");
  return fail(c, fmt::format("{} must be a list, got {}", position(i), describe(v)));
}

Checked<const Map*> arg_map(const Call& c, size_t i) {
  const Value& v = c.args[i];
  if (v.is_map()) return &v.as_map();
  if (v.is_null()) return fail(c, position(i) + " must not be null");
  return fail(c, fmt::format("{} must be a map or object, got {}", position(i), describe(v)));
}

namespace {
bool same_value_at(const Value& a, const Value& b, int depth) {
  if (depth > kMaxDepth) return false;
  if (a.type() != b.type()) {
    // Terraform unifies a string with a number or bool before comparing.
    bool a_prim = a.is_string() || a.is_number() || a.is_bool();
    bool b_prim = b.is_string() || b.is_number() || b.is_bool();
    if (a_prim && b_prim && (a.is_string() || b.is_string())) {
      const Value& s = a.is_string() ? a : b;
      const Value& o = a.is_string() ? b : a;
      if (o.is_number()) {
        auto n = to_number(s);
        return n && *n == o.as_number();
      }
      return to_text(o) == s.as_string();
    }
    return false;
  }
  switch (a.type()) {
    case Value::Type::List: {
      const auto& x = a.as_list();
      const auto& y = b.as_list();
      if (x.size() != y.size()) return false;
      for (size_t i = 0; i < x.size(); ++i)
        if (!same_value_at(x[i], y[i], depth + 1)) return false;
      return true;
    }
    case Value::Type::Map: {
      const auto& x = a.as_map();
      const auto& y = b.as_map();
      if (x.size() != y.size()) return false;
      for (const auto& m : x) {
        const Value* other = b.find(m.key);
        if (!other || !same_value_at(m.value, *other, depth + 1)) return false;
      }
      return true;
    }
    default:
      return a == b;
  }
}
}  // namespace

bool same_value(const Value& a, const Value& b) { return same_value_at(a, b, 0); }

namespace {
void append_key(const Value& v, std::string& out, int depth) {
  if (depth > kMaxDepth) return;
  switch (v.type()) {
    case Value::Type::Null:
      out += 'z';
      break;
    case Value::Type::Bool:
      out += v.as_bool() ? "bt" : "bf";
      break;
    case Value::Type::Number:
      out += 'n' + format_number(v.as_number()) + ';';
      break;
    case Value::Type::String:
      out += fmt::format("s{}:", v.as_string().size());
      out += v.as_string();
      break;
    case Value::Type::List:
      out += '[';
      for (const auto& e : v.as_list()) append_key(e, out, depth + 1);
      out += ']';
      break;
    case Value::Type::Map: {
      std::vector<const Member*> sorted;
      for (const auto& m : v.as_map()) sorted.push_back(&m);
      std::sort(sorted.begin(), sorted.end(),
                [](const Member* a, const Member* b) { return a->key < b->key; });
      out += '{';
      for (const Member* m : sorted) {
        out += fmt::format("{}:", m->key.size());
        out += m->key;
        append_key(m->value, out, depth + 1);
      }
      out += '}';
      break;
    }
    case Value::Type::Unknown:
      out += '?';
      break;
  }
}
}  // namespace

std::string identity_key(const Value& v) {
  std::string out;
  append_key(v, out, 0);
  return out;
}

Value make_set(List items) {
  List unique;
  unique.reserve(items.size());
  std::unordered_set<std::string> seen;
  bool all_strings = true;
  bool all_numbers = true;
  for (auto& v : items) {
    // Unknown elements may turn out equal to anything, so each one is kept.
    if (!v.is_unknown() && !seen.insert(identity_key(v)).second) continue;
    all_strings = all_strings && v.is_string();
    all_numbers = all_numbers && v.is_number();
    unique.push_back(std::move(v));
  }
  if (all_strings)
    std::stable_sort(unique.begin(), unique.end(),
                     [](const Value& a, const Value& b) { return a.as_string() < b.as_string(); });
  else if (all_numbers)
    std::stable_sort(unique.begin(), unique.end(),
                     [](const Value& a, const Value& b) { return a.as_number() < b.as_number(); });
  return Value::list(std::move(unique));
}

Value& MapBuilder::slot(const std::string& key, Value initial) {
  auto [it, added] = index_.try_emplace(key, members_.size());
  if (added) members_.push_back(Member{key, std::move(initial), {}});
  return members_[it->second].value;
}

Value MapBuilder::finish() && { return sorted_map(std::move(members_)); }

void set_spans(Value& v, Span s) {
  v.set_span(s);
  if (v.is_list()) {
    for (auto& e : v.as_list()) set_spans(e, s);
  } else if (v.is_map()) {
    for (auto& m : v.as_map()) {
      m.key_span = s;
      set_spans(m.value, s);
    }
  }
}

Value sorted_map(Map members) {
  std::stable_sort(members.begin(), members.end(),
                   [](const Member& a, const Member& b) { return a.key < b.key; });
  return Value::map(std::move(members));
}

}  // namespace cc::terraform::detail

namespace cc::terraform {

std::optional<std::string> primitive_text(const Value& v) { return detail::to_text(v); }

}  // namespace cc::terraform
