#pragma once
// Turns HCL source text into tokens. Quoted strings and heredocs are templates whose
// text and `${ }` / `%{ }` sequences interleave, so the lexer keeps a stack of modes
// (plain expressions, quoted template, heredoc) instead of a single state.
#include <cstdint>
#include <string_view>
#include <vector>

#include "collect/hcl/token.h"
#include "core/diagnostic.h"

namespace cc::hcl {

// Always ends with one Eof token. Problems the lexer can see on its own (unterminated
// strings, heredocs, comments, bad escapes) go to `diags` with code "hcl.syntax";
// the token stream is still closed so parsing can go on. Token texts point into `text`,
// which must outlive the list.
TokenList tokenize(std::string_view text, uint32_t file, Diagnostics& diags);

// How text given on its own (not a whole file) is read.
enum class LexStart : uint8_t {
  Expression,  // one expression, as after `name =`
  Template,    // template text, as between heredoc markers: no backslash escapes
};

// Tokenizes a fragment that starts at `start` (file, line and column of its first byte)
// inside some larger source, such as a JSON string or a template file. A Template
// fragment is framed by an OHeredoc and a CHeredoc token so it parses as one expression.
TokenList tokenize_fragment(std::string_view text, Span start, LexStart mode, Diagnostics& diags);

}  // namespace cc::hcl
