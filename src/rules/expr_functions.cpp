#include "rules/expr_functions.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>

#include "rules/iam.h"
#include "rules/net.h"

namespace cc::rules {

const Eval* first_undecided(std::initializer_list<const Eval*> args) {
  for (const Eval* a : args)
    if (a->undecided()) return a;
  return nullptr;
}

// Lets a three-valued helper say which input it could not decide on.
const Value* first_unknown(const Value& v) {
  if (v.is_unknown()) return &v;
  if (v.is_list()) {
    for (const auto& item : v.as_list())
      if (const Value* u = first_unknown(item)) return u;
  } else if (v.is_map()) {
    for (const auto& m : v.as_map())
      if (const Value* u = first_unknown(m.value)) return u;
  }
  return nullptr;
}

namespace {

const char* type_of(const Eval& e) { return Value::type_name(e.value().type()); }

Eval wrong_type(std::string_view what, const Eval& got, std::string_view want) {
  return Eval::error(fmt::format("{} expects {}, got {}", what, want, type_of(got)));
}

Eval from_tri(Tri t, const Value& source, std::string_view what) {
  if (t != Tri::Unknown) return Eval::boolean(t == Tri::True);
  if (const Value* u = first_unknown(source)) return Eval::own(*u);
  return Eval::error(fmt::format("{} could not be decided", what));
}

size_t utf8_length(std::string_view s) {
  return static_cast<size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// Parses a CIDR argument: nullopt with `err` set when it is not a string or not a
// valid block.
std::optional<Cidr> cidr_arg(const Eval& e, std::string_view fn, Eval& err) {
  if (!e.value().is_string()) {
    err = wrong_type(fn, e, "a CIDR string");
    return std::nullopt;
  }
  auto c = parse_cidr(e.value().as_string());
  if (!c)
    err = Eval::error(fmt::format("{}: '{}' is not a valid CIDR block", fn, e.value().as_string()));
  return c;
}

// A port bound; AWS writes "every port" as -1.
bool port_arg(const Eval& e, std::string_view fn, double& out, Eval& err) {
  if (!e.value().is_number()) {
    err = wrong_type(fn, e, "a port number");
    return false;
  }
  out = e.value().as_number();
  return true;
}

}  // namespace

Eval fn_size(const Eval& x) {
  if (x.undecided()) return x;
  const Value& v = x.value();
  switch (v.type()) {
    case Value::Type::Null:
      return Eval::number(0);  // an absent collection is empty
    case Value::Type::String:
      return Eval::number(static_cast<double>(utf8_length(v.as_string())));
    case Value::Type::List:
      return Eval::number(static_cast<double>(v.as_list().size()));
    case Value::Type::Map:
      return Eval::number(static_cast<double>(v.as_map().size()));
    default:
      return wrong_type("size()", x, "a string, list or map");
  }
}

Eval fn_string_test(StringTest test, const Eval& s, const Eval& arg) {
  if (const Eval* u = first_undecided({&s, &arg})) return *u;
  const char* name = test == StringTest::StartsWith ? "startsWith()"
                     : test == StringTest::EndsWith ? "endsWith()"
                                                    : "contains()";
  if (!s.value().is_string()) return wrong_type(name, s, "a string receiver");
  if (!arg.value().is_string()) return wrong_type(name, arg, "a string argument");
  std::string_view a = s.value().as_string();
  std::string_view b = arg.value().as_string();
  switch (test) {
    case StringTest::StartsWith:
      return Eval::boolean(a.substr(0, b.size()) == b);
    case StringTest::EndsWith:
      return Eval::boolean(a.size() >= b.size() && a.substr(a.size() - b.size()) == b);
    case StringTest::Contains:
      return Eval::boolean(a.find(b) != std::string_view::npos);
  }
  return Eval::boolean(false);
}

Eval fn_matches(const Eval& s, const RE2& re) {
  if (s.undecided()) return s;
  if (!s.value().is_string()) return wrong_type("matches()", s, "a string receiver");
  return Eval::boolean(RE2::PartialMatch(s.value().as_string(), re));
}

namespace {

// Patterns built at evaluation time, shared by every thread. Bounded: when full it is
// cleared, which costs recompilation but never correctness.
class RegexCache {
 public:
  std::shared_ptr<const RE2> get(const std::string& pattern) {
    std::lock_guard lock(mutex_);
    auto it = cache_.find(pattern);
    if (it != cache_.end()) return it->second;
    if (cache_.size() >= kMaxEntries) cache_.clear();
    RE2::Options options;
    options.set_log_errors(false);
    auto re = std::make_shared<const RE2>(pattern, options);
    cache_.emplace(pattern, re);
    return re;
  }

 private:
  static constexpr size_t kMaxEntries = 256;
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<const RE2>> cache_;
};

}  // namespace

Eval fn_matches_dynamic(const Eval& s, const Eval& pattern) {
  if (const Eval* u = first_undecided({&s, &pattern})) return *u;
  if (!pattern.value().is_string()) return wrong_type("matches()", pattern, "a pattern string");
  static RegexCache cache;
  auto re = cache.get(pattern.value().as_string());
  if (!re->ok())
    return Eval::error(fmt::format("matches(): invalid pattern '{}': {}",
                                   pattern.value().as_string(), re->error()));
  return fn_matches(s, *re);
}

Eval fn_case(bool upper, const Eval& s) {
  if (s.undecided()) return s;
  if (!s.value().is_string())
    return wrong_type(upper ? "upperAscii()" : "lowerAscii()", s, "a string receiver");
  std::string out = s.value().as_string();
  for (char& c : out) {
    if (upper && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (!upper && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return Eval::own(Value::string(std::move(out)));
}

Eval fn_open_to_internet(const Eval& cidr) {
  if (cidr.undecided()) return cidr;
  const Value& v = cidr.value();
  if (v.is_null()) return Eval::boolean(false);  // no address block admits nobody
  if (v.is_list()) {
    // Any block of the list being /0 decides; otherwise one bad entry leaves it open.
    std::optional<Eval> undecided;
    for (const auto& item : v.as_list()) {
      Eval one = fn_open_to_internet(Eval::ref(&item));
      if (one.undecided()) {
        if (!undecided) undecided = one.detached();
      } else if (one.value().as_bool()) {
        return one;
      }
    }
    return undecided ? *undecided : Eval::boolean(false);
  }
  Eval err;
  auto c = cidr_arg(cidr, "openToInternet()", err);
  if (!c) return err;
  return Eval::boolean(open_to_internet(*c));
}

Eval fn_cidr_contains(const Eval& outer, const Eval& inner) {
  if (const Eval* u = first_undecided({&outer, &inner})) return *u;
  if (outer.value().is_null() || inner.value().is_null()) return Eval::boolean(false);
  Eval err;
  auto a = cidr_arg(outer, "cidrContains()", err);
  if (!a) return err;
  auto b = cidr_arg(inner, "cidrContains()", err);
  if (!b) return err;
  return Eval::boolean(cidr_contains(*a, *b));
}

Eval fn_is_private_cidr(const Eval& cidr) {
  if (cidr.undecided()) return cidr;
  if (cidr.value().is_null()) return Eval::boolean(false);
  Eval err;
  auto c = cidr_arg(cidr, "isPrivateCidr()", err);
  if (!c) return err;
  return Eval::boolean(is_private_cidr(*c));
}

Eval fn_port_range_includes(const Eval& from, const Eval& to, const Eval& port) {
  if (const Eval* u = first_undecided({&from, &to, &port})) return *u;
  double lo = 0, hi = 0, p = 0;
  Eval err;
  if (!port_arg(from, "portRangeIncludes()", lo, err) ||
      !port_arg(to, "portRangeIncludes()", hi, err) ||
      !port_arg(port, "portRangeIncludes()", p, err))
    return err;
  if (lo < 0 || hi < 0) return Eval::boolean(true);  // -1: every port
  return Eval::boolean(lo <= p && p <= hi);
}

Eval fn_port_ranges_overlap(const Eval& a_from, const Eval& a_to, const Eval& b_from,
                            const Eval& b_to) {
  if (const Eval* u = first_undecided({&a_from, &a_to, &b_from, &b_to})) return *u;
  double a0 = 0, a1 = 0, b0 = 0, b1 = 0;
  Eval err;
  const char* fn = "portRangesOverlap()";
  if (!port_arg(a_from, fn, a0, err) || !port_arg(a_to, fn, a1, err) ||
      !port_arg(b_from, fn, b0, err) || !port_arg(b_to, fn, b1, err))
    return err;
  if (a0 < 0 || a1 < 0) a0 = 0, a1 = 65535;
  if (b0 < 0 || b1 < 0) b0 = 0, b1 = 65535;
  return Eval::boolean(std::max(a0, b0) <= std::min(a1, b1));
}

Eval fn_glob_match(const Eval& pattern, const Eval& s) {
  if (const Eval* u = first_undecided({&pattern, &s})) return *u;
  if (!pattern.value().is_string()) return wrong_type("globMatch()", pattern, "a pattern string");
  if (s.value().is_null()) return Eval::boolean(false);
  if (!s.value().is_string()) return wrong_type("globMatch()", s, "a string");
  return Eval::boolean(glob_match(pattern.value().as_string(), s.value().as_string()));
}

Eval fn_iam_allows(const Eval& statements, const Eval& action, const Eval& resource) {
  if (const Eval* u = first_undecided({&statements, &action, &resource})) return *u;
  const Value& st = statements.value();
  if (!st.is_list() && !st.is_null())
    return wrong_type("iamAllows()", statements, "a list of statements");
  if (!action.value().is_string()) return wrong_type("iamAllows()", action, "an action string");
  if (!resource.value().is_string())
    return wrong_type("iamAllows()", resource, "a resource string");
  return from_tri(iam_allows(st, action.value().as_string(), resource.value().as_string()), st,
                  "iamAllows()");
}

Eval fn_iam_public_principal(const Eval& statements) {
  if (statements.undecided()) return statements;
  const Value& st = statements.value();
  if (!st.is_list() && !st.is_null())
    return wrong_type("iamPublicPrincipal()", statements, "a list of statements");
  return from_tri(iam_public_principal(st), st, "iamPublicPrincipal()");
}

}  // namespace cc::rules
