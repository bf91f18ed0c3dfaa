#pragma once
// Parser for the HCL native syntax (Terraform's .tf files): text in, syntax tree out.
// Syntax only; references, functions and operators are kept as written.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "collect/hcl/ast.h"
#include "core/diagnostic.h"

namespace cc::hcl {

struct ParseLimits {
  size_t max_bytes = size_t{64} << 20;
  // Deepest nesting of blocks, brackets, templates and operator chains. Recursion in the
  // parser never goes deeper than this, so hostile input cannot exhaust the stack.
  uint32_t max_depth = 200;
};

struct ParseResult {
  Body body;
  Diagnostics diags;
};

// Parses `text` into `out`. Syntax errors become diagnostics with code "hcl.syntax"
// (limits: "limit.size", "limit.depth") positioned in `file`; what parsed before and
// after an error is kept. Returns true when no error was reported.
bool parse_hcl(std::string_view text, uint32_t file, const ParseLimits& limits, Body& out,
               Diagnostics& diags);

ParseResult parse_hcl(std::string_view text, uint32_t file, const ParseLimits& limits = {});

// Parses `text` as template text: what sits between heredoc markers, so line breaks are
// text and backslashes are not escapes; only `$${` and `%%{` stand for a literal `${`
// and `%{`. Serves JSON-syntax strings (already unescaped by the JSON reader) and
// templatefile() files. Positions count from `start`, the line and column of the first
// byte of `text` in `file`. Gives a Literal string when the text has no `${` or
// `%{` sequence, else a Template; nullptr after a syntax error, which is in `diags`.
ExprPtr parse_template(std::string_view text, uint32_t file, Span start, const ParseLimits& limits,
                       Diagnostics& diags);

// Parses `text` as one native-syntax expression (`list(string)`, `aws_s3_bucket.b`), with
// positions counted from `start` as for parse_template. nullptr after a syntax error.
ExprPtr parse_expression(std::string_view text, uint32_t file, Span start,
                         const ParseLimits& limits, Diagnostics& diags);

}  // namespace cc::hcl
