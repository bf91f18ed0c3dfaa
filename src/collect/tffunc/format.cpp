// format() and formatlist(): Go-style verbs (%v %#v %t %s %q %d %b %o %x %X %e %E %f
// %g %G %%), flags (+ - # space 0), width, precision and explicit argument indexes
// (%[2]s), as Terraform's format function accepts them.
#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <cstdio>

#include "collect/tffunc/internal.h"
#include "collect/tffunc/unicode.h"

namespace cc::terraform::detail {
namespace {

constexpr int kMaxWidth = 1'000'000;

struct Verb {
  bool minus = false, plus = false, sharp = false, space = false, zero = false;
  int width = -1;
  int precision = -1;
  char conv = 0;
};

void pad(std::string& out, std::string body, const Verb& v, bool numeric) {
  int len = static_cast<int>(characters(body).size());
  if (v.width <= len) {
    out += body;
    return;
  }
  std::string fill(static_cast<size_t>(v.width - len), ' ');
  if (v.minus) {
    out += body + fill;
  } else if (v.zero && numeric) {
    // Numeric verbs put the zeros after the sign, as Go's printf does.
    size_t sign = !body.empty() && (body[0] == '-' || body[0] == '+' || body[0] == ' ') ? 1 : 0;
    out += body.substr(0, sign) + std::string(fill.size(), '0') + body.substr(sign);
  } else if (v.zero) {
    out += std::string(fill.size(), '0') + body;
  } else {
    out += fill + body;
  }
}

std::string sign_prefix(bool negative, const Verb& v) {
  if (negative) return "-";
  if (v.plus) return "+";
  if (v.space) return " ";
  return "";
}

std::string integer_text(double d, const Verb& v) {
  bool negative = d < 0;
  double mag = std::fabs(d);
  std::string digits;
  int base = v.conv == 'b' ? 2 : v.conv == 'o' ? 8 : (v.conv == 'x' || v.conv == 'X') ? 16 : 10;
  if (mag < 1.8e19) {
    auto n = static_cast<unsigned long long>(mag);
    const char* alphabet = v.conv == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
    do {
      digits.insert(digits.begin(), alphabet[n % static_cast<unsigned>(base)]);
      n /= static_cast<unsigned>(base);
    } while (n != 0);
  } else {
    digits = format_number(mag);  // beyond 64 bits only decimal is exact enough to show
  }
  if (v.precision >= 0 && static_cast<int>(digits.size()) < v.precision)
    digits.insert(0, static_cast<size_t>(v.precision) - digits.size(), '0');
  std::string prefix;
  if (v.sharp)
    prefix = base == 16 ? (v.conv == 'X' ? "0X" : "0x") : base == 8 ? "0" : base == 2 ? "0b" : "";
  return sign_prefix(negative, v) + prefix + digits;
}

// Go's %g without precision: the shortest digits that round-trip, in exponent form
// when the decimal exponent is below -4 or at least 6.
std::string shortest_g(double d, bool upper) {
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
  std::string sci(buf, end);
  size_t e = sci.find('e');
  int exp = std::stoi(sci.substr(e + 1));
  std::string out;
  if (exp < -4 || exp >= 6) {
    out = sci;
  } else {
    auto [fend, fec] = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::fixed);
    out.assign(buf, fend);
  }
  if (upper)
    for (char& ch : out) ch = static_cast<char>(ch == 'e' ? 'E' : ch);
  return out;
}

std::string float_text(double d, const Verb& v) {
  if (!(v.conv == 'g' || v.conv == 'G') || v.precision >= 0) {
    std::string spec = "%";
    if (v.plus) spec += '+';
    if (v.space) spec += ' ';
    if (v.sharp) spec += '#';
    spec += '.' + std::to_string(v.precision >= 0 ? v.precision : 6);
    spec += v.conv;
    int n = std::snprintf(nullptr, 0, spec.c_str(), d);
    std::string out(static_cast<size_t>(n), '\0');
    std::snprintf(out.data(), out.size() + 1, spec.c_str(), d);
    return out;
  }
  std::string body = shortest_g(std::fabs(d), v.conv == 'G');
  return sign_prefix(std::signbit(d) && d != 0, v) + body;
}

std::string json_quoted(const std::string& s) {
  return json_text(Value::string(s)).value_or("\"\"");
}

// Appends one formatted argument; nullopt result means success.
std::optional<std::string> format_one(std::string& out, const Value& arg, const Verb& v) {
  switch (v.conv) {
    case 'v': {
      // Strings and numbers have their own default form; everything else is JSON.
      if (!v.sharp && arg.is_string()) {
        pad(out, arg.as_string(), v, false);
      } else if (!v.sharp && arg.is_number()) {
        pad(out, shortest_g(arg.as_number(), false), v, false);
      } else {
        auto j = json_text(arg);
        if (!j) return "value cannot be encoded";
        pad(out, *j, v, false);
      }
      return std::nullopt;
    }
    case 't': {
      if (arg.is_null()) return "a null value cannot be formatted";
      bool is_bool_text =
          arg.is_string() && (arg.as_string() == "true" || arg.as_string() == "false");
      if (!arg.is_bool() && !is_bool_text)
        return fmt::format("%t needs a bool, got {}", Value::type_name(arg.type()));
      out += (arg.is_bool() ? arg.as_bool() : arg.as_string() == "true") ? "true" : "false";
      return std::nullopt;
    }
    case 's':
    case 'q': {
      if (arg.is_null()) return "a null value cannot be formatted";
      auto text = to_text(arg);
      if (!text)
        return fmt::format("%{} needs a string, got {}", v.conv, Value::type_name(arg.type()));
      // Precision limits how many characters of the input are used.
      if (v.precision > 0) {
        auto chars = characters(*text);
        if (static_cast<int>(chars.size()) > v.precision) {
          std::string cut;
          for (int i = 0; i < v.precision; ++i) cut += chars[static_cast<size_t>(i)];
          *text = cut;
        }
      }
      pad(out, v.conv == 'q' ? json_quoted(*text) : *text, v, false);
      return std::nullopt;
    }
    case 'd':
    case 'b':
    case 'o':
    case 'x':
    case 'X':
    case 'e':
    case 'E':
    case 'f':
    case 'g':
    case 'G': {
      auto n = to_number(arg);
      if (!n)
        return fmt::format("%{} needs a number, got {}", v.conv, Value::type_name(arg.type()));
      bool integer =
          v.conv == 'd' || v.conv == 'b' || v.conv == 'o' || v.conv == 'x' || v.conv == 'X';
      if (integer && *n != std::floor(*n)) return fmt::format("%{} needs a whole number", v.conv);
      pad(out, integer ? integer_text(*n, v) : float_text(*n, v), v, true);
      return std::nullopt;
    }
    default:
      return fmt::format("unsupported verb %{}", v.conv);
  }
}

// Reads digits at `pos`; -1 when there are none.
int read_int(std::string_view f, size_t& pos) {
  if (pos >= f.size() || f[pos] < '0' || f[pos] > '9') return -1;
  int n = 0;
  while (pos < f.size() && f[pos] >= '0' && f[pos] <= '9') {
    n = std::min(n * 10 + (f[pos] - '0'), kMaxWidth + 1);
    ++pos;
  }
  return n;
}

// Explicit "[n]" argument index; returns false on a malformed one.
bool read_index(std::string_view f, size_t& pos, size_t& next_arg) {
  if (pos >= f.size() || f[pos] != '[') return true;
  size_t p = pos + 1;
  int n = read_int(f, p);
  if (n < 1 || p >= f.size() || f[p] != ']') return false;
  next_arg = static_cast<size_t>(n - 1);
  pos = p + 1;
  return true;
}

Checked<std::string> format_text(const Call& c, std::string_view f, const List& args) {
  std::string out;
  size_t next_arg = 0;
  bool used_index = false;
  size_t pos = 0;
  while (pos < f.size()) {
    char ch = f[pos++];
    if (ch != '%') {
      out += ch;
      continue;
    }
    if (pos < f.size() && f[pos] == '%') {
      out += '%';
      ++pos;
      continue;
    }
    Verb v;
    for (bool more = true; more && pos < f.size();) {
      switch (f[pos]) {
        case '-':
          v.minus = true;
          ++pos;
          break;
        case '+':
          v.plus = true;
          ++pos;
          break;
        case '#':
          v.sharp = true;
          ++pos;
          break;
        case ' ':
          v.space = true;
          ++pos;
          break;
        case '0':
          v.zero = true;
          ++pos;
          break;
        default:
          more = false;
      }
    }
    size_t before = pos;
    if (!read_index(f, pos, next_arg)) return fail(c, "malformed argument index");
    used_index = used_index || pos != before;
    v.width = read_int(f, pos);
    if (pos < f.size() && f[pos] == '.') {
      ++pos;
      v.precision = std::max(read_int(f, pos), 0);
    }
    before = pos;
    if (!read_index(f, pos, next_arg)) return fail(c, "malformed argument index");
    used_index = used_index || pos != before;
    if (v.width > kMaxWidth || v.precision > kMaxWidth)
      return fail(c, "width or precision too large");
    if (pos >= f.size()) return fail(c, "format string ends in the middle of a verb");
    size_t verb_start = pos;
    next_code_point(f, pos);
    std::string_view conv = f.substr(verb_start, pos - verb_start);
    if (conv.size() != 1) return fail(c, fmt::format("unsupported verb %{}", conv));
    v.conv = conv[0];
    if (next_arg >= args.size())
      return fail(c, fmt::format("not enough arguments for the verb %{}", v.conv));
    if (auto err = format_one(out, args[next_arg], v)) return fail(c, *err);
    ++next_arg;
    if (out.size() > kMaxStringBytes) return fail(c, "result is too long");
  }
  if (!used_index && next_arg < args.size())
    return fail(c,
                fmt::format("too many arguments: the format uses {} of {}", next_arg, args.size()));
  return out;
}

Outcome fn_format(Call& c) {
  auto f = arg_string(c, 0);
  if (!f) return forward(f);
  List rest(c.args.begin() + 1, c.args.end());
  auto text = format_text(c, *f, rest);
  if (!text) return forward(text);
  return Value::string(std::move(*text));
}

Outcome fn_formatlist(Call& c) {
  if (c.args[0].is_unknown()) return unknown_result(c);
  auto f = arg_string(c, 0);
  if (!f) return forward(f);
  // Every list argument must have the same length; other arguments repeat.
  size_t rows = 0;
  bool any_list = false;
  for (size_t i = 1; i < c.args.size(); ++i) {
    const Value& a = c.args[i];
    if (a.is_unknown()) return unknown_result(c);
    if (!a.is_list()) continue;
    size_t n = a.as_list().size();
    if (any_list && n != rows)
      return fail(c, fmt::format("argument {} has length {}, but an earlier list has length {}",
                                 i + 1, n, rows));
    rows = n;
    any_list = true;
  }
  if (!any_list) rows = 1;
  List out;
  size_t total_bytes = 0;
  for (size_t r = 0; r < rows; ++r) {
    List row;
    bool unknown = false;
    for (size_t i = 1; i < c.args.size(); ++i) {
      const Value& a = c.args[i];
      row.push_back(a.is_list() ? a.as_list()[r] : a);
      unknown = unknown || row.back().contains_unknown();
    }
    if (unknown) {
      out.push_back(unknown_result(c));
      continue;
    }
    auto text = format_text(c, *f, row);
    if (!text) return forward(text);
    total_bytes += text->size();
    if (total_bytes > kMaxStringBytes) return fail(c, "the results are too long in total");
    out.push_back(Value::string(std::move(*text)));
  }
  return Value::list(std::move(out));
}

constexpr FunctionSpec kFunctions[] = {
    {"format", fn_format, 1, kVariadic},
    {"formatlist", fn_formatlist, 1, kVariadic, UnknownArgs::Handle},
};

}  // namespace

std::span<const FunctionSpec> format_functions() { return kFunctions; }

}  // namespace cc::terraform::detail
