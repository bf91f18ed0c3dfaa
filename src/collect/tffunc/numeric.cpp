// Numeric functions. Numbers are doubles; a result that is not finite is an error
// rather than a value Terraform could not have produced.
#include <fmt/format.h>

#include <cmath>

#include "collect/tffunc/internal.h"

namespace cc::terraform::detail {
namespace {

Outcome finite(const Call& c, double d) {
  if (!std::isfinite(d)) return fail(c, "the result is not a finite number");
  return Value::number(d == 0 ? 0.0 : d);
}

template <double (*F)(double)>
Outcome unary(Call& c) {
  auto n = arg_number(c, 0);
  if (!n) return forward(n);
  return finite(c, F(*n));
}

double abs_of(double d) { return std::fabs(d); }
double ceil_of(double d) { return std::ceil(d); }
double floor_of(double d) { return std::floor(d); }
double signum_of(double d) { return d > 0 ? 1 : d < 0 ? -1 : 0; }

Outcome fn_log(Call& c) {
  auto n = arg_number(c, 0);
  auto base = arg_number(c, 1);
  if (!n) return forward(n);
  if (!base) return forward(base);
  return finite(c, std::log(*n) / std::log(*base));
}

Outcome fn_pow(Call& c) {
  auto n = arg_number(c, 0);
  auto e = arg_number(c, 1);
  if (!n) return forward(n);
  if (!e) return forward(e);
  return finite(c, std::pow(*n, *e));
}

template <bool Max>
Outcome extreme(Call& c) {
  double best = 0;
  for (size_t i = 0; i < c.args.size(); ++i) {
    auto n = arg_number(c, i);
    if (!n) return forward(n);
    if (i == 0 || (Max ? *n > best : *n < best)) best = *n;
  }
  return Value::number(best);
}

int digit_value(char ch, int base) {
  if (ch >= '0' && ch <= '9') return ch - '0';
  if (ch >= 'a' && ch <= 'z') return ch - 'a' + 10;
  // Up to base 36 letters are case-insensitive; beyond, capitals count 36..61.
  if (ch >= 'A' && ch <= 'Z') return base <= 36 ? ch - 'A' + 10 : ch - 'A' + 36;
  return 99;
}

Outcome fn_parseint(Call& c) {
  if (!c.args[0].is_string()) return fail(c, "argument 1 must be a string");
  const std::string& s = c.args[0].as_string();
  auto base = arg_integer(c, 1);
  if (!base) return forward(base);
  if (*base < 2 || *base > 62) return fail(c, "the base must be between 2 and 62");
  int b = static_cast<int>(*base);
  std::string_view digits = s;
  bool negative = false;
  if (!digits.empty() && (digits[0] == '-' || digits[0] == '+')) {
    negative = digits[0] == '-';
    digits.remove_prefix(1);
  }
  auto bad = [&] { return fail(c, fmt::format("cannot parse \"{}\" as a base {} integer", s, b)); };
  if (digits.empty()) return bad();
  double value = 0;
  for (char ch : digits) {
    int d = digit_value(ch, b);
    if (d >= b) return bad();
    value = value * b + d;
  }
  if (!std::isfinite(value)) return fail(c, "the number is too large");
  return Value::number(negative ? -value : value);
}

constexpr FunctionSpec kFunctions[] = {
    {"abs", unary<abs_of>, 1, 1},         {"ceil", unary<ceil_of>, 1, 1},
    {"floor", unary<floor_of>, 1, 1},     {"log", fn_log, 2, 2},
    {"max", extreme<true>, 1, kVariadic}, {"min", extreme<false>, 1, kVariadic},
    {"parseint", fn_parseint, 2, 2},      {"pow", fn_pow, 2, 2},
    {"signum", unary<signum_of>, 1, 1},
};

}  // namespace

std::span<const FunctionSpec> numeric_functions() { return kFunctions; }

}  // namespace cc::terraform::detail
