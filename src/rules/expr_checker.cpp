#include "rules/expr_checker.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <vector>

namespace cc::rules {

using TypePtr = std::shared_ptr<const model::Type>;
using K = model::Type::Kind;

namespace types {
namespace {
TypePtr make(K kind, const char* name) {
  auto t = std::make_shared<model::Type>();
  t->kind = kind;
  t->name = name;
  return t;
}
}  // namespace
const TypePtr& any() {
  static const TypePtr t = make(K::Any, "any");
  return t;
}
const TypePtr& boolean() {
  static const TypePtr t = make(K::Bool, "bool");
  return t;
}
const TypePtr& number() {
  static const TypePtr t = make(K::Number, "number");
  return t;
}
const TypePtr& string() {
  static const TypePtr t = make(K::String, "string");
  return t;
}
}  // namespace types

namespace {

TypePtr list_of(TypePtr element) {
  auto t = std::make_shared<model::Type>();
  t->kind = K::List;
  t->element = std::move(element);
  return t;
}

size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string closest_name(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best;
  size_t best_distance = std::max<size_t>(2, word.size() / 3) + 1;
  for (const auto& c : candidates) {
    size_t d = edit_distance(word, c);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  return best;
}

namespace {

std::string suggestion(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best = closest_name(word, candidates);
  return best.empty() ? std::string() : fmt::format("; did you mean '{}'?", best);
}

bool known(const TypePtr& t) { return t && t->kind != K::Any; }

std::string type_name(const TypePtr& t) {
  if (!t) return "any";
  switch (t->kind) {
    case K::Any:
      return "any";
    case K::Bool:
      return "bool";
    case K::Number:
      return "number";
    case K::String:
      return "string";
    case K::List:
      return fmt::format("list<{}>", type_name(t->element));
    case K::Map:
      return fmt::format("map<{}>", type_name(t->element));
    case K::Object:
      return t->name.empty() ? "object" : t->name;
  }
  return "any";
}

// Objects and maps are both maps at run time.
bool map_like(K k) { return k == K::Map || k == K::Object; }

enum class Want : uint8_t { Any, Bool, Number, String, List, ListOrMap };

bool fits(const TypePtr& t, Want w) {
  if (!known(t) || w == Want::Any) return true;
  switch (w) {
    case Want::Bool:
      return t->kind == K::Bool;
    case Want::Number:
      return t->kind == K::Number;
    case Want::String:
      return t->kind == K::String;
    case Want::List:
      return t->kind == K::List;
    case Want::ListOrMap:
      return t->kind == K::List || map_like(t->kind);
    case Want::Any:
      return true;
  }
  return true;
}

const char* want_name(Want w) {
  switch (w) {
    case Want::Bool:
      return "bool";
    case Want::Number:
      return "number";
    case Want::String:
      return "string";
    case Want::List:
      return "list";
    case Want::ListOrMap:
      return "list or map";
    case Want::Any:
      return "any";
  }
  return "any";
}

struct Signature {
  const char* name;
  std::vector<Want> params;
  TypePtr (*result)();
};

TypePtr bool_result() { return types::boolean(); }
TypePtr string_result() { return types::string(); }

// Global functions other than has() and size().
const std::vector<Signature>& functions() {
  static const std::vector<Signature> f = {
      {"openToInternet", {Want::Any}, bool_result},
      {"cidrContains", {Want::String, Want::String}, bool_result},
      {"isPrivateCidr", {Want::String}, bool_result},
      {"portRangeIncludes", {Want::Number, Want::Number, Want::Number}, bool_result},
      {"portRangesOverlap", {Want::Number, Want::Number, Want::Number, Want::Number}, bool_result},
      {"globMatch", {Want::String, Want::String}, bool_result},
      {"iamAllows", {Want::List, Want::String, Want::String}, bool_result},
      {"iamPublicPrincipal", {Want::List}, bool_result},
  };
  return f;
}

// Methods on strings.
const std::vector<Signature>& string_methods() {
  static const std::vector<Signature> m = {
      {"startsWith", {Want::String}, bool_result}, {"endsWith", {Want::String}, bool_result},
      {"contains", {Want::String}, bool_result},   {"matches", {Want::String}, bool_result},
      {"lowerAscii", {}, string_result},           {"upperAscii", {}, string_result},
  };
  return m;
}

constexpr std::array<const char*, 5> kMacros = {"all", "exists", "exists_one", "filter", "map"};

bool is_macro(std::string_view name) {
  return std::find(kMacros.begin(), kMacros.end(), name) != kMacros.end();
}

std::vector<std::string> global_names() {
  std::vector<std::string> names = {"has", "size"};
  for (const auto& f : functions()) names.emplace_back(f.name);
  return names;
}

std::vector<std::string> method_names() {
  std::vector<std::string> names(kMacros.begin(), kMacros.end());
  names.emplace_back("size");
  for (const auto& m : string_methods()) names.emplace_back(m.name);
  return names;
}

// "resource.encryption" for a field path, for messages about anonymous objects.
std::string path_text(const Ast& n) {
  if (n.kind == Ast::Kind::Ident) return n.name;
  if (n.kind == Ast::Kind::Select) return path_text(*n.args[0]) + "." + n.name;
  return "the value";
}

struct Var {
  std::string name;
  TypePtr type;
  int slot;
};

class Checker {
 public:
  Checker(TypePtr resource, CheckError& error) : resource_(std::move(resource)), error_(error) {}

  bool check(Ast& n) {
    switch (n.kind) {
      case Ast::Kind::Literal:
        return literal(n);
      case Ast::Kind::Ident:
        return ident(n);
      case Ast::Kind::Select:
        return select(n);
      case Ast::Kind::Index:
        return index(n);
      case Ast::Kind::Call:
        return n.method ? method(n) : call(n);
      case Ast::Kind::List:
        return list(n);
      case Ast::Kind::MapLit:
        return map(n);
      case Ast::Kind::Unary:
        return unary(n);
      case Ast::Kind::Binary:
        return binary(n);
      case Ast::Kind::Cond:
        return cond(n);
    }
    return fail(n.offset, "unsupported expression");
  }

 private:
  bool fail(size_t offset, std::string message) {
    error_ = CheckError{offset, std::move(message)};
    return false;
  }

  bool literal(Ast& n) {
    switch (n.literal.type()) {
      case Value::Type::Bool:
        n.type = types::boolean();
        break;
      case Value::Type::Number:
        n.type = types::number();
        break;
      case Value::Type::String:
        n.type = types::string();
        break;
      default:
        n.type = types::any();
        break;
    }
    return true;
  }

  bool ident(Ast& n) {
    for (auto it = vars_.rbegin(); it != vars_.rend(); ++it) {
      if (it->name == n.name) {
        n.type = it->type;
        n.slot = it->slot;
        return true;
      }
    }
    if (n.name == "resource") {
      n.type = resource_ ? resource_ : types::any();
      return true;
    }
    std::vector<std::string> names = {"resource"};
    for (const auto& v : vars_) names.push_back(v.name);
    return fail(n.offset,
                fmt::format("unknown identifier '{}'{}", n.name, suggestion(n.name, names)));
  }

  // Type of field `name` on a value of type `t`; reports unknown fields.
  bool field_type(const Ast& operand, const TypePtr& t, const std::string& name, size_t offset,
                  TypePtr& out) {
    if (!known(t)) {
      out = types::any();
      return true;
    }
    if (t->kind == K::Map) {
      out = t->element ? t->element : types::any();
      return true;
    }
    if (t->kind == K::Object) {
      if (const model::Field* f = t->field(name)) {
        out = f->type ? f->type : types::any();
        return true;
      }
      std::vector<std::string> names;
      for (const auto& f : t->fields) names.push_back(f.name);
      std::string owner = t->name.empty() ? path_text(operand) : t->name;
      return fail(offset,
                  fmt::format("unknown field '{}' on {}{}", name, owner, suggestion(name, names)));
    }
    if (t->kind == K::List)
      return fail(offset, fmt::format("cannot read field '{}' of {} ({}); a macro such as "
                                      "exists() or all() looks inside lists",
                                      name, path_text(operand), type_name(t)));
    return fail(offset, fmt::format("cannot read field '{}' of {}, which is a {}", name,
                                    path_text(operand), type_name(t)));
  }

  bool select(Ast& n) {
    if (!check(*n.args[0])) return false;
    return field_type(*n.args[0], n.args[0]->type, n.name, n.offset, n.type);
  }

  bool index(Ast& n) {
    Ast& target = *n.args[0];
    Ast& key = *n.args[1];
    if (!check(target) || !check(key)) return false;
    const TypePtr& t = target.type;
    if (!known(t)) {
      n.type = types::any();
      return true;
    }
    if (t->kind == K::List) {
      if (!fits(key.type, Want::Number))
        return fail(key.offset,
                    fmt::format("a list index must be a number, not {}", type_name(key.type)));
      n.type = t->element ? t->element : types::any();
      return true;
    }
    if (map_like(t->kind)) {
      if (!fits(key.type, Want::String))
        return fail(key.offset,
                    fmt::format("a map key must be a string, not {}", type_name(key.type)));
      if (t->kind == K::Object && key.kind == Ast::Kind::Literal && key.literal.is_string())
        return field_type(target, t, key.literal.as_string(), key.offset, n.type);
      n.type = t->kind == K::Map && t->element ? t->element : types::any();
      return true;
    }
    return fail(n.offset,
                fmt::format("cannot index {}, which is a {}", path_text(target), type_name(t)));
  }

  bool arity(const Ast& n, size_t want, size_t have) {
    if (want == have) return true;
    return fail(n.offset, fmt::format("{}() takes {} argument{}, {} given", n.name, want,
                                      want == 1 ? "" : "s", have));
  }

  bool argument(const Ast& call, const Ast& arg, Want want) {
    if (fits(arg.type, want)) return true;
    return fail(arg.offset, fmt::format("{}() expects a {} here, not {}", call.name,
                                        want_name(want), type_name(arg.type)));
  }

  bool call(Ast& n) {
    if (n.name == "has") {
      if (!arity(n, 1, n.args.size())) return false;
      Ast& arg = *n.args[0];
      if (arg.kind != Ast::Kind::Select)
        return fail(arg.offset, "has() needs a field selection such as has(resource.a.b)");
      if (!check(arg)) return false;
      n.type = types::boolean();
      return true;
    }
    for (auto& a : n.args)
      if (!check(*a)) return false;
    if (n.name == "size") {
      if (!arity(n, 1, n.args.size())) return false;
      const TypePtr& t = n.args[0]->type;
      if (known(t) && t->kind != K::String && t->kind != K::List && !map_like(t->kind))
        return fail(n.args[0]->offset,
                    fmt::format("size() needs a string, list or map, not {}", type_name(t)));
      n.type = types::number();
      return true;
    }
    for (const auto& f : functions()) {
      if (n.name != f.name) continue;
      if (!arity(n, f.params.size(), n.args.size())) return false;
      for (size_t i = 0; i < f.params.size(); ++i)
        if (!argument(n, *n.args[i], f.params[i])) return false;
      if (n.name == std::string_view("openToInternet") && !fits(n.args[0]->type, Want::String) &&
          !fits(n.args[0]->type, Want::List))
        return fail(n.args[0]->offset,
                    fmt::format("openToInternet() expects a CIDR string or a list of them, not {}",
                                type_name(n.args[0]->type)));
      n.type = f.result();
      return true;
    }
    if (is_macro(n.name) || n.name == "startsWith" || n.name == "lowerAscii")
      return fail(n.offset, fmt::format("{}() is a method: write x.{}(...)", n.name, n.name));
    return fail(n.offset,
                fmt::format("unknown function '{}'{}", n.name, suggestion(n.name, global_names())));
  }

  bool method(Ast& n) {
    Ast& receiver = *n.args[0];
    if (!check(receiver)) return false;
    size_t argc = n.args.size() - 1;
    if (is_macro(n.name)) return macro(n);
    if (n.name == "size") {
      if (!arity(n, 0, argc)) return false;
      const TypePtr& t = receiver.type;
      if (known(t) && t->kind != K::String && t->kind != K::List && !map_like(t->kind))
        return fail(n.offset,
                    fmt::format("size() needs a string, list or map, not {}", type_name(t)));
      n.type = types::number();
      return true;
    }
    for (size_t i = 1; i < n.args.size(); ++i)
      if (!check(*n.args[i])) return false;
    for (const auto& m : string_methods()) {
      if (n.name != m.name) continue;
      if (!arity(n, m.params.size(), argc)) return false;
      if (!fits(receiver.type, Want::String))
        return fail(n.offset, fmt::format("{}() is a string method; {} is a {}", n.name,
                                          path_text(receiver), type_name(receiver.type)));
      for (size_t i = 0; i < m.params.size(); ++i)
        if (!argument(n, *n.args[i + 1], m.params[i])) return false;
      n.type = m.result();
      return true;
    }
    for (const auto& f : functions())
      if (n.name == f.name)
        return fail(n.offset, fmt::format("{}() is a function: write {}(...)", n.name, n.name));
    return fail(n.offset,
                fmt::format("unknown method '{}'{}", n.name, suggestion(n.name, method_names())));
  }

  bool macro(Ast& n) {
    Ast& receiver = *n.args[0];
    if (n.args.size() != 3)
      return fail(n.offset,
                  fmt::format("{}() takes 2 arguments (a variable and an expression), {} given",
                              n.name, n.args.size() - 1));
    Ast& var = *n.args[1];
    if (var.kind != Ast::Kind::Ident)
      return fail(var.offset,
                  fmt::format("the first argument of {}() must be a variable name", n.name));
    if (var.name == "resource")
      return fail(var.offset, "'resource' cannot be used as a macro variable");
    const TypePtr& t = receiver.type;
    TypePtr element = types::any();
    if (known(t)) {
      if (t->kind == K::List) {
        element = t->element ? t->element : types::any();
      } else if (map_like(t->kind)) {
        element = types::string();  // macros over maps range over the keys
      } else {
        return fail(n.offset, fmt::format("{}() needs a list or map; {} is a {}", n.name,
                                          path_text(receiver), type_name(t)));
      }
    }
    if (static_cast<int>(vars_.size()) >= kMaxMacroVars)
      return fail(n.offset, fmt::format("macros nest deeper than {} levels", kMaxMacroVars));
    int slot = static_cast<int>(vars_.size());
    var.type = element;
    var.slot = slot;
    n.slot = slot;
    vars_.push_back(Var{var.name, element, slot});
    bool ok = check(*n.args[2]);
    vars_.pop_back();
    if (!ok) return false;
    const TypePtr& body = n.args[2]->type;
    if (n.name == "map") {
      n.type = list_of(body);
      return true;
    }
    if (!fits(body, Want::Bool))
      return fail(n.args[2]->offset, fmt::format("the condition of {}() must be a bool, not {}",
                                                 n.name, type_name(body)));
    n.type = n.name == "filter" ? (known(t) && t->kind == K::List ? t : list_of(element))
                                : types::boolean();
    return true;
  }

  bool list(Ast& n) {
    TypePtr element;
    for (auto& a : n.args) {
      if (!check(*a)) return false;
      if (!element)
        element = a->type;
      else if (!known(element) || !known(a->type) || element->kind != a->type->kind)
        element = types::any();
    }
    n.type = list_of(element ? element : types::any());
    return true;
  }

  bool map(Ast& n) {
    for (size_t i = 0; i < n.args.size(); ++i) {
      if (!check(*n.args[i])) return false;
      if (i % 2 == 0 && !fits(n.args[i]->type, Want::String))
        return fail(n.args[i]->offset,
                    fmt::format("map keys must be strings, not {}", type_name(n.args[i]->type)));
    }
    auto t = std::make_shared<model::Type>();
    t->kind = K::Map;
    t->element = types::any();
    n.type = t;
    return true;
  }

  bool unary(Ast& n) {
    Ast& operand = *n.args[0];
    if (!check(operand)) return false;
    Want want = n.op == Op::Not ? Want::Bool : Want::Number;
    if (!fits(operand.type, want))
      return fail(n.offset, fmt::format("'{}' needs a {} operand, not {}", op_text(n.op),
                                        want_name(want), type_name(operand.type)));
    n.type = n.op == Op::Not ? types::boolean() : types::number();
    return true;
  }

  bool mismatch(const Ast& n, const TypePtr& a, const TypePtr& b) {
    return fail(n.offset, fmt::format("'{}' cannot compare {} with {}", op_text(n.op), type_name(a),
                                      type_name(b)));
  }

  static bool same_category(const TypePtr& a, const TypePtr& b) {
    if (map_like(a->kind) && map_like(b->kind)) return true;
    return a->kind == b->kind;
  }

  bool binary(Ast& n) {
    Ast& l = *n.args[0];
    Ast& r = *n.args[1];
    if (!check(l) || !check(r)) return false;
    const TypePtr& a = l.type;
    const TypePtr& b = r.type;
    switch (n.op) {
      case Op::And:
      case Op::Or:
        for (const Ast* side : {&l, &r})
          if (!fits(side->type, Want::Bool))
            return fail(side->offset, fmt::format("'{}' needs bool operands, not {}", op_text(n.op),
                                                  type_name(side->type)));
        n.type = types::boolean();
        return true;
      case Op::Eq:
      case Op::Ne:
        if (known(a) && known(b) && !same_category(a, b)) return mismatch(n, a, b);
        n.type = types::boolean();
        return true;
      case Op::Lt:
      case Op::Le:
      case Op::Gt:
      case Op::Ge:
        for (const TypePtr* t : {&a, &b})
          if (known(*t) && (*t)->kind != K::Number && (*t)->kind != K::String)
            return fail(n.offset, fmt::format("'{}' orders numbers or strings, not {}",
                                              op_text(n.op), type_name(*t)));
        if (known(a) && known(b) && a->kind != b->kind) return mismatch(n, a, b);
        n.type = types::boolean();
        return true;
      case Op::In:
        if (!fits(b, Want::ListOrMap))
          return fail(r.offset,
                      fmt::format("'in' needs a list or map on its right, not {}", type_name(b)));
        if (known(b) && b->kind == K::List && known(b->element) && known(a) &&
            !same_category(a, b->element))
          return mismatch(n, a, b->element);
        if (known(b) && map_like(b->kind) && !fits(a, Want::String))
          return fail(l.offset,
                      fmt::format("map keys are strings; 'in' cannot look up a {}", type_name(a)));
        n.type = types::boolean();
        return true;
      case Op::Add:
        if (known(a) && known(b) && a->kind != b->kind)
          return fail(n.offset,
                      fmt::format("'+' cannot combine {} with {}", type_name(a), type_name(b)));
        for (const TypePtr* t : {&a, &b})
          if (known(*t) && (*t)->kind != K::Number && (*t)->kind != K::String &&
              (*t)->kind != K::List)
            return fail(n.offset,
                        fmt::format("'+' adds numbers, strings or lists, not {}", type_name(*t)));
        n.type = known(a) ? a : b;
        return true;
      default:
        for (const Ast* side : {&l, &r})
          if (!fits(side->type, Want::Number))
            return fail(side->offset, fmt::format("'{}' needs number operands, not {}",
                                                  op_text(n.op), type_name(side->type)));
        n.type = types::number();
        return true;
    }
  }

  bool cond(Ast& n) {
    for (auto& a : n.args)
      if (!check(*a)) return false;
    if (!fits(n.args[0]->type, Want::Bool))
      return fail(n.args[0]->offset, fmt::format("the condition of '?:' must be a bool, not {}",
                                                 type_name(n.args[0]->type)));
    const TypePtr& a = n.args[1]->type;
    const TypePtr& b = n.args[2]->type;
    n.type = known(a) && known(b) && a->kind == b->kind ? a : types::any();
    return true;
  }

  TypePtr resource_;
  CheckError& error_;
  std::vector<Var> vars_;
};

}  // namespace

bool check_expr(Ast& root, const std::shared_ptr<const model::Type>& resource, CheckError& error) {
  return Checker(resource, error).check(root);
}

}  // namespace cc::rules
