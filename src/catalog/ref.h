#pragma once
// Control references: "<framework>/<control>", e.g. "iso27017:2015/CLD.9.5.2" or
// "iso27001:2022/A.8.15", and the forgiving reading of what users type.
#include <optional>
#include <string>
#include <string_view>

namespace cc::catalog {

inline constexpr std::string_view kIso27017_2015 = "iso27017:2015";
inline constexpr std::string_view kIso27001_2022 = "iso27001:2022";

struct RefParts {
  std::string_view framework;
  std::string_view id;
};

// Splits "<framework>/<id>" at the last '/'; nullopt when either side is empty.
std::optional<RefParts> split_ref(std::string_view ref);

// Turns user input into a canonical ref. Handles a bare id ("CLD.9.5.2" and "12.4.1" are
// ISO/IEC 27017:2015, "A.8.15" and "8.15" are ISO/IEC 27001:2022 Annex A), case and
// spacing ("cld 9.5.2", "a.8.15"), framework aliases ("iso27017", "iso27001",
// "iso27002:2013", file-name forms like "iso27001-2022"), and a missing "A." on a
// 27001:2022 id. Input it cannot read is returned trimmed and otherwise unchanged.
std::string normalize_ref(std::string_view input);

// Canonical framework id for an alias ("iso27001" -> "iso27001:2022"); unknown input is
// returned lower-cased.
std::string normalize_framework(std::string_view input);

}  // namespace cc::catalog
