#pragma once
// Tokens of the HCL native syntax. Template text arrives already decoded (escapes
// resolved, heredoc indentation and `~` strip markers applied) so the parser only
// builds structure.
#include <deque>
#include <string>
#include <string_view>
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

// `text` points into the source text or into the decoded strings of the TokenList that
// holds the token: most identifiers and string contents need no decoding, and copying
// each into its own string was a large part of lexing.
struct Token {
  Tok kind = Tok::Eof;
  std::string_view text;  // identifier, number, decoded literal text, heredoc marker
  Span span;
};

// The tokens of one text. They stay valid while the source text and this list live.
struct TokenList {
  std::vector<Token> tokens;
  std::deque<std::string> decoded;  // texts that differ from the source (escapes, `$${`)

  [[nodiscard]] size_t size() const { return tokens.size(); }
  [[nodiscard]] bool empty() const { return tokens.empty(); }
  const Token& operator[](size_t i) const { return tokens[i]; }
  [[nodiscard]] auto begin() const { return tokens.begin(); }
  [[nodiscard]] auto end() const { return tokens.end(); }
};

// How a token is named in error messages, e.g. "'='" or "end of line".
std::string describe(const Token& token);

}  // namespace cc::hcl
