#include "rules/expr_lexer.h"

#include <fmt/format.h>

#include <cctype>
#include <charconv>
#include <cstdlib>

#include "core/utf8.h"

namespace cc::rules {
namespace {

bool ident_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }
bool digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

class Lexer {
 public:
  Lexer(std::string_view text, std::vector<Token>& out, LexError& error)
      : s_(text), out_(out), error_(error) {}

  bool run() {
    for (;;) {
      while (i_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[i_]))) ++i_;
      if (i_ >= s_.size()) {
        push(Tok::End, i_);
        return true;
      }
      if (!next()) return false;
    }
  }

 private:
  void push(Tok kind, size_t at) { out_.push_back(Token{kind, at, {}, 0}); }
  bool fail(size_t at, std::string message) {
    error_ = LexError{at, std::move(message)};
    return false;
  }

  bool next() {
    size_t at = i_;
    char c = s_[i_];
    char n = i_ + 1 < s_.size() ? s_[i_ + 1] : '\0';
    if ((c == 'r' || c == 'R') && (n == '"' || n == '\'')) {
      ++i_;
      return string(at, true);
    }
    if (ident_start(c)) return ident(at);
    if (digit(c) || (c == '.' && digit(n))) return number(at);
    if (c == '"' || c == '\'') return string(at, false);
    auto two = [&](Tok kind) {
      i_ += 2;
      push(kind, at);
      return true;
    };
    auto one = [&](Tok kind) {
      i_ += 1;
      push(kind, at);
      return true;
    };
    switch (c) {
      case '&':
        if (n == '&') return two(Tok::And);
        return fail(at, "'&' is not an operator; did you mean '&&'?");
      case '|':
        if (n == '|') return two(Tok::Or);
        return fail(at, "'|' is not an operator; did you mean '||'?");
      case '=':
        if (n == '=') return two(Tok::Eq);
        return fail(at, "'=' is not an operator; did you mean '=='?");
      case '!':
        return n == '=' ? two(Tok::Ne) : one(Tok::Not);
      case '<':
        return n == '=' ? two(Tok::Le) : one(Tok::Lt);
      case '>':
        return n == '=' ? two(Tok::Ge) : one(Tok::Gt);
      case '.':
        return one(Tok::Dot);
      case ',':
        return one(Tok::Comma);
      case ':':
        return one(Tok::Colon);
      case '?':
        return one(Tok::Question);
      case '(':
        return one(Tok::LParen);
      case ')':
        return one(Tok::RParen);
      case '[':
        return one(Tok::LBracket);
      case ']':
        return one(Tok::RBracket);
      case '{':
        return one(Tok::LBrace);
      case '}':
        return one(Tok::RBrace);
      case '+':
        return one(Tok::Plus);
      case '-':
        return one(Tok::Minus);
      case '*':
        return one(Tok::Star);
      case '/':
        return one(Tok::Slash);
      case '%':
        return one(Tok::Percent);
      default:
        break;
    }
    if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7F)
      return fail(at, fmt::format("unexpected byte 0x{:02X}", static_cast<unsigned char>(c)));
    return fail(at, fmt::format("unexpected character '{}'", c));
  }

  bool ident(size_t at) {
    while (i_ < s_.size() && ident_char(s_[i_])) ++i_;
    std::string_view word = s_.substr(at, i_ - at);
    if (word == "true") return push(Tok::True, at), true;
    if (word == "false") return push(Tok::False, at), true;
    if (word == "null") return push(Tok::Null, at), true;
    if (word == "in") return push(Tok::In, at), true;
    out_.push_back(Token{Tok::Ident, at, std::string(word), 0});
    return true;
  }

  bool number(size_t at) {
    if (s_[i_] == '0' && i_ + 1 < s_.size() && (s_[i_ + 1] == 'x' || s_[i_ + 1] == 'X')) {
      i_ += 2;
      size_t start = i_;
      while (i_ < s_.size() && std::isxdigit(static_cast<unsigned char>(s_[i_]))) ++i_;
      if (i_ == start) return fail(at, "hexadecimal literal has no digits");
      uint64_t v = 0;
      auto [p, ec] = std::from_chars(s_.data() + start, s_.data() + i_, v, 16);
      if (ec != std::errc{}) return fail(at, "hexadecimal literal is out of range");
      out_.push_back(Token{Tok::Number, at, {}, static_cast<double>(v)});
      return finish_number(at);
    }
    while (i_ < s_.size() && digit(s_[i_])) ++i_;
    if (i_ < s_.size() && s_[i_] == '.' && i_ + 1 < s_.size() && digit(s_[i_ + 1])) {
      ++i_;
      while (i_ < s_.size() && digit(s_[i_])) ++i_;
    }
    if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
      size_t save = i_++;
      if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) ++i_;
      if (i_ >= s_.size() || !digit(s_[i_])) return fail(save, "exponent has no digits");
      while (i_ < s_.size() && digit(s_[i_])) ++i_;
    }
    std::string text(s_.substr(at, i_ - at));
    out_.push_back(Token{Tok::Number, at, {}, std::strtod(text.c_str(), nullptr)});
    return finish_number(at);
  }

  // CEL's unsigned suffix is accepted (numbers are doubles anyway); letters glued to
  // a number are a typo.
  bool finish_number(size_t at) {
    if (i_ < s_.size() && (s_[i_] == 'u' || s_[i_] == 'U')) ++i_;
    if (i_ < s_.size() && ident_char(s_[i_]))
      return fail(at, "malformed number: letters follow the digits");
    return true;
  }

  bool string(size_t at, bool raw) {
    char quote = s_[i_++];
    std::string value;
    for (;;) {
      if (i_ >= s_.size()) return fail(at, "string literal is not closed");
      char c = s_[i_++];
      if (c == quote) break;
      if (c == '\n') return fail(at, "string literal is not closed before the end of the line");
      if (c != '\\' || raw) {
        value += c;
        continue;
      }
      if (i_ >= s_.size()) return fail(at, "string literal is not closed");
      char e = s_[i_++];
      switch (e) {
        case 'n':
          value += '\n';
          break;
        case 't':
          value += '\t';
          break;
        case 'r':
          value += '\r';
          break;
        case '0':
          value += '\0';
          break;
        case '\\':
          value += '\\';
          break;
        case '"':
          value += '"';
          break;
        case '\'':
          value += '\'';
          break;
        case '`':
          value += '`';
          break;
        case '?':
          value += '?';
          break;
        case 'u': {
          if (i_ + 4 > s_.size()) return fail(i_ - 2, "\\u needs four hexadecimal digits");
          uint32_t cp = 0;
          auto [p, ec] = std::from_chars(s_.data() + i_, s_.data() + i_ + 4, cp, 16);
          if (ec != std::errc{} || p != s_.data() + i_ + 4)
            return fail(i_ - 2, "\\u needs four hexadecimal digits");
          i_ += 4;
          cc::append_utf8(value, cp);
          break;
        }
        default:
          return fail(i_ - 2, fmt::format("unknown escape sequence '\\{}'", e));
      }
    }
    out_.push_back(Token{Tok::String, at, std::move(value), 0});
    return true;
  }

  std::string_view s_;
  size_t i_ = 0;
  std::vector<Token>& out_;
  LexError& error_;
};

}  // namespace

bool lex(std::string_view text, std::vector<Token>& out, LexError& error) {
  out.clear();
  return Lexer(text, out, error).run();
}

const char* describe(Tok t) {
  switch (t) {
    case Tok::End:
      return "end of expression";
    case Tok::Ident:
      return "identifier";
    case Tok::Number:
      return "number";
    case Tok::String:
      return "string";
    case Tok::Dot:
      return "'.'";
    case Tok::Comma:
      return "','";
    case Tok::Colon:
      return "':'";
    case Tok::Question:
      return "'?'";
    case Tok::LParen:
      return "'('";
    case Tok::RParen:
      return "')'";
    case Tok::LBracket:
      return "'['";
    case Tok::RBracket:
      return "']'";
    case Tok::LBrace:
      return "'{'";
    case Tok::RBrace:
      return "'}'";
    case Tok::Not:
      return "'!'";
    case Tok::And:
      return "'&&'";
    case Tok::Or:
      return "'||'";
    case Tok::Eq:
      return "'=='";
    case Tok::Ne:
      return "'!='";
    case Tok::Lt:
      return "'<'";
    case Tok::Le:
      return "'<='";
    case Tok::Gt:
      return "'>'";
    case Tok::Ge:
      return "'>='";
    case Tok::Plus:
      return "'+'";
    case Tok::Minus:
      return "'-'";
    case Tok::Star:
      return "'*'";
    case Tok::Slash:
      return "'/'";
    case Tok::Percent:
      return "'%'";
    case Tok::True:
      return "'true'";
    case Tok::False:
      return "'false'";
    case Tok::Null:
      return "'null'";
    case Tok::In:
      return "'in'";
  }
  return "token";
}

}  // namespace cc::rules
