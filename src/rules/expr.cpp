#include "rules/expr.h"

#include <fmt/format.h>

#include "rules/expr_checker.h"
#include "rules/expr_compile.h"
#include "rules/expr_parser.h"

namespace cc::rules {

struct Program {
  std::string text;
  Fn fn;
};

namespace {

ExprError positioned(std::string_view text, size_t offset, std::string message) {
  ExprError e;
  e.offset = std::min(offset, text.size());
  e.message = std::move(message);
  for (size_t i = 0; i < e.offset; ++i) {
    if (text[i] == '\n') {
      ++e.line;
      e.col = 1;
    } else {
      ++e.col;
    }
  }
  return e;
}

bool is_bool_type(const std::shared_ptr<const model::Type>& t) {
  return !t || t->kind == model::Type::Kind::Any || t->kind == model::Type::Kind::Bool;
}

}  // namespace

Result<Expr, ExprError> Expr::compile(std::string_view text, const CompileOptions& options) {
  ParseError parse_error;
  std::unique_ptr<Ast> ast = parse_expr(text, parse_error);
  if (!ast) return unexpected(positioned(text, parse_error.offset, parse_error.message));
  CheckError check_error;
  if (!check_expr(*ast, options.resource, check_error))
    return unexpected(positioned(text, check_error.offset, check_error.message));
  if (options.require_bool && !is_bool_type(ast->type)) {
    return unexpected(
        positioned(text, 0,
                   fmt::format("the expression gives a {}, but a condition must give a bool",
                               ast->type->name.empty() ? ast->type->describe() : ast->type->name)));
  }
  CompileError compile_error;
  Fn fn = compile_ast(*ast, compile_error);
  if (!fn) return unexpected(positioned(text, compile_error.offset, compile_error.message));
  Expr e;
  e.program_ = std::make_shared<const Program>(Program{std::string(text), std::move(fn)});
  return e;
}

Truth Expr::test(const Value& resource, Trace* trace) const {
  if (!program_) return Truth{Tri::Unknown, "no expression"};
  Ctx ctx;
  ctx.resource = &resource;
  ctx.trace = trace;
  Eval r = program_->fn(ctx);
  if (r.undecided()) return Truth{Tri::Unknown, r.reason()};
  const Value& v = r.value();
  if (v.is_bool()) return Truth{tri(v.as_bool()), {}};
  if (v.is_null()) return Truth{Tri::Unknown, "the condition reads a value that is not set"};
  return Truth{Tri::Unknown,
               fmt::format("the condition gave a {}, not a bool", Value::type_name(v.type()))};
}

Value Expr::evaluate(const Value& resource, Trace* trace) const {
  if (!program_) return Value::unknown("error: no expression");
  Ctx ctx;
  ctx.resource = &resource;
  ctx.trace = trace;
  Eval r = program_->fn(ctx);
  if (r.is_error()) return Value::unknown("error: " + r.error_reason());
  return r.value();
}

const std::string& Expr::text() const {
  static const std::string kEmpty;
  return program_ ? program_->text : kEmpty;
}

}  // namespace cc::rules
