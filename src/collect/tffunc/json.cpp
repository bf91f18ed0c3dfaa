// jsonencode() and jsondecode(). Encoding is deterministic: compact, object keys sorted,
// strings escaped the way Terraform's encoder does (including <, > and & as \u escapes).
#include <fmt/format.h>

#include <algorithm>

#include "collect/doc/json_reader.h"
#include "collect/tffunc/internal.h"
#include "collect/tffunc/unicode.h"

namespace cc::terraform::detail {
namespace {

void append_json_string(std::string& out, std::string_view s) {
  out += '"';
  size_t pos = 0;
  while (pos < s.size()) {
    size_t start = pos;
    char32_t cp = next_code_point(s, pos);
    switch (cp) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '<':
      case '>':
      case '&':
      case 0x2028:
      case 0x2029:
        out += fmt::format("\\u{:04x}", static_cast<unsigned>(cp));
        break;
      default:
        if (cp < 0x20)
          out += fmt::format("\\u{:04x}", static_cast<unsigned>(cp));
        else if (cp == 0xFFFD && pos - start != 3)
          out += "\\ufffd";  // an invalid byte
        else
          out.append(s.substr(start, pos - start));
    }
  }
  out += '"';
}

bool append_json(std::string& out, const Value& v, bool keep_references, int depth) {
  if (depth > kMaxDepth) return false;
  switch (v.type()) {
    case Value::Type::Null:
      out += "null";
      return true;
    case Value::Type::Bool:
      out += v.as_bool() ? "true" : "false";
      return true;
    case Value::Type::Number:
      out += format_number(v.as_number());
      return true;
    case Value::Type::String:
      append_json_string(out, v.as_string());
      return true;
    case Value::Type::List: {
      out += '[';
      bool first = true;
      for (const auto& e : v.as_list()) {
        if (!first) out += ',';
        first = false;
        if (!append_json(out, e, keep_references, depth + 1)) return false;
      }
      out += ']';
      return true;
    }
    case Value::Type::Map: {
      std::vector<const Member*> members;
      for (const auto& m : v.as_map()) members.push_back(&m);
      std::sort(members.begin(), members.end(),
                [](const Member* a, const Member* b) { return a->key < b->key; });
      out += '{';
      bool first = true;
      for (const Member* m : members) {
        if (!first) out += ',';
        first = false;
        append_json_string(out, m->key);
        out += ':';
        if (!append_json(out, m->value, keep_references, depth + 1)) return false;
      }
      out += '}';
      return true;
    }
    case Value::Type::Unknown: {
      if (!keep_references) return false;
      const Unknown& u = v.as_unknown();
      if (!u.shape.empty()) {
        append_json_string(out, u.shape);
        return true;
      }
      if (!u.ref.empty()) {
        append_json_string(out, "${" + u.ref + "}");
        return true;
      }
      return false;
    }
  }
  return false;
}

Outcome fn_jsonencode(Call& c) {
  const Value& v = c.args[0];
  if (v.is_unknown()) return unknown_result(c);
  if (!v.contains_unknown()) {
    auto text = json_text(v);
    if (!text) return fail(c, "the value is nested too deeply");
    return Value::string(std::move(*text));
  }
  // Unknown strings that name a reference become "${ref}" so a reader of the shape
  // still sees the document's structure (a policy's Resource, for instance).
  auto shape = json_text(v, true);
  if (!shape) return unknown_result(c);
  return Value::unknown(unknown_result(c).as_unknown().reason, {}, {}, std::move(*shape));
}

Outcome fn_jsondecode(Call& c) {
  auto text = arg_string(c, 0);
  if (!text) return forward(text);
  Value out;
  Diagnostics diags;
  collect::Limits limits;
  limits.max_file_bytes = kMaxStringBytes;
  if (!collect::parse_json(*text, 0, limits, out, diags)) {
    std::string why = diags.empty() ? "invalid JSON" : diags.front().message;
    return fail(c, fmt::format("invalid JSON: {}", why));
  }
  set_spans(out, c.args[0].span());
  return out;
}

constexpr FunctionSpec kFunctions[] = {
    {"jsondecode", fn_jsondecode, 1, 1},
    {"jsonencode", fn_jsonencode, 1, 1, UnknownArgs::Handle},
};

}  // namespace

std::optional<std::string> json_text(const Value& v, bool keep_references) {
  std::string out;
  if (!append_json(out, v, keep_references, 0)) return std::nullopt;
  return out;
}

std::span<const FunctionSpec> json_functions() { return kFunctions; }

}  // namespace cc::terraform::detail
