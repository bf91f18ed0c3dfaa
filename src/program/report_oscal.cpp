#include "program/report_oscal.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cctype>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "program/export_soa.h"
#include "store/sha256.h"

namespace cc::program {
namespace {

using nlohmann::json;

constexpr const char* kNamespace = "urn:cloudcomply:oscal";

json prop(std::string_view name, std::string_view value) {
  return {{"name", name}, {"ns", kNamespace}, {"value", value}};
}

// OSCAL text fields may not be empty.
std::string or_none(std::string_view s, std::string_view fallback) {
  return s.empty() ? std::string(fallback) : std::string(s);
}

// A file location as a URI reference: the path percent-encoded where a URI needs it,
// the line as a fragment.
std::string location_href(const StoredFinding& f) {
  std::string out;
  for (char c : f.file) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '/' || c == '.' || c == '-' || c == '_' || c == '~')
      out += c;
    else
      out += fmt::format("%{:02X}", u);
  }
  if (f.line > 0) out += fmt::format("#L{}", f.line);
  return out;
}

std::string location_text(const StoredFinding& f) {
  std::string loc = f.file;
  if (f.line > 0) loc += fmt::format(":{}", f.line);
  if (f.line > 0 && f.col > 0) loc += fmt::format(":{}", f.col);
  return loc;
}

}  // namespace

std::string name_uuid(std::string_view name) {
  std::string hex = store::sha256_hex(fmt::format("cloudcomply:{}", name)).substr(0, 32);
  hex[12] = '5';
  const int variant = std::stoi(std::string(1, hex[16]), nullptr, 16);
  hex[16] = "0123456789abcdef"[(variant & 0x3) | 0x8];
  return fmt::format("{}-{}-{}-{}-{}", hex.substr(0, 8), hex.substr(8, 4), hex.substr(12, 4),
                     hex.substr(16, 4), hex.substr(20, 12));
}

std::string report_oscal(const ReportData& d, const std::vector<FailingRule>& failing) {
  // Every UUID of one report shares this stem; each object adds its own name.
  const std::string stem = fmt::format("assessment-results/{}/run-{}/{}", d.tenant,
                                       d.run ? std::to_string(d.run->id) : "none", d.options.as_of);
  auto uuid_of = [&stem](std::string_view what) {
    return name_uuid(stem + "/" + std::string(what));
  };
  const std::string start = d.run ? d.run->started_at : d.options.generated_at;

  json included = json::array();
  std::set<std::string> seen;
  for (const auto& c : d.status.controls) {
    std::string id = oscal_control_id(c.oscal_id, c.control_id);
    if (seen.insert(id).second) included.push_back({{"control-id", id}});
  }
  json selection = included.empty() ? json{{"include-all", json::object()}}
                                    : json{{"include-controls", included}};

  json observations = json::array();
  std::map<std::string, std::string> observation_of_rule;
  for (const auto& r : failing) {
    const std::string uuid = uuid_of("observation/" + r.rule_id);
    observation_of_rule[r.rule_id] = uuid;
    json evidence = json::array();
    for (const auto& f : r.locations)
      evidence.push_back(
          {{"href", location_href(f)},
           {"description", fmt::format("{} at {}: {}", or_none(f.resource, "a resource"),
                                       location_text(f), or_none(f.message, "check failed"))}});
    json o{{"uuid", uuid},
           {"title", fmt::format("Rule {} failed", r.rule_id)},
           {"description",
            fmt::format("Rule {} ({} severity) failed on {} {} in run {}.", r.rule_id,
                        or_none(r.severity, "unstated"), r.count,
                        r.count == 1 ? "resource" : "resources", d.run ? d.run->id : 0)},
           {"props", json::array({prop("rule-id", r.rule_id),
                                  prop("severity", or_none(r.severity, "unstated")),
                                  prop("failing-count", std::to_string(r.count))})},
           {"methods", json::array({"TEST"})},
           {"types", json::array({"finding"})},
           {"collected", d.run ? d.run->finished_at : d.options.generated_at}};
    if (!evidence.empty()) o["relevant-evidence"] = std::move(evidence);
    if (static_cast<size_t>(r.count) > r.locations.size())
      o["remarks"] =
          fmt::format("The first {} of {} locations are listed.", r.locations.size(), r.count);
    observations.push_back(std::move(o));
  }

  json findings = json::array();
  for (const auto& c : d.status.controls) {
    const char* state = nullptr;
    if (c.state == ControlState::NotImplemented || c.state == ControlState::Partial)
      state = "not-satisfied";
    else if (c.state == ControlState::Implemented || c.state == ControlState::Inherited)
      state = "satisfied";
    if (!state) continue;
    json f{{"uuid", uuid_of("finding/" + c.ref)},
           {"title", fmt::format("{} {}", c.ref, c.title)},
           {"description", or_none(c.reason, to_string(c.state))},
           {"props",
            json::array({prop("control-ref", c.ref), prop("control-status", to_string(c.state))})},
           {"target",
            {{"type", "objective-id"},
             {"target-id", oscal_control_id(c.oscal_id, c.control_id) + "_obj"},
             {"status",
              {{"state", state},
               {"reason", std::string_view(state) == "satisfied" ? "pass" : "fail"}}}}}};
    json related = json::array();
    for (const auto& rule : c.rules)
      if (auto it = observation_of_rule.find(rule); it != observation_of_rule.end())
        related.push_back({{"observation-uuid", it->second}});
    if (!related.empty()) f["related-observations"] = std::move(related);
    findings.push_back(std::move(f));
  }

  json result{
      {"uuid", uuid_of("result")},
      {"title", d.run ? fmt::format("Run {} and the program on {}", d.run->id, d.options.as_of)
                      : fmt::format("The program on {}", d.options.as_of)},
      {"description",
       fmt::format("Status of the {} controls in the scope of {} ({}), judged on {} from {}, the "
                   "evidence register and the Statement of Applicability.",
                   d.status.controls.size(), d.scope.organisation,
                   fmt::join(d.scope.frameworks, ", "), d.options.as_of,
                   d.run ? fmt::format("the automated checks of run {}", d.run->id)
                         : std::string("no automated checks (no saved run)"))},
      {"start", start},
      {"reviewed-controls",
       {{"description",
         fmt::format("The controls of {} in scope.", fmt::join(d.scope.frameworks, ", "))},
        {"control-selections", json::array({selection})}}}};
  if (d.run) {
    result["end"] = d.run->finished_at;
    json props = json::array({prop("run-id", std::to_string(d.run->id))});
    if (!d.run->rules_digest.empty()) props.push_back(prop("rules-digest", d.run->rules_digest));
    result["props"] = std::move(props);
  }
  if (!observations.empty()) result["observations"] = std::move(observations);
  if (!findings.empty()) result["findings"] = std::move(findings);

  const std::string plan = uuid_of("assessment-plan");
  json doc{
      {"uuid", uuid_of("document")},
      {"metadata",
       {{"title",
         fmt::format("Assessment results of {} on {}", d.scope.organisation, d.options.as_of)},
        {"last-modified", d.options.generated_at},
        {"version", d.run ? fmt::format("run {}, as of {}", d.run->id, d.options.as_of)
                          : fmt::format("as of {}", d.options.as_of)},
        {"oscal-version", "1.1.2"},
        {"parties",
         json::array({{{"uuid", uuid_of("party/organisation")},
                       {"type", "organization"},
                       {"name", or_none(d.scope.organisation, "unnamed organisation")}}})},
        {"props",
         json::array({prop("tool-version", or_none(d.options.tool_version, "unknown"))})}}},
      {"import-ap",
       {{"href", "#" + plan},
        {"remarks",
         "cloudcomply keeps no separate assessment plan: the program's scope, the Statement of "
         "Applicability and the rule set of the run stand in for it. The reference points at a "
         "back-matter entry that says so."}}},
      {"results", json::array({std::move(result)})},
      {"back-matter",
       {{"resources",
         json::array(
             {{{"uuid", plan},
               {"title", "Assessment plan (none kept)"},
               {"description",
                "Placeholder for the assessment plan. The assessment followed the scope and "
                "Statement of Applicability recorded in the program store."}}})}}}};
  // Scanned files may hold bytes that are not UTF-8: they are replaced, never fatal.
  return json{{"assessment-results", std::move(doc)}}.dump(2, ' ', false,
                                                           json::error_handler_t::replace) +
         "\n";
}

}  // namespace cc::program
