#pragma once
// Static checks of a parsed expression against the schema of the rule's kind: field
// paths must exist, functions must be known and called with the right number and
// kinds of arguments, and operands whose types are known must fit their operator.
// Values of type `any` (raw kinds, map elements without a schema) are not checked.
#include <memory>
#include <string>

#include "model/base/schema.h"
#include "rules/expr_ast.h"

namespace cc::rules {

// Macro variables nested deeper than this are rejected; evaluation keeps their
// bindings in a fixed array so it never allocates for them.
inline constexpr int kMaxMacroVars = 8;

struct CheckError {
  size_t offset = 0;
  std::string message;
};

// Annotates `root` (types, variable slots). `resource` is the type `resource` has;
// nullptr means unchecked. Returns false with `error` set at the first problem.
bool check_expr(Ast& root, const std::shared_ptr<const model::Type>& resource, CheckError& error);

// Shared static types used for literals and results.
namespace types {
const std::shared_ptr<const model::Type>& any();
const std::shared_ptr<const model::Type>& boolean();
const std::shared_ptr<const model::Type>& number();
const std::shared_ptr<const model::Type>& string();
}  // namespace types

// The closest of `candidates` to `word` when it is close enough to be a likely typo.
std::string closest_name(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace cc::rules
