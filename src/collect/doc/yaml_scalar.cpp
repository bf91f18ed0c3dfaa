#include "collect/doc/yaml_scalar.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <string>

namespace cc::collect {
namespace {

bool one_of(std::string_view s, std::initializer_list<std::string_view> options) {
  for (auto o : options)
    if (s == o) return true;
  return false;
}

bool is_null(std::string_view s) { return one_of(s, {"", "~", "null", "Null", "NULL"}); }
bool is_true(std::string_view s) {
  return one_of(s, {"true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON", "y", "Y"});
}
bool is_false(std::string_view s) {
  return one_of(s, {"false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF", "n", "N"});
}

bool all_digits(std::string_view s, int base) {
  if (s.empty()) return false;
  for (char c : s) {
    bool ok = base == 16 ? std::isxdigit(static_cast<unsigned char>(c)) != 0
                         : (c >= '0' && c < static_cast<char>('0' + base));
    if (!ok && c != '_') return false;
  }
  return true;
}

bool parse_int(std::string_view s, double& out) {
  bool neg = false;
  std::string_view body = s;
  if (!body.empty() && (body[0] == '-' || body[0] == '+')) {
    neg = body[0] == '-';
    body.remove_prefix(1);
  }
  int base = 10;
  if (body.size() > 2 && body[0] == '0' && (body[1] == 'x' || body[1] == 'X')) {
    base = 16;
    body.remove_prefix(2);
  } else if (body.size() > 2 && body[0] == '0' && body[1] == 'o') {
    base = 8;
    body.remove_prefix(2);
  }
  if (!all_digits(body, base)) return false;
  std::string digits;
  for (char c : body)
    if (c != '_') digits.push_back(c);
  if (digits.empty()) return false;
  double v = 0;
  for (char c : digits) {
    int d = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
                                                         : (std::tolower(static_cast<unsigned char>(c)) - 'a' + 10);
    v = v * base + d;
  }
  out = neg ? -v : v;
  return true;
}

bool parse_float(std::string_view s, double& out) {
  if (one_of(s, {".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"})) {
    out = std::numeric_limits<double>::infinity();
    return true;
  }
  if (one_of(s, {"-.inf", "-.Inf", "-.INF"})) {
    out = -std::numeric_limits<double>::infinity();
    return true;
  }
  if (one_of(s, {".nan", ".NaN", ".NAN"})) {
    out = std::numeric_limits<double>::quiet_NaN();
    return true;
  }
  // [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
  size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
  size_t int_digits = 0, frac_digits = 0;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++int_digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++frac_digits;
  }
  if (int_digits + frac_digits == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    size_t exp_digits = 0;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++exp_digits;
    if (exp_digits == 0) return false;
  }
  if (i != s.size()) return false;
  std::string copy(s);
  out = std::strtod(copy.c_str(), nullptr);
  return true;
}

}  // namespace

Value resolve_plain_scalar(std::string_view text, Span span) {
  if (is_null(text)) return Value::null(span);
  if (is_true(text)) return Value::boolean(true, span);
  if (is_false(text)) return Value::boolean(false, span);
  double d = 0;
  if (!text.empty() && (std::isdigit(static_cast<unsigned char>(text[0])) || text[0] == '-' ||
                        text[0] == '+' || text[0] == '.')) {
    if (parse_int(text, d) || parse_float(text, d)) return Value::number(d, span);
  }
  return Value::string(std::string(text), span);
}

bool resolve_tagged_scalar(std::string_view tag, std::string_view text, Span span, Value& out) {
  constexpr std::string_view prefix = "tag:yaml.org,2002:";
  if (tag.substr(0, prefix.size()) == prefix) tag.remove_prefix(prefix.size());
  double d = 0;
  if (tag == "str") {
    out = Value::string(std::string(text), span);
  } else if (tag == "null") {
    if (!is_null(text)) return false;
    out = Value::null(span);
  } else if (tag == "bool") {
    if (is_true(text)) out = Value::boolean(true, span);
    else if (is_false(text)) out = Value::boolean(false, span);
    else return false;
  } else if (tag == "int") {
    if (!parse_int(text, d)) return false;
    out = Value::number(d, span);
  } else if (tag == "float") {
    if (!parse_int(text, d) && !parse_float(text, d)) return false;
    out = Value::number(d, span);
  } else {
    // binary, timestamp and other standard tags keep their text.
    out = Value::string(std::string(text), span);
  }
  return true;
}

}  // namespace cc::collect
