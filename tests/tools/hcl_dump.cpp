// hcl_dump FILE.tf: prints the syntax tree of one HCL file as JSON, in the shape that
// HashiCorp's hcl2json converter (as packaged in @cdktf/hcl2json) gives, so the two
// parsers can be compared file by file (tests/differential/hcl2json_diff.py).
//
// The shape:
//  * a body is an object; each attribute is a key; each block is nested by its type and
//    then by each label, ending in an array with one object per block body;
//  * null, bools, numbers and strings without interpolation are JSON values; tuples and
//    objects become arrays and objects of their converted elements; `-` or `!` applied to
//    a literal is folded; a template is a string with `${...}` for each interpolation and
//    `%{if}` / `%{for}` directives re-written without strip markers;
//  * any other expression is the string "${<source text>}".
// The syntax tree keeps positions but not the source text of expressions, so expression
// text here is re-rendered in a canonical spelling (single spaces around binary operators,
// ", " between elements); the comparison script normalises both sides before comparing.
//
// Exit status: 0 when the file parsed, 1 on syntax errors (printed on stderr), 2 when the
// file cannot be read.
#include <charconv>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "collect/hcl/parser.h"

namespace {

using cc::hcl::Expression;
using cc::hcl::ExprKind;
using cc::hcl::LiteralKind;
using cc::hcl::TemplatePart;
using cc::hcl::Traverser;
using Json = nlohmann::json;

// Literal template text as hcl2json shows it: a literal `${` or `%{` keeps its escaped
// spelling so the result still reads as template text.
std::string escape_template_text(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if ((c == '$' || c == '%') && i + 1 < text.size() && text[i + 1] == '{') out += c;
    out += c;
  }
  return out;
}

// A number as a template part turns into text: the shortest spelling that reads back.
std::string number_text(double value) {
  char buf[64];
  const auto res = std::to_chars(buf, buf + sizeof buf, value);
  return std::string(buf, res.ptr);
}

std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (const char c : escape_template_text(text)) {
    switch (c) {
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
      default:
        out += c;
    }
  }
  return out + "\"";
}

std::string source(const Expression& e);

std::string template_source(const std::vector<TemplatePart>& parts) {
  std::string out;
  for (const auto& p : parts) {
    switch (p.kind) {
      case TemplatePart::Kind::Literal: {
        const std::string q = quoted(p.text);
        out += q.substr(1, q.size() - 2);
        break;
      }
      case TemplatePart::Kind::Interpolation:
        out += "${" + source(*p.expr) + "}";
        break;
      case TemplatePart::Kind::If:
        out += "%{if " + source(*p.expr) + "}" + template_source(p.then_parts);
        if (p.has_else) out += "%{else}" + template_source(p.else_parts);
        out += "%{endif}";
        break;
      case TemplatePart::Kind::For:
        out += "%{for " + (p.key_var.empty() ? "" : p.key_var + ", ") + p.value_var + " in " +
               source(*p.expr) + "}" + template_source(p.then_parts) + "%{endfor}";
        break;
    }
  }
  return out;
}

std::string traversal_source(const std::vector<Traverser>& steps) {
  std::string out;
  for (const auto& s : steps) {
    switch (s.kind) {
      case Traverser::Kind::Attr:
      case Traverser::Kind::LegacyIndex:
        out += "." + s.name;
        break;
      case Traverser::Kind::Index:
        out += "[" + source(*s.key) + "]";
        break;
    }
  }
  return out;
}

std::string joined(const std::vector<cc::hcl::ExprPtr>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += ", ";
    out += source(*items[i]);
  }
  return out;
}

std::string for_head(const cc::hcl::ForClause& f) {
  return "for " + (f.key_var.empty() ? "" : f.key_var + ", ") + f.value_var + " in " +
         source(*f.collection) + " : ";
}

std::string for_tail(const cc::hcl::ForClause& f) {
  return f.condition ? " if " + source(*f.condition) : "";
}

// The canonical spelling of an expression.
std::string source(const Expression& e) {
  switch (e.kind) {
    case ExprKind::Literal:
      switch (e.literal) {
        case LiteralKind::Null:
          return "null";
        case LiteralKind::Bool:
          return e.boolean ? "true" : "false";
        case LiteralKind::Number:
          return e.text;
        case LiteralKind::String:
          return quoted(e.text);
      }
      return "";
    case ExprKind::Template:
      return "\"" + template_source(e.parts) + "\"";
    case ExprKind::Tuple:
      return "[" + joined(e.elements) + "]";
    case ExprKind::Object: {
      std::string out = "{";
      for (size_t i = 0; i < e.object_items.size(); ++i) {
        const auto& item = e.object_items[i];
        if (i) out += ", ";
        out += (item.bare_key ? item.key->name : source(*item.key)) + " = " + source(*item.value);
      }
      return out + "}";
    }
    case ExprKind::Variable:
      return e.name + traversal_source(e.traversal);
    case ExprKind::GetAttr:
      return source(*e.source) + "." + e.name;
    case ExprKind::Index:
      return source(*e.source) + "[" + source(*e.key) + "]";
    case ExprKind::Splat:
      return source(*e.source) + (e.full_splat ? "[*]" : ".*") + traversal_source(e.traversal);
    case ExprKind::Call:
      return e.name + "(" + joined(e.elements) + (e.expand_final ? "..." : "") + ")";
    case ExprKind::ForTuple:
      return "[" + for_head(*e.for_clause) + source(*e.for_clause->value_expr) +
             for_tail(*e.for_clause) + "]";
    case ExprKind::ForObject:
      return "{" + for_head(*e.for_clause) + source(*e.for_clause->key_expr) + " => " +
             source(*e.for_clause->value_expr) + (e.for_clause->grouping ? "..." : "") +
             for_tail(*e.for_clause) + "}";
    case ExprKind::Conditional:
      return source(*e.condition) + " ? " + source(*e.then_expr) + " : " + source(*e.else_expr);
    case ExprKind::Unary:
      return std::string(to_string(e.op)) + source(*e.source);
    case ExprKind::Binary:
      return source(*e.lhs) + " " + to_string(e.op) + " " + source(*e.rhs);
    case ExprKind::Paren:
      return "(" + source(*e.source) + ")";
  }
  return "";
}

std::string wrapped(const Expression& e) { return "${" + source(e) + "}"; }

std::string string_parts(const std::vector<TemplatePart>& parts);

// What hcl2json makes of an expression that stands inside a template.
std::string string_part(const Expression& e) {
  switch (e.kind) {
    case ExprKind::Literal:
      switch (e.literal) {
        case LiteralKind::String:
          return escape_template_text(e.text);
        case LiteralKind::Number:
          return number_text(e.number);
        case LiteralKind::Bool:
          return e.boolean ? "true" : "false";
        case LiteralKind::Null:
          return wrapped(e);
      }
      return "";
    case ExprKind::Template:
      return string_parts(e.parts);
    case ExprKind::Conditional: {
      // hcl2json writes an interpolated conditional the way it writes an `%{if}`.
      std::string out = "%{if " + source(*e.condition) + "}" + string_part(*e.then_expr);
      const std::string otherwise = string_part(*e.else_expr);
      if (!otherwise.empty()) out += "%{else}" + otherwise;
      return out + "%{endif}";
    }
    default:
      return wrapped(e);
  }
}

std::string string_parts(const std::vector<TemplatePart>& parts) {
  std::string out;
  for (const auto& p : parts) {
    switch (p.kind) {
      case TemplatePart::Kind::Literal:
        out += escape_template_text(p.text);
        break;
      case TemplatePart::Kind::Interpolation:
        out += string_part(*p.expr);
        break;
      case TemplatePart::Kind::If: {
        out += "%{if " + source(*p.expr) + "}" + string_parts(p.then_parts);
        const std::string otherwise = string_parts(p.else_parts);
        if (!otherwise.empty()) out += "%{else}" + otherwise;
        out += "%{endif}";
        break;
      }
      case TemplatePart::Kind::For:
        out += "%{for " + (p.key_var.empty() ? "" : p.key_var + ", ") + p.value_var + " in " +
               source(*p.expr) + "}" + string_parts(p.then_parts) + "%{endfor}";
        break;
    }
  }
  return out;
}

Json number_json(const Expression& e) { return Json(e.number); }

std::string object_key(const cc::hcl::ObjectItem& item) {
  const Expression& k = *item.key;
  if (item.bare_key) return k.name;
  if (k.kind == ExprKind::Variable) return source(k);  // `a.b = ...`: the text as written
  return string_part(k);
}

Json convert(const Expression& e) {
  switch (e.kind) {
    case ExprKind::Literal:
      switch (e.literal) {
        case LiteralKind::Null:
          return Json(nullptr);
        case LiteralKind::Bool:
          return Json(e.boolean);
        case LiteralKind::Number:
          return number_json(e);
        case LiteralKind::String:
          return Json(escape_template_text(e.text));
      }
      return Json(nullptr);
    case ExprKind::Template:
      // "${x}" alone is the expression x itself (HCL's template wrap).
      if (e.parts.size() == 1 && e.parts[0].kind == TemplatePart::Kind::Interpolation) {
        return convert(*e.parts[0].expr);
      }
      return Json(string_parts(e.parts));
    case ExprKind::Tuple: {
      Json out = Json::array();
      for (const auto& el : e.elements) out.push_back(convert(*el));
      return out;
    }
    case ExprKind::Object: {
      Json out = Json::object();
      for (const auto& item : e.object_items) out[object_key(item)] = convert(*item.value);
      return out;
    }
    case ExprKind::Unary: {
      const Expression& operand = *e.source;
      if (operand.kind == ExprKind::Literal) {
        if (e.op == cc::hcl::Operator::Negate && operand.literal == LiteralKind::Number) {
          return Json(-operand.number);
        }
        if (e.op == cc::hcl::Operator::Not && operand.literal == LiteralKind::Bool) {
          return Json(!operand.boolean);
        }
      }
      return Json(wrapped(e));
    }
    default:
      return Json(wrapped(e));
  }
}

Json convert_body(const cc::hcl::Body& body) {
  Json out = Json::object();
  for (const auto& block : body.blocks) {
    Json* slot = &out;
    std::string key = block.type;
    for (const auto& label : block.labels) {
      Json& next = (*slot)[key];
      if (!next.is_object()) next = Json::object();
      slot = &next;
      key = label.value;
    }
    Json& list = (*slot)[key];
    if (!list.is_array()) list = Json::array();
    list.push_back(convert_body(block.body));
  }
  // Attributes after blocks, as hcl2json does: an attribute wins over a block of its name.
  for (const auto& attr : body.attributes) out[attr.name] = convert(*attr.expr);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: hcl_dump FILE.tf\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::cerr << "hcl_dump: cannot read " << argv[1] << "\n";
    return 2;
  }
  std::ostringstream text;
  text << in.rdbuf();
  const cc::hcl::ParseResult parsed = cc::hcl::parse_hcl(text.str(), 1);
  bool failed = false;
  for (const auto& d : parsed.diags) {
    if (d.level != cc::DiagLevel::Error) continue;
    failed = true;
    std::cerr << argv[1] << ":" << d.span.line << ":" << d.span.col << ": " << d.message << "\n";
  }
  if (failed) return 1;
  std::cout << convert_body(parsed.body).dump(1, ' ', false, Json::error_handler_t::replace)
            << "\n";
  return 0;
}
