// regex(), regexall() and replace(): RE2 syntax (the syntax Terraform's Go regexp
// package accepts), with Go's rules for empty matches and "$1"/"${name}" templates.
#include <fmt/format.h>
#include <re2/re2.h>

#include <cctype>
#include <memory>

#include "collect/tffunc/internal.h"
#include "collect/tffunc/unicode.h"

namespace cc::terraform::detail {
namespace {

// Go also accepts "(?<name>...)" for a named group; this RE2 only knows "(?P<name>...)".
std::string go_named_groups(const std::string& pattern) {
  std::string out;
  out.reserve(pattern.size());
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '\\' && i + 1 < pattern.size()) {
      out += pattern[i];
      out += pattern[++i];
      continue;
    }
    bool group_name =
        pattern.compare(i, 3, "(?<") == 0 && i + 3 < pattern.size() &&
        (std::isalpha(static_cast<unsigned char>(pattern[i + 3])) || pattern[i + 3] == '_');
    if (group_name) {
      out += "(?P<";
      i += 2;
      continue;
    }
    out += pattern[i];
  }
  return out;
}

Checked<std::unique_ptr<RE2>> compile(const Call& c, const std::string& pattern) {
  RE2::Options opts;
  opts.set_log_errors(false);
  auto re = std::make_unique<RE2>(go_named_groups(pattern), opts);
  if (!re->ok()) return fail(c, fmt::format("invalid regular expression: {}", re->error()));
  return re;
}

size_t rune_width(std::string_view s, size_t pos) {
  if (pos >= s.size()) return 1;
  size_t p = pos;
  next_code_point(s, p);
  return p - pos;
}

// One match with its groups; group 0 is the whole match. Empty `data()` marks a group
// that took no part in the match.
using Groups = std::vector<re2::StringPiece>;

bool match_at(const RE2& re, std::string_view text, size_t from, Groups& groups) {
  groups.assign(static_cast<size_t>(re.NumberOfCapturingGroups()) + 1, {});
  return re.Match(re2::StringPiece(text.data(), text.size()), from, text.size(), RE2::UNANCHORED,
                  groups.data(), static_cast<int>(groups.size()));
}

size_t offset_of(std::string_view text, const re2::StringPiece& p) {
  return static_cast<size_t>(p.data() - text.data());
}

Checked<Value> match_value(const Call& c, const RE2& re, const Groups& g) {
  int count = re.NumberOfCapturingGroups();
  auto piece = [](const re2::StringPiece& p) {
    return p.data() ? Value::string(std::string(p.data(), p.size())) : Value::null();
  };
  if (count == 0) return piece(g[0]);
  const auto& named = re.NamedCapturingGroups();
  if (named.empty()) {
    List items;
    for (int i = 1; i <= count; ++i) items.push_back(piece(g[static_cast<size_t>(i)]));
    return Value::list(std::move(items));
  }
  if (static_cast<int>(named.size()) != count)
    return fail(c, "a pattern may not mix named and unnamed capture groups");
  Map members;
  for (const auto& [name, index] : named)
    members.push_back(Member{name, piece(g[static_cast<size_t>(index)]), {}});
  return sorted_map(std::move(members));
}

Outcome fn_regex(Call& c) {
  auto pattern = arg_string(c, 0);
  auto text = arg_string(c, 1);
  if (!pattern) return forward(pattern);
  if (!text) return forward(text);
  auto re = compile(c, *pattern);
  if (!re) return forward(re);
  Groups g;
  if (!match_at(**re, *text, 0, g)) return fail(c, "the pattern did not match the string");
  return match_value(c, **re, g);
}

Outcome fn_regexall(Call& c) {
  auto pattern = arg_string(c, 0);
  auto text = arg_string(c, 1);
  if (!pattern) return forward(pattern);
  if (!text) return forward(text);
  auto re = compile(c, *pattern);
  if (!re) return forward(re);
  std::string_view s = *text;
  List out;
  Groups g;
  size_t pos = 0;
  size_t prev_end = std::string::npos;
  while (pos <= s.size() && match_at(**re, s, pos, g)) {
    size_t start = offset_of(s, g[0]);
    size_t end = start + g[0].size();
    bool accept = true;
    if (start == end) {
      // Go skips an empty match that touches the previous match.
      accept = start != prev_end;
      pos = end + rune_width(s, end);
    } else {
      pos = end;
    }
    prev_end = end;
    if (!accept) continue;
    auto v = match_value(c, **re, g);
    if (!v) return forward(v);
    out.push_back(std::move(*v));
    if (out.size() > kMaxElements) return fail(c, "too many matches");
  }
  return Value::list(std::move(out));
}

bool name_char(char ch) {
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
         ch == '_';
}

// Go's Regexp.Expand: $n, ${n}, $name, ${name}, $$.
void expand(std::string& out, std::string_view tmpl, const RE2& re, const Groups& g) {
  size_t pos = 0;
  while (pos < tmpl.size()) {
    size_t dollar = tmpl.find('$', pos);
    out.append(tmpl.substr(pos, dollar - pos));
    if (dollar == std::string_view::npos) return;
    pos = dollar + 1;
    if (pos < tmpl.size() && tmpl[pos] == '$') {
      out += '$';
      ++pos;
      continue;
    }
    std::string_view name;
    bool braced = pos < tmpl.size() && tmpl[pos] == '{';
    size_t p = braced ? pos + 1 : pos;
    size_t name_start = p;
    while (p < tmpl.size() && name_char(tmpl[p])) ++p;
    name = tmpl.substr(name_start, p - name_start);
    if (name.empty() || (braced && (p >= tmpl.size() || tmpl[p] != '}'))) {
      out += '$';  // not a reference: keep the dollar sign as written
      continue;
    }
    pos = braced ? p + 1 : p;
    int index = -1;
    if (name.find_first_not_of("0123456789") == std::string_view::npos) {
      if (name.size() < 6) index = std::stoi(std::string(name));
    } else {
      auto it = re.NamedCapturingGroups().find(std::string(name));
      if (it != re.NamedCapturingGroups().end()) index = it->second;
    }
    if (index >= 0 && static_cast<size_t>(index) < g.size() && g[static_cast<size_t>(index)].data())
      out.append(g[static_cast<size_t>(index)].data(), g[static_cast<size_t>(index)].size());
  }
}

Outcome regex_replace(const Call& c, std::string_view s, const std::string& pattern,
                      std::string_view repl) {
  auto re = compile(c, pattern);
  if (!re) return forward(re);
  std::string out;
  Groups g;
  size_t search = 0;
  size_t last_end = 0;
  while (search <= s.size() && match_at(**re, s, search, g)) {
    size_t start = offset_of(s, g[0]);
    size_t end = start + g[0].size();
    out.append(s.substr(last_end, start - last_end));
    // No replacement for an empty match right after the previous match.
    if (end > last_end || start == 0) expand(out, repl, **re, g);
    if (out.size() > kMaxStringBytes) return fail(c, "result is too long");
    last_end = end;
    size_t width = rune_width(s, search);
    if (search + width > end)
      search += width;
    else if (search + 1 > end)
      ++search;
    else
      search = end;
  }
  if (last_end < s.size()) out.append(s.substr(last_end));
  return Value::string(std::move(out));
}

Outcome fn_replace(Call& c) {
  auto s = arg_string(c, 0);
  auto sub = arg_string(c, 1);
  auto repl = arg_string(c, 2);
  if (!s) return forward(s);
  if (!sub) return forward(sub);
  if (!repl) return forward(repl);
  if (sub->size() >= 2 && sub->front() == '/' && sub->back() == '/')
    return regex_replace(c, *s, sub->substr(1, sub->size() - 2), *repl);
  std::string out;
  if (sub->empty()) {
    // Like Go's strings.Replace: the replacement goes around every character.
    size_t pos = 0;
    out += *repl;
    while (pos < s->size()) {
      size_t start = pos;
      next_code_point(*s, pos);
      out.append(*s, start, pos - start);
      out += *repl;
      if (out.size() > kMaxStringBytes) return fail(c, "result is too long");
    }
    return Value::string(std::move(out));
  }
  size_t pos = 0;
  while (true) {
    size_t at = s->find(*sub, pos);
    out.append(*s, pos, at == std::string::npos ? std::string::npos : at - pos);
    if (at == std::string::npos) break;
    out += *repl;
    pos = at + sub->size();
    if (out.size() > kMaxStringBytes) return fail(c, "result is too long");
  }
  return Value::string(std::move(out));
}

constexpr FunctionSpec kFunctions[] = {
    {"regex", fn_regex, 2, 2},
    {"regexall", fn_regexall, 2, 2},
    {"replace", fn_replace, 3, 3},
};

}  // namespace

std::span<const FunctionSpec> regex_functions() { return kFunctions; }

}  // namespace cc::terraform::detail
