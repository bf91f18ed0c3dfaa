#include "rules/expr_compile.h"

#include <fmt/format.h>
#include <re2/re2.h>

#include <array>
#include <cmath>
#include <optional>

#include "rules/expr_functions.h"

namespace cc::rules {
namespace {

const char* type_of(const Value& v) { return Value::type_name(v.type()); }

// Three-valued deep equality: values of different types are simply unequal (so
// `x == null` works on anything); an unknown anywhere that matters makes it Unknown.
Tri equal(const Value& a, const Value& b) {
  if (a.is_unknown() || b.is_unknown()) return Tri::Unknown;
  if (a.type() != b.type()) return Tri::False;
  switch (a.type()) {
    case Value::Type::Null:
      return Tri::True;
    case Value::Type::Bool:
      return tri(a.as_bool() == b.as_bool());
    case Value::Type::Number:
      return tri(a.as_number() == b.as_number());
    case Value::Type::String:
      return tri(a.as_string() == b.as_string());
    case Value::Type::List: {
      const List& x = a.as_list();
      const List& y = b.as_list();
      if (x.size() != y.size()) return Tri::False;
      Tri result = Tri::True;
      for (size_t i = 0; i < x.size(); ++i) result = tri_and(result, equal(x[i], y[i]));
      return result;
    }
    case Value::Type::Map: {
      const Map& x = a.as_map();
      if (x.size() != b.as_map().size()) return Tri::False;
      Tri result = Tri::True;
      for (const auto& m : x) {
        const Value* other = b.find(m.key);
        if (!other) return Tri::False;
        result = tri_and(result, equal(m.value, *other));
      }
      return result;
    }
    case Value::Type::Unknown:
      return Tri::Unknown;
  }
  return Tri::False;
}

// An Unknown result that names the unknown input.
Eval unknown_from(const Value& a, const Value& b) {
  if (const Value* u = first_unknown(a)) return Eval::own(*u);
  if (const Value* u = first_unknown(b)) return Eval::own(*u);
  return Eval::error("comparison could not be decided");
}

Eval as_logic(Eval e, Op op) {
  if (e.is_error()) return e;
  const Value& v = e.value();
  if (v.is_bool() || v.is_unknown()) return e;
  return Eval::error(fmt::format("'{}' needs bool operands, got {}", op_text(op), type_of(v)));
}

Eval select_field(Ctx& c, const Eval& base, const std::string& name) {
  if (base.undecided()) return base;
  const Value& v = base.value();
  if (v.is_null()) return Eval();  // reading through an absent field gives null
  if (!v.is_map())
    return Eval::error(fmt::format("cannot read field '{}' of a {}", name, type_of(v)));
  const Value* m = v.find(name);
  if (!m) return Eval();
  if (base.owned()) return Eval::own(*m);
  uint32_t depth = base.depth() ? base.depth() + 1 : 0;
  c.note(*m, depth);
  return Eval::ref(m, depth);
}

Eval index_value(Ctx& c, const Eval& base, const Eval& key) {
  if (const Eval* u = first_undecided({&base, &key})) return *u;
  const Value& v = base.value();
  const Value& k = key.value();
  const Value* found = nullptr;
  if (v.is_null()) return Eval();
  if (v.is_list()) {
    if (!k.is_number())
      return Eval::error(fmt::format("a list index must be a number, got {}", type_of(k)));
    double i = k.as_number();
    if (i < 0 || i != std::floor(i) || i >= static_cast<double>(v.as_list().size())) return Eval();
    found = &v.as_list()[static_cast<size_t>(i)];
  } else if (v.is_map()) {
    if (!k.is_string())
      return Eval::error(fmt::format("a map key must be a string, got {}", type_of(k)));
    found = v.find(k.as_string());
    if (!found) return Eval();
  } else {
    return Eval::error(fmt::format("cannot index a {}", type_of(v)));
  }
  if (base.owned()) return Eval::own(*found);
  uint32_t depth = base.depth() ? base.depth() + 1 : 0;
  c.note(*found, depth);
  return Eval::ref(found, depth);
}

Eval order(Op op, const Eval& a, const Eval& b) {
  if (const Eval* u = first_undecided({&a, &b})) return *u;
  const Value& x = a.value();
  const Value& y = b.value();
  int cmp = 0;
  if (x.is_number() && y.is_number()) {
    cmp = x.as_number() < y.as_number() ? -1 : x.as_number() > y.as_number() ? 1 : 0;
  } else if (x.is_string() && y.is_string()) {
    int r = x.as_string().compare(y.as_string());
    cmp = r < 0 ? -1 : r > 0 ? 1 : 0;
  } else {
    return Eval::error(
        fmt::format("cannot compare {} with {} using '{}'", type_of(x), type_of(y), op_text(op)));
  }
  switch (op) {
    case Op::Lt:
      return Eval::boolean(cmp < 0);
    case Op::Le:
      return Eval::boolean(cmp <= 0);
    case Op::Gt:
      return Eval::boolean(cmp > 0);
    default:
      return Eval::boolean(cmp >= 0);
  }
}

Eval membership(const Eval& item, const Eval& container) {
  if (const Eval* u = first_undecided({&item, &container})) return *u;
  const Value& x = item.value();
  const Value& c = container.value();
  if (c.is_null()) return Eval::boolean(false);
  if (c.is_list()) {
    const Value* unknown = nullptr;
    for (const auto& e : c.as_list()) {
      Tri t = equal(x, e);
      if (t == Tri::True) return Eval::boolean(true);
      if (t == Tri::Unknown && !unknown) unknown = &e;
    }
    if (unknown) return unknown_from(*unknown, x);
    return Eval::boolean(false);
  }
  if (c.is_map()) {
    if (!x.is_string())
      return Eval::error(fmt::format("map keys are strings; 'in' got a {}", type_of(x)));
    return Eval::boolean(c.find(x.as_string()) != nullptr);
  }
  return Eval::error(fmt::format("'in' needs a list or map on its right, got {}", type_of(c)));
}

Eval arithmetic(Op op, const Eval& a, const Eval& b) {
  if (const Eval* u = first_undecided({&a, &b})) return *u;
  const Value& x = a.value();
  const Value& y = b.value();
  if (op == Op::Add) {
    if (x.is_string() && y.is_string())
      return Eval::own(Value::string(x.as_string() + y.as_string()));
    if (x.is_list() && y.is_list()) {
      List joined = x.as_list();
      joined.insert(joined.end(), y.as_list().begin(), y.as_list().end());
      return Eval::own(Value::list(std::move(joined)));
    }
  }
  if (!x.is_number() || !y.is_number())
    return Eval::error(
        fmt::format("'{}' cannot combine {} with {}", op_text(op), type_of(x), type_of(y)));
  double l = x.as_number();
  double r = y.as_number();
  switch (op) {
    case Op::Add:
      return Eval::number(l + r);
    case Op::Sub:
      return Eval::number(l - r);
    case Op::Mul:
      return Eval::number(l * r);
    case Op::Div:
      if (r == 0) return Eval::error("division by zero");
      return Eval::number(l / r);
    default:
      if (r == 0) return Eval::error("modulo by zero");
      return Eval::number(std::fmod(l, r));
  }
}

enum class Macro : uint8_t { All, Exists, ExistsOne, Filter, Map };

Eval run_macro(Ctx& c, Macro kind, const Fn& receiver, const Fn& body, int slot, const char* name) {
  Eval base = receiver(c);
  if (base.undecided()) return base;
  const Value& v = base.value();
  static const List kEmpty;
  const List* items = &kEmpty;
  List keys;  // macros over maps range over the keys, which have to be made values
  uint32_t depth = base.owned() || !base.depth() ? 0 : base.depth() + 1;
  if (v.is_list()) {
    items = &v.as_list();
  } else if (v.is_map()) {
    for (const auto& m : v.as_map()) keys.push_back(Value::string(m.key, m.key_span));
    items = &keys;
    depth = 0;
  } else if (!v.is_null()) {
    return Eval::error(fmt::format("{}() needs a list or map, got {}", name, type_of(v)));
  }
  Binding saved = c.vars[slot];
  struct Restore {
    Ctx& c;
    int slot;
    Binding saved;
    ~Restore() { c.vars[slot] = saved; }
  } restore{c, slot, saved};

  std::optional<Eval> undecided;
  size_t count = 0;
  List out;
  for (const auto& item : *items) {
    c.vars[slot] = Binding{&item, depth};
    c.note(item, depth);
    Eval r = body(c);
    if (kind == Macro::Map) {
      if (r.is_error()) return r;
      out.push_back(r.value());
      continue;
    }
    r = as_logic(std::move(r), Op::And);
    Tri t = truth(r);
    if (t == Tri::Unknown) {
      if (kind == Macro::Filter) return r.detached();
      if (!undecided) undecided = r.detached();
      continue;
    }
    bool yes = t == Tri::True;
    switch (kind) {
      case Macro::All:
        if (!yes) return Eval::boolean(false);
        break;
      case Macro::Exists:
        if (yes) return Eval::boolean(true);
        break;
      case Macro::ExistsOne:
        if (yes && ++count > 1) return Eval::boolean(false);
        break;
      case Macro::Filter:
        if (yes) out.push_back(item);
        break;
      case Macro::Map:
        break;
    }
  }
  switch (kind) {
    case Macro::All:
      return undecided ? *undecided : Eval::boolean(true);
    case Macro::Exists:
      return undecided ? *undecided : Eval::boolean(false);
    case Macro::ExistsOne:
      return undecided ? *undecided : Eval::boolean(count == 1);
    default:
      return Eval::own(Value::list(std::move(out)));
  }
}

// A literal, or a list/map built only from literals, folded to one value.
std::optional<Value> constant(const Ast& n) {
  if (n.kind == Ast::Kind::Literal) return n.literal;
  if (n.kind == Ast::Kind::List) {
    List items;
    for (const auto& a : n.args) {
      auto v = constant(*a);
      if (!v) return std::nullopt;
      items.push_back(std::move(*v));
    }
    return Value::list(std::move(items));
  }
  if (n.kind == Ast::Kind::MapLit) {
    Map members;
    for (size_t i = 0; i + 1 < n.args.size(); i += 2) {
      auto k = constant(*n.args[i]);
      auto v = constant(*n.args[i + 1]);
      if (!k || !v || !k->is_string()) return std::nullopt;
      members.push_back(Member{k->as_string(), std::move(*v), {}});
    }
    return Value::map(std::move(members));
  }
  return std::nullopt;
}

class Compiler {
 public:
  explicit Compiler(CompileError& error) : error_(error) {}

  Fn compile(const Ast& n) {
    if (auto v = constant(n)) {
      auto c = std::make_shared<const Value>(std::move(*v));
      return [c](Ctx&) { return Eval::ref(c.get()); };
    }
    switch (n.kind) {
      case Ast::Kind::Literal:
        break;  // folded above
      case Ast::Kind::Ident:
        return ident(n);
      case Ast::Kind::Select: {
        Fn base = compile(*n.args[0]);
        return [base, name = n.name](Ctx& c) { return select_field(c, base(c), name); };
      }
      case Ast::Kind::Index: {
        Fn base = compile(*n.args[0]);
        Fn key = compile(*n.args[1]);
        return [base, key](Ctx& c) {
          Eval b = base(c);
          return index_value(c, b, key(c));
        };
      }
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
      case Ast::Kind::Cond: {
        Fn cond = compile(*n.args[0]);
        Fn yes = compile(*n.args[1]);
        Fn no = compile(*n.args[2]);
        return [cond, yes, no](Ctx& c) {
          Eval t = as_logic(cond(c), Op::And);
          switch (truth(t)) {
            case Tri::True:
              return yes(c);
            case Tri::False:
              return no(c);
            default:
              return t;
          }
        };
      }
    }
    return [](Ctx&) { return Eval::error("unsupported expression"); };
  }

  bool failed() const { return failed_; }

 private:
  void fail(size_t offset, std::string message) {
    if (!failed_) error_ = CompileError{offset, std::move(message)};
    failed_ = true;
  }

  Fn ident(const Ast& n) {
    if (n.slot >= 0) {
      int slot = n.slot;
      return [slot](Ctx& c) {
        const Binding& b = c.vars[slot];
        return b.value ? Eval::ref(b.value, b.depth) : Eval();
      };
    }
    return [](Ctx& c) { return Eval::ref(c.resource, 1); };
  }

  // A call with N evaluated arguments (a method's receiver counts as the first).
  template <size_t N, class F>
  Fn apply(const Ast& n, F f) {
    std::array<Fn, N> a;
    for (size_t i = 0; i < N; ++i) a[i] = compile(*n.args[i]);
    if constexpr (N == 1) {
      return [f, a](Ctx& c) { return f(a[0](c)); };
    } else if constexpr (N == 2) {
      return [f, a](Ctx& c) {
        Eval x = a[0](c);
        return f(x, a[1](c));
      };
    } else if constexpr (N == 3) {
      return [f, a](Ctx& c) {
        Eval x = a[0](c);
        Eval y = a[1](c);
        return f(x, y, a[2](c));
      };
    } else {
      return [f, a](Ctx& c) {
        Eval x = a[0](c);
        Eval y = a[1](c);
        Eval z = a[2](c);
        return f(x, y, z, a[3](c));
      };
    }
  }

  Fn call(const Ast& n) {
    const std::string& name = n.name;
    if (name == "has") {
      const Ast& sel = *n.args[0];
      Fn base = compile(*sel.args[0]);
      return [base, field = sel.name](Ctx& c) {
        Eval b = base(c);
        if (b.undecided()) return b;
        const Value& v = b.value();
        if (!v.is_map()) return Eval::boolean(false);
        const Value* m = v.find(field);
        if (m && !b.owned()) c.note(*m, b.depth() ? b.depth() + 1 : 0);
        return Eval::boolean(m && !m->is_null());
      };
    }
    if (name == "size") return apply<1>(n, [](const Eval& x) { return fn_size(x); });
    if (name == "openToInternet")
      return apply<1>(n, [](const Eval& x) { return fn_open_to_internet(x); });
    if (name == "isPrivateCidr")
      return apply<1>(n, [](const Eval& x) { return fn_is_private_cidr(x); });
    if (name == "iamPublicPrincipal")
      return apply<1>(n, [](const Eval& x) { return fn_iam_public_principal(x); });
    if (name == "cidrContains")
      return apply<2>(n, [](const Eval& a, const Eval& b) { return fn_cidr_contains(a, b); });
    if (name == "globMatch")
      return apply<2>(n, [](const Eval& a, const Eval& b) { return fn_glob_match(a, b); });
    if (name == "portRangeIncludes")
      return apply<3>(n, [](const Eval& a, const Eval& b, const Eval& p) {
        return fn_port_range_includes(a, b, p);
      });
    if (name == "iamAllows")
      return apply<3>(
          n, [](const Eval& s, const Eval& a, const Eval& r) { return fn_iam_allows(s, a, r); });
    if (name == "portRangesOverlap")
      return apply<4>(n, [](const Eval& a, const Eval& b, const Eval& x, const Eval& y) {
        return fn_port_ranges_overlap(a, b, x, y);
      });
    fail(n.offset, fmt::format("unknown function '{}'", name));
    return {};
  }

  Fn method(const Ast& n) {
    const std::string& name = n.name;
    auto macro = [&](Macro kind) -> Fn {
      Fn receiver = compile(*n.args[0]);
      Fn body = compile(*n.args[2]);
      int slot = n.slot;
      return [=, label = name](Ctx& c) {
        return run_macro(c, kind, receiver, body, slot, label.c_str());
      };
    };
    if (name == "all") return macro(Macro::All);
    if (name == "exists") return macro(Macro::Exists);
    if (name == "exists_one") return macro(Macro::ExistsOne);
    if (name == "filter") return macro(Macro::Filter);
    if (name == "map") return macro(Macro::Map);
    if (name == "size") return apply<1>(n, [](const Eval& x) { return fn_size(x); });
    if (name == "lowerAscii") return apply<1>(n, [](const Eval& x) { return fn_case(false, x); });
    if (name == "upperAscii") return apply<1>(n, [](const Eval& x) { return fn_case(true, x); });
    if (name == "startsWith")
      return apply<2>(n, [](const Eval& s, const Eval& t) {
        return fn_string_test(StringTest::StartsWith, s, t);
      });
    if (name == "endsWith")
      return apply<2>(n, [](const Eval& s, const Eval& t) {
        return fn_string_test(StringTest::EndsWith, s, t);
      });
    if (name == "contains")
      return apply<2>(n, [](const Eval& s, const Eval& t) {
        return fn_string_test(StringTest::Contains, s, t);
      });
    if (name == "matches") {
      const Ast& pattern = *n.args[1];
      if (pattern.kind == Ast::Kind::Literal && pattern.literal.is_string()) {
        RE2::Options options;
        options.set_log_errors(false);
        auto re = std::make_shared<const RE2>(pattern.literal.as_string(), options);
        if (!re->ok()) {
          fail(pattern.offset, fmt::format("invalid regular expression: {}", re->error()));
          return {};
        }
        Fn receiver = compile(*n.args[0]);
        return [receiver, re](Ctx& c) { return fn_matches(receiver(c), *re); };
      }
      return apply<2>(n, [](const Eval& s, const Eval& p) { return fn_matches_dynamic(s, p); });
    }
    fail(n.offset, fmt::format("unknown method '{}'", name));
    return {};
  }

  Fn list(const Ast& n) {
    std::vector<Fn> items;
    for (const auto& a : n.args) items.push_back(compile(*a));
    return [items](Ctx& c) {
      List out;
      out.reserve(items.size());
      for (const auto& f : items) {
        Eval e = f(c);
        if (e.is_error()) return e;
        out.push_back(e.value());
      }
      return Eval::own(Value::list(std::move(out)));
    };
  }

  Fn map(const Ast& n) {
    std::vector<Fn> parts;
    for (const auto& a : n.args) parts.push_back(compile(*a));
    return [parts](Ctx& c) {
      Map out;
      for (size_t i = 0; i + 1 < parts.size(); i += 2) {
        Eval k = parts[i](c);
        if (k.undecided()) return k.detached();
        if (!k.value().is_string())
          return Eval::error(fmt::format("map keys must be strings, got {}", type_of(k.value())));
        Eval v = parts[i + 1](c);
        if (v.is_error()) return v;
        out.push_back(Member{k.value().as_string(), v.value(), {}});
      }
      return Eval::own(Value::map(std::move(out)));
    };
  }

  Fn unary(const Ast& n) {
    Fn operand = compile(*n.args[0]);
    if (n.op == Op::Not) {
      return [operand](Ctx& c) {
        Eval e = as_logic(operand(c), Op::Not);
        Tri t = truth(e);
        if (t == Tri::Unknown) return e;
        return Eval::boolean(t == Tri::False);
      };
    }
    return [operand](Ctx& c) {
      Eval e = operand(c);
      if (e.undecided()) return e;
      if (!e.value().is_number())
        return Eval::error(fmt::format("'-' needs a number, got {}", type_of(e.value())));
      return Eval::number(-e.value().as_number());
    };
  }

  Fn binary(const Ast& n) {
    Fn l = compile(*n.args[0]);
    Fn r = compile(*n.args[1]);
    Op op = n.op;
    switch (op) {
      case Op::And:
      case Op::Or:
        return [l, r, op](Ctx& c) {
          // The deciding value for this operator: false for &&, true for ||.
          Tri decisive = op == Op::And ? Tri::False : Tri::True;
          Eval a = as_logic(l(c), op);
          Tri ta = truth(a);
          if (ta == decisive) return a;
          Eval b = as_logic(r(c), op);
          Tri tb = truth(b);
          if (tb == decisive) return b;
          if (ta == Tri::Unknown) return a;
          return b;
        };
      case Op::Eq:
      case Op::Ne:
        return [l, r, op](Ctx& c) {
          Eval a = l(c);
          Eval b = r(c);
          if (const Eval* u = first_undecided({&a, &b})) return *u;
          Tri t = equal(a.value(), b.value());
          if (t == Tri::Unknown) return unknown_from(a.value(), b.value());
          return Eval::boolean((t == Tri::True) == (op == Op::Eq));
        };
      case Op::Lt:
      case Op::Le:
      case Op::Gt:
      case Op::Ge:
        return [l, r, op](Ctx& c) {
          Eval a = l(c);
          return order(op, a, r(c));
        };
      case Op::In:
        return [l, r](Ctx& c) {
          Eval a = l(c);
          return membership(a, r(c));
        };
      default:
        return [l, r, op](Ctx& c) {
          Eval a = l(c);
          return arithmetic(op, a, r(c));
        };
    }
  }

  CompileError& error_;
  bool failed_ = false;
};

}  // namespace

Fn compile_ast(const Ast& root, CompileError& error) {
  Compiler compiler(error);
  Fn fn = compiler.compile(root);
  if (compiler.failed()) return {};
  return fn;
}

}  // namespace cc::rules
