#pragma once
// What the roll-up and the reports need to know about a rule, independent of how
// rules are written and compiled.
#include <map>
#include <string>
#include <vector>

#include "core/finding.h"

namespace cc::assess {

struct RuleInfo {
  std::string id;
  std::string title;
  std::string kind;
  Severity severity = Severity::Medium;
  std::vector<std::string> controls;  // framework-qualified refs as the rule names them
  std::string description;
  std::map<std::string, std::string> remediation;  // "text", "cloudformation", "kubernetes", ...
  std::vector<std::string> references;
  std::string source;  // pack file
};

}  // namespace cc::assess
