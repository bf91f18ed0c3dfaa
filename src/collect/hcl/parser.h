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

}  // namespace cc::hcl
