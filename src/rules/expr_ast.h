#pragma once
// Syntax tree of one expression. The parser builds it, the checker annotates static
// types and variable slots on it, and the compiler turns it into closures.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/value.h"
#include "model/base/schema.h"

namespace cc::rules {

enum class Op : uint8_t {
  Not,
  Neg,  // unary
  And,
  Or,
  Eq,
  Ne,
  Lt,
  Le,
  Gt,
  Ge,
  In,  // logic and relations
  Add,
  Sub,
  Mul,
  Div,
  Mod,  // arithmetic
};

const char* op_text(Op op);

struct Ast {
  enum class Kind : uint8_t {
    Literal,  // `literal`
    Ident,    // `name`
    Select,   // args[0].name
    Index,    // args[0][args[1]]
    Call,     // name(args...) or, with `method`, args[0].name(args[1..])
    List,     // [args...]
    MapLit,   // {args[0]: args[1], ...}
    Unary,    // op args[0]
    Binary,   // args[0] op args[1]
    Cond,     // args[0] ? args[1] : args[2]
  };
  Kind kind = Kind::Literal;
  size_t offset = 0;    // byte offset of the token that identifies the node
  std::string name;     // identifier, field, function or method name
  bool method = false;  // Call on a receiver (args[0])
  Op op = Op::Not;
  Value literal;
  std::vector<std::unique_ptr<Ast>> args;
  int height = 1;  // longest path to a leaf, bounded by the parser

  // Filled by the checker.
  std::shared_ptr<const model::Type> type;  // static type; Kind::Any when not known
  int slot = -1;                            // macro variable slot (Ident and macro Call)
};

}  // namespace cc::rules
