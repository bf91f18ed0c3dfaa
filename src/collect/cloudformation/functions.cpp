// The intrinsics that compute a value from their arguments (Fn::Join, Fn::Select,
// ...) and those whose value exists only at deployment (Fn::GetAZs, Fn::ImportValue).
#include <fmt/format.h>
#include <openssl/evp.h>

#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>

#include "collect/cloudformation/evaluator.h"

namespace cc::collect::cfn {
namespace {

// An index or count given as a number or as numeric text ("2").
std::optional<long> integer_of(const Value& v) {
  if (v.is_number()) {
    double d = v.as_number();
    if (std::trunc(d) != d || std::fabs(d) > 1e9) return std::nullopt;
    return static_cast<long>(d);
  }
  if (v.is_string()) {
    const std::string& s = v.as_string();
    long n = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
    if (ec == std::errc{} && end == s.data() + s.size() && !s.empty()) return n;
  }
  return std::nullopt;
}

// An unknown standing for the result of `function` over the unknown input `input`.
Value unknown_from(const Value& input, std::string_view function, Span at) {
  const Unknown* first = nullptr;
  if (input.is_unknown()) first = &input.as_unknown();
  if (input.is_list())
    for (const Value& item : input.as_list())
      if (item.is_unknown() && !first) first = &item.as_unknown();
  if (!first) return Value::unknown(fmt::format("{} of a value that is unknown", function), at);
  return Value::unknown(fmt::format("{} of {}", function, first->reason), at, first->ref);
}

nlohmann::json to_json(const Value& v) {
  switch (v.type()) {
    case Value::Type::Bool:
      return v.as_bool();
    case Value::Type::Number: {
      double d = v.as_number();
      if (std::trunc(d) == d && std::fabs(d) < 1e18) return static_cast<long long>(d);
      return d;
    }
    case Value::Type::String:
      return v.as_string();
    case Value::Type::List: {
      nlohmann::json out = nlohmann::json::array();
      for (const Value& item : v.as_list()) out.push_back(to_json(item));
      return out;
    }
    case Value::Type::Map: {
      nlohmann::json out = nlohmann::json::object();
      for (const Member& m : v.as_map()) out[m.key] = to_json(m.value);
      return out;
    }
    default:
      return nullptr;
  }
}

}  // namespace

Evaluated Evaluator::fn_join(const Value& arg, Span at) {
  if (!arg.is_list() || arg.as_list().size() != 2)
    return malformed(at, "Fn::Join", "expects [delimiter, [values]]");
  Value delimiter = eval_required(arg.as_list()[0], "Fn::Join");
  Value items = eval_required(arg.as_list()[1], "Fn::Join");
  if (delimiter.is_unknown()) return unknown_from(delimiter, "Fn::Join", at);
  if (!delimiter.is_string()) return malformed(at, "Fn::Join", "the delimiter must be a string");
  if (items.is_unknown()) return unknown_from(items, "Fn::Join", at);
  if (!items.is_list()) return malformed(at, "Fn::Join", "the second argument must be a list");
  if (items.contains_unknown()) return unknown_from(items, "Fn::Join", at);
  std::string out;
  bool first = true;
  for (const Value& item : items.as_list()) {
    auto text = scalar_text(item);
    if (!text)
      return malformed(item.span().known() ? item.span() : at, "Fn::Join",
                       fmt::format("cannot join a {}", Value::type_name(item.type())));
    if (!first) out += delimiter.as_string();
    out += *text;
    first = false;
  }
  return Value::string(std::move(out), at);
}

Evaluated Evaluator::fn_select(const Value& arg, Span at) {
  if (!arg.is_list() || arg.as_list().size() != 2)
    return malformed(at, "Fn::Select", "expects [index, [values]]");
  Value index = eval_required(arg.as_list()[0], "Fn::Select");
  Value items = eval_required(arg.as_list()[1], "Fn::Select");
  if (index.is_unknown()) return unknown_from(index, "Fn::Select", at);
  if (items.is_unknown()) return unknown_from(items, "Fn::Select", at);
  auto i = integer_of(index);
  if (!i) return malformed(at, "Fn::Select", "the index must be a whole number");
  if (!items.is_list()) return malformed(at, "Fn::Select", "the second argument must be a list");
  if (*i < 0 || static_cast<size_t>(*i) >= items.as_list().size())
    return malformed(at, "Fn::Select",
                     fmt::format("index {} is outside a list of {}", *i, items.as_list().size()));
  Value chosen = std::move(items.as_list()[static_cast<size_t>(*i)]);
  if (!chosen.span().known()) chosen.set_span(at);
  return chosen;
}

Evaluated Evaluator::fn_split(const Value& arg, Span at) {
  if (!arg.is_list() || arg.as_list().size() != 2)
    return malformed(at, "Fn::Split", "expects [delimiter, string]");
  Value delimiter = eval_required(arg.as_list()[0], "Fn::Split");
  Value source = eval_required(arg.as_list()[1], "Fn::Split");
  if (delimiter.is_unknown()) return unknown_from(delimiter, "Fn::Split", at);
  if (source.is_unknown()) return unknown_from(source, "Fn::Split", at);
  if (!delimiter.is_string() || delimiter.as_string().empty())
    return malformed(at, "Fn::Split", "the delimiter must be a non-empty string");
  auto text = scalar_text(source);
  if (!text) return malformed(at, "Fn::Split", "the second argument must be a string");
  const std::string& delim = delimiter.as_string();
  List parts;
  size_t pos = 0;
  for (;;) {
    size_t next = text->find(delim, pos);
    parts.push_back(Value::string(text->substr(pos, next - pos), at));
    if (next == std::string::npos) break;
    pos = next + delim.size();
  }
  return Value::list(std::move(parts), at);
}

Evaluated Evaluator::fn_find_in_map(const Value& arg, Span at) {
  if (!arg.is_list() || arg.as_list().size() < 3 || arg.as_list().size() > 4)
    return malformed(at, "Fn::FindInMap", "expects [map name, top-level key, second-level key]");
  const List& parts = arg.as_list();
  std::string keys[3];
  for (size_t i = 0; i < 3; ++i) {
    Value key = eval_required(parts[i], "Fn::FindInMap");
    if (key.is_unknown()) return unknown_from(key, "Fn::FindInMap", at);
    auto text = scalar_text(key);
    if (!text) return malformed(at, "Fn::FindInMap", "keys must be strings");
    keys[i] = std::move(*text);
  }
  const Value* found = mappings_ ? mappings_->find(keys[0]) : nullptr;
  if (found) found = found->find(keys[1]);
  if (found) found = found->find(keys[2]);
  if (found) {
    Value v = *found;
    if (!v.span().known()) v.set_span(at);
    return v;
  }
  // AWS::LanguageExtensions adds a fourth argument {DefaultValue: ...}.
  if (parts.size() == 4) {
    if (const Value* fallback = parts[3].find("DefaultValue")) return eval(*fallback);
    return malformed(at, "Fn::FindInMap", "the fourth argument must be {DefaultValue: value}");
  }
  diags_.push_back(
      Diagnostic{DiagLevel::Error, "cfn.mapping",
                 fmt::format("Mappings has no entry {} / {} / {}", keys[0], keys[1], keys[2]), at});
  return Value::unknown(fmt::format("missing mapping entry {}/{}/{}", keys[0], keys[1], keys[2]),
                        at);
}

Evaluated Evaluator::fn_base64(const Value& arg, Span at) {
  Value source = eval_required(arg, "Fn::Base64");
  if (source.contains_unknown()) return unknown_from(source, "Fn::Base64", at);
  auto text = scalar_text(source);
  if (!text) return malformed(at, "Fn::Base64", "expects a string");
  std::string encoded(4 * ((text->size() + 2) / 3) + 1, '\0');
  int written = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(encoded.data()),
                                reinterpret_cast<const unsigned char*>(text->data()),
                                static_cast<int>(text->size()));
  encoded.resize(static_cast<size_t>(written));
  return Value::string(std::move(encoded), at);
}

Evaluated Evaluator::fn_cidr(const Value& arg, Span at) {
  if (!arg.is_list() || arg.as_list().size() != 3)
    return malformed(at, "Fn::Cidr", "expects [address block, count, host bits]");
  Value block = eval_required(arg.as_list()[0], "Fn::Cidr");
  Value count = eval_required(arg.as_list()[1], "Fn::Cidr");
  Value bits = eval_required(arg.as_list()[2], "Fn::Cidr");
  for (const Value* v : {&block, &count, &bits})
    if (v->is_unknown()) return unknown_from(*v, "Fn::Cidr", at);
  auto n = integer_of(count);
  auto host_bits = integer_of(bits);
  if (!block.is_string() || !n || !host_bits)
    return malformed(at, "Fn::Cidr", "expects a block string and two whole numbers");
  std::vector<std::string> subnets;
  std::string error;
  if (!cidr_subnets(block.as_string(), *n, *host_bits, subnets, error))
    return malformed(at, "Fn::Cidr", error);
  List out;
  for (auto& s : subnets) out.push_back(Value::string(std::move(s), at));
  return Value::list(std::move(out), at);
}

Evaluated Evaluator::fn_get_azs(const Value& arg, Span at) {
  (void)eval(arg);  // diagnostics inside the region argument still count
  return Value::unknown("availability zones are known only at deployment", at);
}

Evaluated Evaluator::fn_import_value(const Value& arg, Span at) {
  Value name = eval_required(arg, "Fn::ImportValue");
  auto text = scalar_text(name);
  return Value::unknown(text ? fmt::format("value exported by another stack as '{}'", *text)
                             : std::string("value exported by another stack"),
                        at);
}

Evaluated Evaluator::fn_length(const Value& arg, Span at) {
  Value items = eval_required(arg, "Fn::Length");
  if (items.is_unknown()) return unknown_from(items, "Fn::Length", at);
  if (!items.is_list()) return malformed(at, "Fn::Length", "expects a list");
  return Value::number(static_cast<double>(items.as_list().size()), at);
}

Evaluated Evaluator::fn_to_json_string(const Value& arg, Span at) {
  Value v = eval_required(arg, "Fn::ToJsonString");
  if (v.contains_unknown()) return unknown_from(v, "Fn::ToJsonString", at);
  if (!v.is_map() && !v.is_list())
    return malformed(at, "Fn::ToJsonString", "expects a map or a list");
  return Value::string(to_json(v).dump(), at);
}

Evaluated Evaluator::fn_transform(const Value& arg, Span at) {
  const Value* name = arg.find("Name");
  return Value::unknown(name && name->is_string()
                            ? fmt::format("output of macro {}", name->as_string())
                            : std::string("output of a macro"),
                        at);
}

Evaluated Evaluator::fn_unsupported(const Value&, Span at) {
  warn(at, "cfn.unsupported", "this intrinsic function is not evaluated; its value is unknown");
  return Value::unknown("intrinsic function not evaluated", at);
}

}  // namespace cc::collect::cfn
