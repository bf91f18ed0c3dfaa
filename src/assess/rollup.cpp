#include "assess/rollup.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

namespace cc::assess {

const char* to_string(ControlStatus s) {
  switch (s) {
    case ControlStatus::Failing: return "failing";
    case ControlStatus::Unknown: return "unknown";
    case ControlStatus::Passing: return "passing";
    case ControlStatus::NotAssessed: return "not_assessed";
  }
  return "not_assessed";
}

std::string framework_of(const std::string& ref) {
  auto slash = ref.find('/');
  return slash == std::string::npos ? std::string{} : ref.substr(0, slash);
}

namespace {

// Control refs in the target framework that one rule gives evidence for.
std::vector<std::string> controls_in_framework(const RuleInfo& rule, const RollupOptions& o) {
  std::set<std::string> out;
  for (const auto& c : rule.controls) {
    if (framework_of(c) == o.framework) {
      out.insert(c);
    } else if (o.map) {
      for (auto& m : o.map(c, o.framework)) out.insert(m);
    }
  }
  return {out.begin(), out.end()};
}

// Dotted control ids sort numerically: 9.2.3 before 12.4.1, A.5.2 before A.5.10.
bool natural_less(const std::string& a, const std::string& b) {
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (std::isdigit(static_cast<unsigned char>(a[i])) && std::isdigit(static_cast<unsigned char>(b[j]))) {
      size_t ei = i, ej = j;
      while (ei < a.size() && std::isdigit(static_cast<unsigned char>(a[ei]))) ++ei;
      while (ej < b.size() && std::isdigit(static_cast<unsigned char>(b[ej]))) ++ej;
      unsigned long x = std::stoul(a.substr(i, ei - i)), y = std::stoul(b.substr(j, ej - j));
      if (x != y) return x < y;
      i = ei;
      j = ej;
    } else {
      if (a[i] != b[j]) return a[i] < b[j];
      ++i;
      ++j;
    }
  }
  return a.size() - i < b.size() - j;
}

}  // namespace

void count(Tallies& tallies, const Finding& f) {
  RuleTally& t = tallies[f.rule_id];
  if (f.suppressed) {
    ++t.suppressed;
    return;
  }
  switch (f.verdict) {
    case Verdict::Pass: ++t.pass; break;
    case Verdict::Unknown: ++t.unknown; break;
    case Verdict::Fail:
      if (t.fail == 0 || f.severity > t.worst) t.worst = f.severity;
      ++t.fail;
      break;
  }
}

std::vector<ControlResult> rollup(const std::vector<Finding>& findings,
                                  const std::vector<RuleInfo>& rules, const RollupOptions& options) {
  Tallies tallies;
  for (const auto& f : findings) count(tallies, f);
  return rollup(tallies, rules, options);
}

std::vector<ControlResult> rollup(const Tallies& tallies, const std::vector<RuleInfo>& rules,
                                  const RollupOptions& options) {
  std::map<std::string, ControlResult> by_ref;
  std::set<std::string> only(options.only_controls.begin(), options.only_controls.end());
  for (const auto& rule : rules) {
    auto t = tallies.find(rule.id);
    for (const auto& ref : controls_in_framework(rule, options)) {
      if (!only.empty() && !only.count(ref)) continue;
      auto& cr = by_ref[ref];
      if (cr.ref.empty()) {
        cr.ref = ref;
        if (options.title) cr.title = options.title(ref);
      }
      cr.rules.push_back(rule.id);
      if (t == tallies.end()) continue;
      const RuleTally& x = t->second;
      if (x.fail && (cr.fail == 0 || x.worst > cr.worst)) cr.worst = x.worst;
      cr.pass += x.pass;
      cr.fail += x.fail;
      cr.unknown += x.unknown;
      cr.suppressed += x.suppressed;
    }
  }
  std::vector<ControlResult> out;
  out.reserve(by_ref.size());
  for (auto& [ref, cr] : by_ref) {
    if (cr.fail) cr.status = ControlStatus::Failing;
    else if (cr.unknown) cr.status = ControlStatus::Unknown;
    else if (cr.pass) cr.status = ControlStatus::Passing;
    else cr.status = ControlStatus::NotAssessed;
    out.push_back(std::move(cr));
  }
  std::stable_sort(out.begin(), out.end(), [](const ControlResult& a, const ControlResult& b) {
    if (a.status != b.status) return a.status < b.status;
    return natural_less(a.ref, b.ref);
  });
  return out;
}

}  // namespace cc::assess
