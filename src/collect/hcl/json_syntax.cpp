#include "collect/hcl/json_syntax.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "collect/doc/json_reader.h"
#include "core/value.h"

namespace cc::hcl {
namespace {

constexpr size_t kMaxErrors = 100;
constexpr std::string_view kComment = "//";

// Positions in the JSON text the values came from. The JSON reader gives each value
// the line:column of its first byte; strings and numbers need the bytes themselves
// (where the text of a string starts, how a number was written) and block bodies the
// position of their closing brace.
class SourceText {
 public:
  SourceText(std::string_view text, uint32_t file) : text_(text), file_(file) {
    line_starts_.push_back(0);
    for (size_t i = 0; i < text.size(); ++i)
      if (text[i] == '\n') line_starts_.push_back(i + 1);
  }

  [[nodiscard]] std::optional<size_t> offset(Span s) const {
    if (!s.known() || s.line > line_starts_.size()) return std::nullopt;
    const size_t at = line_starts_[s.line - 1] + s.col - 1;
    if (at >= text_.size()) return std::nullopt;
    return at;
  }

  [[nodiscard]] Span span_at(size_t offset) const {
    const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    const size_t line = static_cast<size_t>(it - line_starts_.begin());
    return Span{file_, static_cast<uint32_t>(line),
                static_cast<uint32_t>(offset - line_starts_[line - 1] + 1)};
  }

  // Where the text of the string whose opening quote is at `quote` starts, when its raw
  // bytes are exactly `decoded` (no escapes), so positions inside it are real columns.
  [[nodiscard]] std::optional<Span> plain_string_start(Span quote, std::string_view decoded) const {
    const auto at = offset(quote);
    if (!at || text_[*at] != '"') return std::nullopt;
    const size_t begin = *at + 1;
    const size_t stop = text_.find_first_of("\"\\", begin);
    if (stop == std::string_view::npos || text_[stop] != '"') return std::nullopt;
    if (stop - begin != decoded.size()) return std::nullopt;
    return Span{file_, quote.line, quote.col + 1};
  }

  // A number exactly as written, so literals keep their spelling as the native
  // parser keeps it.
  [[nodiscard]] std::string number_text(Span s, double value) const {
    if (const auto at = offset(s)) {
      const size_t end = text_.find_first_not_of("+-0123456789.eE", *at);
      const size_t len = (end == std::string_view::npos ? text_.size() : end) - *at;
      if (len > 0) return std::string(text_.substr(*at, len));
    }
    if (std::isfinite(value) && value == std::trunc(value) && std::fabs(value) < 1e15) {
      return std::to_string(static_cast<long long>(value));
    }
    return std::to_string(value);
  }

  // The '}' that closes the object opening at `open`; an unknown span when not found.
  Span closing_brace(Span open) {
    const auto at = offset(open);
    if (!at || text_[*at] != '{') return {};
    if (!braces_built_) build_braces();
    const auto it = std::lower_bound(
        braces_.begin(), braces_.end(), *at,
        [](const std::pair<size_t, size_t>& b, size_t off) { return b.first < off; });
    if (it == braces_.end() || it->first != *at || it->second == 0) return {};
    return span_at(it->second);
  }

 private:
  // One pass pairs every '{' with its '}' (outside strings), in order of the openings.
  void build_braces() {
    braces_built_ = true;
    std::vector<size_t> open;
    bool in_string = false;
    for (size_t i = 0; i < text_.size(); ++i) {
      const char c = text_[i];
      if (in_string) {
        if (c == '\\') {
          ++i;
        } else if (c == '"') {
          in_string = false;
        }
      } else if (c == '"') {
        in_string = true;
      } else if (c == '{') {
        open.push_back(braces_.size());
        braces_.emplace_back(i, 0);
      } else if (c == '}' && !open.empty()) {
        braces_[open.back()].second = i;
        open.pop_back();
      }
    }
  }

  std::string_view text_;
  uint32_t file_;
  std::vector<size_t> line_starts_;
  std::vector<std::pair<size_t, size_t>> braces_;  // (open offset, close offset)
  bool braces_built_ = false;
};

// Gives every position in an expression tree the same span: for a string with escape
// sequences, offsets in the decoded text are not columns of the file.
void pin_spans(Expression& e, Span s);

void pin_parts(std::vector<TemplatePart>& parts, Span s) {
  for (auto& p : parts) {
    p.span = s;
    if (p.expr) pin_spans(*p.expr, s);
    pin_parts(p.then_parts, s);
    pin_parts(p.else_parts, s);
  }
}

void pin_spans(Expression& e, Span s) {
  e.span = s;
  auto pin = [s](const ExprPtr& p) {
    if (p) pin_spans(*p, s);
  };
  for (auto& t : e.traversal) {
    t.span = s;
    pin(t.key);
  }
  pin_parts(e.parts, s);
  for (auto& el : e.elements) pin(el);
  for (auto& item : e.object_items) {
    pin(item.key);
    pin(item.value);
  }
  if (e.for_clause) {
    pin(e.for_clause->collection);
    pin(e.for_clause->key_expr);
    pin(e.for_clause->value_expr);
    pin(e.for_clause->condition);
  }
  pin(e.source);
  pin(e.key);
  pin(e.lhs);
  pin(e.rhs);
  pin(e.condition);
  pin(e.then_expr);
  pin(e.else_expr);
}

ExprPtr make_literal(LiteralKind kind, Span span) {
  auto e = std::make_unique<Expression>();
  e->kind = ExprKind::Literal;
  e->literal = kind;
  e->span = span;
  return e;
}

std::string where(Span s) { return std::to_string(s.line) + ":" + std::to_string(s.col); }

const BodySpec& attributes_only() {
  static const BodySpec spec;
  return spec;
}

class Converter {
 public:
  Converter(std::string_view text, uint32_t file, const ParseLimits& limits, Diagnostics& diags)
      : source_(text, file), file_(file), limits_(limits), diags_(diags) {}

  void body(const Value& v, const BodySpec& spec, Body& out) {
    std::unordered_map<std::string, Span> seen;  // attribute names are unique in a body
    if (v.is_map()) {
      members(v, spec, out, seen);
    } else if (v.is_list()) {
      // A body may be split over several objects in an array.
      for (const Value& part : v.as_list()) {
        if (part.is_map()) {
          members(part, spec, out, seen);
        } else {
          error(part.span(), std::string("expected a JSON object for a body, found ") +
                                 Value::type_name(part.type()));
        }
      }
    } else {
      error(v.span(),
            std::string("expected a JSON object for a body, found ") + Value::type_name(v.type()));
    }
  }

 private:
  void error(Span at, std::string message) {
    if (stopped_) return;
    if (!at.known()) at = Span{file_, 1, 1};
    if (++errors_ > kMaxErrors) {
      diags_.push_back(Diagnostic{DiagLevel::Error, "hcl.syntax",
                                  "too many errors; the rest of the file is skipped", at});
      stopped_ = true;
      return;
    }
    diags_.push_back(Diagnostic{DiagLevel::Error, "hcl.syntax", std::move(message), at});
  }

  void members(const Value& object, const BodySpec& spec, Body& out,
               std::unordered_map<std::string, Span>& seen) {
    for (const Member& m : object.as_map()) {
      if (stopped_) return;
      if (m.key == kComment) continue;
      if (const auto it = spec.blocks.find(m.key); it != spec.blocks.end()) {
        std::vector<BlockLabel> labels;
        block(m.key, m.key_span, m.value, it->second, labels, out);
        continue;
      }
      if (m.value.is_map() && !spec.unknown_objects_are_attributes) {
        std::vector<BlockLabel> labels;
        block(m.key, m.key_span, m.value, BlockSpec{0, &spec}, labels, out);
        continue;
      }
      ExprPtr e = expression(m.value, spec.expression_attributes.count(m.key) > 0);
      if (!e) continue;  // the error is reported; like the native parser, drop the attribute
      const auto [first, inserted] = seen.emplace(m.key, m.key_span);
      if (!inserted) {
        error(m.key_span,
              "attribute '" + m.key + "' is already defined at " + where(first->second));
        continue;
      }
      out.attributes.push_back(Attribute{m.key, std::move(e), m.key_span});
    }
  }

  // Reads the value of a block type property: one nested object level per label, then
  // a body object (or an array of them, one block each). An array is accepted at a
  // label level as well, which is how generators write repeated label sets.
  void block(const std::string& type, Span intro, const Value& v, const BlockSpec& spec,
             std::vector<BlockLabel>& labels, Body& out) {
    if (stopped_) return;
    if (labels.size() < spec.labels) {
      if (v.is_list()) {
        for (const Value& item : v.as_list()) block(type, item.span(), item, spec, labels, out);
      } else if (v.is_map()) {
        for (const Member& m : v.as_map()) {
          if (m.key == kComment) continue;
          labels.push_back(BlockLabel{m.key, true, m.key_span});
          block(type, m.key_span, m.value, spec, labels, out);
          labels.pop_back();
        }
      } else {
        error(v.span(), "expected a JSON object whose property names are the labels of block '" +
                            type + "' (" + std::to_string(spec.labels) + " label" +
                            (spec.labels == 1 ? "" : "s") + "), found " +
                            Value::type_name(v.type()));
      }
      return;
    }
    if (v.is_list()) {
      for (const Value& item : v.as_list()) {
        if (item.is_map()) {
          add_block(type, item.span(), item, spec, labels, out);
        } else {
          error(item.span(), "expected a JSON object for the body of block '" + type + "', found " +
                                 Value::type_name(item.type()));
        }
      }
    } else if (v.is_map()) {
      add_block(type, intro, v, spec, labels, out);
    } else {
      error(v.span(), "expected a JSON object (or an array of objects) for the body of block '" +
                          type + "', found " + Value::type_name(v.type()));
    }
  }

  void add_block(const std::string& type, Span intro, const Value& object, const BlockSpec& spec,
                 const std::vector<BlockLabel>& labels, Body& out) {
    Block b;
    b.type = type;
    b.labels = labels;
    b.span = intro.known() ? intro : object.span();
    b.end_span = source_.closing_brace(object.span());
    if (!b.end_span.known()) b.end_span = object.span();
    body(object, spec.body ? *spec.body : attributes_only(), b.body);
    out.blocks.push_back(std::move(b));
  }

  // A JSON value as an expression; nullptr after an error inside it.
  ExprPtr expression(const Value& v, bool expression_mode) {
    switch (v.type()) {
      case Value::Type::Null: {
        ExprPtr e = make_literal(LiteralKind::Null, v.span());
        e->text = "null";
        return e;
      }
      case Value::Type::Bool: {
        ExprPtr e = make_literal(LiteralKind::Bool, v.span());
        e->boolean = v.as_bool();
        e->text = e->boolean ? "true" : "false";
        return e;
      }
      case Value::Type::Number: {
        ExprPtr e = make_literal(LiteralKind::Number, v.span());
        e->number = v.as_number();
        e->text = source_.number_text(v.span(), e->number);
        return e;
      }
      case Value::Type::String:
        return string(v.as_string(), v.span(), expression_mode);
      case Value::Type::List: {
        auto e = std::make_unique<Expression>();
        e->kind = ExprKind::Tuple;
        e->span = v.span();
        for (const Value& item : v.as_list()) {
          ExprPtr element = expression(item, expression_mode);
          if (!element) return nullptr;
          e->elements.push_back(std::move(element));
        }
        return e;
      }
      case Value::Type::Map: {
        auto e = std::make_unique<Expression>();
        e->kind = ExprKind::Object;
        e->span = v.span();
        for (const Member& m : v.as_map()) {
          ObjectItem item;
          item.key = string(m.key, m.key_span, false);  // keys are templates
          if (!item.key) return nullptr;
          item.value = expression(m.value, expression_mode);
          if (!item.value) return nullptr;
          e->object_items.push_back(std::move(item));
        }
        return e;
      }
      case Value::Type::Unknown:
        break;
    }
    error(v.span(), "unexpected value");
    return nullptr;
  }

  // A JSON string: a template, or in expression mode a native expression. Positions
  // inside it are exact when it has no escapes; otherwise everything points at it.
  ExprPtr string(const std::string& text, Span quote, bool expression_mode) {
    if (stopped_) return nullptr;
    const std::optional<Span> inside = source_.plain_string_start(quote, text);
    const Span start = inside ? *inside : quote;
    const size_t before = diags_.size();
    ExprPtr e = expression_mode ? parse_expression(text, file_, start, limits_, diags_)
                                : parse_template(text, file_, start, limits_, diags_);
    if (!inside) {
      for (size_t i = before; i < diags_.size(); ++i) diags_[i].span = quote;
      if (e) pin_spans(*e, quote);
    }
    // A template's span is its opening quote, as in the native syntax.
    if (e && !expression_mode) e->span = quote;
    errors_ += diags_.size() - before;
    if (errors_ > kMaxErrors) error(quote, "too many errors");
    return e;
  }

  SourceText source_;
  uint32_t file_;
  ParseLimits limits_;
  Diagnostics& diags_;
  size_t errors_ = 0;
  bool stopped_ = false;
};

}  // namespace

bool parse_hcl_json(std::string_view text, uint32_t file, const ParseLimits& limits,
                    const BodySpec& spec, Body& out, Diagnostics& diags) {
  const size_t before = diags.size();
  collect::Limits json_limits;
  json_limits.max_file_bytes = limits.max_bytes;
  json_limits.max_depth = limits.max_depth;
  Value root;
  if (!collect::parse_json(text, file, json_limits, root, diags)) return false;
  Converter converter(text, file, limits, diags);
  converter.body(root, spec, out);
  return std::none_of(diags.begin() + static_cast<std::ptrdiff_t>(before), diags.end(),
                      [](const Diagnostic& d) { return d.level == DiagLevel::Error; });
}

}  // namespace cc::hcl
