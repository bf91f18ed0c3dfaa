#include "collect/tfplan/plan_marks.h"

#include <array>
#include <vector>

namespace cc::collect::tfplan {
namespace {

constexpr std::string_view kAfterApply = "known after apply";

// Splits a reference at the dots that separate its steps; dots inside an index
// (`b["a.b"]`) belong to the key.
std::vector<std::string_view> steps(std::string_view ref) {
  std::vector<std::string_view> out;
  size_t start = 0;
  bool in_index = false;
  bool in_string = false;
  for (size_t i = 0; i < ref.size(); ++i) {
    const char c = ref[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[') {
      in_index = true;
    } else if (c == ']') {
      in_index = false;
    } else if (c == '.' && !in_index) {
      out.push_back(ref.substr(start, i - start));
      start = i + 1;
    }
  }
  out.push_back(ref.substr(start));
  return out;
}

bool is_name_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }

// Roots of references that name no resource: variables, locals, module outputs,
// iteration and path values.
bool is_non_resource_root(std::string_view root) {
  static constexpr std::array<std::string_view, 8> kRoots = {"var",   "local", "module",    "each",
                                                             "count", "path",  "terraform", "self"};
  for (std::string_view r : kRoots)
    if (root == r) return true;
  return false;
}

// `type.name[key].attr...` or `data.type.name[key].attr...`.
bool is_resource_attribute(std::string_view ref) {
  const std::vector<std::string_view> s = steps(ref);
  if (s.empty() || is_non_resource_root(s[0])) return false;
  const size_t type = s[0] == "data" ? 1 : 0;
  if (s.size() < type + 3) return false;
  for (size_t i = type; i < type + 3; ++i)
    if (s[i].empty() || !is_name_start(s[i][0])) return false;
  return s[type].find('[') == std::string_view::npos;
}

// A configuration expression is an object with "references" (a list of strings) or
// "constant_value"; any other object is the body of a nested block.
bool is_expression_leaf(const Value& v) {
  if (!v.is_map()) return false;
  const Value* refs = v.find("references");
  return (refs && refs->is_list()) || v.find("constant_value") != nullptr;
}

// The expression for a member of the value at `expr`: a leaf covers everything
// inside its value (an attribute holding a list or map has one expression).
const Value* expression_member(const Value* expr, std::string_view key) {
  if (!expr || is_expression_leaf(*expr)) return expr;
  return expr->is_map() ? expr->find(key) : nullptr;
}

// The expression for element `i`: nested blocks appear in the configuration as a list
// with one body per block.
const Value* expression_element(const Value* expr, size_t i) {
  if (!expr || is_expression_leaf(*expr)) return expr;
  if (expr->is_list()) return i < expr->as_list().size() ? &expr->as_list()[i] : nullptr;
  return expr->is_map() ? expr : nullptr;
}

Value unknown_for(const Value& marker, const Value* expr, const ReferenceSource& refs) {
  std::string ref;
  if (expr && is_expression_leaf(*expr)) ref = resource_reference(*expr, refs.module_prefix);
  return Value::unknown(std::string(kAfterApply), marker.span(), std::move(ref));
}

bool is_true(const Value& v) { return v.is_bool() && v.as_bool(); }
bool is_container(const Value& v) { return v.is_map() || v.is_list(); }

void mark_unknown(Value& values, const Value& marker, const Value* expr,
                  const ReferenceSource& refs) {
  if (marker.is_map() && values.is_map()) {
    for (const Member& m : marker.as_map()) {
      const Value* child_expr = expression_member(expr, m.key);
      if (is_true(m.value)) {
        values.set(m.key, unknown_for(m.value, child_expr, refs));
      } else if (is_container(m.value)) {
        Value* child = values.find(m.key);
        if (child && is_container(*child)) mark_unknown(*child, m.value, child_expr, refs);
      }
    }
  } else if (marker.is_list() && values.is_list()) {
    List& items = values.as_list();
    const List& marks = marker.as_list();
    for (size_t i = 0; i < marks.size(); ++i) {
      const Value* child_expr = expression_element(expr, i);
      if (is_true(marks[i])) {
        if (i < items.size()) {
          items[i] = unknown_for(marks[i], child_expr, refs);
        } else if (i == items.size()) {
          items.push_back(unknown_for(marks[i], child_expr, refs));
        }
      } else if (i < items.size() && is_container(marks[i]) && is_container(items[i])) {
        mark_unknown(items[i], marks[i], child_expr, refs);
      }
    }
  }
}

void mark_sensitive(Value& values, const Value& marker) {
  if (marker.is_map() && values.is_map()) {
    for (const Member& m : marker.as_map()) {
      Value* child = values.find(m.key);
      if (is_true(m.value)) {
        if (!child) values.set(m.key, Value::unknown("sensitive", m.value.span()));
      } else if (child && is_container(m.value) && is_container(*child)) {
        mark_sensitive(*child, m.value);
      }
    }
  } else if (marker.is_list() && values.is_list()) {
    List& items = values.as_list();
    const List& marks = marker.as_list();
    for (size_t i = 0; i < marks.size() && i < items.size(); ++i) {
      if (is_container(marks[i]) && is_container(items[i])) mark_sensitive(items[i], marks[i]);
    }
  }
}

}  // namespace

std::string resource_reference(const Value& expression, std::string_view module_prefix) {
  const Value* refs = expression.find("references");
  if (!refs || !refs->is_list()) return {};
  for (const Value& r : refs->as_list()) {
    if (r.is_string() && is_resource_attribute(r.as_string())) {
      return std::string(module_prefix) + r.as_string();
    }
  }
  return {};
}

void apply_unknown_marks(Value& values, const Value& marker, const ReferenceSource& refs) {
  mark_unknown(values, marker, refs.expressions, refs);
}

void apply_sensitive_marks(Value& values, const Value& marker) { mark_sensitive(values, marker); }

}  // namespace cc::collect::tfplan
