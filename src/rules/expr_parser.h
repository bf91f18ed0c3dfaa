#pragma once
// Recursive-descent parser for the rule expression language (CEL's grammar, minus
// features rules do not need).
#include <memory>
#include <string>
#include <string_view>

#include "rules/expr_ast.h"

namespace cc::rules {

struct ParseError {
  size_t offset = 0;
  std::string message;
};

// Nesting deeper than this is rejected, so hostile input cannot exhaust the stack.
inline constexpr int kMaxNesting = 64;
// Trees taller than this (long chains such as a+a+a+...) are rejected for the same reason.
inline constexpr int kMaxHeight = 256;

// Parses one expression; nullptr with `error` set when the text is not one.
std::unique_ptr<Ast> parse_expr(std::string_view text, ParseError& error);

}  // namespace cc::rules
