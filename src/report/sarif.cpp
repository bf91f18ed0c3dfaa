// SARIF 2.1.0, as GitHub code scanning reads it: one run, rule metadata in the
// driver, one result per failing or undecided finding with a file region.
#include <nlohmann/json.hpp>

#include <ostream>

#include "report/scan_report.h"

namespace cc::report {
namespace {

const char* level_of(const Finding& f) {
  if (f.verdict == Verdict::Unknown) return "note";
  switch (f.severity) {
    case Severity::Critical:
    case Severity::High: return "error";
    case Severity::Medium: return "warning";
    default: return "note";
  }
}

// GitHub ranks code-scanning alerts by this property (0.0 - 10.0).
const char* security_severity(Severity s) {
  switch (s) {
    case Severity::Critical: return "9.5";
    case Severity::High: return "8.0";
    case Severity::Medium: return "5.5";
    case Severity::Low: return "3.0";
    case Severity::Info: return "0.5";
  }
  return "5.5";
}

std::string uri_of(const std::string& path) {
  std::string u = path;
  for (auto& c : u)
    if (c == '\\') c = '/';
  while (u.rfind("./", 0) == 0) u.erase(0, 2);
  return u;
}

}  // namespace

void write_sarif(const ScanReport& r, std::ostream& out) {
  using J = nlohmann::ordered_json;
  J rules = J::array();
  for (const auto& rule : r.rules) {
    std::string help = rule.remediation.count("text") ? rule.remediation.at("text") : rule.title;
    J tags = J::array({"security", "compliance"});
    for (const auto& c : rule.controls) tags.push_back(c);
    rules.push_back({{"id", rule.id},
                     {"name", rule.id},
                     {"shortDescription", {{"text", rule.title}}},
                     {"fullDescription", {{"text", rule.description.empty() ? rule.title : rule.description}}},
                     {"help", {{"text", help}}},
                     {"defaultConfiguration",
                      {{"level", rule.severity >= Severity::High ? "error"
                                 : rule.severity == Severity::Medium ? "warning" : "note"}}},
                     {"properties",
                      {{"tags", tags},
                       {"security-severity", security_severity(rule.severity)},
                       {"kind", rule.kind}}}});
  }
  J results = J::array();
  for (const auto& f : r.findings) {
    if (f.verdict == Verdict::Pass) continue;
    J region = J::object();
    region["startLine"] = f.span.known() ? f.span.line : 1;
    if (f.span.known()) region["startColumn"] = f.span.col;
    J result = {{"ruleId", f.rule_id},
                {"level", level_of(f)},
                {"message", {{"text", f.verdict == Verdict::Unknown ? "Could not be decided: " + f.message
                                                                    : f.message}}},
                {"locations",
                 J::array({{{"physicalLocation",
                             {{"artifactLocation", {{"uri", uri_of(r.sources->path(f.span.file))},
                                                    {"uriBaseId", "%SRCROOT%"}}},
                              {"region", region}}},
                            {"logicalLocations",
                             J::array({{{"name", f.resource_address}, {"kind", "resource"}}})}}})},
                {"properties", {{"verdict", to_string(f.verdict)}, {"resourceKind", f.resource_kind}}}};
    if (int idx = rule_index(r, f.rule_id); idx >= 0) result["ruleIndex"] = idx;
    if (f.suppressed) {
      result["suppressions"] = J::array({{{"kind", "inSource"}, {"justification", f.suppression_reason}}});
    }
    results.push_back(std::move(result));
  }
  J run = {{"tool",
            {{"driver",
              {{"name", "cloudcomply"},
               {"version", "0.1.0"},
               {"informationUri", "https://github.com/cloudcomply/cloudcomply"},
               {"rules", rules}}}}},
           {"results", results},
           {"columnKind", "unicodeCodePoints"}};
  J root = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
            {"version", "2.1.0"},
            {"runs", J::array({run})}};
  out << root.dump(2) << "\n";
}

}  // namespace cc::report
