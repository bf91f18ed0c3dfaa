#pragma once
// Shared helpers for the HCL parser tests.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "collect/hcl/parser.h"

namespace cc::hcl::test {

// Parses `text` and fails the test on any diagnostic.
inline ParseResult parse_ok(std::string_view text) {
  ParseResult r = parse_hcl(text, 1);
  for (const auto& d : r.diags) {
    ADD_FAILURE() << d.code << " " << d.span.line << ":" << d.span.col << " " << d.message;
  }
  return r;
}

// The expression of `value = <text>`.
inline ExprPtr parse_expr(std::string_view expr) {
  std::string text = "value = ";
  text += expr;
  text += "\n";
  ParseResult r = parse_ok(text);
  if (r.body.attributes.size() != 1) {
    ADD_FAILURE() << "no single attribute parsed from: " << expr;
    return nullptr;
  }
  return std::move(r.body.attributes[0].expr);
}

// A compact rendering of an expression tree, so tests can state structure in one line.
inline std::string show(const Expression* e) {
  if (!e) return "<null>";
  switch (e->kind) {
    case ExprKind::Literal:
      if (e->literal == LiteralKind::String) return "\"" + e->text + "\"";
      return e->text;
    case ExprKind::Variable: {
      std::string s = e->name;
      for (const auto& t : e->traversal) {
        if (t.kind == Traverser::Kind::Attr) s += "." + t.name;
        if (t.kind == Traverser::Kind::LegacyIndex) s += ".#" + t.name;
        if (t.kind == Traverser::Kind::Index) s += "[" + show(t.key.get()) + "]";
      }
      return s;
    }
    case ExprKind::GetAttr:
      return "getattr(" + show(e->source.get()) + ", " + e->name + ")";
    case ExprKind::Index:
      return "index(" + show(e->source.get()) + ", " + show(e->key.get()) + ")";
    case ExprKind::Splat: {
      std::string s =
          std::string(e->full_splat ? "fullsplat(" : "attrsplat(") + show(e->source.get()) + ", ";
      for (const auto& t : e->traversal) {
        if (t.kind == Traverser::Kind::Index) {
          s += "[" + show(t.key.get()) + "]";
        } else {
          s += "." + t.name;
        }
      }
      return s + ")";
    }
    case ExprKind::Unary:
      return std::string("(") + to_string(e->op) + show(e->source.get()) + ")";
    case ExprKind::Binary:
      return "(" + show(e->lhs.get()) + " " + to_string(e->op) + " " + show(e->rhs.get()) + ")";
    case ExprKind::Conditional:
      return "(" + show(e->condition.get()) + " ? " + show(e->then_expr.get()) + " : " +
             show(e->else_expr.get()) + ")";
    case ExprKind::Paren:
      return "paren(" + show(e->source.get()) + ")";
    case ExprKind::Tuple: {
      std::string s = "[";
      for (size_t i = 0; i < e->elements.size(); ++i) {
        s += (i ? ", " : "") + show(e->elements[i].get());
      }
      return s + "]";
    }
    case ExprKind::Object: {
      std::string s = "{";
      for (size_t i = 0; i < e->object_items.size(); ++i) {
        const auto& item = e->object_items[i];
        s += (i ? ", " : "") + std::string(item.bare_key ? "bare:" : "") + show(item.key.get()) +
             "=" + show(item.value.get());
      }
      return s + "}";
    }
    case ExprKind::Call: {
      std::string s = e->name + "(";
      for (size_t i = 0; i < e->elements.size(); ++i) {
        s += (i ? ", " : "") + show(e->elements[i].get());
      }
      return s + (e->expand_final ? "...)" : ")");
    }
    case ExprKind::ForTuple:
    case ExprKind::ForObject: {
      const ForClause& f = *e->for_clause;
      std::string s = e->kind == ExprKind::ForTuple ? "[for " : "{for ";
      s += f.key_var.empty() ? f.value_var : f.key_var + "," + f.value_var;
      s += " in " + show(f.collection.get()) + " : ";
      if (f.key_expr) s += show(f.key_expr.get()) + " => ";
      s += show(f.value_expr.get());
      if (f.grouping) s += "...";
      if (f.condition) s += " if " + show(f.condition.get());
      return s + (e->kind == ExprKind::ForTuple ? "]" : "}");
    }
    case ExprKind::Template:
      return "template";
  }
  return "?";
}

inline std::string show(const ExprPtr& e) { return show(e.get()); }

}  // namespace cc::hcl::test
