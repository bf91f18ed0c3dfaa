// Fn::Sub: each "${Name}" is filled from the variable map, parameters, pseudo
// parameters and resources; "${Res.Attr}" names a resource attribute; "${!Text}" is
// the literal "${Text}".
#include <fmt/format.h>

#include "collect/cloudformation/evaluator.h"

namespace cc::collect::cfn {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

}  // namespace

Evaluated Evaluator::fn_sub(const Value& arg, Span at) {
  const Value* text_node = &arg;
  const Value* variables = nullptr;
  if (arg.is_list()) {
    if (arg.as_list().size() != 2 || !arg.as_list()[1].is_map())
      return malformed(at, "Fn::Sub", "expects a string or [string, {variables}]");
    text_node = &arg.as_list()[0];
    variables = &arg.as_list()[1];
  }
  if (!text_node->is_string()) return malformed(at, "Fn::Sub", "the template must be a string");
  std::string_view text = text_node->as_string();

  std::string out;
  out.reserve(text.size());
  std::optional<Unknown> first_unknown;
  // The text with every unknown part kept as ${Name}, valid while those parts are only
  // deployment facts (pseudo parameters, resources of this template).
  std::string shape;
  bool shape_ok = true;
  auto append = [&](const Value& v, std::string_view name) -> bool {
    if (v.is_unknown()) {
      // Prefer an unknown that names a resource: adapters join on it.
      if (!first_unknown || (first_unknown->ref.empty() && !v.as_unknown().ref.empty()))
        first_unknown = v.as_unknown();
      bool deployment_fact = name.substr(0, 5) == "AWS::" || !v.as_unknown().ref.empty();
      shape_ok = shape_ok && deployment_fact;
      shape += "${";
      shape += name;
      shape += '}';
      return true;
    }
    auto s = scalar_text(v);
    if (!s) {
      malformed(
          at, "Fn::Sub",
          fmt::format("${{{}}} is a {}, not a single value", name, Value::type_name(v.type())));
      return false;
    }
    out += *s;
    shape += *s;
    return true;
  };

  size_t pos = 0;
  while (pos < text.size()) {
    size_t open = text.find("${", pos);
    if (open == std::string_view::npos) {
      out.append(text.substr(pos));
      shape.append(text.substr(pos));
      break;
    }
    out.append(text.substr(pos, open - pos));
    shape.append(text.substr(pos, open - pos));
    if (open + 2 < text.size() && text[open + 2] == '!') {
      out += "${";
      shape += "${";
      pos = open + 3;
      continue;
    }
    size_t close = text.find('}', open + 2);
    if (close == std::string_view::npos)
      return malformed(at, "Fn::Sub", "a '${' is never closed with '}'");
    std::string_view name = trim(text.substr(open + 2, close - open - 2));
    pos = close + 1;
    if (name.empty()) return malformed(at, "Fn::Sub", "'${}' names no variable");

    if (const Value* var = variables ? variables->find(name) : nullptr) {
      if (!append(eval_required(*var, "Fn::Sub"), name))
        return Value::unknown("malformed Fn::Sub", at);
      continue;
    }
    size_t dot = name.find('.');
    if (dot != std::string_view::npos) {
      std::string resource(name.substr(0, dot));
      if (!is_resource(resource)) {
        warn(at, "cfn.ref",
             fmt::format("Fn::Sub names '${{{}}}', but {} is not a resource of this template", name,
                         resource));
        append(Value::unknown(fmt::format("attribute of undefined resource {}", resource), at),
               name);
      } else {
        append(Value::unknown(fmt::format("attribute {} of {}", name.substr(dot + 1), resource), at,
                              std::string(name)),
               name);
      }
      continue;
    }
    if (!append(resolve_name(name, at), name)) return Value::unknown("malformed Fn::Sub", at);
  }
  if (first_unknown)
    return Value::unknown(fmt::format("Fn::Sub uses {}", first_unknown->reason), at,
                          first_unknown->ref, shape_ok ? std::move(shape) : std::string{});
  return Value::string(std::move(out), at);
}

}  // namespace cc::collect::cfn
