#pragma once
// A finding message with {{expression}} parts, compiled with the rule so a typo in a
// message is a load error like any other.
#include <string>
#include <string_view>
#include <vector>

#include "rules/expr.h"

namespace cc::rules {

class MessageTemplate {
 public:
  MessageTemplate() = default;
  // Errors carry offsets into `text` (the whole template).
  static Result<MessageTemplate, ExprError> compile(std::string_view text,
                                                    const CompileOptions& options);

  // Unknown values render as "<unknown>", unset (null) ones as "<unset>".
  [[nodiscard]] std::string render(const Value& resource) const;
  [[nodiscard]] bool empty() const { return parts_.empty(); }

 private:
  struct Part {
    std::string literal;
    Expr expr;  // used when non-empty
  };
  std::vector<Part> parts_;
};

// How a value reads inside a message: strings bare, integers without a fraction.
std::string display(const Value& v);

}  // namespace cc::rules
