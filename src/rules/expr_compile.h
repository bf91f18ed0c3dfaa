#pragma once
// Turns a checked syntax tree into a tree of closures: constants folded, function
// names resolved, literal regular expressions compiled, variables bound to slots.
#include "rules/expr_ast.h"
#include "rules/expr_eval.h"

namespace cc::rules {

struct CompileError {
  size_t offset = 0;
  std::string message;
};

// Returns an empty Fn with `error` set when a literal cannot be compiled (a bad regex).
Fn compile_ast(const Ast& root, CompileError& error);

}  // namespace cc::rules
