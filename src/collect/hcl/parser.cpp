#include "collect/hcl/parser.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <type_traits>
#include <unordered_map>
#include <utility>

#include "collect/hcl/lexer.h"

namespace cc::hcl {
namespace {

// Binary operators and their precedence levels, loosest first, as the HCL
// specification orders them. All are left-associative.
struct BinaryOp {
  Operator op;
  int level;
};

// The operator a token spells; nullopt for a token that is no binary operator.
std::optional<BinaryOp> binary_operator(Tok tok) {
  switch (tok) {
    case Tok::Or:
      return BinaryOp{Operator::Or, 0};
    case Tok::And:
      return BinaryOp{Operator::And, 1};
    case Tok::Equal:
      return BinaryOp{Operator::Equal, 2};
    case Tok::NotEqual:
      return BinaryOp{Operator::NotEqual, 2};
    case Tok::Less:
      return BinaryOp{Operator::Less, 3};
    case Tok::Greater:
      return BinaryOp{Operator::Greater, 3};
    case Tok::LessEqual:
      return BinaryOp{Operator::LessEqual, 3};
    case Tok::GreaterEqual:
      return BinaryOp{Operator::GreaterEqual, 3};
    case Tok::Plus:
      return BinaryOp{Operator::Add, 4};
    case Tok::Minus:
      return BinaryOp{Operator::Subtract, 4};
    case Tok::Star:
      return BinaryOp{Operator::Multiply, 5};
    case Tok::Slash:
      return BinaryOp{Operator::Divide, 5};
    case Tok::Percent:
      return BinaryOp{Operator::Modulo, 5};
    default:
      return std::nullopt;
  }
}

ExprPtr make_expr(ExprKind kind, Span span) {
  auto e = std::make_unique<Expression>();
  e->kind = kind;
  e->span = span;
  return e;
}

std::string where(Span s) { return std::to_string(s.line) + ":" + std::to_string(s.col); }

// A key that names a fixed element, so `a["k"]` and `a[0]` stay part of a static
// traversal the way `a.k` does.
bool is_literal_key(const Expression& key) {
  return key.kind == ExprKind::Literal &&
         (key.literal == LiteralKind::Number || key.literal == LiteralKind::String);
}

constexpr size_t kMaxErrors = 100;

// The attribute names of one body, for the duplicate check. Most bodies hold a handful
// of attributes, where a scan of the names beats building a hash table per block; a
// table is built only once a body grows large.
class AttributeNames {
 public:
  explicit AttributeNames(const Body& body) : body_(body), first_(body.attributes.size()) {}

  // The span of the attribute already named `name`, or null.
  const Span* find(std::string_view name) {
    const auto& attrs = body_.attributes;
    if (attrs.size() - first_ <= kScanLimit) {
      for (size_t i = first_; i < attrs.size(); ++i)
        if (attrs[i].name == name) return &attrs[i].span;
      return nullptr;
    }
    if (index_.empty())
      for (size_t i = first_; i < attrs.size(); ++i) index_.emplace(attrs[i].name, i);
    const auto it = index_.find(std::string(name));
    return it == index_.end() ? nullptr : &attrs[it->second].span;
  }
  // Records the attribute just appended to the body.
  void added() {
    if (!index_.empty()) index_.emplace(body_.attributes.back().name, body_.attributes.size() - 1);
  }

 private:
  static constexpr size_t kScanLimit = 16;
  const Body& body_;
  size_t first_;
  std::unordered_map<std::string, size_t> index_;
};

class Parser {
 public:
  Parser(TokenList tokens, const ParseLimits& limits, Diagnostics& diags)
      : list_(std::move(tokens)), limits_(limits), diags_(diags) {}

  void parse_file(Body& body) { parse_body(body, false); }

  // A fragment that holds exactly one expression (a template fragment arrives framed
  // as one heredoc).
  ExprPtr parse_fragment() {
    NewlineMode nl(*this, false);
    ExprPtr e = parse_expression();
    if (e && peek().kind != Tok::Eof) {
      error(peek(), "unexpected " + describe(peek()) + " after the end of the expression");
      return nullptr;
    }
    return e;
  }

 private:
  // While parsing inside brackets or template sequences, line breaks are just spacing;
  // in bodies and object constructors they end an item.
  class NewlineMode {
   public:
    NewlineMode(Parser& p, bool significant) : p_(p), saved_(p.newlines_significant_) {
      p_.newlines_significant_ = significant;
    }
    ~NewlineMode() { p_.newlines_significant_ = saved_; }
    NewlineMode(const NewlineMode&) = delete;
    NewlineMode& operator=(const NewlineMode&) = delete;

   private:
    Parser& p_;
    bool saved_;
  };

  class DepthGuard {
   public:
    explicit DepthGuard(Parser& p) : p_(p) { ok_ = p_.enter(); }
    ~DepthGuard() { --p_.depth_; }
    DepthGuard(const DepthGuard&) = delete;
    DepthGuard& operator=(const DepthGuard&) = delete;
    [[nodiscard]] bool ok() const { return ok_; }

   private:
    Parser& p_;
    bool ok_ = false;
  };

  // Counts one more level of nesting; false (and parsing stops) past the limit.
  bool enter() {
    ++depth_;
    if (depth_ <= limits_.max_depth) return true;
    if (!stop_) {
      const Token& t = toks_[pos_];
      diags_.push_back(Diagnostic{
          DiagLevel::Error, "limit.depth",
          "nesting is deeper than the limit of " + std::to_string(limits_.max_depth) + " levels",
          t.span});
    }
    stop_ = true;
    return false;
  }

  [[nodiscard]] bool newlines_significant() const { return newlines_significant_; }

  const Token& peek() {
    if (!newlines_significant()) {
      while (toks_[pos_].kind == Tok::Newline) ++pos_;
    }
    return toks_[pos_];
  }
  // The token after peek(), under the same newline rule.
  const Token& peek_second() {
    size_t p = pos_;
    while (toks_[p].kind == Tok::Newline && !newlines_significant()) ++p;
    if (toks_[p].kind != Tok::Eof) ++p;
    while (toks_[p].kind == Tok::Newline && !newlines_significant()) ++p;
    return toks_[p];
  }
  void advance() {
    peek();
    if (toks_[pos_].kind != Tok::Eof) ++pos_;
  }
  bool accept(Tok kind) {
    if (peek().kind != kind) return false;
    advance();
    return true;
  }
  bool at_keyword(std::string_view word) {
    const Token& t = peek();
    return t.kind == Tok::Ident && t.text == word;
  }
  bool at_directive(std::string_view word) {
    return peek().kind == Tok::TemplateControl && peek_second().kind == Tok::Ident &&
           peek_second().text == word;
  }

  void error(const Token& at, const std::string& message) {
    if (stop_) return;
    if (diags_.size() - first_diag_ >= kMaxErrors) {
      diags_.push_back(Diagnostic{DiagLevel::Error, "hcl.syntax",
                                  "too many syntax errors; the rest of the file is skipped",
                                  at.span});
      stop_ = true;
      return;
    }
    std::string text = message;
    if (at.kind == Tok::Invalid) text = describe(at) + "; " + message;
    diags_.push_back(Diagnostic{DiagLevel::Error, "hcl.syntax", std::move(text), at.span});
  }
  // `message` is a string or a callable that makes one: expectations are nearly always
  // met, so a message that needs formatting is built only when one is not.
  template <class Message>
  bool expect(Tok kind, Message&& message) {
    if (accept(kind)) return true;
    std::string text;
    if constexpr (std::is_invocable_v<Message>) {
      text = message();
    } else {
      text = message;
    }
    error(peek(), text + ", found " + describe(peek()));
    return false;
  }

  // Skips the rest of a broken item: up to the end of its line, or to a '}' that
  // closes the enclosing block.
  void recover() {
    int nesting = 0;
    while (!stop_) {
      const Tok kind = toks_[pos_].kind;
      switch (kind) {
        case Tok::Eof:
          return;
        case Tok::Newline:
          if (nesting == 0) {
            ++pos_;
            return;
          }
          break;
        case Tok::RBrace:
          if (nesting == 0) return;
          --nesting;
          break;
        case Tok::LBrace:
        case Tok::LBrack:
        case Tok::LParen:
        case Tok::OQuote:
        case Tok::OHeredoc:
        case Tok::TemplateInterp:
        case Tok::TemplateControl:
          ++nesting;
          break;
        case Tok::RBrack:
        case Tok::RParen:
        case Tok::CQuote:
        case Tok::CHeredoc:
        case Tok::TemplateEnd:
          if (nesting > 0) --nesting;
          break;
        default:
          break;
      }
      ++pos_;
    }
  }

  // ---- bodies ----

  void parse_body(Body& body, bool nested) {
    NewlineMode nl(*this, true);
    DepthGuard guard(*this);
    if (!guard.ok()) return;
    AttributeNames seen(body);  // attribute names must be unique in a body
    while (!stop_) {
      const Token& t = peek();
      if (t.kind == Tok::Newline) {
        advance();
        continue;
      }
      if (t.kind == Tok::Eof) return;
      if (t.kind == Tok::RBrace) {
        if (nested) return;
        error(t, "unexpected '}' with no block open");
        advance();
        continue;
      }
      if (t.kind == Tok::Ident) {
        if (parse_item(body, seen)) continue;
      } else {
        error(t, "expected an attribute or a block, found " + describe(t));
      }
      recover();
    }
  }

  bool parse_item(Body& body, AttributeNames& seen) {
    const Token& name = peek();
    advance();
    const Token& next = peek();
    if (next.kind == Tok::Assign) {
      advance();
      ExprPtr value = parse_expression();
      if (!value) return false;
      if (const Span* first = seen.find(name.text)) {
        // The first definition stays: a second one is a mistake, not an override.
        error(name,
              "attribute '" + std::string(name.text) + "' is already defined at " + where(*first));
      } else {
        // Growing from one, two, ... was a large share of all allocations; most bodies
        // have a handful of attributes.
        if (body.attributes.empty()) body.attributes.reserve(4);
        body.attributes.push_back(Attribute{std::string(name.text), std::move(value), name.span});
        seen.added();
      }
      return end_of_item("attribute", name.text);
    }
    if (next.kind == Tok::LBrace || next.kind == Tok::Ident || next.kind == Tok::OQuote) {
      return parse_block(name, body);
    }
    error(next, "expected '=' or '{' after attribute name '" + std::string(name.text) +
                    "', found " + describe(next));
    return false;
  }

  // After an item: `what` is "attribute" or "block", `name` its name.
  bool end_of_item(const char* what, std::string_view name) {
    const Token& t = peek();
    if (t.kind == Tok::Newline) {
      advance();
      return true;
    }
    if (t.kind == Tok::Eof || t.kind == Tok::RBrace) return true;
    error(t, "unexpected " + describe(t) + " after " + what + " '" + std::string(name) +
                 "'; each attribute or block must end with a line break");
    return false;
  }

  bool parse_block(const Token& type, Body& body) {
    Block block;
    block.type = type.text;
    block.span = type.span;
    for (;;) {
      const Token& t = peek();
      if (t.kind == Tok::LBrace) break;
      if (t.kind == Tok::Ident) {
        block.labels.push_back(BlockLabel{std::string(t.text), false, t.span});
        advance();
      } else if (t.kind == Tok::OQuote) {
        BlockLabel label;
        if (!parse_label(label)) return false;
        block.labels.push_back(std::move(label));
      } else {
        error(t, "expected a label or '{' after block type '" + block.type + "', found " +
                     describe(t));
        return false;
      }
    }
    const Span open = peek().span;
    advance();  // '{'
    const bool one_line = peek().kind != Tok::Newline && peek().kind != Tok::RBrace;
    parse_body(block.body, true);
    const Token& close = peek();
    if (one_line && close.kind == Tok::RBrace &&
        (close.span.line != open.line || !block.body.blocks.empty() ||
         block.body.attributes.size() > 1)) {
      // The specification allows `name { attr = value }` on one line, with a single
      // attribute; anything longer must start its body on a new line.
      diags_.push_back(
          Diagnostic{DiagLevel::Error, "hcl.syntax",
                     "a block written on one line holds a single attribute and closes on the same "
                     "line; start the body of block '" +
                         block.type + "' on a new line after '{'",
                     open});
    }
    if (close.kind != Tok::RBrace) {
      error(close, "expected '}' to close block '" + block.type + "' opened at " +
                       where(block.span) + ", found " + describe(close));
      body.blocks.push_back(std::move(block));
      return true;  // nothing is left to recover: only end of file stops a nested body
    }
    block.end_span = close.span;
    advance();
    body.blocks.push_back(std::move(block));
    return end_of_item("block", type.text);
  }

  bool parse_label(BlockLabel& label) {
    label.quoted = true;
    label.span = peek().span;
    advance();  // opening quote
    if (peek().kind == Tok::Literal) {
      label.value = peek().text;
      advance();
    }
    if (accept(Tok::CQuote)) return true;
    error(peek(), "a block label must be a plain quoted string without '${' or '%{' sequences");
    return false;
  }

  // ---- expressions ----

  ExprPtr parse_expression() {
    DepthGuard guard(*this);
    if (!guard.ok()) return nullptr;
    ExprPtr cond = parse_binary(0);
    if (!cond || peek().kind != Tok::Question) return cond;
    advance();
    ExprPtr then_expr = parse_expression();
    if (!then_expr) return nullptr;
    if (!expect(Tok::Colon, "expected ':' in conditional 'condition ? if_true : if_false'")) {
      return nullptr;
    }
    ExprPtr else_expr = parse_expression();
    if (!else_expr) return nullptr;
    ExprPtr e = make_expr(ExprKind::Conditional, cond->span);
    e->condition = std::move(cond);
    e->then_expr = std::move(then_expr);
    e->else_expr = std::move(else_expr);
    return e;
  }

  // Precedence climbing: an operand is read once, however many levels there are,
  // rather than descending through every level for each operand.
  ExprPtr parse_binary(int min_level) {
    ExprPtr lhs = parse_unary();
    if (!lhs) return nullptr;
    // Each operator in a chain nests the tree one level deeper (left-associative), so
    // the chain counts toward the depth limit just as parentheses do.
    uint32_t chain = 0;
    for (;;) {
      const std::optional<BinaryOp> binary = binary_operator(peek().kind);
      if (!binary || binary->level < min_level) break;
      advance();
      ++chain;
      if (!enter()) {
        lhs = nullptr;
        break;
      }
      ExprPtr rhs = parse_binary(binary->level + 1);
      if (!rhs) {
        lhs = nullptr;
        break;
      }
      ExprPtr e = make_expr(ExprKind::Binary, lhs->span);
      e->op = binary->op;
      e->lhs = std::move(lhs);
      e->rhs = std::move(rhs);
      lhs = std::move(e);
    }
    depth_ -= chain;
    return lhs;
  }

  ExprPtr parse_unary() {
    const Token& t = peek();
    if (t.kind == Tok::Bang || t.kind == Tok::Minus) {
      DepthGuard guard(*this);
      if (!guard.ok()) return nullptr;
      const Span span = t.span;
      const Operator op = t.kind == Tok::Bang ? Operator::Not : Operator::Negate;
      advance();
      ExprPtr operand = parse_unary();
      if (!operand) return nullptr;
      ExprPtr e = make_expr(ExprKind::Unary, span);
      e->op = op;
      e->source = std::move(operand);
      return e;
    }
    ExprPtr term = parse_term();
    if (!term) return nullptr;
    return parse_postfix(std::move(term));
  }

  ExprPtr parse_term() {
    const Token& t = peek();
    switch (t.kind) {
      case Tok::Number: {
        ExprPtr e = make_expr(ExprKind::Literal, t.span);
        e->literal = LiteralKind::Number;
        e->text = t.text;
        auto [end, ec] = std::from_chars(t.text.data(), t.text.data() + t.text.size(), e->number);
        (void)end;
        if (ec == std::errc::result_out_of_range) {
          // HCL numbers have arbitrary precision; ours are doubles. Say so rather than
          // read a number the user wrote as zero.
          const bool tiny =
              t.text.find_first_of("123456789") != std::string::npos &&
              (t.text.find("e-") != std::string::npos || t.text.find("E-") != std::string::npos);
          e->number = tiny ? 0.0 : HUGE_VAL;
          diags_.push_back(Diagnostic{DiagLevel::Warning, "hcl.number",
                                      "number " + std::string(t.text) +
                                          " is outside the range of a double; read as " +
                                          (tiny ? "0" : "infinity"),
                                      t.span});
        }
        advance();
        return e;
      }
      case Tok::Ident:
        return parse_identifier_term();
      case Tok::OQuote:
        return parse_template(Tok::CQuote);
      case Tok::OHeredoc:
        return parse_template(Tok::CHeredoc);
      case Tok::LParen: {
        const Span span = t.span;
        advance();
        NewlineMode nl(*this, false);
        ExprPtr inner = parse_expression();
        if (!inner) return nullptr;
        if (!expect(Tok::RParen,
                    [&] { return "expected ')' to close '(' opened at " + where(span); })) {
          return nullptr;
        }
        ExprPtr e = make_expr(ExprKind::Paren, span);
        e->source = std::move(inner);
        return e;
      }
      case Tok::LBrack:
        return parse_tuple();
      case Tok::LBrace:
        return parse_object();
      default:
        error(t, "expected an expression, found " + describe(t));
        return nullptr;
    }
  }

  ExprPtr parse_identifier_term() {
    const Token& t = peek();
    if (t.text == "true" || t.text == "false" || t.text == "null") {
      ExprPtr e = make_expr(ExprKind::Literal, t.span);
      e->literal = t.text == "null" ? LiteralKind::Null : LiteralKind::Bool;
      e->boolean = t.text == "true";
      e->text = t.text;
      advance();
      return e;
    }
    advance();
    std::string function(t.text);
    // Provider-defined functions carry a namespace: `provider::aws::arn_parse(...)`.
    bool namespaced = false;
    while (peek().kind == Tok::Colon && adjacent(pos_, pos_ + 1) &&
           toks_[pos_ + 1].kind == Tok::Colon && toks_[pos_ + 2].kind == Tok::Ident) {
      function += "::";
      function += toks_[pos_ + 2].text;
      pos_ += 3;
      namespaced = true;
    }
    if (peek().kind == Tok::LParen) return parse_call(function, t.span);
    if (namespaced) {
      error(peek(),
            "expected '(' after function name '" + function + "', found " + describe(peek()));
      return nullptr;
    }
    ExprPtr e = make_expr(ExprKind::Variable, t.span);
    e->name = t.text;
    return e;
  }

  // Two tokens written with nothing between them, like the two colons of `::`.
  [[nodiscard]] bool adjacent(size_t a, size_t b) const {
    return toks_[a].span.line == toks_[b].span.line && toks_[a].span.col + 1 == toks_[b].span.col;
  }

  ExprPtr parse_call(const std::string& name, Span span) {
    advance();  // '('
    NewlineMode nl(*this, false);
    ExprPtr call = make_expr(ExprKind::Call, span);
    call->name = name;
    while (peek().kind != Tok::RParen) {
      ExprPtr arg = parse_expression();
      if (!arg) return nullptr;
      call->elements.push_back(std::move(arg));
      if (accept(Tok::Ellipsis)) {
        call->expand_final = true;
        accept(Tok::Comma);
        break;
      }
      if (!accept(Tok::Comma)) break;
    }
    if (!expect(Tok::RParen,
                [&] { return "expected ',' or ')' in the arguments of '" + name + "'"; })) {
      return nullptr;
    }
    return call;
  }

  bool starts_for() { return at_keyword("for") && peek_second().kind == Tok::Ident; }

  ExprPtr parse_tuple() {
    const Span span = peek().span;
    advance();  // '['
    NewlineMode nl(*this, false);
    if (starts_for()) return parse_for(false, span);
    ExprPtr tuple = make_expr(ExprKind::Tuple, span);
    while (peek().kind != Tok::RBrack) {
      ExprPtr item = parse_expression();
      if (!item) return nullptr;
      tuple->elements.push_back(std::move(item));
      if (!accept(Tok::Comma)) break;
    }
    if (!expect(Tok::RBrack,
                [&] { return "expected ',' or ']' in the list opened at " + where(span); })) {
      return nullptr;
    }
    return tuple;
  }

  ExprPtr parse_object() {
    const Span span = peek().span;
    advance();  // '{'
    {
      NewlineMode nl(*this, false);
      if (starts_for()) return parse_for(true, span);
    }
    NewlineMode nl(*this, true);
    ExprPtr object = make_expr(ExprKind::Object, span);
    for (;;) {
      while (peek().kind == Tok::Newline) advance();
      if (peek().kind == Tok::RBrace) break;
      ObjectItem item;
      item.key = parse_expression();
      if (!item.key) return nullptr;
      item.bare_key = item.key->kind == ExprKind::Variable && item.key->traversal.empty();
      if (!accept(Tok::Assign) && !accept(Tok::Colon)) {
        error(peek(), "expected '=' or ':' after an object key, found " + describe(peek()));
        return nullptr;
      }
      item.value = parse_expression();
      if (!item.value) return nullptr;
      object->object_items.push_back(std::move(item));
      const Token& sep = peek();
      if (sep.kind == Tok::Comma || sep.kind == Tok::Newline) {
        advance();
        continue;
      }
      if (sep.kind == Tok::RBrace) break;
      error(sep, "expected ',', a line break or '}' after an object item, found " + describe(sep));
      return nullptr;
    }
    if (!expect(Tok::RBrace,
                [&] { return "expected '}' to close the object opened at " + where(span); })) {
      return nullptr;
    }
    return object;
  }

  bool parse_for_names(std::string& key_var, std::string& value_var) {
    const Token& first = peek();
    if (first.kind != Tok::Ident) {
      error(first, "expected a name after 'for', found " + describe(first));
      return false;
    }
    value_var = first.text;
    advance();
    if (accept(Tok::Comma)) {
      const Token& second = peek();
      if (second.kind != Tok::Ident) {
        error(second, "expected a second name after ',' in 'for', found " + describe(second));
        return false;
      }
      key_var = value_var;
      value_var = second.text;
      advance();
    }
    if (!at_keyword("in")) {
      error(peek(), "expected 'in' after the names in 'for', found " + describe(peek()));
      return false;
    }
    advance();
    return true;
  }

  // At 'for', just after the opening bracket; newlines are already insignificant.
  ExprPtr parse_for(bool object, Span span) {
    advance();  // 'for'
    auto clause = std::make_unique<ForClause>();
    if (!parse_for_names(clause->key_var, clause->value_var)) return nullptr;
    clause->collection = parse_expression();
    if (!clause->collection) return nullptr;
    if (!expect(Tok::Colon, "expected ':' after the collection in 'for'")) return nullptr;
    if (object) {
      clause->key_expr = parse_expression();
      if (!clause->key_expr) return nullptr;
      if (!expect(Tok::FatArrow, "expected '=>' between key and value in an object 'for'")) {
        return nullptr;
      }
    }
    clause->value_expr = parse_expression();
    if (!clause->value_expr) return nullptr;
    if (object && accept(Tok::Ellipsis)) clause->grouping = true;
    if (at_keyword("if")) {
      advance();
      clause->condition = parse_expression();
      if (!clause->condition) return nullptr;
    }
    const Tok close = object ? Tok::RBrace : Tok::RBrack;
    if (!expect(close, [&] {
          return std::string("expected ") + (object ? "'}'" : "']'") +
                 " to close the 'for' expression opened at " + where(span);
        })) {
      return nullptr;
    }
    ExprPtr e = make_expr(object ? ExprKind::ForObject : ExprKind::ForTuple, span);
    e->for_clause = std::move(clause);
    return e;
  }

  // After '.': a name, or the digits of a legacy index such as `list.0`.
  bool parse_dot_step(Traverser& step) {
    const Token& t = peek();
    step.span = t.span;
    if (t.kind == Tok::Ident) {
      step.kind = Traverser::Kind::Attr;
    } else if (t.kind == Tok::Number &&
               t.text.find_first_not_of("0123456789") == std::string::npos) {
      step.kind = Traverser::Kind::LegacyIndex;
    } else {
      error(t, "expected an attribute name after '.', found " + describe(t));
      return false;
    }
    step.name = t.text;
    advance();
    return true;
  }

  bool parse_index_step(Traverser& step) {
    const Span open = peek().span;
    advance();  // '['
    NewlineMode nl(*this, false);
    step.kind = Traverser::Kind::Index;
    step.span = open;
    step.key = parse_expression();
    if (!step.key) return false;
    return expect(Tok::RBrack,
                  [&] { return "expected ']' to close the index opened at " + where(open); });
  }

  bool at_full_splat() {
    return peek().kind == Tok::LBrack && toks_[pos_ + 1].kind == Tok::Star &&
           toks_[pos_ + 2].kind == Tok::RBrack;
  }

  // Adds a step to a static traversal, or wraps the expression when the traversal can
  // no longer be static (a computed index, or a source that is not a plain variable).
  ExprPtr apply_step(ExprPtr source, Traverser step, uint32_t& nesting) {
    const bool static_step = step.kind != Traverser::Kind::Index || is_literal_key(*step.key);
    if (source->kind == ExprKind::Variable && static_step) {
      if (source->traversal.empty()) source->traversal.reserve(2);  // most are one or two steps
      source->traversal.push_back(std::move(step));
      return source;
    }
    ++nesting;
    if (!enter()) return nullptr;
    ExprPtr e;
    if (step.kind == Traverser::Kind::Attr) {
      e = make_expr(ExprKind::GetAttr, step.span);
      e->name = std::move(step.name);
    } else if (step.kind == Traverser::Kind::LegacyIndex) {
      e = make_expr(ExprKind::Index, step.span);
      e->key = make_expr(ExprKind::Literal, step.span);
      e->key->literal = LiteralKind::Number;
      e->key->text = step.name;
      std::from_chars(step.name.data(), step.name.data() + step.name.size(), e->key->number);
    } else {
      e = make_expr(ExprKind::Index, step.span);
      e->key = std::move(step.key);
    }
    e->span = source->span;
    e->source = std::move(source);
    return e;
  }

  ExprPtr parse_postfix(ExprPtr term) {
    uint32_t nesting = 0;
    while (term && !stop_) {
      const Token& t = peek();
      if (t.kind == Tok::Dot && peek_second().kind == Tok::Star) {
        advance();
        advance();
        term = parse_splat(std::move(term), false, nesting);
      } else if (t.kind == Tok::Dot) {
        advance();
        Traverser step;
        if (!parse_dot_step(step)) {
          term = nullptr;
          break;
        }
        term = apply_step(std::move(term), std::move(step), nesting);
      } else if (at_full_splat()) {
        advance();
        advance();
        advance();
        term = parse_splat(std::move(term), true, nesting);
      } else if (t.kind == Tok::LBrack) {
        Traverser step;
        if (!parse_index_step(step)) {
          term = nullptr;
          break;
        }
        term = apply_step(std::move(term), std::move(step), nesting);
      } else {
        break;
      }
    }
    depth_ -= nesting;
    return term;
  }

  // `.*` applies only the attribute steps that follow it to each element; `[*]` applies
  // index steps as well.
  ExprPtr parse_splat(ExprPtr source, bool full, uint32_t& nesting) {
    ++nesting;
    if (!enter()) return nullptr;
    ExprPtr splat = make_expr(ExprKind::Splat, source->span);
    splat->full_splat = full;
    splat->source = std::move(source);
    for (;;) {
      if (peek().kind == Tok::Dot && peek_second().kind != Tok::Star) {
        advance();
        Traverser step;
        if (!parse_dot_step(step)) return nullptr;
        splat->traversal.push_back(std::move(step));
      } else if (full && peek().kind == Tok::LBrack && !at_full_splat()) {
        Traverser step;
        if (!parse_index_step(step)) return nullptr;
        splat->traversal.push_back(std::move(step));
      } else {
        return splat;
      }
    }
  }

  // ---- templates ----

  ExprPtr parse_template(Tok closer) {
    const Token& open = peek();
    const std::string_view marker = open.text;
    const Span span = open.span;
    advance();
    NewlineMode nl(*this, false);
    std::vector<TemplatePart> parts;
    if (!parse_template_parts(parts)) return nullptr;
    if (peek().kind != closer) {
      if (peek().kind == Tok::TemplateControl) {
        error(peek(),
              "'%{ " + std::string(peek_second().text) + " }' has no matching opening directive");
      } else {
        const std::string closer_name = closer == Tok::CQuote
                                            ? std::string("end of string '\"'")
                                            : "heredoc end marker '" + std::string(marker) + "'";
        error(peek(), "expected " + closer_name + ", found " + describe(peek()));
      }
      return nullptr;
    }
    advance();
    bool only_text = true;
    for (const auto& p : parts) only_text = only_text && p.kind == TemplatePart::Kind::Literal;
    if (only_text) {
      ExprPtr e = make_expr(ExprKind::Literal, span);
      e->literal = LiteralKind::String;
      if (parts.size() == 1) {
        e->text = std::move(parts[0].text);
      } else {
        for (const auto& p : parts) e->text += p.text;
      }
      return e;
    }
    ExprPtr e = make_expr(ExprKind::Template, span);
    e->parts = std::move(parts);
    return e;
  }

  // Reads text, `${ }` and `%{ }` parts until the template's end or a directive that
  // belongs to an enclosing `if` / `for` (else, endif, endfor), which is left unread.
  bool parse_template_parts(std::vector<TemplatePart>& out) {
    DepthGuard guard(*this);
    if (!guard.ok()) return false;
    for (;;) {
      const Token& t = peek();
      if (t.kind == Tok::Literal) {
        // Heredoc text arrives line by line; one part per run of text is simpler to use.
        if (!out.empty() && out.back().kind == TemplatePart::Kind::Literal) {
          out.back().text += t.text;
          advance();
          continue;
        }
        TemplatePart part;
        part.text = t.text;
        part.span = t.span;
        if (out.empty()) out.reserve(3);  // text, interpolation, text is the common shape
        out.push_back(std::move(part));
        advance();
      } else if (t.kind == Tok::TemplateInterp) {
        TemplatePart part;
        part.kind = TemplatePart::Kind::Interpolation;
        part.span = t.span;
        advance();
        part.expr = parse_expression();
        if (!part.expr) return false;
        if (!expect(Tok::TemplateEnd,
                    [&] { return "expected '}' to close '${' at " + where(part.span); })) {
          return false;
        }
        if (out.empty()) out.reserve(3);
        out.push_back(std::move(part));
      } else if (t.kind == Tok::TemplateControl) {
        const Token& keyword = peek_second();
        if (keyword.kind == Tok::Ident && keyword.text == "if") {
          if (!parse_template_if(out)) return false;
        } else if (keyword.kind == Tok::Ident && keyword.text == "for") {
          if (!parse_template_for(out)) return false;
        } else if (keyword.kind == Tok::Ident &&
                   (keyword.text == "else" || keyword.text == "endif" ||
                    keyword.text == "endfor")) {
          return true;
        } else {
          error(keyword, "expected 'if', 'for', 'else', 'endif' or 'endfor' after '%{', found " +
                             describe(keyword));
          return false;
        }
      } else {
        return true;
      }
    }
  }

  // At `%{ word`: consumes the directive keyword and, for bare directives, the `}`.
  bool close_directive(const char* word) {
    return expect(Tok::TemplateEnd,
                  [&] { return std::string("expected '}' after '%{ ") + word + "'"; });
  }

  bool parse_template_if(std::vector<TemplatePart>& out) {
    TemplatePart part;
    part.kind = TemplatePart::Kind::If;
    part.span = peek().span;
    advance();  // %{
    advance();  // if
    part.expr = parse_expression();
    if (!part.expr || !close_directive("if ...")) return false;
    if (!parse_template_parts(part.then_parts)) return false;
    if (at_directive("else")) {
      advance();
      advance();
      if (!close_directive("else")) return false;
      part.has_else = true;
      if (!parse_template_parts(part.else_parts)) return false;
    }
    if (!at_directive("endif")) {
      error(peek(), "expected '%{ endif }' to close '%{ if }' at " + where(part.span) + ", found " +
                        describe(peek()));
      return false;
    }
    advance();
    advance();
    if (!close_directive("endif")) return false;
    out.push_back(std::move(part));
    return true;
  }

  bool parse_template_for(std::vector<TemplatePart>& out) {
    TemplatePart part;
    part.kind = TemplatePart::Kind::For;
    part.span = peek().span;
    advance();  // %{
    advance();  // for
    if (!parse_for_names(part.key_var, part.value_var)) return false;
    part.expr = parse_expression();
    if (!part.expr || !close_directive("for ...")) return false;
    if (!parse_template_parts(part.then_parts)) return false;
    if (!at_directive("endfor")) {
      error(peek(), "expected '%{ endfor }' to close '%{ for }' at " + where(part.span) +
                        ", found " + describe(peek()));
      return false;
    }
    advance();
    advance();
    if (!close_directive("endfor")) return false;
    out.push_back(std::move(part));
    return true;
  }

  TokenList list_;
  const std::vector<Token>& toks_ = list_.tokens;
  ParseLimits limits_;
  Diagnostics& diags_;
  size_t first_diag_ = diags_.size();
  size_t pos_ = 0;
  uint32_t depth_ = 0;
  bool stop_ = false;
  bool newlines_significant_ = true;
};

}  // namespace

bool parse_hcl(std::string_view text, uint32_t file, const ParseLimits& limits, Body& out,
               Diagnostics& diags) {
  const size_t before = diags.size();
  if (text.size() > limits.max_bytes) {
    diags.push_back(Diagnostic{DiagLevel::Error, "limit.size",
                               "file is " + std::to_string(text.size()) +
                                   " bytes, over the limit of " + std::to_string(limits.max_bytes),
                               Span{file, 1, 1}});
    return false;
  }
  Parser parser(tokenize(text, file, diags), limits, diags);
  parser.parse_file(out);
  // The lexer reports before the parser runs; show problems in file order instead.
  std::stable_sort(diags.begin() + static_cast<std::ptrdiff_t>(before), diags.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     return a.span.line != b.span.line ? a.span.line < b.span.line
                                                       : a.span.col < b.span.col;
                   });
  for (size_t i = before; i < diags.size(); ++i) {
    if (diags[i].level == DiagLevel::Error) return false;
  }
  return true;
}

namespace {

// Shows diagnostics from `before` on in source order: the lexer reports before the
// parser runs.
void sort_diagnostics(Diagnostics& diags, size_t before) {
  std::stable_sort(diags.begin() + static_cast<std::ptrdiff_t>(before), diags.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     return a.span.line != b.span.line ? a.span.line < b.span.line
                                                       : a.span.col < b.span.col;
                   });
}

ExprPtr parse_fragment(std::string_view text, uint32_t file, Span start, LexStart mode,
                       const ParseLimits& limits, Diagnostics& diags) {
  start.file = file;
  if (!start.known()) start = Span{file, 1, 1};
  if (text.size() > limits.max_bytes) {
    diags.push_back(Diagnostic{DiagLevel::Error, "limit.size",
                               "text is " + std::to_string(text.size()) +
                                   " bytes, over the limit of " + std::to_string(limits.max_bytes),
                               start});
    return nullptr;
  }
  const size_t before = diags.size();
  Parser parser(tokenize_fragment(text, start, mode, diags), limits, diags);
  ExprPtr e = parser.parse_fragment();
  sort_diagnostics(diags, before);
  for (size_t i = before; i < diags.size(); ++i) {
    if (diags[i].level == DiagLevel::Error) return nullptr;
  }
  return e;
}

}  // namespace

ExprPtr parse_template(std::string_view text, uint32_t file, Span start, const ParseLimits& limits,
                       Diagnostics& diags) {
  return parse_fragment(text, file, start, LexStart::Template, limits, diags);
}

ExprPtr parse_expression(std::string_view text, uint32_t file, Span start,
                         const ParseLimits& limits, Diagnostics& diags) {
  return parse_fragment(text, file, start, LexStart::Expression, limits, diags);
}

ParseResult parse_hcl(std::string_view text, uint32_t file, const ParseLimits& limits) {
  ParseResult result;
  parse_hcl(text, file, limits, result.body, result.diags);
  return result;
}

}  // namespace cc::hcl
