// String functions: case, trimming, splitting and joining, substrings.
#include <fmt/format.h>

#include <algorithm>

#include "collect/tffunc/internal.h"
#include "collect/tffunc/unicode.h"

namespace cc::terraform::detail {
namespace {

template <class Map>
Outcome map_code_points(Call& c, Map map) {
  auto s = arg_string(c, 0);
  if (!s) return forward(s);
  std::string out;
  out.reserve(s->size());
  size_t pos = 0;
  while (pos < s->size()) append_utf8(out, map(next_code_point(*s, pos)));
  return Value::string(std::move(out));
}

Outcome fn_upper(Call& c) { return map_code_points(c, to_upper); }
Outcome fn_lower(Call& c) { return map_code_points(c, to_lower); }

// Word boundaries as Go's strings.Title (which Terraform uses) draws them: any ASCII
// character other than letters, digits and '_' separates words, and outside ASCII only
// white space does.
bool separates_words(char32_t cp) {
  if (cp <= 0x7F)
    return !((cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
             cp == '_');
  return is_space(cp);
}

Outcome fn_title(Call& c) {
  auto s = arg_string(c, 0);
  if (!s) return forward(s);
  std::string out;
  bool at_word_start = true;
  size_t pos = 0;
  while (pos < s->size()) {
    char32_t cp = next_code_point(*s, pos);
    append_utf8(out, at_word_start ? to_upper(cp) : cp);
    at_word_start = separates_words(cp);
  }
  return Value::string(std::move(out));
}

Outcome fn_chomp(Call& c) {
  auto s = arg_string(c, 0);
  if (!s) return forward(s);
  std::string out = std::move(*s);
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  return Value::string(std::move(out));
}

// Bounds of `s` without leading and trailing white space.
std::string_view trim_space(std::string_view s) {
  size_t pos = 0;
  size_t start = s.size();
  size_t end = 0;
  while (pos < s.size()) {
    size_t before = pos;
    if (!is_space(next_code_point(s, pos))) {
      if (start == s.size()) start = before;
      end = pos;
    }
  }
  return start >= end ? std::string_view{} : s.substr(start, end - start);
}

Outcome fn_trimspace(Call& c) {
  auto s = arg_string(c, 0);
  if (!s) return forward(s);
  return Value::string(std::string(trim_space(*s)));
}

Outcome fn_trim(Call& c) {
  auto s = arg_string(c, 0);
  if (!s) return forward(s);
  auto cutset = arg_string(c, 1);
  if (!cutset) return forward(cutset);
  std::vector<char32_t> cut;
  for (size_t p = 0; p < cutset->size();) cut.push_back(next_code_point(*cutset, p));
  auto in_cut = [&](char32_t cp) { return std::find(cut.begin(), cut.end(), cp) != cut.end(); };
  std::string_view view = *s;
  std::vector<size_t> starts;
  std::vector<char32_t> cps;
  for (size_t p = 0; p < view.size();) {
    starts.push_back(p);
    cps.push_back(next_code_point(view, p));
  }
  starts.push_back(view.size());
  size_t first = 0;
  size_t last = cps.size();
  while (first < last && in_cut(cps[first])) ++first;
  while (last > first && in_cut(cps[last - 1])) --last;
  return Value::string(std::string(view.substr(starts[first], starts[last] - starts[first])));
}

Outcome fn_trimprefix(Call& c) {
  auto s = arg_string(c, 0);
  auto p = arg_string(c, 1);
  if (!s) return forward(s);
  if (!p) return forward(p);
  if (s->starts_with(*p)) s->erase(0, p->size());
  return Value::string(std::move(*s));
}

Outcome fn_trimsuffix(Call& c) {
  auto s = arg_string(c, 0);
  auto p = arg_string(c, 1);
  if (!s) return forward(s);
  if (!p) return forward(p);
  if (s->ends_with(*p)) s->resize(s->size() - p->size());
  return Value::string(std::move(*s));
}

Outcome fn_startswith(Call& c) {
  auto s = arg_string(c, 0);
  auto p = arg_string(c, 1);
  if (!s) return forward(s);
  if (!p) return forward(p);
  return Value::boolean(s->starts_with(*p));
}

Outcome fn_endswith(Call& c) {
  auto s = arg_string(c, 0);
  auto p = arg_string(c, 1);
  if (!s) return forward(s);
  if (!p) return forward(p);
  return Value::boolean(s->ends_with(*p));
}

Outcome fn_strcontains(Call& c) {
  auto s = arg_string(c, 0);
  auto p = arg_string(c, 1);
  if (!s) return forward(s);
  if (!p) return forward(p);
  return Value::boolean(s->find(*p) != std::string::npos);
}

Outcome fn_strrev(Call& c) {
  auto s = arg_string(c, 0);
  if (!s) return forward(s);
  auto chars = characters(*s);
  std::string out;
  out.reserve(s->size());
  for (auto it = chars.rbegin(); it != chars.rend(); ++it) out += *it;
  return Value::string(std::move(out));
}

Outcome fn_substr(Call& c) {
  auto s = arg_string(c, 0);
  if (!s) return forward(s);
  auto offset = arg_integer(c, 1);
  if (!offset) return forward(offset);
  auto length = arg_integer(c, 2);
  if (!length) return forward(length);
  auto chars = characters(*s);
  int64_t total = static_cast<int64_t>(chars.size());
  // As in Terraform: a negative offset counts from the end (and stops at the start),
  // an offset past the end gives "", and a length of -1 (or, by Terraform's own quirk,
  // 0) takes the rest of the string.
  int64_t start = std::max<int64_t>(*offset < 0 ? total + *offset : *offset, 0);
  if (start >= total) return Value::string("");
  int64_t count = *length <= 0 ? total - start : std::min(*length, total - start);
  std::string out;
  for (int64_t i = start; i < start + count; ++i) out += chars[static_cast<size_t>(i)];
  return Value::string(std::move(out));
}

Outcome fn_indent(Call& c) {
  auto n = arg_integer(c, 0);
  if (!n) return forward(n);
  auto s = arg_string(c, 1);
  if (!s) return forward(s);
  if (*n < 0 || *n > 1024) return fail(c, "the number of spaces must be between 0 and 1024");
  std::string pad(static_cast<size_t>(*n), ' ');
  std::string out;
  for (char ch : *s) {
    out += ch;
    if (ch == '\n') out += pad;
    if (out.size() > kMaxStringBytes) return fail(c, "result is too long");
  }
  return Value::string(std::move(out));
}

Outcome fn_join(Call& c) {
  auto sep = arg_string(c, 0);
  if (!sep) return forward(sep);
  std::string out;
  bool first = true;
  for (size_t i = 1; i < c.args.size(); ++i) {
    auto list = arg_list(c, i);
    if (!list) return forward(list);
    for (const auto& item : **list) {
      auto text = to_text(item);
      if (!text) {
        if (item.is_null()) return fail(c, "cannot join a null element");
        return fail(c,
                    fmt::format("elements must be strings, got {}", Value::type_name(item.type())));
      }
      if (!first) out += *sep;
      out += *text;
      first = false;
      if (out.size() > kMaxStringBytes) return fail(c, "result is too long");
    }
  }
  return Value::string(std::move(out));
}

Outcome fn_split(Call& c) {
  auto sep = arg_string(c, 0);
  auto s = arg_string(c, 1);
  if (!sep) return forward(sep);
  if (!s) return forward(s);
  List parts;
  if (sep->empty()) {
    // Like Go's strings.Split: an empty separator splits into characters.
    size_t pos = 0;
    while (pos < s->size()) {
      size_t start = pos;
      next_code_point(*s, pos);
      parts.push_back(Value::string(s->substr(start, pos - start)));
    }
    return Value::list(std::move(parts));
  }
  size_t start = 0;
  while (true) {
    size_t at = s->find(*sep, start);
    parts.push_back(Value::string(s->substr(start, at - start)));
    if (at == std::string::npos) break;
    start = at + sep->size();
    if (parts.size() > kMaxElements) return fail(c, "too many parts");
  }
  return Value::list(std::move(parts));
}

constexpr FunctionSpec kFunctions[] = {
    {"chomp", fn_chomp, 1, 1},           {"endswith", fn_endswith, 2, 2},
    {"indent", fn_indent, 2, 2},         {"join", fn_join, 2, kVariadic},
    {"lower", fn_lower, 1, 1},           {"split", fn_split, 2, 2},
    {"startswith", fn_startswith, 2, 2}, {"strcontains", fn_strcontains, 2, 2},
    {"strrev", fn_strrev, 1, 1},         {"substr", fn_substr, 3, 3},
    {"title", fn_title, 1, 1},           {"trim", fn_trim, 2, 2},
    {"trimprefix", fn_trimprefix, 2, 2}, {"trimspace", fn_trimspace, 1, 1},
    {"trimsuffix", fn_trimsuffix, 2, 2}, {"upper", fn_upper, 1, 1},
};

}  // namespace

std::span<const FunctionSpec> string_functions() { return kFunctions; }

}  // namespace cc::terraform::detail
