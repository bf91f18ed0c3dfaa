#include "program/export_responsibility.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "report/xlsx_writer.h"

namespace cc::program {

std::optional<MatrixFormat> parse_matrix_format(std::string_view text) {
  if (text == "csv") return MatrixFormat::Csv;
  if (text == "xlsx") return MatrixFormat::Xlsx;
  return std::nullopt;
}

report::Table responsibility_table(const std::vector<MatrixRow>& rows) {
  report::Table t;
  t.name = "Responsibility";
  t.columns = {{"Control", 26, false},
               {"Title", 40, true},
               {"Model", 8, false},
               {"Service", 24, true},
               {"Default owner", 14, false},
               {"Effective owner", 16, false},
               {"Override reason", 40, true},
               {"Inherited from", 30, true},
               {"Attestation expires", 19, false},
               {"Coverage", 32, false}};
  for (const auto& r : rows)
    t.rows.push_back({r.control_ref, r.title, to_string(r.model), r.service,
                      to_string(r.default_owner), to_string(r.effective_owner), r.override_reason,
                      r.inherited_from, r.attestation_expires, to_string(r.coverage)});
  return t;
}

report::Table attestation_table(const std::vector<Attestation>& attestations,
                                std::string_view as_of) {
  report::Table t;
  t.name = "Attestations";
  t.columns = {{"Name", 30, true},   {"Kind", 12, false},       {"Issuer", 24, true},
               {"Scope", 45, true},  {"Issued", 12, false},     {"Expires", 12, false},
               {"State", 14, false}, {"Evidence id", 12, false}};
  for (const auto& a : attestations)
    t.rows.push_back({a.name, to_string(a.kind), a.issuer, a.scope, a.issued_on, a.expires_on,
                      to_string(attestation_state(a, as_of)),
                      a.evidence_id ? std::to_string(*a.evidence_id) : std::string()});
  return t;
}

std::string responsibility_text(const std::vector<MatrixRow>& rows, std::string_view as_of) {
  if (rows.empty()) return "No controls in scope.\n";
  size_t width = 7;
  for (const auto& r : rows) width = std::max(width, r.control_ref.size());
  std::string out = fmt::format("Shared responsibility as of {}\n", as_of);
  out += fmt::format("{:<{}}  {:<5}  {:<9}  {:<9}  {}\n", "CONTROL", width, "MODEL", "DEFAULT",
                     "OWNER", "COVERAGE");
  size_t covered = 0;
  size_t lapsed = 0;
  for (const auto& r : rows) {
    covered += r.covered() ? 1 : 0;
    lapsed += r.coverage == Coverage::Expired ? 1 : 0;
    std::string coverage = to_string(r.coverage);
    if (!r.inherited_from.empty()) coverage += fmt::format(" from {}", r.inherited_from);
    if (r.service.empty())
      out +=
          fmt::format("{:<{}}  {:<5}  {:<9}  {:<9}  {}\n", r.control_ref, width, to_string(r.model),
                      to_string(r.default_owner), to_string(r.effective_owner), coverage);
    else
      out += fmt::format("{:<{}}  {:<5}  {:<9}  {:<9}  {}\n    for {}: {}\n", "", width, "",
                         "override", to_string(r.effective_owner), coverage, r.service,
                         r.override_reason);
  }
  out += fmt::format("{} rows, {} covered by a valid attestation, {} with an expired one\n",
                     rows.size(), covered, lapsed);
  return out;
}

std::string responsibility_json(const std::vector<MatrixRow>& rows, std::string_view as_of) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& r : rows) {
    nlohmann::json j{{"control", r.control_ref},
                     {"title", r.title},
                     {"model", to_string(r.model)},
                     {"default_owner", to_string(r.default_owner)},
                     {"effective_owner", to_string(r.effective_owner)},
                     {"covered", r.covered()}};
    j["service"] = r.service.empty() ? nlohmann::json() : nlohmann::json(r.service);
    j["override_reason"] =
        r.override_reason.empty() ? nlohmann::json() : nlohmann::json(r.override_reason);
    j["inherited_from"] =
        r.inherited_from.empty() ? nlohmann::json() : nlohmann::json(r.inherited_from);
    j["attestation_expires"] =
        r.attestation_expires.empty() ? nlohmann::json() : nlohmann::json(r.attestation_expires);
    j["coverage"] =
        r.coverage == Coverage::None ? nlohmann::json() : nlohmann::json(to_string(r.coverage));
    list.push_back(std::move(j));
  }
  return nlohmann::json{{"as_of", as_of}, {"rows", std::move(list)}}.dump(2) + "\n";
}

Result<uintmax_t, std::string> export_responsibility(const std::vector<MatrixRow>& rows,
                                                     const std::vector<Attestation>& attestations,
                                                     std::string_view as_of, MatrixFormat format,
                                                     const std::filesystem::path& path) {
  if (format == MatrixFormat::Csv)
    return report::write_text_file(path, report::csv_text(responsibility_table(rows)));
  return report::write_xlsx(path,
                            {responsibility_table(rows), attestation_table(attestations, as_of)});
}

}  // namespace cc::program
