#include "assess/suppress.h"

#include <fmt/format.h>
#include <fnmatch.h>

#include <ctime>

namespace cc::assess {
namespace {

constexpr std::string_view kMarker = "cloudcomply:ignore";

bool is_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  return true;
}

bool glob(const std::string& pattern, const std::string& s) {
  return pattern.empty() || ::fnmatch(pattern.c_str(), s.c_str(), 0) == 0;
}

// The resource an inline marker on `line` belongs to: the innermost declaration that
// contains the line, else the first one that starts after it.
const Resource* target_of(const Suppression& s, const std::vector<Resource>& resources) {
  const Resource* inside = nullptr;
  const Resource* after = nullptr;
  for (const auto& r : resources) {
    if (r.span.file != s.file) continue;
    uint32_t end = r.end_line ? r.end_line : r.span.line;
    if (r.span.line <= s.line && s.line <= end) {
      if (!inside || r.span.line >= inside->span.line) inside = &r;
    } else if (r.span.line > s.line && (!after || r.span.line < after->span.line)) {
      after = &r;
    }
  }
  return inside ? inside : after;
}

}  // namespace

std::vector<Suppression> find_inline_suppressions(std::string_view text, uint32_t file,
                                                  Diagnostics& diags) {
  std::vector<Suppression> out;
  uint32_t line = 1;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    std::string_view l = text.substr(pos, nl == std::string_view::npos ? text.size() - pos : nl - pos);
    if (size_t at = l.find(kMarker); at != std::string_view::npos) {
      std::string_view rest = l.substr(at + kMarker.size());
      // Words: RULE-ID, reason words..., optional expires=YYYY-MM-DD.
      std::vector<std::string> words;
      size_t i = 0;
      while (i < rest.size()) {
        while (i < rest.size() && std::isspace(static_cast<unsigned char>(rest[i]))) ++i;
        size_t j = i;
        while (j < rest.size() && !std::isspace(static_cast<unsigned char>(rest[j]))) ++j;
        if (j > i) words.emplace_back(rest.substr(i, j - i));
        i = j;
      }
      Suppression s;
      s.file = file;
      s.line = line;
      s.origin = Span{file, line, static_cast<uint32_t>(at + 1)};
      std::string reason;
      for (size_t w = 0; w < words.size(); ++w) {
        if (w == 0) {
          s.rule = words[w];
        } else if (words[w].rfind("expires=", 0) == 0) {
          s.expires = words[w].substr(8);
        } else {
          if (!reason.empty()) reason += ' ';
          reason += words[w];
        }
      }
      // A JSON string or a YAML comment may close the line with a quote or comma.
      while (!reason.empty() && (reason.back() == '"' || reason.back() == ',')) reason.pop_back();
      while (!s.expires.empty() && (s.expires.back() == '"' || s.expires.back() == ',')) s.expires.pop_back();
      s.reason = reason;
      if (s.rule.empty()) {
        diags.push_back(Diagnostic{DiagLevel::Warning, "suppress.syntax",
                                   "cloudcomply:ignore needs a rule id and a reason", s.origin});
      } else if (!s.expires.empty() && !is_date(s.expires)) {
        diags.push_back(Diagnostic{DiagLevel::Warning, "suppress.syntax",
                                   fmt::format("expiry '{}' is not a YYYY-MM-DD date; the marker is ignored", s.expires),
                                   s.origin});
      } else {
        if (s.reason.empty()) {
          diags.push_back(Diagnostic{DiagLevel::Warning, "suppress.reason",
                                     fmt::format("suppression of {} gives no reason", s.rule), s.origin});
          s.reason = "(no reason given)";
        }
        out.push_back(std::move(s));
      }
    }
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
    ++line;
  }
  return out;
}

std::vector<Suppression> parse_suppressions(const Value& doc, Diagnostics& diags) {
  std::vector<Suppression> out;
  const Value* list = doc.find("suppressions");
  if (!list || !list->is_list()) {
    diags.push_back(Diagnostic{DiagLevel::Error, "suppress.file",
                               "a suppressions file needs a top-level `suppressions:` list", doc.span()});
    return out;
  }
  for (const auto& item : list->as_list()) {
    Suppression s;
    s.origin = item.span();
    auto str = [&](const char* key) -> std::string {
      const Value* v = item.find(key);
      if (!v) return {};
      if (v->is_string()) return v->as_string();
      if (v->is_number()) return fmt::format("{}", v->as_number());
      return {};
    };
    bool ok = item.is_map();
    if (ok) {
      for (const auto& m : item.as_map()) {
        if (m.key != "rule" && m.key != "resource" && m.key != "path" && m.key != "reason" && m.key != "expires") {
          diags.push_back(Diagnostic{DiagLevel::Error, "suppress.file",
                                     fmt::format("unknown key '{}' in suppression", m.key), m.key_span});
          ok = false;
        }
      }
    }
    s.rule = str("rule");
    s.resource = str("resource");
    s.path = str("path");
    s.reason = str("reason");
    s.expires = str("expires");
    if (!ok || s.rule.empty() || s.reason.empty()) {
      diags.push_back(Diagnostic{DiagLevel::Error, "suppress.file",
                                 "each suppression needs `rule` and `reason`", item.span()});
      continue;
    }
    if (!s.expires.empty() && !is_date(s.expires)) {
      diags.push_back(Diagnostic{DiagLevel::Error, "suppress.file",
                                 fmt::format("expiry '{}' is not a YYYY-MM-DD date", s.expires), item.span()});
      continue;
    }
    out.push_back(std::move(s));
  }
  return out;
}

void apply_suppressions(std::vector<Finding>& findings, const std::vector<Resource>& resources,
                        const std::vector<Suppression>& inline_marks,
                        const std::vector<Suppression>& file_rules, const std::string& path,
                        const std::string& today, Diagnostics& diags) {
  std::vector<bool> expired_warned(inline_marks.size() + file_rules.size(), false);
  auto usable = [&](const Suppression& s, size_t idx) {
    if (s.expires.empty() || s.expires >= today) return true;
    if (!expired_warned[idx]) {
      expired_warned[idx] = true;
      diags.push_back(Diagnostic{DiagLevel::Warning, "suppress.expired",
                                 fmt::format("suppression of {} expired on {}; its findings count again",
                                             s.rule, s.expires),
                                 s.origin});
    }
    return false;
  };
  // Inline markers resolve to one resource each.
  std::vector<const Resource*> targets;
  targets.reserve(inline_marks.size());
  for (const auto& s : inline_marks) targets.push_back(target_of(s, resources));

  for (auto& f : findings) {
    if (f.suppressed) continue;
    for (size_t i = 0; i < inline_marks.size(); ++i) {
      const auto& s = inline_marks[i];
      const Resource* t = targets[i];
      if (!t || t->address != f.resource_address) continue;
      if (s.rule != "*" && s.rule != f.rule_id) continue;
      if (!usable(s, i)) continue;
      f.suppressed = true;
      f.suppression_reason = s.reason;
      break;
    }
    if (f.suppressed) continue;
    for (size_t i = 0; i < file_rules.size(); ++i) {
      const auto& s = file_rules[i];
      if (s.rule != "*" && s.rule != f.rule_id) continue;
      if (!glob(s.resource, f.resource_address) || !glob(s.path, path)) continue;
      if (!usable(s, inline_marks.size() + i)) continue;
      f.suppressed = true;
      f.suppression_reason = s.reason;
      break;
    }
  }
}

std::string today_utc() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

}  // namespace cc::assess
