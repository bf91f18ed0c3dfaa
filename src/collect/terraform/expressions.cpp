// Evaluation of HCL expressions with Terraform's meaning: references to variables,
// locals, resources, data sources and modules; operators; templates; for, splat,
// conditionals; function calls (try and can here, the rest in collect/tffunc).
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

#include "collect/terraform/evaluator.h"
#include "collect/terraform/values.h"

namespace cc::terraform {
namespace {

// A value's span is where it was written; a value passed through keeps its origin, but
// one that has none takes the span of the expression that produced it.
Value at(Value v, Span s) {
  if (!v.span().known()) v.set_span(s);
  return v;
}

std::optional<double> as_number(const Value& v) {
  if (v.is_number()) return v.as_number();
  if (v.is_string()) {
    const std::string& s = v.as_string();
    double d = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), d);
    if (ec == std::errc{} && end == s.data() + s.size() && !s.empty()) return d;
  }
  return std::nullopt;
}

std::optional<bool> as_bool(const Value& v) {
  if (v.is_bool()) return v.as_bool();
  if (v.is_string() && v.as_string() == "true") return true;
  if (v.is_string() && v.as_string() == "false") return false;
  return std::nullopt;
}

// A list of one value, moved in: a braced list would copy it.
List list_of_one(Value v) {
  List items;
  items.push_back(std::move(v));
  return items;
}

// A reference derived from an unknown value by one more step: "x.id" -> "x.id.name".
Value derived_unknown(const Value& base, std::string_view step, Span where) {
  const Unknown& u = base.as_unknown();
  std::string ref = u.ref.empty() ? std::string{} : u.ref + std::string(step);
  return Value::unknown(u.reason.empty() ? "known after apply" : u.reason, where, std::move(ref));
}

}  // namespace

const Value& Evaluator::get_attr(const Value& v, std::string_view name, Span where, Value& made) {
  if (v.is_unknown()) return made = derived_unknown(v, fmt::format(".{}", name), where);
  if (v.is_map()) {
    if (const Value* m = v.find(name)) return *m;
    // A resource object: attributes not in the configuration are computed.
    const Value* id = v.find("id");
    if (id && id->is_unknown()) {
      const std::string& ref = id->as_unknown().ref;
      if (ref.size() > 3 && ref.compare(ref.size() - 3, 3, ".id") == 0)
        return made = Value::unknown("known after apply", where,
                                     ref.substr(0, ref.size() - 2) + std::string(name));
    }
    return made = error_value(where, fmt::format("this object has no attribute '{}'", name));
  }
  if (v.is_null())
    return made = error_value(where, fmt::format("cannot read '{}' of a null value", name));
  if (v.is_list())
    return made = error_value(where,
                              fmt::format("cannot read '{}' of a list; use an index or [*]", name));
  return made = error_value(
             where, fmt::format("cannot read '{}' of a {}", name, Value::type_name(v.type())));
}

const Value& Evaluator::index(const Value& v, const Value& key, Span where, Value& made) {
  if (key.is_unknown()) return made = Value::unknown("index known only after apply", where);
  if (v.is_unknown()) {
    std::string step = key.is_number() || key.is_string() ? instance_key(key) : "[?]";
    return made = derived_unknown(v, step, where);
  }
  if (v.is_list()) {
    auto n = as_number(key);
    if (!n || *n < 0 || *n != std::floor(*n))
      return made = error_value(where, "a list index must be a whole number of zero or more");
    size_t i = static_cast<size_t>(*n);
    if (i >= v.as_list().size())
      return made = error_value(where,
                                fmt::format("index {} is out of range for a list of {} elements", i,
                                            v.as_list().size()));
    return v.as_list()[i];
  }
  if (v.is_map()) {
    auto k = to_template_text(key);
    if (!k) return made = error_value(where, "a map key must be a string");
    if (const Value* m = v.find(*k)) return *m;
    return made = error_value(where, fmt::format("the map has no element \"{}\"", *k));
  }
  return made = error_value(where, fmt::format("cannot index a {}", Value::type_name(v.type())));
}

Value Evaluator::follow(const Value& start, const std::vector<hcl::Traverser>& steps, size_t from,
                        const Scope& scope) {
  // Each step points into the value before it; only a step that cannot (an unknown, an
  // error) makes a new value, into the slot that the current value does not live in.
  std::array<Value, 2> made;
  size_t slot = 0;
  const Value* cur = &start;
  for (size_t i = from; i < steps.size(); ++i) {
    const auto& s = steps[i];
    Value& out = made[slot];
    const Value* next = nullptr;
    switch (s.kind) {
      case hcl::Traverser::Kind::Attr:
        next = &get_attr(*cur, s.name, s.span, out);
        break;
      case hcl::Traverser::Kind::LegacyIndex: {
        double n = 0;
        std::from_chars(s.name.data(), s.name.data() + s.name.size(), n);
        next = &index(*cur, Value::number(n), s.span, out);
        break;
      }
      case hcl::Traverser::Kind::Index:
        next = &index(*cur, eval(*s.key, scope), s.span, out);
        break;
    }
    if (next == &out) slot ^= 1;
    cur = next;
  }
  return *cur;
}

// The value of a variable expression's root and the traversal steps it used up: a
// reference to the stored value when there is one, else `made`.
const Value& Evaluator::root_reference(const hcl::Expression& e, const Scope& scope, size_t& used,
                                       Value& made) {
  used = 0;
  const auto& t = e.traversal;
  if (const Value* bound = scope.lookup(e.name)) return *bound;
  ModuleInstance& m = *scope.module;
  auto attr_name = [&](size_t i) -> const std::string* {
    return i < t.size() && t[i].kind == hcl::Traverser::Kind::Attr ? &t[i].name : nullptr;
  };
  // A value passed through keeps where it was written; one that has none takes the
  // span of the reference.
  auto at_reference = [&](const Value& v) -> const Value& {
    if (v.span().known()) return v;
    made = v;
    made.set_span(e.span);
    return made;
  };
  const std::string& root = e.name;
  if (root == "var" || root == "local" || root == "module" || root == "path" ||
      root == "terraform") {
    const std::string* n = attr_name(0);
    if (!n) return made = error_value(e.span, fmt::format("'{}' must be followed by .name", root));
    used = 1;
    if (root == "var") return at_reference(variable(m, *n, t[0].span, made));
    if (root == "local") return at_reference(local(m, *n, t[0].span, made));
    if (root == "module") return module_reference(m, *n, t[0].span, made);
    if (root == "path") {
      if (*n == "module") return made = Value::string(m.rel_dir, e.span);
      if (*n == "root") return made = Value::string(".", e.span);
      if (*n == "cwd") return made = Value::string(root_->module->dir.string(), e.span);
      return made = error_value(e.span, fmt::format("path.{} is not a Terraform path value", *n));
    }
    if (*n == "workspace") return made = Value::string("default", e.span);
    return made = error_value(e.span, fmt::format("terraform.{} is not available", *n));
  }
  if (root == "count" || root == "each")
    return made = error_value(e.span, fmt::format("'{}' is only available in a block with {}", root,
                                                  root == "count" ? "count" : "for_each"));
  if (root == "self") return made = Value::unknown("self is known only in provisioners", e.span);
  if (root == "data") {
    const std::string* type = attr_name(0);
    const std::string* name = attr_name(1);
    if (!type || !name)
      return made = error_value(e.span, "a data source reference is data.TYPE.NAME");
    used = 2;
    return resource_reference(m, "data." + *type + "." + *name, e.span, made);
  }
  const std::string* name = attr_name(0);
  if (!name) return made = error_value(e.span, fmt::format("unknown name '{}'", root));
  used = 1;
  std::string key = root + "." + *name;
  if (!m.resource_index.count(key)) {
    warn(e.span, "terraform.reference", fmt::format("reference to undeclared resource '{}'", key));
    return made =
               Value::unknown(fmt::format("undeclared resource {}", key), e.span, m.prefix + key);
  }
  return resource_reference(m, key, e.span, made);
}

Value Evaluator::eval_template(const std::vector<hcl::TemplatePart>& parts, const Scope& scope,
                               Span span) {
  // A template that is only one interpolation yields that value unconverted.
  if (parts.size() == 1 && parts[0].kind == hcl::TemplatePart::Kind::Interpolation)
    return at(eval(*parts[0].expr, scope), span);
  std::string out;
  std::string shape;
  std::string ref;
  bool unknown = false;
  bool shaped = true;
  auto add_text = [&](std::string_view s) {
    out += s;
    shape += s;
  };
  std::function<bool(const std::vector<hcl::TemplatePart>&, const Scope&)> render =
      [&](const std::vector<hcl::TemplatePart>& ps, const Scope& sc) -> bool {
    for (const auto& p : ps) {
      switch (p.kind) {
        case hcl::TemplatePart::Kind::Literal:
          add_text(p.text);
          break;
        case hcl::TemplatePart::Kind::Interpolation: {
          Value v = eval(*p.expr, sc);
          if (v.is_unknown()) {
            unknown = true;
            if (ref.empty()) ref = v.as_unknown().ref;
            if (auto t = unknown_text(v))
              shape += *t;
            else
              shaped = false;
          } else if (auto t = to_template_text(v)) {
            add_text(*t);
          } else {
            error_value(p.span, fmt::format("a {} cannot be inserted into a string",
                                            Value::type_name(v.type())));
            unknown = true;
            shaped = false;
          }
          break;
        }
        case hcl::TemplatePart::Kind::If: {
          Value c = eval(*p.expr, sc);
          auto b = as_bool(c);
          if (!b) {
            if (!c.is_unknown()) error_value(p.span, "a template condition must be a bool");
            unknown = true;
            shaped = false;
            break;
          }
          render(*b ? p.then_parts : p.else_parts, sc);
          break;
        }
        case hcl::TemplatePart::Kind::For: {
          Value coll = eval(*p.expr, sc);
          if (coll.is_unknown() || (!coll.is_list() && !coll.is_map())) {
            if (!coll.is_unknown()) error_value(p.span, "a template for needs a list or a map");
            unknown = true;
            shaped = false;
            break;
          }
          auto each = [&](const Value& k, const Value& v) {
            Frame kf{sc.frames, p.key_var, &k};
            Frame vf{p.key_var.empty() ? sc.frames : &kf, p.value_var, &v};
            Scope inner{sc.module, &vf};
            render(p.then_parts, inner);
          };
          if (coll.is_list()) {
            for (size_t i = 0; i < coll.as_list().size(); ++i)
              each(Value::number(static_cast<double>(i)), coll.as_list()[i]);
          } else {
            for (const auto& m : coll.as_map()) each(Value::string(m.key), m.value);
          }
          break;
        }
      }
    }
    return true;
  };
  render(parts, scope);
  if (!unknown) return Value::string(std::move(out), span);
  return Value::unknown("part of the string is known only after apply", span, ref,
                        shaped ? shape : std::string{});
}

Value Evaluator::call(const hcl::Expression& e, const Scope& scope) {
  if (e.name == "try" || e.name == "can") {
    const bool is_can = e.name == "can";
    for (const auto& arg : e.elements) {
      size_t mark = diags_.size();
      Value v = eval(*arg, scope);
      bool failed = false;
      for (size_t i = mark; i < diags_.size(); ++i)
        failed =
            failed || diags_[i].code == "terraform.eval" || diags_[i].code == "terraform.reference";
      if (failed) {
        diags_.resize(mark);  // try() exists to absorb exactly these errors
        if (is_can) return Value::boolean(false, e.span);
        continue;
      }
      if (v.is_unknown()) return at(v, e.span);
      if (is_can) return Value::boolean(true, e.span);
      return at(v, e.span);
    }
    if (is_can) return error_value(e.span, "can() takes one argument");
    return error_value(e.span, "no argument of try() could be evaluated");
  }
  std::vector<Value> args;
  args.reserve(e.elements.size());
  for (size_t i = 0; i < e.elements.size(); ++i) {
    Value v = eval(*e.elements[i], scope);
    if (e.expand_final && i + 1 == e.elements.size()) {
      if (v.is_unknown()) return Value::unknown("arguments known only after apply", e.span);
      if (!v.is_list()) return error_value(e.span, "only a list can be expanded with ...");
      for (auto& x : v.as_list()) args.push_back(std::move(x));
    } else {
      args.push_back(std::move(v));
    }
  }
  if (!is_function(e.name)) {
    if (e.name.find("::") != std::string::npos)
      return Value::unknown(
          fmt::format("provider function {} is evaluated by its provider", e.name), e.span);
    return error_value(e.span, fmt::format("there is no function named '{}'", e.name));
  }
  FunctionContext ctx;
  ctx.base_dir = scope.module->module->dir;
  ctx.confine_dir = options_.confine_dir.empty() ? root_->module->dir : options_.confine_dir;
  ctx.render_template = [this, &scope, &e](std::string_view text, const std::string& path,
                                           const Value& vars) {
    (void)path;
    Diagnostics local;
    hcl::ExprPtr tmpl = hcl::parse_template(text, e.span.file, e.span, options_.limits, local);
    if (!tmpl || !local.empty())
      return error_value(e.span, fmt::format("template {} does not parse", path));
    // Only the given variables are visible inside a template file.
    std::vector<Frame> frames;
    frames.reserve(vars.is_map() ? vars.as_map().size() : 0);
    if (vars.is_map())
      for (const auto& m : vars.as_map())
        frames.push_back(Frame{frames.empty() ? nullptr : &frames.back(), m.key, &m.value});
    Scope inner{scope.module, frames.empty() ? nullptr : &frames.back()};
    return eval(*tmpl, inner);
  };
  auto r = call_function(e.name, std::move(args), ctx);
  if (!r) return error_value(e.span, r.error());  // messages already start with the function name
  return at(std::move(r.value()), e.span);
}

Value Evaluator::binary(const hcl::Expression& e, const Scope& scope) {
  using Op = hcl::Operator;
  Value l = eval(*e.lhs, scope);
  Value r = eval(*e.rhs, scope);
  const Span s = e.span;
  switch (e.op) {
    case Op::Equal:
    case Op::NotEqual: {
      auto eq = equal(l, r);
      if (!eq) return Value::unknown("compares a value known only after apply", s);
      return Value::boolean(e.op == Op::Equal ? *eq : !*eq, s);
    }
    case Op::And:
    case Op::Or: {
      auto a = as_bool(l);
      auto b = as_bool(r);
      if (l.is_unknown() || r.is_unknown())
        return Value::unknown("operand known only after apply", s);
      if (!a || !b)
        return error_value(s, fmt::format("'{}' needs bool operands", hcl::to_string(e.op)));
      return Value::boolean(e.op == Op::And ? (*a && *b) : (*a || *b), s);
    }
    default:
      break;
  }
  if (l.is_unknown() || r.is_unknown()) return Value::unknown("operand known only after apply", s);
  auto a = as_number(l);
  auto b = as_number(r);
  if (!a || !b)
    return error_value(s, fmt::format("'{}' needs number operands", hcl::to_string(e.op)));
  switch (e.op) {
    case Op::Less:
      return Value::boolean(*a < *b, s);
    case Op::Greater:
      return Value::boolean(*a > *b, s);
    case Op::LessEqual:
      return Value::boolean(*a <= *b, s);
    case Op::GreaterEqual:
      return Value::boolean(*a >= *b, s);
    case Op::Add:
      return Value::number(*a + *b, s);
    case Op::Subtract:
      return Value::number(*a - *b, s);
    case Op::Multiply:
      return Value::number(*a * *b, s);
    case Op::Divide:
      if (*b == 0) return error_value(s, "division by zero");
      return Value::number(*a / *b, s);
    case Op::Modulo:
      if (*b == 0) return error_value(s, "modulo by zero");
      return Value::number(std::fmod(*a, *b), s);
    default:
      return error_value(s, "unsupported operator");
  }
}

Value Evaluator::for_expr(const hcl::Expression& e, const Scope& scope) {
  const hcl::ForClause& f = *e.for_clause;
  Value coll = eval(*f.collection, scope);
  if (coll.is_unknown()) return Value::unknown("collection known only after apply", e.span);
  if (!coll.is_list() && !coll.is_map())
    return error_value(e.span, "a for expression needs a list or a map");
  const bool object = e.kind == hcl::ExprKind::ForObject;
  List items;
  Map members;
  bool unknown = false;
  auto step = [&](const Value& k, const Value& v) {
    Frame kf{scope.frames, f.key_var, &k};
    Frame vf{f.key_var.empty() ? scope.frames : &kf, f.value_var, &v};
    Scope inner{scope.module, &vf};
    if (f.condition) {
      Value c = eval(*f.condition, inner);
      if (c.is_unknown()) {
        unknown = true;
        return;
      }
      auto b = as_bool(c);
      if (!b) {
        error_value(f.condition->span, "a for condition must be a bool");
        unknown = true;
        return;
      }
      if (!*b) return;
    }
    if (!object) {
      items.push_back(eval(*f.value_expr, inner));
      return;
    }
    Value key = eval(*f.key_expr, inner);
    if (key.is_unknown()) {
      unknown = true;
      return;
    }
    auto ks = to_template_text(key);
    if (!ks) {
      error_value(f.key_expr->span, "an object key must be a string");
      unknown = true;
      return;
    }
    Value val = eval(*f.value_expr, inner);
    Value* existing = nullptr;
    for (auto& m : members)
      if (m.key == *ks) existing = &m.value;
    if (f.grouping) {
      if (existing)
        existing->as_list().push_back(std::move(val));
      else
        members.push_back(
            Member{*ks, Value::list(list_of_one(std::move(val)), f.value_expr->span), key.span()});
    } else if (existing) {
      error_value(f.key_expr->span,
                  fmt::format("duplicate key \"{}\" in a for expression; add ... to group", *ks));
      unknown = true;
    } else {
      members.push_back(Member{*ks, std::move(val), key.span()});
    }
  };
  if (coll.is_list()) {
    for (size_t i = 0; i < coll.as_list().size(); ++i)
      step(Value::number(static_cast<double>(i)), coll.as_list()[i]);
  } else {
    std::vector<const Member*> sorted;
    for (const auto& m : coll.as_map()) sorted.push_back(&m);
    std::sort(sorted.begin(), sorted.end(),
              [](const Member* a, const Member* b) { return a->key < b->key; });
    for (const Member* m : sorted) step(Value::string(m->key, m->key_span), m->value);
  }
  if (unknown) return Value::unknown("part of the collection is known only after apply", e.span);
  return object ? Value::map(std::move(members), e.span) : Value::list(std::move(items), e.span);
}

Value Evaluator::splat(const hcl::Expression& e, const Scope& scope) {
  Value src = eval(*e.source, scope);
  if (src.is_unknown()) return derived_unknown(src, "[*]", e.span);
  if (src.is_null()) return Value::list(List{}, e.span);
  List items;
  auto apply = [&](const Value& v) { items.push_back(follow(v, e.traversal, 0, scope)); };
  if (src.is_list()) {
    for (const auto& v : src.as_list()) apply(v);
  } else {
    apply(src);  // a single value splats as a list of one
  }
  return Value::list(std::move(items), e.span);
}

Value Evaluator::eval(const hcl::Expression& e, const Scope& scope) {
  using K = hcl::ExprKind;
  if (++steps_ > options_.max_steps) {
    if (!out_of_steps_) {
      out_of_steps_ = true;
      warn(e.span, "limit.evaluation",
           fmt::format("evaluation stopped after {} steps; values from here on are unknown",
                       options_.max_steps));
    }
    return Value::unknown("evaluation limit reached", e.span);
  }
  switch (e.kind) {
    case K::Literal:
      switch (e.literal) {
        case hcl::LiteralKind::Null:
          return Value::null(e.span);
        case hcl::LiteralKind::Bool:
          return Value::boolean(e.boolean, e.span);
        case hcl::LiteralKind::Number:
          return Value::number(e.number, e.span);
        case hcl::LiteralKind::String:
          return Value::string(e.text, e.span);
      }
      return Value::null(e.span);
    case K::Template:
      return eval_template(e.parts, scope, e.span);
    case K::Tuple: {
      List items;
      items.reserve(e.elements.size());
      for (const auto& x : e.elements) items.push_back(eval(*x, scope));
      return Value::list(std::move(items), e.span);
    }
    case K::Object: {
      Map members;
      members.reserve(e.object_items.size());
      for (const auto& item : e.object_items) {
        std::string key;
        if (item.bare_key && item.key->kind == K::Variable && item.key->traversal.empty()) {
          key = item.key->name;
        } else {
          Value k = eval(*item.key, scope);
          if (k.is_unknown())
            return Value::unknown("an object key is known only after apply", e.span);
          auto ks = to_template_text(k);
          if (!ks) return error_value(item.key->span, "an object key must be a string");
          key = *ks;
        }
        Value v = eval(*item.value, scope);
        auto dup = std::find_if(members.begin(), members.end(),
                                [&](const Member& m) { return m.key == key; });
        if (dup != members.end())
          dup->value = std::move(v);
        else
          members.push_back(Member{std::move(key), std::move(v), item.key->span});
      }
      return Value::map(std::move(members), e.span);
    }
    case K::Variable: {
      if (++call_depth_ > 400) {
        --call_depth_;
        return error_value(e.span, "references nest too deeply");
      }
      size_t used = 0;
      Value made;
      const Value& root = root_reference(e, scope, used, made);  // sets `used` first
      Value v = follow(root, e.traversal, used, scope);
      --call_depth_;
      return v;
    }
    case K::GetAttr: {
      Value made;
      return get_attr(eval(*e.source, scope), e.name, e.span, made);
    }
    case K::Index: {
      Value made;
      return index(eval(*e.source, scope), eval(*e.key, scope), e.span, made);
    }
    case K::Splat:
      return splat(e, scope);
    case K::Call:
      return call(e, scope);
    case K::ForTuple:
    case K::ForObject:
      return for_expr(e, scope);
    case K::Conditional: {
      Value c = eval(*e.condition, scope);
      if (c.is_unknown()) return Value::unknown("condition known only after apply", e.span);
      auto b = as_bool(c);
      if (!b) return error_value(e.condition->span, "a condition must be a bool");
      return eval(*b ? *e.then_expr : *e.else_expr, scope);
    }
    case K::Unary: {
      Value v = eval(*e.source, scope);
      if (v.is_unknown()) return Value::unknown("operand known only after apply", e.span);
      if (e.op == hcl::Operator::Not) {
        auto b = as_bool(v);
        if (!b) return error_value(e.span, "'!' needs a bool");
        return Value::boolean(!*b, e.span);
      }
      auto n = as_number(v);
      if (!n) return error_value(e.span, "'-' needs a number");
      return Value::number(-*n, e.span);
    }
    case K::Binary:
      return binary(e, scope);
    case K::Paren:
      return eval(*e.source, scope);
  }
  return Value::null(e.span);
}

// ---- bodies -------------------------------------------------------------------------------

namespace {

bool is_meta_argument(std::string_view name) {
  return name == "count" || name == "for_each" || name == "provider" || name == "depends_on";
}

bool is_meta_block(std::string_view type) {
  return type == "lifecycle" || type == "provisioner" || type == "connection";
}

void append_block(Map& out, const std::string& type, Value block, Span span) {
  for (auto& m : out)
    if (m.key == type) {
      if (m.value.is_list()) m.value.as_list().push_back(std::move(block));
      return;  // an unknown dynamic block of this type already made the whole list unknown
    }
  out.push_back(Member{type, Value::list(list_of_one(std::move(block)), span), span});
}

}  // namespace

Value Evaluator::eval_body(const hcl::Body& body, const Scope& scope, bool resource_level) {
  Map out;
  out.reserve(body.attributes.size() + body.blocks.size());  // blocks of one type share a member
  for (const auto& a : body.attributes) {
    if (resource_level && is_meta_argument(a.name)) continue;
    Value v = eval(*a.expr, scope);
    out.push_back(Member{a.name, std::move(v), a.span});
  }
  for (const auto& b : body.blocks) {
    if (resource_level && is_meta_block(b.type)) continue;
    if (b.type != "dynamic") {
      append_block(out, b.type, eval_body(b.body, scope, false), b.span);
      continue;
    }
    if (b.labels.size() != 1) continue;
    const std::string& type = b.labels[0].value;
    const hcl::Attribute* fe = nullptr;
    const hcl::Attribute* iter = nullptr;
    const hcl::Block* content = nullptr;
    for (const auto& a : b.body.attributes) {
      if (a.name == "for_each") fe = &a;
      if (a.name == "iterator") iter = &a;
    }
    for (const auto& c : b.body.blocks)
      if (c.type == "content") content = &c;
    if (!fe || !content) {
      warn(b.span, "terraform.eval", "a dynamic block needs for_each and a content block");
      continue;
    }
    std::string iter_name = type;
    if (iter && iter->expr->kind == hcl::ExprKind::Variable && iter->expr->traversal.empty())
      iter_name = iter->expr->name;
    Value coll = eval(*fe->expr, scope);
    if (coll.is_unknown() || (!coll.is_list() && !coll.is_map())) {
      if (!coll.is_unknown() && !coll.is_null())
        error_value(fe->expr->span, "a dynamic block's for_each needs a list, set or map");
      if (coll.is_null()) continue;
      Value u = Value::unknown("dynamic blocks known only after apply", b.span);
      auto it =
          std::find_if(out.begin(), out.end(), [&](const Member& m) { return m.key == type; });
      if (it != out.end())
        it->value = std::move(u);
      else
        out.push_back(Member{type, std::move(u), b.span});
      continue;
    }
    auto one = [&](Value key, const Value& value) {
      Value it = Value::map();
      it.set("key", std::move(key));
      it.set("value", value);
      Frame f{scope.frames, iter_name, &it};
      Scope inner{scope.module, &f};
      append_block(out, type, eval_body(content->body, inner, false), content->span);
    };
    if (coll.is_list()) {
      for (size_t i = 0; i < coll.as_list().size(); ++i)
        one(Value::number(static_cast<double>(i)), coll.as_list()[i]);
    } else {
      for (const auto& m : coll.as_map()) one(Value::string(m.key), m.value);
    }
  }
  return Value::map(std::move(out));
}

}  // namespace cc::terraform
