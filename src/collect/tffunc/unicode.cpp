#include "collect/tffunc/unicode.h"

namespace cc::terraform::detail {

char32_t next_code_point(std::string_view s, size_t& pos) {
  auto byte = [&](size_t i) { return static_cast<unsigned char>(s[i]); };
  unsigned char b0 = byte(pos);
  int len = b0 < 0x80 ? 1 : (b0 >> 5) == 6 ? 2 : (b0 >> 4) == 14 ? 3 : (b0 >> 3) == 30 ? 4 : 0;
  if (len == 0 || pos + len > s.size()) {
    ++pos;
    return 0xFFFD;
  }
  char32_t cp = len == 1 ? b0 : len == 2 ? (b0 & 0x1F) : len == 3 ? (b0 & 0x0F) : (b0 & 0x07);
  for (int i = 1; i < len; ++i) {
    unsigned char b = byte(pos + i);
    if ((b & 0xC0) != 0x80) {
      ++pos;
      return 0xFFFD;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  // Overlong forms, surrogates and values past U+10FFFF are not valid UTF-8.
  static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++pos;
    return 0xFFFD;
  }
  pos += len;
  return cp;
}

bool valid_utf8(std::string_view s) {
  size_t pos = 0;
  while (pos < s.size()) {
    size_t before = pos;
    char32_t cp = next_code_point(s, pos);
    if (cp == 0xFFFD && pos - before != 3) return false;
    if (cp == 0xFFFD && s.substr(before, 3) != "\xEF\xBF\xBD") return false;
  }
  return true;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

namespace {

// Code points that attach to the character before them.
bool extends(char32_t cp) {
  return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x0483 && cp <= 0x0489) ||
         (cp >= 0x0591 && cp <= 0x05BD) || (cp >= 0x0610 && cp <= 0x061A) ||
         (cp >= 0x064B && cp <= 0x065F) || (cp >= 0x0900 && cp <= 0x0903) ||
         (cp >= 0x093A && cp <= 0x094F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
         (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
         (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xFE20 && cp <= 0xFE2F) ||
         (cp >= 0x1F3FB && cp <= 0x1F3FF) || (cp >= 0xE0020 && cp <= 0xE007F) ||
         (cp >= 0xE0100 && cp <= 0xE01EF) || cp == 0x200C || cp == 0x200D;
}

bool regional_indicator(char32_t cp) { return cp >= 0x1F1E6 && cp <= 0x1F1FF; }

}  // namespace

std::vector<std::string_view> characters(std::string_view s) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  while (pos < s.size()) {
    size_t start = pos;
    char32_t cp = next_code_point(s, pos);
    if (cp == '\r' && pos < s.size() && s[pos] == '\n') ++pos;
    bool joined = false;
    if (regional_indicator(cp) && pos < s.size()) {
      size_t peek = pos;
      if (regional_indicator(next_code_point(s, peek))) pos = peek;
    }
    while (pos < s.size()) {
      size_t peek = pos;
      char32_t next = next_code_point(s, peek);
      if (joined || extends(next)) {
        joined = next == 0x200D;
        pos = peek;
        continue;
      }
      break;
    }
    out.push_back(s.substr(start, pos - start));
  }
  return out;
}

bool is_space(char32_t cp) {
  switch (cp) {
    case '\t':
    case '\n':
    case '\v':
    case '\f':
    case '\r':
    case ' ':
    case 0x85:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      return true;
    default:
      return cp >= 0x2000 && cp <= 0x200A;
  }
}

namespace {

struct CaseRange {
  char32_t lower_first;
  char32_t lower_last;
  char32_t upper_first;
  // 1: a contiguous block; 2: alternating upper/lower pairs.
  int stride;
};

// Lower-case ranges and where their capitals are.
constexpr CaseRange kRanges[] = {
    {0x61, 0x7A, 0x41, 1},    {0xE0, 0xF6, 0xC0, 1},    {0xF8, 0xFE, 0xD8, 1},
    {0x101, 0x12F, 0x100, 2}, {0x133, 0x137, 0x132, 2}, {0x13A, 0x148, 0x139, 2},
    {0x14B, 0x177, 0x14A, 2}, {0x17A, 0x17E, 0x179, 2}, {0x3B1, 0x3C1, 0x391, 1},
    {0x3C3, 0x3C9, 0x3A3, 1}, {0x3AD, 0x3AF, 0x388, 1}, {0x3CD, 0x3CE, 0x38E, 1},
    {0x430, 0x44F, 0x410, 1}, {0x450, 0x45F, 0x400, 1}, {0x461, 0x481, 0x460, 2},
    {0x48B, 0x4BF, 0x48A, 2}, {0x561, 0x586, 0x531, 1}, {0xFF41, 0xFF5A, 0xFF21, 1},
};

}  // namespace

char32_t to_upper(char32_t cp) {
  switch (cp) {
    case 0xFF:
      return 0x178;
    case 0x3C2:
      return 0x3A3;  // final sigma
    case 0x3AC:
      return 0x386;
    case 0x3CC:
      return 0x38C;
    default:
      break;
  }
  for (const auto& r : kRanges) {
    if (cp < r.lower_first || cp > r.lower_last) continue;
    if (r.stride == 2 && (cp - r.lower_first) % 2 != 0) continue;
    return r.upper_first + (cp - r.lower_first);
  }
  return cp;
}

char32_t to_lower(char32_t cp) {
  switch (cp) {
    case 0x178:
      return 0xFF;
    case 0x386:
      return 0x3AC;
    case 0x38C:
      return 0x3CC;
    default:
      break;
  }
  for (const auto& r : kRanges) {
    char32_t upper_last = r.upper_first + (r.lower_last - r.lower_first);
    if (cp < r.upper_first || cp > upper_last) continue;
    if (r.stride == 2 && (cp - r.upper_first) % 2 != 0) continue;
    return r.lower_first + (cp - r.upper_first);
  }
  return cp;
}

}  // namespace cc::terraform::detail
