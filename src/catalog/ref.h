#pragma once
// Control references: "<framework>/<control>", e.g. "iso27017:2015/CLD.9.5.2" or
// "iso27001:2022/A.8.15", and the forgiving reading of what users type.
#include <optional>
#include <string>
#include <string_view>

namespace cc::catalog {

inline constexpr std::string_view kIso27017_2015 = "iso27017:2015";
inline constexpr std::string_view kIso27001_2022 = "iso27001:2022";
inline constexpr std::string_view kIso27017_2026 = "iso27017:2026";
inline constexpr std::string_view kIso27018_2019 = "iso27018:2019";
inline constexpr std::string_view kNist80053 = "nist-800-53:r5";
inline constexpr std::string_view kNistCsf = "nist-csf:2.0";
inline constexpr std::string_view kCsaCcm4 = "csa-ccm:4";
// ISMS requirements of ISO/IEC 27001:2022 are "iso27001:2022/clause 6.1.2".
inline constexpr std::string_view kClausePrefix = "clause ";

struct RefParts {
  std::string_view framework;
  std::string_view id;
};

// Splits "<framework>/<id>" at the last '/'; nullopt when either side is empty.
std::optional<RefParts> split_ref(std::string_view ref);

// Turns user input into a canonical ref. Handles a bare id ("CLD.9.5.2" and "12.4.1" are
// ISO/IEC 27017:2015, "A.8.15" and "8.15" are ISO/IEC 27001:2022 Annex A, "clause 6.1.2"
// an ISO/IEC 27001:2022 requirement, "AC-2(1)" NIST SP 800-53, "PR.AA-01" NIST CSF,
// "TVM-02" CSA CCM), case and spacing ("cld 9.5.2", "a.8.15", "ac-2.1"), framework
// aliases ("iso27017", "iso27001", "iso27002:2013", file-name forms like
// "iso27001-2022"), a missing "A." on a 27001:2022 or 27018:2019 id, and three-part
// numbers under iso27001:2022, which can only be clauses. Input it cannot read is
// returned trimmed and otherwise unchanged.
std::string normalize_ref(std::string_view input);

// Canonical framework id for an alias ("iso27001" -> "iso27001:2022"); unknown input is
// returned lower-cased.
std::string normalize_framework(std::string_view input);

}  // namespace cc::catalog
