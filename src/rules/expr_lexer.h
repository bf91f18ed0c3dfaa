#pragma once
// Tokens of the rule expression language (a subset of CEL). Every token keeps the byte
// offset where it starts so errors can point at line:col inside the expression.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cc::rules {

enum class Tok : uint8_t {
  End,
  Ident,
  Number,
  String,
  Dot,
  Comma,
  Colon,
  Question,
  LParen,
  RParen,
  LBracket,
  RBracket,
  LBrace,
  RBrace,
  Not,
  And,
  Or,
  Eq,
  Ne,
  Lt,
  Le,
  Gt,
  Ge,
  Plus,
  Minus,
  Star,
  Slash,
  Percent,
  True,
  False,
  Null,
  In,
};

struct Token {
  Tok kind = Tok::End;
  size_t offset = 0;
  std::string text;  // identifier name or decoded string literal
  double number = 0;
};

struct LexError {
  size_t offset = 0;
  std::string message;
};

// Splits `text` into tokens ending with Tok::End. On the first malformed token returns
// false with `error` set.
bool lex(std::string_view text, std::vector<Token>& out, LexError& error);

// How a token kind reads in messages ("'&&'", "identifier").
const char* describe(Tok t);

}  // namespace cc::rules
