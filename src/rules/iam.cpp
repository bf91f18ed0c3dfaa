#include "rules/iam.h"

#include <cctype>

namespace cc::rules {

bool glob_match(std::string_view pattern, std::string_view text) {
  auto lower = [](char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  };
  size_t p = 0, t = 0;
  size_t star = std::string_view::npos, resume = 0;
  while (t < text.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || lower(pattern[p]) == lower(text[t]))) {
      ++p;
      ++t;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      resume = t;
    } else if (star != std::string_view::npos) {
      // Let the last star swallow one more character and retry from there.
      p = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

namespace {

// Whether any pattern of a list matches; Unknown when none does and some entry is
// unknown. `absent` is the answer for a missing (null) list.
Tri any_matches(const Value* patterns, std::string_view subject, Tri absent) {
  if (!patterns || patterns->is_null()) return absent;
  if (patterns->is_unknown()) return Tri::Unknown;
  if (patterns->is_string()) return tri(glob_match(patterns->as_string(), subject));
  if (!patterns->is_list()) return Tri::False;
  Tri result = Tri::False;
  for (const auto& p : patterns->as_list()) {
    if (p.is_unknown()) {
      result = Tri::Unknown;
    } else if (p.is_string() && glob_match(p.as_string(), subject)) {
      return Tri::True;
    }
  }
  return result;
}

bool present(const Value* v) {
  if (!v || v->is_null()) return false;
  if (v->is_list()) return !v->as_list().empty();
  return true;
}

// Whether a statement's positive list (Action) or negative list (NotAction) covers
// `subject`. With neither present the statement covers `absent`.
Tri covers(const Value& stmt, const char* positive, const char* negative, std::string_view subject,
           Tri absent) {
  const Value* pos = stmt.find(positive);
  if (present(pos)) return any_matches(pos, subject, Tri::False);
  const Value* neg = stmt.find(negative);
  if (present(neg)) return tri_not(any_matches(neg, subject, Tri::False));
  return absent;
}

// Tri for "effect equals `want`".
Tri effect_is(const Value& stmt, std::string_view want) {
  const Value* e = stmt.find("effect");
  if (!e) return Tri::False;
  if (e->is_unknown()) return Tri::Unknown;
  if (!e->is_string() || e->as_string().size() != want.size()) return Tri::False;
  // Policies in the wild spell the effect in any case; IAM itself is strict, but a
  // lenient reading can only make a rule report more, never hide a grant.
  for (size_t i = 0; i < want.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(e->as_string()[i])) !=
        std::tolower(static_cast<unsigned char>(want[i])))
      return Tri::False;
  return Tri::True;
}

// Tri for "has no conditions".
Tri unconditional(const Value& stmt) {
  const Value* c = stmt.find("conditions");
  if (!c || c->is_null()) return Tri::True;
  if (c->is_unknown()) return Tri::Unknown;
  if (c->is_list()) return tri(c->as_list().empty());
  if (c->is_map()) return tri(c->as_map().empty());
  return Tri::False;
}

}  // namespace

Tri iam_allows(const Value& statements, std::string_view action, std::string_view resource) {
  if (statements.is_unknown()) return Tri::Unknown;
  if (!statements.is_list()) return Tri::False;
  Tri allowed = Tri::False;
  Tri denied = Tri::False;
  for (const auto& stmt : statements.as_list()) {
    if (stmt.is_unknown()) {
      allowed = tri_or(allowed, Tri::Unknown);
      denied = tri_or(denied, Tri::Unknown);
      continue;
    }
    if (!stmt.is_map()) continue;
    Tri matches = tri_and(covers(stmt, "actions", "not_actions", action, Tri::False),
                          covers(stmt, "resources", "not_resources", resource, Tri::True));
    allowed = tri_or(allowed, tri_and(effect_is(stmt, "Allow"), matches));
    denied =
        tri_or(denied, tri_and(tri_and(effect_is(stmt, "Deny"), unconditional(stmt)), matches));
  }
  return tri_and(allowed, tri_not(denied));
}

Tri iam_public_principal(const Value& statements) {
  if (statements.is_unknown()) return Tri::Unknown;
  if (!statements.is_list()) return Tri::False;
  Tri result = Tri::False;
  for (const auto& stmt : statements.as_list()) {
    if (stmt.is_unknown()) {
      result = tri_or(result, Tri::Unknown);
      continue;
    }
    if (!stmt.is_map()) continue;
    const Value* principals = stmt.find("principals");
    Tri anyone = Tri::False;
    if (principals && principals->is_unknown()) {
      anyone = Tri::Unknown;
    } else if (principals && principals->is_string()) {
      anyone = tri(principals->as_string() == "*" || principals->as_string() == "AWS:*");
    } else if (principals && principals->is_list()) {
      for (const auto& p : principals->as_list()) {
        if (p.is_unknown()) anyone = tri_or(anyone, Tri::Unknown);
        if (p.is_string() && (p.as_string() == "*" || p.as_string() == "AWS:*")) anyone = Tri::True;
      }
    }
    result =
        tri_or(result, tri_and(tri_and(effect_is(stmt, "Allow"), unconditional(stmt)), anyone));
  }
  return result;
}

}  // namespace cc::rules
