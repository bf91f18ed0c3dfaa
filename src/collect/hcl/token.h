#pragma once
// Tokens of the HCL native syntax. Template text arrives already decoded (escapes
// resolved, heredoc indentation and `~` strip markers applied) so the parser only
// builds structure.
#include <string>
#include <vector>

#include "core/span.h"

namespace cc::hcl {

enum class Tok : uint8_t {
  Eof,
  Newline,
  Ident,
  Number,
  OQuote,
  CQuote,
  OHeredoc,
  CHeredoc,
  Literal,
  TemplateInterp,   // ${
  TemplateControl,  // %{
  TemplateEnd,      // } closing either of the above
  LBrace,
  RBrace,
  LBrack,
  RBrack,
  LParen,
  RParen,
  Comma,
  Dot,
  Ellipsis,
  Star,
  Slash,
  Percent,
  Plus,
  Minus,
  Assign,
  Equal,
  NotEqual,
  Less,
  Greater,
  LessEqual,
  GreaterEqual,
  And,
  Or,
  Bang,
  Question,
  Colon,
  FatArrow,
  Invalid,  // a byte that starts no token; `text` holds it
};

struct Token {
  Tok kind = Tok::Eof;
  std::string text;  // identifier, number, decoded literal text, heredoc marker
  Span span;
};

// How a token is named in error messages, e.g. "'='" or "end of line".
std::string describe(const Token& token);

}  // namespace cc::hcl
