#include "rules/expr_parser.h"

#include <fmt/format.h>

#include <algorithm>

#include "rules/expr_lexer.h"

namespace cc::rules {

const char* op_text(Op op) {
  switch (op) {
    case Op::Not:
      return "!";
    case Op::Neg:
      return "-";
    case Op::And:
      return "&&";
    case Op::Or:
      return "||";
    case Op::Eq:
      return "==";
    case Op::Ne:
      return "!=";
    case Op::Lt:
      return "<";
    case Op::Le:
      return "<=";
    case Op::Gt:
      return ">";
    case Op::Ge:
      return ">=";
    case Op::In:
      return "in";
    case Op::Add:
      return "+";
    case Op::Sub:
      return "-";
    case Op::Mul:
      return "*";
    case Op::Div:
      return "/";
    case Op::Mod:
      return "%";
  }
  return "?";
}

namespace {

using Node = std::unique_ptr<Ast>;

Node make(Ast::Kind kind, size_t offset) {
  auto n = std::make_unique<Ast>();
  n->kind = kind;
  n->offset = offset;
  return n;
}

class Parser {
 public:
  Parser(std::vector<Token> tokens, ParseError& error) : t_(std::move(tokens)), error_(error) {}

  Node parse() {
    Node n = expr();
    if (!n) return nullptr;
    if (peek().kind != Tok::End)
      return fail(peek().offset, fmt::format("unexpected {} after the end of the expression",
                                             describe(peek().kind)));
    return n;
  }

 private:
  const Token& peek() const { return t_[i_]; }
  const Token& take() { return t_[i_ < t_.size() - 1 ? i_++ : i_]; }
  bool accept(Tok k) {
    if (peek().kind != k) return false;
    take();
    return true;
  }
  Node fail(size_t offset, std::string message) {
    if (!failed_) error_ = ParseError{offset, std::move(message)};
    failed_ = true;
    return nullptr;
  }
  bool expect(Tok k, const char* context) {
    if (accept(k)) return true;
    fail(peek().offset,
         fmt::format("expected {} {}, found {}", describe(k), context, describe(peek().kind)));
    return false;
  }

  // Records a finished node's height; rejects trees later passes could not walk safely.
  Node seal(Node n) {
    if (!n) return n;
    int h = 0;
    for (const auto& a : n->args) h = std::max(h, a->height);
    n->height = h + 1;
    if (n->height > kMaxHeight)
      return fail(n->offset,
                  fmt::format("expression is too deeply nested (over {} levels)", kMaxHeight));
    return n;
  }

  // Guards recursion depth for every rule that can nest.
  struct Depth {
    explicit Depth(int& d) : d_(d) { ++d_; }
    ~Depth() { --d_; }
    Depth(const Depth&) = delete;
    Depth& operator=(const Depth&) = delete;
    int& d_;
  };

  Node expr() {
    Depth guard(depth_);
    if (depth_ > kMaxNesting)
      return fail(peek().offset,
                  fmt::format("expression nests deeper than {} levels", kMaxNesting));
    Node cond = logic_or();
    if (!cond || peek().kind != Tok::Question) return cond;
    size_t at = take().offset;
    Node yes = logic_or();
    if (!yes || !expect(Tok::Colon, "in a conditional 'c ? a : b'")) return nullptr;
    Node no = expr();
    if (!no) return nullptr;
    Node n = make(Ast::Kind::Cond, at);
    n->args.push_back(std::move(cond));
    n->args.push_back(std::move(yes));
    n->args.push_back(std::move(no));
    return seal(std::move(n));
  }

  Node binary(Node lhs, Op op, size_t at, Node rhs) {
    Node n = make(Ast::Kind::Binary, at);
    n->op = op;
    n->args.push_back(std::move(lhs));
    n->args.push_back(std::move(rhs));
    return seal(std::move(n));
  }

  Node logic_or() {
    Node lhs = logic_and();
    while (lhs && peek().kind == Tok::Or) {
      size_t at = take().offset;
      Node rhs = logic_and();
      if (!rhs) return nullptr;
      lhs = binary(std::move(lhs), Op::Or, at, std::move(rhs));
    }
    return lhs;
  }

  Node logic_and() {
    Node lhs = relation();
    while (lhs && peek().kind == Tok::And) {
      size_t at = take().offset;
      Node rhs = relation();
      if (!rhs) return nullptr;
      lhs = binary(std::move(lhs), Op::And, at, std::move(rhs));
    }
    return lhs;
  }

  static bool relation_op(Tok t, Op& op) {
    switch (t) {
      case Tok::Eq:
        op = Op::Eq;
        return true;
      case Tok::Ne:
        op = Op::Ne;
        return true;
      case Tok::Lt:
        op = Op::Lt;
        return true;
      case Tok::Le:
        op = Op::Le;
        return true;
      case Tok::Gt:
        op = Op::Gt;
        return true;
      case Tok::Ge:
        op = Op::Ge;
        return true;
      case Tok::In:
        op = Op::In;
        return true;
      default:
        return false;
    }
  }

  Node relation() {
    Node lhs = additive();
    Op op{};
    while (lhs && relation_op(peek().kind, op)) {
      size_t at = take().offset;
      Node rhs = additive();
      if (!rhs) return nullptr;
      lhs = binary(std::move(lhs), op, at, std::move(rhs));
    }
    return lhs;
  }

  Node additive() {
    Node lhs = multiplicative();
    while (lhs && (peek().kind == Tok::Plus || peek().kind == Tok::Minus)) {
      Op op = peek().kind == Tok::Plus ? Op::Add : Op::Sub;
      size_t at = take().offset;
      Node rhs = multiplicative();
      if (!rhs) return nullptr;
      lhs = binary(std::move(lhs), op, at, std::move(rhs));
    }
    return lhs;
  }

  Node multiplicative() {
    Node lhs = unary();
    while (lhs &&
           (peek().kind == Tok::Star || peek().kind == Tok::Slash || peek().kind == Tok::Percent)) {
      Op op = peek().kind == Tok::Star ? Op::Mul : peek().kind == Tok::Slash ? Op::Div : Op::Mod;
      size_t at = take().offset;
      Node rhs = unary();
      if (!rhs) return nullptr;
      lhs = binary(std::move(lhs), op, at, std::move(rhs));
    }
    return lhs;
  }

  Node unary() {
    if (peek().kind != Tok::Not && peek().kind != Tok::Minus) return member();
    Depth guard(depth_);
    if (depth_ > kMaxNesting)
      return fail(peek().offset,
                  fmt::format("expression nests deeper than {} levels", kMaxNesting));
    Op op = peek().kind == Tok::Not ? Op::Not : Op::Neg;
    size_t at = take().offset;
    Node operand = unary();
    if (!operand) return nullptr;
    // A negative number literal stays a literal, so `x > -1` is as cheap as `x > 1`.
    if (op == Op::Neg && operand->kind == Ast::Kind::Literal && operand->literal.is_number()) {
      operand->literal = Value::number(-operand->literal.as_number());
      operand->offset = at;
      return operand;
    }
    Node n = make(Ast::Kind::Unary, at);
    n->op = op;
    n->args.push_back(std::move(operand));
    return seal(std::move(n));
  }

  Node member() {
    Node n = primary();
    while (n) {
      if (peek().kind == Tok::Dot) {
        take();
        const Token& name = peek();
        if (name.kind != Tok::Ident)
          return fail(name.offset,
                      fmt::format("expected a field or method name after '.', found {}",
                                  describe(name.kind)));
        take();
        if (peek().kind == Tok::LParen) {
          Node call = make(Ast::Kind::Call, name.offset);
          call->name = name.text;
          call->method = true;
          call->args.push_back(std::move(n));
          if (!arguments(*call)) return nullptr;
          n = seal(std::move(call));
        } else {
          Node sel = make(Ast::Kind::Select, name.offset);
          sel->name = name.text;
          sel->args.push_back(std::move(n));
          n = seal(std::move(sel));
        }
      } else if (peek().kind == Tok::LBracket) {
        size_t at = take().offset;
        Node index = expr();
        if (!index || !expect(Tok::RBracket, "to close the index")) return nullptr;
        Node ix = make(Ast::Kind::Index, at);
        ix->args.push_back(std::move(n));
        ix->args.push_back(std::move(index));
        n = seal(std::move(ix));
      } else {
        break;
      }
    }
    return n;
  }

  // Reads "(a, b, ...)" into call.args.
  bool arguments(Ast& call) {
    take();  // '('
    if (accept(Tok::RParen)) return true;
    for (;;) {
      Node arg = expr();
      if (!arg) return false;
      call.args.push_back(std::move(arg));
      if (accept(Tok::RParen)) return true;
      if (!expect(Tok::Comma, "between arguments")) return false;
    }
  }

  Node literal(Value v, size_t at) {
    Node n = make(Ast::Kind::Literal, at);
    n->literal = std::move(v);
    take();
    return n;
  }

  Node primary() {
    const Token& tok = peek();
    size_t at = tok.offset;
    switch (tok.kind) {
      case Tok::Number:
        return literal(Value::number(tok.number), at);
      case Tok::String:
        return literal(Value::string(tok.text), at);
      case Tok::True:
        return literal(Value::boolean(true), at);
      case Tok::False:
        return literal(Value::boolean(false), at);
      case Tok::Null:
        return literal(Value::null(), at);
      case Tok::Ident: {
        std::string name = tok.text;
        take();
        if (peek().kind == Tok::LParen) {
          Node call = make(Ast::Kind::Call, at);
          call->name = std::move(name);
          if (!arguments(*call)) return nullptr;
          return seal(std::move(call));
        }
        Node id = make(Ast::Kind::Ident, at);
        id->name = std::move(name);
        return id;
      }
      case Tok::LParen: {
        take();
        Node inner = expr();
        if (!inner || !expect(Tok::RParen, "to close '('")) return nullptr;
        return inner;
      }
      case Tok::LBracket: {
        take();
        Node list = make(Ast::Kind::List, at);
        if (accept(Tok::RBracket)) return seal(std::move(list));
        for (;;) {
          Node item = expr();
          if (!item) return nullptr;
          list->args.push_back(std::move(item));
          if (accept(Tok::RBracket)) return seal(std::move(list));
          if (!expect(Tok::Comma, "between list elements")) return nullptr;
          if (accept(Tok::RBracket)) return seal(std::move(list));  // trailing comma
        }
      }
      case Tok::LBrace: {
        take();
        Node map = make(Ast::Kind::MapLit, at);
        if (accept(Tok::RBrace)) return seal(std::move(map));
        for (;;) {
          Node key = expr();
          if (!key || !expect(Tok::Colon, "between a map key and its value")) return nullptr;
          Node value = expr();
          if (!value) return nullptr;
          map->args.push_back(std::move(key));
          map->args.push_back(std::move(value));
          if (accept(Tok::RBrace)) return seal(std::move(map));
          if (!expect(Tok::Comma, "between map entries")) return nullptr;
          if (accept(Tok::RBrace)) return seal(std::move(map));
        }
      }
      case Tok::End:
        return fail(at, "expression ends where a value was expected");
      default:
        return fail(at, fmt::format("expected a value, found {}", describe(tok.kind)));
    }
  }

  std::vector<Token> t_;
  size_t i_ = 0;
  int depth_ = 0;
  bool failed_ = false;
  ParseError& error_;
};

}  // namespace

std::unique_ptr<Ast> parse_expr(std::string_view text, ParseError& error) {
  std::vector<Token> tokens;
  LexError lex_error;
  if (!lex(text, tokens, lex_error)) {
    error = ParseError{lex_error.offset, std::move(lex_error.message)};
    return nullptr;
  }
  return Parser(std::move(tokens), error).parse();
}

}  // namespace cc::rules
