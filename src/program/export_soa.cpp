#include "program/export_soa.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <random>

#include "report/xlsx_writer.h"

namespace cc::program {
namespace {

constexpr const char* kNamespace = "urn:cloudcomply:oscal";

// A random (version 4) UUID, as OSCAL asks of every identified object.
std::string uuid_v4(std::mt19937_64& rng) {
  std::uniform_int_distribution<uint64_t> dist;
  uint64_t hi = dist(rng);
  uint64_t lo = dist(rng);
  hi = (hi & 0xFFFFFFFFFFFF0FFFULL) | 0x0000000000004000ULL;
  lo = (lo & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL;
  return fmt::format("{:08x}-{:04x}-{:04x}-{:04x}-{:012x}", hi >> 32, (hi >> 16) & 0xFFFF,
                     hi & 0xFFFF, lo >> 48, lo & 0xFFFFFFFFFFFFULL);
}

// OSCAL prop values may not be empty or start or end with white space.
std::string trimmed(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

nlohmann::json prop(std::string_view name, std::string_view value) {
  return {{"name", name}, {"ns", kNamespace}, {"value", value}};
}

const char* yes_no(bool b) { return b ? "yes" : "no"; }

// A spreadsheet cell holds at most 32,767 characters: longer licensed text is cut at a
// character boundary and says so, in CSV too, since CSV files are opened in spreadsheets.
std::string fit_cell(const std::string& text) {
  constexpr size_t kCellLimit = 32767;
  static constexpr std::string_view kCut = " [cut here: the full text is in the program store]";
  if (text.size() <= kCellLimit) return text;
  size_t end = kCellLimit - kCut.size();
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end) + std::string(kCut);
}

}  // namespace

std::optional<SoaFormat> parse_soa_format(std::string_view text) {
  if (text == "csv") return SoaFormat::Csv;
  if (text == "xlsx") return SoaFormat::Xlsx;
  if (text == "oscal") return SoaFormat::Oscal;
  return std::nullopt;
}

report::Table soa_table(const std::vector<SoaRow>& rows) {
  report::Table t;
  t.name = "Statement of Applicability";
  t.columns = {{"Framework", 15, false},    {"Control", 12, false},
               {"Title", 40, true},         {"Control text (licensed)", 60, true},
               {"Applicable", 11, false},   {"Justification", 45, true},
               {"Status", 22, false},       {"Owner", 20, true},
               {"Evidence", 40, true},      {"Rules", 24, true},
               {"Last assessed", 21, false}};
  for (const auto& r : rows)
    t.rows.push_back({r.framework, r.control_id, r.title, fit_cell(r.licensed_text),
                      yes_no(r.entry.applicable), r.entry.justification, to_string(r.entry.status),
                      r.entry.owner, fmt::format("{}", fmt::join(r.evidence, "; ")),
                      fmt::format("{}", fmt::join(r.rules, ", ")), r.entry.last_assessed});
  // The organisation's licensed text shows only when it loaded some: without, the
  // column is left out rather than left empty.
  constexpr size_t kLicensedColumn = 3;
  if (std::ranges::none_of(rows, [](const SoaRow& r) { return !r.licensed_text.empty(); })) {
    t.columns.erase(t.columns.begin() + kLicensedColumn);
    for (auto& row : t.rows) row.erase(row.begin() + kLicensedColumn);
  }
  return t;
}

std::string soa_text(const std::vector<SoaRow>& rows) {
  if (rows.empty()) return "No SoA entries; add them with `cloudcomply soa seed`.\n";
  size_t width = 7;
  for (const auto& r : rows) width = std::max(width, r.control_ref.size());
  std::string out = fmt::format("{:<{}}  {:<10}  {:<21}  {:<16}  {:>8}  {:>5}\n", "CONTROL", width,
                                "APPLICABLE", "STATUS", "OWNER", "EVIDENCE", "RULES");
  size_t applicable = 0;
  for (const auto& r : rows) {
    applicable += r.entry.applicable ? 1 : 0;
    out +=
        fmt::format("{:<{}}  {:<10}  {:<21}  {:<16}  {:>8}  {:>5}\n", r.control_ref, width,
                    yes_no(r.entry.applicable), to_string(r.entry.status),
                    r.entry.owner.empty() ? "-" : r.entry.owner, r.evidence.size(), r.rules.size());
    if (!r.entry.applicable) out += fmt::format("    not applicable: {}\n", r.entry.justification);
  }
  out += fmt::format("{} controls, {} applicable, {} not applicable\n", rows.size(), applicable,
                     rows.size() - applicable);
  return out;
}

std::string soa_json(const std::vector<SoaRow>& rows) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& r : rows) {
    nlohmann::json e = nlohmann::json::parse(to_json(r.entry));
    e["control"] = r.control_ref;
    e["framework"] = r.framework;
    e["id"] = r.control_id;
    e["title"] = r.title;
    e["evidence"] = r.evidence;
    e["rules"] = r.rules;
    e["revision"] = r.entry.revision;
    e["updated_at"] = r.entry.updated_at;
    e["updated_by"] = r.entry.updated_by;
    out.push_back(std::move(e));
  }
  return out.dump(2) + "\n";
}

std::string oscal_control_id(std::string_view catalog_id, std::string_view label) {
  if (!catalog_id.empty()) return std::string(catalog_id);
  std::string out;
  for (char c : label) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '.' || c == '-' || c == '_')
      out += static_cast<char>(std::tolower(u));
    else if (c == '(')
      out += '.';
    else if (c == ' ')
      out += '-';
    // ')' and anything else a token may not hold is dropped.
  }
  if (out.empty() || !(std::isalpha(static_cast<unsigned char>(out[0])) || out[0] == '_'))
    out = "c-" + out;
  return out;
}

std::string soa_oscal(const std::vector<SoaRow>& rows, const Scope& scope,
                      std::string_view generated_at) {
  std::random_device seed;
  std::mt19937_64 rng((static_cast<uint64_t>(seed()) << 32) | seed());
  const std::string organisation = scope.organisation.empty() ? std::string("unnamed organisation")
                                                              : trimmed(scope.organisation);
  const std::string frameworks = scope.frameworks.empty()
                                     ? std::string("the frameworks in scope")
                                     : fmt::format("{}", fmt::join(scope.frameworks, ", "));
  // An OSCAL plan describes a system with users and components. For an ISMS the system is
  // the organisation's recorded scope, and that one component answers every requirement.
  const std::string system_uuid = uuid_v4(rng);
  // The baseline is our catalog, not an OSCAL profile file next to the export: the import
  // points at a back-matter entry that names the frameworks.
  const std::string baseline_uuid = uuid_v4(rng);
  // OSCAL's implementation states have no "not implemented" or "not assessed": those rows
  // carry no state (the implementation-status prop still says which), never a guessed one.
  auto oscal_state = [](const SoaEntry& e) -> std::optional<std::string_view> {
    if (!e.applicable) return "not-applicable";
    switch (e.status) {
      case ImplementationStatus::Implemented:
        return "implemented";
      case ImplementationStatus::PartiallyImplemented:
        return "partial";
      case ImplementationStatus::Planned:
        return "planned";
      case ImplementationStatus::NotImplemented:
      case ImplementationStatus::NotAssessed:
        break;
    }
    return std::nullopt;
  };
  std::vector<std::string> owners;
  nlohmann::json requirements = nlohmann::json::array();
  for (const auto& r : rows) {
    nlohmann::json props = nlohmann::json::array();
    props.push_back(prop("control-ref", r.control_ref));
    props.push_back(prop("applicable", yes_no(r.entry.applicable)));
    props.push_back(prop("implementation-status", to_string(r.entry.status)));
    std::string owner = trimmed(r.entry.owner);
    if (!owner.empty()) {
      props.push_back(prop("owner", owner));
      if (std::ranges::find(owners, owner) == owners.end()) owners.push_back(owner);
    }
    if (!r.entry.last_assessed.empty())
      props.push_back(prop("last-assessed", r.entry.last_assessed));
    props.push_back(prop("evidence-count", std::to_string(r.evidence.size())));
    for (const auto& rule : r.rules) props.push_back(prop("rule", rule));
    nlohmann::json by_component{
        {"component-uuid", system_uuid},
        {"uuid", uuid_v4(rng)},
        {"description",
         r.entry.applicable
             ? fmt::format("Applicable; {} according to the Statement of Applicability{}.",
                           to_string(r.entry.status),
                           owner.empty() ? std::string() : fmt::format(", owned by {}", owner))
             : fmt::format("Not applicable: {}", trimmed(r.entry.justification))}};
    if (auto state = oscal_state(r.entry))
      by_component["implementation-status"] = {{"state", *state}};
    nlohmann::json req{{"uuid", uuid_v4(rng)},
                       {"control-id", oscal_control_id(r.oscal_id, r.control_id)},
                       {"props", std::move(props)},
                       {"by-components", nlohmann::json::array({std::move(by_component)})}};
    if (!r.entry.justification.empty()) req["remarks"] = r.entry.justification;
    requirements.push_back(std::move(req));
  }
  nlohmann::json users = nlohmann::json::array();
  for (const auto& owner : owners)
    users.push_back({{"uuid", uuid_v4(rng)},
                     {"title", owner},
                     {"description",
                      "Named as the owner of controls in the Statement of "
                      "Applicability."}});
  if (users.empty())
    users.push_back(
        {{"uuid", uuid_v4(rng)},
         {"title", "Control owners"},
         {"description", "The Statement of Applicability names no control owner yet."}});
  std::vector<std::string> services;
  for (const auto& s : scope.services) services.push_back(s.name);
  const std::string scope_text =
      services.empty()
          ? fmt::format("the scope of {} (scope revision {})", organisation, scope.revision)
          : fmt::format("the scope of {} (scope revision {}), covering {}", organisation,
                        scope.revision, fmt::join(services, ", "));
  // cloudcomply records a scope, not a system life cycle: "other" says so rather than
  // claiming the system is operational.
  const nlohmann::json life_cycle{
      {"state", "other"},
      {"remarks", "The operating state of the system is not recorded by cloudcomply."}};
  nlohmann::json ssp{
      {"uuid", uuid_v4(rng)},
      {"metadata",
       {{"title", fmt::format("Statement of Applicability of {}", organisation)},
        {"last-modified", generated_at},
        {"version", fmt::format("scope revision {}", scope.revision)},
        {"oscal-version", "1.1.2"}}},
      {"import-profile", {{"href", "#" + baseline_uuid}}},
      {"system-characteristics",
       {{"system-ids", nlohmann::json::array({{{"identifier-type", "https://ietf.org/rfc/rfc4122"},
                                               {"id", system_uuid}}})},
        {"system-name", fmt::format("Information security management system of {}", organisation)},
        {"description",
         fmt::format("The information security management system for {}.", scope_text)},
        {"system-information",
         {{"information-types",
           nlohmann::json::array(
               {{{"title", "Information in the ISMS scope"},
                 {"description",
                  "The information the organisation handles with the cloud services in its "
                  "scope. cloudcomply records no categorisation of it."}}})}}},
        {"status", life_cycle},
        {"authorization-boundary",
         {{"description",
           fmt::format("The boundary is {}, as recorded in the program store.", scope_text)}}}}},
      {"system-implementation",
       {{"users", std::move(users)},
        {"components",
         nlohmann::json::array(
             {{{"uuid", system_uuid},
               {"type", "this-system"},
               {"title", fmt::format("ISMS of {}", organisation)},
               {"description", fmt::format("Everything in {}; each control's row says "
                                           "how it is implemented.",
                                           scope_text)},
               {"status", life_cycle}}})}}},
      {"control-implementation",
       {{"description",
         fmt::format("Applicability and implementation status of the controls of {} in the "
                     "scope of {}.",
                     frameworks, organisation)},
        {"implemented-requirements", std::move(requirements)}}},
      {"back-matter",
       {{"resources",
         nlohmann::json::array(
             {{{"uuid", baseline_uuid},
               {"title", fmt::format("Control baseline: {}", frameworks)},
               {"description",
                fmt::format("The controls of {} as the cloudcomply catalog holds them. The "
                            "control implementation has a row for each control in the "
                            "Statement of Applicability.",
                            frameworks)}}})}}}};
  if (!scope.frameworks.empty()) {
    nlohmann::json fw_props = nlohmann::json::array();
    for (const auto& fw : scope.frameworks) fw_props.push_back(prop("framework-id", fw));
    ssp["back-matter"]["resources"][0]["props"] = std::move(fw_props);
  }
  return nlohmann::json{{"system-security-plan", std::move(ssp)}}.dump(2) + "\n";
}

Result<uintmax_t, std::string> export_soa(const std::vector<SoaRow>& rows, const Scope& scope,
                                          SoaFormat format, const std::filesystem::path& path,
                                          std::string_view generated_at) {
  // An empty statement is always a mistake in front of an auditor, and an OSCAL plan
  // without requirements is not valid OSCAL.
  if (rows.empty())
    return unexpected(std::string(
        "the Statement of Applicability has no rows to export; `cloudcomply soa seed` adds "
        "the controls in scope"));
  switch (format) {
    case SoaFormat::Csv:
      return report::write_text_file(path, report::csv_text(soa_table(rows)));
    case SoaFormat::Xlsx:
      return report::write_xlsx(path, {soa_table(rows)});
    case SoaFormat::Oscal:
      return report::write_text_file(path, soa_oscal(rows, scope, generated_at));
  }
  return unexpected(std::string("unknown export format"));
}

}  // namespace cc::program
