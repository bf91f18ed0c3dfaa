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
// the token stream is still closed so parsing can go on.
std::vector<Token> tokenize(std::string_view text, uint32_t file, Diagnostics& diags);

}  // namespace cc::hcl
