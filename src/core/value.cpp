#include "core/value.h"

#include <charconv>
#include <optional>

namespace cc {


bool Value::contains_unknown() const {
  switch (type()) {
    case Type::Unknown:
      return true;
    case Type::List:
      for (const auto& v : as_list())
        if (v.contains_unknown()) return true;
      return false;
    case Type::Map:
      for (const auto& m : as_map())
        if (m.value.contains_unknown()) return true;
      return false;
    default:
      return false;
  }
}

const Value* Value::find(std::string_view key) const {
  if (!is_map()) return nullptr;
  for (const auto& m : as_map())
    if (m.key == key) return &m.value;
  return nullptr;
}

Value* Value::find(std::string_view key) {
  return const_cast<Value*>(static_cast<const Value*>(this)->find(key));
}

const Value* Value::at_path(std::string_view dotted) const {
  const Value* cur = this;
  while (cur && !dotted.empty()) {
    size_t dot = dotted.find('.');
    std::string_view part = dotted.substr(0, dot);
    dotted = dot == std::string_view::npos ? std::string_view{} : dotted.substr(dot + 1);
    if (cur->is_list()) {
      size_t idx = 0;
      auto [p, ec] = std::from_chars(part.data(), part.data() + part.size(), idx);
      if (ec != std::errc{} || p != part.data() + part.size() || idx >= cur->as_list().size())
        return nullptr;
      cur = &cur->as_list()[idx];
    } else {
      cur = cur->find(part);
    }
  }
  return cur;
}

Value& Value::set(std::string key, Value v) {
  if (is_null()) data_ = Map{};
  auto& m = as_map();
  for (auto& member : m) {
    if (member.key == key) {
      member.value = std::move(v);
      return member.value;
    }
  }
  m.push_back(Member{std::move(key), std::move(v), {}});
  return m.back().value;
}

Value& Value::set_path(std::string_view dotted, Value v) {
  size_t dot = dotted.find('.');
  if (dot == std::string_view::npos) return set(std::string(dotted), std::move(v));
  std::string head(dotted.substr(0, dot));
  Value* child = find(head);
  if (!child || !child->is_map()) child = &set(head, Value::map());
  return child->set_path(dotted.substr(dot + 1), std::move(v));
}

bool Value::erase(std::string_view key) {
  if (!is_map()) return false;
  auto& m = as_map();
  for (auto it = m.begin(); it != m.end(); ++it) {
    if (it->key == key) {
      m.erase(it);
      return true;
    }
  }
  return false;
}

std::optional<bool> Value::loose_bool() const {
  if (is_bool()) return as_bool();
  if (is_number()) return as_number() != 0;
  if (is_string()) {
    const auto& s = as_string();
    if (s == "true" || s == "True" || s == "TRUE") return true;
    if (s == "false" || s == "False" || s == "FALSE") return false;
  }
  return std::nullopt;
}

const char* Value::type_name(Type t) {
  switch (t) {
    case Type::Null: return "null";
    case Type::Bool: return "bool";
    case Type::Number: return "number";
    case Type::String: return "string";
    case Type::List: return "list";
    case Type::Map: return "map";
    case Type::Unknown: return "unknown";
  }
  return "?";
}

bool operator==(const Value& a, const Value& b) {
  if (a.type() != b.type()) return false;
  switch (a.type()) {
    case Value::Type::Null: return true;
    case Value::Type::Bool: return a.as_bool() == b.as_bool();
    case Value::Type::Number: return a.as_number() == b.as_number();
    case Value::Type::String: return a.as_string() == b.as_string();
    case Value::Type::List: return a.as_list() == b.as_list();
    case Value::Type::Map: {
      const auto& x = a.as_map();
      const auto& y = b.as_map();
      if (x.size() != y.size()) return false;
      for (size_t i = 0; i < x.size(); ++i)
        if (x[i].key != y[i].key || !(x[i].value == y[i].value)) return false;
      return true;
    }
    case Value::Type::Unknown: return false;  // two unknowns are never known to be equal
  }
  return false;
}

}  // namespace cc
