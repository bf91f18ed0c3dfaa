// formatdate(), timeadd() and timecmp() over RFC 3339 timestamps. A timestamp keeps
// its own UTC offset: results are shown in the offset they were given in.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "collect/tffunc/internal.h"

namespace cc::terraform::detail {
namespace {

struct Timestamp {
  int64_t seconds = 0;  // since 1970-01-01T00:00:00Z
  int64_t nanos = 0;
  int offset_minutes = 0;
};

struct Civil {
  int64_t year;
  int month, day, hour, minute, second, weekday;  // weekday 0 = Sunday
};

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
int64_t days_from_civil(int64_t y, int m, int d) {
  y -= m <= 2;
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Civil civil_of(const Timestamp& t) {
  int64_t local = t.seconds + int64_t{t.offset_minutes} * 60;
  int64_t days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
  int64_t secs = local - days * 86400;
  int64_t z = days + 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  Civil c{};
  c.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  c.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  c.year = yoe + era * 400 + (c.month <= 2);
  c.hour = static_cast<int>(secs / 3600);
  c.minute = static_cast<int>(secs / 60 % 60);
  c.second = static_cast<int>(secs % 60);
  c.weekday = static_cast<int>(((days % 7) + 11) % 7);  // 1970-01-01 was a Thursday
  return c;
}

bool digits(std::string_view s, size_t pos, size_t n, int& out) {
  if (pos + n > s.size()) return false;
  out = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

std::optional<Timestamp> parse_rfc3339(std::string_view s) {
  int y, mo, d, h, mi, sec;
  if (!digits(s, 0, 4, y) || s.size() < 20 || s[4] != '-' || !digits(s, 5, 2, mo) || s[7] != '-' ||
      !digits(s, 8, 2, d) || s[10] != 'T' || !digits(s, 11, 2, h) || s[13] != ':' ||
      !digits(s, 14, 2, mi) || s[16] != ':' || !digits(s, 17, 2, sec))
    return std::nullopt;
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (mo < 1 || mo > 12 || d < 1 || d > kDays[mo - 1] || (mo == 2 && d == 29 && !leap) || h > 23 ||
      mi > 59 || sec > 59)
    return std::nullopt;
  Timestamp t;
  size_t pos = 19;
  if (pos < s.size() && s[pos] == '.') {
    size_t start = ++pos;
    int64_t scale = 100'000'000;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
      t.nanos += (s[pos] - '0') * scale;
      scale /= 10;
      ++pos;
    }
    if (pos == start) return std::nullopt;
  }
  if (pos < s.size() && s[pos] == 'Z' && pos + 1 == s.size()) {
    t.offset_minutes = 0;
  } else if (pos + 6 == s.size() && (s[pos] == '+' || s[pos] == '-') && s[pos + 3] == ':') {
    int oh, om;
    if (!digits(s, pos + 1, 2, oh) || !digits(s, pos + 4, 2, om) || oh > 23 || om > 59)
      return std::nullopt;
    t.offset_minutes = (oh * 60 + om) * (s[pos] == '-' ? -1 : 1);
  } else {
    return std::nullopt;
  }
  t.seconds =
      days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec - int64_t{t.offset_minutes} * 60;
  return t;
}

Checked<Timestamp> arg_timestamp(const Call& c, size_t i) {
  auto s = arg_string(c, i);
  if (!s) return forward(s);
  auto t = parse_rfc3339(*s);
  if (!t)
    return fail(c,
                fmt::format("\"{}\" is not an RFC 3339 timestamp (like 2024-05-01T12:00:00Z)", *s));
  return *t;
}

std::string offset_text(const Timestamp& t, bool colon) {
  int m = std::abs(t.offset_minutes);
  return fmt::format("{}{:02}{}{:02}", t.offset_minutes < 0 ? '-' : '+', m / 60, colon ? ":" : "",
                     m % 60);
}

std::string rfc3339(const Timestamp& t) {
  Civil c = civil_of(t);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{}", c.year, c.month, c.day, c.hour,
                     c.minute, c.second, t.offset_minutes == 0 ? "Z" : offset_text(t, true));
}

constexpr const char* kMonths[] = {"January",   "February", "March",    "April",
                                   "May",       "June",     "July",     "August",
                                   "September", "October",  "November", "December"};
constexpr const char* kDays[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                 "Thursday", "Friday", "Saturday"};

Outcome fn_formatdate(Call& c) {
  auto spec = arg_string(c, 0);
  if (!spec) return forward(spec);
  auto t = arg_timestamp(c, 1);
  if (!t) return forward(t);
  Civil cv = civil_of(*t);
  int hour12 = cv.hour % 12 == 0 ? 12 : cv.hour % 12;
  std::string out;
  const std::string& f = *spec;
  size_t pos = 0;
  while (pos < f.size()) {
    char ch = f[pos];
    if (ch == '\'') {
      // Quoted literal text; '' inside or outside quotes is one quote.
      if (pos + 1 < f.size() && f[pos + 1] == '\'') {
        out += '\'';
        pos += 2;
        continue;
      }
      size_t p = pos + 1;
      while (true) {
        if (p >= f.size()) return fail(c, "unterminated quoted literal in the format");
        if (f[p] == '\'') {
          if (p + 1 < f.size() && f[p + 1] == '\'') {
            out += '\'';
            p += 2;
            continue;
          }
          break;
        }
        out += f[p++];
      }
      pos = p + 1;
      continue;
    }
    if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'))) {
      out += ch;
      ++pos;
      continue;
    }
    size_t run = 1;
    while (pos + run < f.size() && f[pos + run] == ch) ++run;
    std::string token = f.substr(pos, run);
    pos += run;
    if (token == "YYYY")
      out += fmt::format("{:04}", cv.year);
    else if (token == "YY")
      out += fmt::format("{:02}", cv.year % 100);
    else if (token == "MMMM")
      out += kMonths[cv.month - 1];
    else if (token == "MMM")
      out += std::string(kMonths[cv.month - 1]).substr(0, 3);
    else if (token == "MM")
      out += fmt::format("{:02}", cv.month);
    else if (token == "M")
      out += fmt::format("{}", cv.month);
    else if (token == "DD")
      out += fmt::format("{:02}", cv.day);
    else if (token == "D")
      out += fmt::format("{}", cv.day);
    else if (token == "EEEE")
      out += kDays[cv.weekday];
    else if (token == "EEE")
      out += std::string(kDays[cv.weekday]).substr(0, 3);
    else if (token == "hh")
      out += fmt::format("{:02}", cv.hour);
    else if (token == "h")
      out += fmt::format("{}", cv.hour);
    else if (token == "HH")
      out += fmt::format("{:02}", hour12);
    else if (token == "H")
      out += fmt::format("{}", hour12);
    else if (token == "AA")
      out += cv.hour < 12 ? "AM" : "PM";
    else if (token == "aa")
      out += cv.hour < 12 ? "am" : "pm";
    else if (token == "mm")
      out += fmt::format("{:02}", cv.minute);
    else if (token == "m")
      out += fmt::format("{}", cv.minute);
    else if (token == "ss")
      out += fmt::format("{:02}", cv.second);
    else if (token == "s")
      out += fmt::format("{}", cv.second);
    else if (token == "ZZZZZ")
      out += offset_text(*t, true);
    else if (token == "ZZZZ")
      out += offset_text(*t, false);
    else if (token == "ZZZ")
      out += t->offset_minutes == 0 ? "UTC" : offset_text(*t, false);
    else if (token == "Z")
      out += t->offset_minutes == 0 ? "Z" : offset_text(*t, true);
    else
      return fail(
          c, fmt::format("\"{}\" is not a date format sequence; quote literal letters", token));
  }
  return Value::string(std::move(out));
}

// Go's duration syntax: "1h30m", "-2.5s", "300ms"; units ns us µs ms s m h.
std::optional<int64_t> parse_duration_nanos(std::string_view s) {
  bool negative = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  if (s == "0") return 0;
  if (s.empty()) return std::nullopt;
  long double total = 0;
  while (!s.empty()) {
    size_t n = 0;
    while (n < s.size() && ((s[n] >= '0' && s[n] <= '9') || s[n] == '.')) ++n;
    if (n == 0) return std::nullopt;
    std::string number(s.substr(0, n));
    if (number == "." || std::count(number.begin(), number.end(), '.') > 1) return std::nullopt;
    s.remove_prefix(n);
    size_t u = 0;
    while (u < s.size() && !((s[u] >= '0' && s[u] <= '9') || s[u] == '.')) ++u;
    std::string_view unit = s.substr(0, u);
    s.remove_prefix(u);
    long double scale = unit == "ns"                                                 ? 1
                        : unit == "us" || unit == "\xC2\xB5s" || unit == "\xCE\xBCs" ? 1e3
                        : unit == "ms"                                               ? 1e6
                        : unit == "s"                                                ? 1e9
                        : unit == "m"                                                ? 60e9
                        : unit == "h"                                                ? 3600e9
                                                                                     : 0;
    if (scale == 0) return std::nullopt;
    total += std::stold(number) * scale;
    if (total > 9.2e18L) return std::nullopt;
  }
  auto nanos = static_cast<int64_t>(total);
  return negative ? -nanos : nanos;
}

Outcome fn_timeadd(Call& c) {
  auto t = arg_timestamp(c, 0);
  if (!t) return forward(t);
  auto d = arg_string(c, 1);
  if (!d) return forward(d);
  auto nanos = parse_duration_nanos(*d);
  if (!nanos)
    return fail(c, fmt::format("\"{}\" is not a duration (like \"1h30m\" or \"-10s\")", *d));
  int64_t total = t->nanos + *nanos % 1'000'000'000;
  t->seconds += *nanos / 1'000'000'000 + (total >= 1'000'000'000 ? 1 : total < 0 ? -1 : 0);
  t->nanos = (total % 1'000'000'000 + 1'000'000'000) % 1'000'000'000;
  Civil cv = civil_of(*t);
  if (cv.year < 0 || cv.year > 9999) return fail(c, "the result is outside years 0 to 9999");
  return Value::string(rfc3339(*t));
}

Outcome fn_timecmp(Call& c) {
  auto a = arg_timestamp(c, 0);
  if (!a) return forward(a);
  auto b = arg_timestamp(c, 1);
  if (!b) return forward(b);
  auto key = [](const Timestamp& t) { return std::pair{t.seconds, t.nanos}; };
  return Value::number(key(*a) < key(*b) ? -1 : key(*b) < key(*a) ? 1 : 0);
}

constexpr FunctionSpec kFunctions[] = {
    {"formatdate", fn_formatdate, 2, 2},
    {"timeadd", fn_timeadd, 2, 2},
    {"timecmp", fn_timecmp, 2, 2},
};

}  // namespace

std::span<const FunctionSpec> datetime_functions() { return kFunctions; }

}  // namespace cc::terraform::detail
