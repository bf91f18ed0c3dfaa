// Parameter values: an override from the user, else the Default, converted to the
// parameter's declared type the way CloudFormation hands it to intrinsics.
#include <fmt/format.h>

#include <charconv>
#include <cmath>

#include "collect/cloudformation/evaluator.h"

namespace cc::collect::cfn {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::optional<double> parse_number(std::string_view text) {
  text = trim(text);
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  double d = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), d);
  if (ec != std::errc{} || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return d;
}

}  // namespace

std::optional<std::string> scalar_text(const Value& v) {
  switch (v.type()) {
    case Value::Type::String:
      return v.as_string();
    case Value::Type::Bool:
      return std::string(v.as_bool() ? "true" : "false");
    case Value::Type::Number: {
      double d = v.as_number();
      // Whole numbers print without a fraction or exponent, as the template wrote them.
      if (std::trunc(d) == d && std::fabs(d) < 1e18)
        return fmt::format("{}", static_cast<long long>(d));
      return fmt::format("{}", d);
    }
    default:
      return std::nullopt;
  }
}

Value Evaluator::parameter(std::string_view name, Span at) {
  auto cached = parameter_cache_.find(name);
  if (cached == parameter_cache_.end()) {
    const Value* decl = parameters_->find(name);
    Value resolved;
    if (!decl->is_map()) {
      warn(decl->span(), "cfn.parameter",
           fmt::format("parameter {} must be declared as a map with a Type", name));
      resolved = Value::unknown(fmt::format("parameter {} is malformed", name));
    } else {
      const Value* type_node = decl->find("Type");
      std::string type = type_node && type_node->is_string() ? type_node->as_string() : "String";
      auto override_it = options_.parameter_overrides.find(std::string(name));
      if (override_it != options_.parameter_overrides.end()) {
        resolved = typed_parameter(name, type, Value::string(override_it->second), at);
      } else if (const Value* def = decl->find("Default")) {
        resolved = typed_parameter(name, type, *def, def->span());
      } else {
        resolved = Value::unknown(fmt::format("parameter {} has no default", name));
      }
    }
    cached = parameter_cache_.emplace(std::string(name), std::move(resolved)).first;
  }
  // Each use points at the place that refers to the parameter.
  Value v = cached->second;
  v.set_span(at);
  if (v.is_list())
    for (Value& item : v.as_list()) item.set_span(at);
  return v;
}

Value Evaluator::typed_parameter(std::string_view name, const std::string& type, const Value& raw,
                                 Span at) {
  if (type.rfind("AWS::SSM::Parameter::Value<", 0) == 0) {
    // The parameter holds the name of an SSM parameter; its value is read at deployment.
    auto key = scalar_text(raw);
    return Value::unknown(
        fmt::format("parameter {} is the value of SSM parameter '{}'", name, key.value_or("?")));
  }
  bool is_list = type == "CommaDelimitedList" || type.rfind("List<", 0) == 0;
  bool numeric_items = type == "List<Number>";
  auto convert = [&](std::string_view text, bool as_number) -> Value {
    if (!as_number) return Value::string(std::string(is_list ? trim(text) : text));
    if (auto d = parse_number(text)) return Value::number(*d);
    warn(at, "cfn.parameter",
         fmt::format("parameter {} is of type {} but '{}' is not a number", name, type, text));
    return Value::unknown(fmt::format("parameter {} is not a valid number", name));
  };

  if (is_list) {
    List items;
    if (raw.is_list()) {
      for (const Value& item : raw.as_list()) {
        auto text = scalar_text(item);
        items.push_back(
            text ? convert(*text, numeric_items)
                 : Value::unknown(fmt::format("parameter {} has a non-scalar item", name)));
      }
      return Value::list(std::move(items));
    }
    auto text = scalar_text(raw);
    if (!text) {
      warn(at, "cfn.parameter",
           fmt::format("parameter {} of type {} needs a comma-separated string", name, type));
      return Value::unknown(fmt::format("parameter {} is malformed", name));
    }
    std::string_view rest = *text;
    while (!rest.empty()) {
      size_t comma = rest.find(',');
      items.push_back(convert(rest.substr(0, comma), numeric_items));
      if (comma == std::string_view::npos) break;
      rest.remove_prefix(comma + 1);
      if (rest.empty()) items.push_back(convert("", numeric_items));
    }
    return Value::list(std::move(items));
  }

  auto text = scalar_text(raw);
  if (!text) {
    warn(at, "cfn.parameter", fmt::format("parameter {} needs a single value", name));
    return Value::unknown(fmt::format("parameter {} is malformed", name));
  }
  return convert(*text, type == "Number");
}

}  // namespace cc::collect::cfn
