#pragma once
// A rule expression, parsed, checked against the kind's schema and compiled once;
// evaluated many times, concurrently, without locks on the common path.
#include <memory>
#include <string>
#include <string_view>

#include "core/result.h"
#include "core/value.h"
#include "model/base/schema.h"
#include "rules/expr_eval.h"
#include "rules/tri.h"

namespace cc::rules {

struct ExprError {
  size_t offset = 0;  // byte offset in the expression text
  uint32_t line = 1;  // 1-based, within the expression text
  uint32_t col = 1;   // 1-based byte column
  std::string message;
};

struct CompileOptions {
  // The type of `resource` (a kind's schema type); nullptr: nothing is checked.
  std::shared_ptr<const model::Type> resource;
  // Reject expressions whose static type is known and is not bool (assertions).
  bool require_bool = true;
};

// The outcome of a boolean expression: `reason` says why it is Unknown.
struct Truth {
  Tri value = Tri::Unknown;
  std::string reason;
};

struct Program;

class Expr {
 public:
  Expr() = default;
  static Result<Expr, ExprError> compile(std::string_view text, const CompileOptions& options);

  // Evaluates as a condition. A non-bool result is Unknown with a reason.
  [[nodiscard]] Truth test(const Value& resource, Trace* trace = nullptr) const;
  // Evaluates to a value (for messages). Evaluation errors become unknown values
  // whose reason starts with "error: ".
  [[nodiscard]] Value evaluate(const Value& resource, Trace* trace = nullptr) const;

  [[nodiscard]] const std::string& text() const;
  [[nodiscard]] bool empty() const { return !program_; }

 private:
  std::shared_ptr<const Program> program_;
};

}  // namespace cc::rules
