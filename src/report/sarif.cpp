// SARIF 2.1.0, as GitHub code scanning reads it: one run, rule metadata in the
// driver, one result per failing or undecided finding with a file region.
#include <nlohmann/json.hpp>

#include <map>
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


// The run's tool and rules are written first, results as findings arrive.
class SarifStream final : public ReportStream {
 public:
  explicit SarifStream(std::ostream& out) : out_(out) {}

  void begin(const ScanReport& r) override {
    sources_ = r.sources;
    J rules = J::array();
    for (size_t i = 0; i < r.rules.size(); ++i) {
      const auto& rule = r.rules[i];
      index_[rule.id] = static_cast<int>(i);
      std::string help = rule.remediation.count("text") ? rule.remediation.at("text") : rule.title;
      J tags = J::array({"security", "compliance"});
      for (const auto& c : rule.controls) tags.push_back(c);
      rules.push_back({{"id", rule.id},
                       {"name", rule.id},
                       {"shortDescription", {{"text", rule.title}}},
                       {"fullDescription",
                        {{"text", rule.description.empty() ? rule.title : rule.description}}},
                       {"help", {{"text", help}}},
                       {"defaultConfiguration",
                        {{"level", rule.severity >= Severity::High     ? "error"
                                   : rule.severity == Severity::Medium ? "warning"
                                                                       : "note"}}},
                       {"properties",
                        {{"tags", tags},
                         {"security-severity", security_severity(rule.severity)},
                         {"kind", rule.kind}}}});
    }
    J driver = {{"name", "cloudcomply"},
                {"version", CC_VERSION},
                {"informationUri", "https://github.com/cloudcomply/cloudcomply"},
                {"rules", rules}};
    out_ << "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
         << "  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n      \"tool\": {\"driver\": "
         << driver.dump() << "},\n      \"columnKind\": \"unicodeCodePoints\",\n"
         << "      \"results\": [";
  }

  void add(const Finding& f) override {
    if (f.verdict == Verdict::Pass) return;
    J region = J::object();
    region["startLine"] = f.span.known() ? f.span.line : 1;
    if (f.span.known()) region["startColumn"] = f.span.col;
    J result = {
        {"ruleId", f.rule_id},
        {"level", level_of(f)},
        {"message",
         {{"text", f.verdict == Verdict::Unknown ? "Could not be decided: " + f.message : f.message}}},
        {"locations",
         J::array({{{"physicalLocation",
                     {{"artifactLocation",
                       {{"uri", uri_of(sources_->path(f.span.file))}, {"uriBaseId", "%SRCROOT%"}}},
                      {"region", region}}},
                    {"logicalLocations",
                     J::array({{{"name", f.resource_address}, {"kind", "resource"}}})}}})},
        {"properties", {{"verdict", to_string(f.verdict)}, {"resourceKind", f.resource_kind}}}};
    if (auto it = index_.find(f.rule_id); it != index_.end()) result["ruleIndex"] = it->second;
    if (f.suppressed)
      result["suppressions"] =
          J::array({{{"kind", "inSource"}, {"justification", f.suppression_reason}}});
    out_ << (first_ ? "\n        " : ",\n        ") << result.dump();
    first_ = false;
  }

  void end(const ScanReport&) override {
    out_ << (first_ ? "]" : "\n      ]") << "\n    }\n  ]\n}\n";
  }

 private:
  using J = nlohmann::ordered_json;
  std::ostream& out_;
  const SourceTable* sources_ = nullptr;
  std::map<std::string, int, std::less<>> index_;
  bool first_ = true;
};

}  // namespace

std::unique_ptr<ReportStream> make_sarif_stream(std::ostream& out) {
  return std::make_unique<SarifStream>(out);
}

}  // namespace cc::report
