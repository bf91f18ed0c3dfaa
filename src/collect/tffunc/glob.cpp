#include "collect/tffunc/glob.h"

#include <string>

namespace cc::terraform::detail {
namespace {

// Backtracking can grow quickly with many stars; past this budget a pattern is refused.
constexpr long kStepBudget = 2'000'000;

struct Matcher {
  long steps = 0;
  bool malformed = false;

  // Index just past the '}' closing the '{' at `open`, or npos.
  static size_t close_brace(std::string_view p, size_t open) {
    int depth = 0;
    for (size_t i = open; i < p.size(); ++i) {
      if (p[i] == '\\') {
        ++i;
      } else if (p[i] == '{') {
        ++depth;
      } else if (p[i] == '}' && --depth == 0) {
        return i + 1;
      }
    }
    return std::string_view::npos;
  }

  bool match(std::string_view p, std::string_view s) {
    if (++steps > kStepBudget || malformed) return false;
    while (!p.empty()) {
      char ch = p[0];
      if (ch == '*') {
        if (p.starts_with("**") && (p.size() == 2 || p[2] == '/')) {
          // "**" alone matches everything; "**/" matches zero or more whole directories.
          if (p.size() == 2) return true;
          std::string_view rest = p.substr(3);
          if (match(rest, s)) return true;
          for (size_t i = 0; i < s.size(); ++i)
            if (s[i] == '/' && match(rest, s.substr(i + 1))) return true;
          return false;
        }
        std::string_view rest = p.substr(1);
        for (size_t i = 0; i <= s.size(); ++i) {
          if (match(rest, s.substr(i))) return true;
          if (i < s.size() && s[i] == '/') break;
        }
        return false;
      }
      if (ch == '{') {
        size_t end = close_brace(p, 0);
        if (end == std::string_view::npos) {
          malformed = true;
          return false;
        }
        std::string_view body = p.substr(1, end - 2);
        std::string_view rest = p.substr(end);
        size_t start = 0;
        int depth = 0;
        for (size_t i = 0; i <= body.size(); ++i) {
          if (i < body.size() && body[i] == '\\') {
            ++i;
            continue;
          }
          if (i < body.size() && body[i] == '{') ++depth;
          if (i < body.size() && body[i] == '}') --depth;
          if (i == body.size() || (body[i] == ',' && depth == 0)) {
            std::string alt(body.substr(start, i - start));
            alt += rest;
            if (match(alt, s)) return true;
            start = i + 1;
          }
        }
        return false;
      }
      if (s.empty()) return false;
      if (ch == '?') {
        if (s[0] == '/') return false;
      } else if (ch == '[') {
        size_t i = 1;
        bool negate = i < p.size() && (p[i] == '!' || p[i] == '^');
        if (negate) ++i;
        bool found = false;
        bool first = true;
        while (i < p.size() && (p[i] != ']' || first)) {
          first = false;
          char lo = p[i] == '\\' && i + 1 < p.size() ? p[++i] : p[i];
          char hi = lo;
          if (i + 2 < p.size() && p[i + 1] == '-' && p[i + 2] != ']') {
            hi = p[i + 2] == '\\' && i + 3 < p.size() ? p[i + 3] : p[i + 2];
            i += p[i + 2] == '\\' ? 3 : 2;
          }
          found = found || (s[0] >= lo && s[0] <= hi);
          ++i;
        }
        if (i >= p.size()) {
          malformed = true;
          return false;
        }
        if (found == negate || s[0] == '/') return false;
        p = p.substr(i + 1);
        s = s.substr(1);
        continue;
      } else if (ch == '\\') {
        if (p.size() < 2) {
          malformed = true;
          return false;
        }
        if (s[0] != p[1]) return false;
        p = p.substr(2);
        s = s.substr(1);
        continue;
      } else if (ch != s[0]) {
        return false;
      }
      p = p.substr(1);
      s = s.substr(1);
    }
    return s.empty();
  }
};

}  // namespace

bool glob_valid(std::string_view p) {
  int braces = 0;
  for (size_t i = 0; i < p.size(); ++i) {
    if (p[i] == '\\') {
      if (++i >= p.size()) return false;
    } else if (p[i] == '{') {
      ++braces;
    } else if (p[i] == '}') {
      if (--braces < 0) return false;
    } else if (p[i] == '[') {
      size_t j = i + 1;
      if (j < p.size() && (p[j] == '!' || p[j] == '^')) ++j;
      if (j < p.size() && p[j] == ']') ++j;  // a leading ']' is a member, not the end
      while (j < p.size() && p[j] != ']') j += p[j] == '\\' ? 2 : 1;
      if (j >= p.size()) return false;
      i = j;
    }
  }
  return braces == 0;
}

std::optional<bool> glob_match(std::string_view pattern, std::string_view path) {
  Matcher m;
  bool result = m.match(pattern, path);
  if (m.malformed || m.steps > kStepBudget) return std::nullopt;
  return result;
}

}  // namespace cc::terraform::detail
