#include "collect/hcl/ast.h"

namespace cc::hcl {

const char* to_string(Operator op) {
  switch (op) {
    case Operator::Or:
      return "||";
    case Operator::And:
      return "&&";
    case Operator::Equal:
      return "==";
    case Operator::NotEqual:
      return "!=";
    case Operator::Less:
      return "<";
    case Operator::Greater:
      return ">";
    case Operator::LessEqual:
      return "<=";
    case Operator::GreaterEqual:
      return ">=";
    case Operator::Add:
      return "+";
    case Operator::Subtract:
      return "-";
    case Operator::Multiply:
      return "*";
    case Operator::Divide:
      return "/";
    case Operator::Modulo:
      return "%";
    case Operator::Not:
      return "!";
    case Operator::Negate:
      return "-";
  }
  return "?";
}

}  // namespace cc::hcl
