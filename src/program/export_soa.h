#pragma once
// The Statement of Applicability in the forms people and tools read: a terminal table,
// JSON, CSV, an Excel workbook for auditors, and OSCAL for GRC tools.
//
// OSCAL: a fragment of an OSCAL 1.1 system security plan — the document's uuid and
// metadata and its control-implementation with one implemented-requirement per control.
// The parts of a full plan this program does not know (import-profile, system
// characteristics and implementation) are left out, so the file is merged into a plan
// rather than validated on its own. Each requirement's control-id is the control's
// label as an OSCAL token (lower case, "(n)" as ".n", a leading "c-" before a digit);
// the exact reference and the decision are props in the urn:cloudcomply:oscal namespace:
//   control-ref            "iso27017:2015/CLD.9.5.2"
//   applicable             "yes" | "no"
//   implementation-status  "implemented" | "partially implemented" | "planned" |
//                          "not implemented" | "not assessed"
//   owner, last-assessed   when set
//   evidence-count         current evidence items linked to the control
//   rule                   one per automated rule naming the control
// and `remarks` holds the justification.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "program/soa.h"
#include "report/soa_table.h"

namespace cc::program {

enum class SoaFormat : uint8_t { Csv, Xlsx, Oscal };
std::optional<SoaFormat> parse_soa_format(std::string_view text);

// Columns: Framework, Control, Title, Applicable, Justification, Status, Owner,
// Evidence (titles, "; " between), Rules (ids, ", " between), Last assessed.
report::Table soa_table(const std::vector<SoaRow>& rows);
std::string soa_text(const std::vector<SoaRow>& rows);
std::string soa_json(const std::vector<SoaRow>& rows);
// A control's id in OSCAL documents: the catalog's own OSCAL id ("cld-9.5.2"), so that a
// tool reading the document can find the control in the catalog; without one (a control
// the catalog files do not hold), a token made from the label ("AC-2(1)" -> "ac-2.1").
std::string oscal_control_id(std::string_view catalog_id, std::string_view label);
std::string soa_oscal(const std::vector<SoaRow>& rows, const Scope& scope,
                      std::string_view generated_at);

// Writes the SoA to `path` in `format`; the size written, or why it could not be.
Result<uintmax_t, std::string> export_soa(const std::vector<SoaRow>& rows, const Scope& scope,
                                          SoaFormat format, const std::filesystem::path& path,
                                          std::string_view generated_at);

}  // namespace cc::program
