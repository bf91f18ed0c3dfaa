#pragma once
// Findings rolled up to controls: for each control of the chosen framework, the
// verdicts of the rules that give evidence for it, directly or through a mapping.
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "assess/rule_info.h"
#include "core/finding.h"

namespace cc::assess {

enum class ControlStatus : uint8_t { Failing, Unknown, Passing, NotAssessed };
const char* to_string(ControlStatus s);

struct ControlResult {
  std::string ref;    // "iso27017:2015/CLD.9.5.2"
  std::string title;  // from the catalog, may be empty
  ControlStatus status = ControlStatus::NotAssessed;
  size_t pass = 0, fail = 0, unknown = 0, suppressed = 0;
  Severity worst = Severity::Info;  // worst severity among failing findings
  std::vector<std::string> rules;   // rules that give evidence for this control
};

struct RollupOptions {
  std::string framework = "iso27017:2015";
  // Controls of other frameworks that `ref` maps to in `framework` (empty if none).
  std::function<std::vector<std::string>(const std::string& ref, const std::string& framework)> map;
  std::function<std::string(const std::string& ref)> title;
  std::vector<std::string> only_controls;  // when not empty, report just these refs
};

// Verdict counts of one rule, all that the roll-up needs of its findings (so a scan
// that streams findings out still rolls them up).
struct RuleTally {
  size_t pass = 0, fail = 0, unknown = 0, suppressed = 0;
  Severity worst = Severity::Info;  // worst severity among failing findings
};
using Tallies = std::unordered_map<std::string, RuleTally>;
void count(Tallies& tallies, const Finding& f);

// Controls ordered by status (failing first), then by reference.
std::vector<ControlResult> rollup(const Tallies& tallies, const std::vector<RuleInfo>& rules,
                                  const RollupOptions& options);
std::vector<ControlResult> rollup(const std::vector<Finding>& findings,
                                  const std::vector<RuleInfo>& rules, const RollupOptions& options);

// The framework part of a control reference ("iso27017:2015" of "iso27017:2015/12.4.1").
std::string framework_of(const std::string& ref);

}  // namespace cc::assess
