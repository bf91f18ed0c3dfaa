#pragma once
// Syntax tree of an HCL native-syntax file (the language of Terraform .tf files).
// It records what was written, with the position of every node; nothing here is
// evaluated, so `var.x` stays a reference and `1 + 2` stays an operation.
#include <memory>
#include <string>
#include <vector>

#include "core/span.h"

namespace cc::hcl {

struct Expression;
using ExprPtr = std::unique_ptr<Expression>;

enum class ExprKind : uint8_t {
  Literal,      // null, bool, number or a string with no interpolation parts
  Template,     // "..." or heredoc: `parts`
  Tuple,        // [a, b]: `elements`
  Object,       // {k = v}: `object_items`
  Variable,     // root name plus static steps: `name`, `traversal`
  GetAttr,      // `source`.`name` where source is not a plain variable
  Index,        // `source`[`key`] where the key is not a literal or source not a variable
  Splat,        // `source`.* or `source`[*] then `traversal` applied to each element
  Call,         // `name`(`elements`), `expand_final` when the last argument ends in `...`
  ForTuple,     // [for ...]: `for_clause`
  ForObject,    // {for ...}: `for_clause`
  Conditional,  // `condition` ? `then_expr` : `else_expr`
  Unary,        // `op` `source`
  Binary,       // `lhs` `op` `rhs`
  Paren,        // (`source`)
};

enum class LiteralKind : uint8_t { Null, Bool, Number, String };

enum class Operator : uint8_t {
  Or,
  And,
  Equal,
  NotEqual,
  Less,
  Greater,
  LessEqual,
  GreaterEqual,
  Add,
  Subtract,
  Multiply,
  Divide,
  Modulo,
  Not,
  Negate,
};
const char* to_string(Operator op);

// One step of a traversal: `.name`, `[key]` or the legacy `.0` index form.
struct Traverser {
  enum class Kind : uint8_t { Attr, Index, LegacyIndex };
  Kind kind = Kind::Attr;
  std::string name;  // attribute name, or the digits of a legacy index
  ExprPtr key;       // Index only
  Span span;
};

struct TemplatePart {
  enum class Kind : uint8_t { Literal, Interpolation, If, For };
  Kind kind = Kind::Literal;
  std::string text;                      // Literal: decoded text
  ExprPtr expr;                          // Interpolation value, If condition, For collection
  std::vector<TemplatePart> then_parts;  // If: true branch; For: body
  std::vector<TemplatePart> else_parts;  // If: false branch (empty when absent)
  bool has_else = false;
  std::string key_var;    // For: first name (empty when only one name is given)
  std::string value_var;  // For: element name
  Span span;
};

struct ObjectItem {
  ExprPtr key;
  ExprPtr value;
  // The key was a lone identifier (`name = ...`), which HCL reads as the string "name"
  // rather than as a reference to a variable called name.
  bool bare_key = false;
};

struct ForClause {
  std::string key_var;  // empty when only one name is given
  std::string value_var;
  ExprPtr collection;
  ExprPtr key_expr;  // ForObject only
  ExprPtr value_expr;
  ExprPtr condition;      // null without `if`
  bool grouping = false;  // ForObject with `...` after the value
};

struct Expression {
  ExprKind kind = ExprKind::Literal;
  Span span;

  LiteralKind literal = LiteralKind::Null;
  bool boolean = false;
  double number = 0;
  std::string text;  // literal string or number as written

  std::string name;  // Variable root, GetAttr attribute, Call function
  std::vector<Traverser> traversal;
  std::vector<TemplatePart> parts;
  std::vector<ExprPtr> elements;
  std::vector<ObjectItem> object_items;
  std::unique_ptr<ForClause> for_clause;
  bool expand_final = false;
  bool full_splat = false;

  Operator op = Operator::Or;
  ExprPtr source;
  ExprPtr key;
  ExprPtr lhs;
  ExprPtr rhs;
  ExprPtr condition;
  ExprPtr then_expr;
  ExprPtr else_expr;
};

struct Attribute {
  std::string name;
  ExprPtr expr;
  Span span;
};

struct Block;

// Attributes and blocks each keep the order in which they appear in the file.
struct Body {
  std::vector<Attribute> attributes;
  std::vector<Block> blocks;
};

struct BlockLabel {
  std::string value;
  bool quoted = false;
  Span span;
};

struct Block {
  std::string type;
  std::vector<BlockLabel> labels;
  Body body;
  Span span;      // the block type name
  Span end_span;  // the closing brace
};

}  // namespace cc::hcl
