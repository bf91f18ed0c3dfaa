#include "catalog/ref.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

namespace cc::catalog {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::string lower(std::string_view s) {
  std::string out(s);
  std::ranges::transform(out, out.begin(),
                         [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string upper(std::string_view s) {
  std::string out(s);
  std::ranges::transform(out, out.begin(),
                         [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return out;
}

bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && lower(s.substr(0, prefix.size())) == prefix;
}

// Number of dot-separated numeric parts ("12.4.1" -> 3), or 0 when not purely numeric.
int numeric_parts(std::string_view s) {
  if (s.empty() || !is_digit(s.front()) || !is_digit(s.back())) return 0;
  int parts = 1;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '.') {
      if (!is_digit(s[i + 1])) return 0;  // back() is a digit, so i + 1 is in range
      ++parts;
    } else if (!is_digit(s[i])) {
      return 0;
    }
  }
  return parts;
}

// Strips a prefix such as "CLD" or "A" and the separator a user may have typed after it.
std::string_view after_prefix(std::string_view id, size_t prefix_len) {
  id.remove_prefix(prefix_len);
  while (!id.empty() && (id.front() == '.' || id.front() == ' ' || id.front() == '-')) {
    id.remove_prefix(1);
  }
  return id;
}

// ISO ids are numeric; user typing adds spaces or dashes where dots belong.
std::string dotted(std::string_view s) {
  std::string out(trim(s));
  std::ranges::replace(out, ' ', '.');
  std::ranges::replace(out, '-', '.');
  return out;
}

// "a.8.15", "A 8.15", "8.15" -> "A.8.15": Annex A ids of ISO/IEC 27001 and 27018.
std::optional<std::string> annex_id(std::string_view id) {
  if (starts_with_ci(id, "a") && id.size() > 1 &&
      !std::isalpha(static_cast<unsigned char>(id[1]))) {
    return "A." + dotted(after_prefix(id, 1));
  }
  if (numeric_parts(dotted(id)) >= 2) return "A." + dotted(id);
  return std::nullopt;
}

// "clause 6.1.2", "Clause6.1.2", "cl. 6.1.2" -> "clause 6.1.2": the spelling NIST's
// mappings use for the ISMS requirements of ISO/IEC 27001:2022 clauses 4 to 10.
std::optional<std::string> clause_id(std::string_view id) {
  size_t prefix = starts_with_ci(id, "clause") ? 6 : (starts_with_ci(id, "cl") ? 2 : 0);
  if (prefix == 0) return std::nullopt;
  std::string number = dotted(after_prefix(id, prefix));
  if (numeric_parts(number) == 0) return std::nullopt;
  return std::string(kClausePrefix) + number;
}

// NIST SP 800-53 ids: "ac-2", "AC-02", "ac-2.1", "AC-2 (1)" -> "AC-2", "AC-2(1)".
std::string nist_80053_id(std::string_view id) {
  std::string out;
  for (char c : upper(id)) {
    if (c != ' ') out.push_back(c);
  }
  auto dash = out.find('-');
  if (dash == std::string::npos) return out;
  // OSCAL's token form "AC-2.1" names enhancement (1).
  if (auto dot = out.find('.', dash);
      dot != std::string::npos && out.find('(') == std::string::npos) {
    out = out.substr(0, dot) + "(" + out.substr(dot + 1) + ")";
  }
  // Leading zeros in the number ("AC-02") are a common spreadsheet habit.
  while (dash + 2 < out.size() && out[dash + 1] == '0' && is_digit(out[dash + 2])) {
    out.erase(dash + 1, 1);
  }
  return out;
}

std::string normalize_id(std::string_view framework, std::string_view id) {
  id = trim(id);
  if (framework == kIso27017_2015) {
    if (starts_with_ci(id, "cld")) return "CLD." + dotted(after_prefix(id, 3));
    return dotted(id);
  }
  if (framework == kIso27001_2022) {
    if (auto clause = clause_id(id)) return *clause;
    // Annex A ids have two parts; three numeric parts can only be a sub-clause.
    if (numeric_parts(dotted(id)) == 3) return std::string(kClausePrefix) + dotted(id);
    if (auto annex = annex_id(id)) return *annex;
    return std::string(id);
  }
  if (framework == kIso27017_2026) {
    // The 2026 edition numbers like ISO/IEC 27002:2022, without the "A." of 27001.
    if (auto annex = annex_id(id)) return annex->substr(2);
    return dotted(id);
  }
  if (framework == kIso27018_2019) return annex_id(id).value_or(std::string(id));
  if (framework == kNist80053) return nist_80053_id(id);
  // CSA CCM and NIST CSF ids are upper-case by convention ("AIS-04", "PR.AA-01").
  if (framework.starts_with("csa-ccm") || framework.starts_with("nist-")) return upper(id);
  return std::string(id);
}

bool is_alpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

// Bare ids whose shape names their framework: "AC-2(1)" (two letters), "PR.AA-01" (CSF),
// "TVM-02" and "A&A-01" (three letters, or CSA CCM's one domain with an '&'). nullopt for
// anything else.
std::optional<std::string> framework_by_shape(std::string_view text) {
  if (starts_with_ci(text, "a&a-")) return std::string(kCsaCcm4);
  size_t letters = 0;
  while (letters < text.size() && is_alpha(text[letters])) ++letters;
  if (letters == 0 || letters == text.size()) return std::nullopt;
  char next = text[letters];
  if (next == '.' && letters == 2) return std::string(kNistCsf);
  if (next != '-' || letters + 1 >= text.size() || !is_digit(text[letters + 1])) {
    return std::nullopt;
  }
  if (letters == 2) return std::string(kNist80053);
  if (letters == 3) return std::string(kCsaCcm4);
  return std::nullopt;
}

}  // namespace

std::optional<RefParts> split_ref(std::string_view ref) {
  // The last '/' separates, so "ISO/IEC 27017:2015/12.4.1" still splits correctly.
  auto slash = ref.rfind('/');
  if (slash == std::string_view::npos || slash == 0 || slash + 1 == ref.size()) return std::nullopt;
  return RefParts{ref.substr(0, slash), ref.substr(slash + 1)};
}

std::string normalize_framework(std::string_view input) {
  std::string fw;
  for (char c : lower(trim(input))) {
    if (c != ' ') fw.push_back(c);
  }
  if (fw.starts_with("iso/iec")) fw = "iso" + fw.substr(7);
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 10> kAliases{{
      {"iso27017", kIso27017_2015},
      {"iso27001", kIso27001_2022},
      // The 2015 Statement of Applicability addresses the 27002:2013 controls itself.
      {"iso27002:2013", kIso27017_2015},
      {"iso27002-2013", kIso27017_2015},
      {"csa-ccm", kCsaCcm4},
      {"ccm", kCsaCcm4},
      {"nist-800-53", kNist80053},
      {"nist-csf", kNistCsf},
      {"nist-csf-2.0", kNistCsf},
      {"iso27018", kIso27018_2019},
  }};
  for (const auto& [alias, canonical] : kAliases) {
    if (fw == alias) return std::string(canonical);
  }
  // File-name form: "iso27001-2022" -> "iso27001:2022", "nist-800-53-r5" -> "nist-800-53:r5".
  if (fw.find(':') == std::string::npos) {
    auto dash = fw.rfind('-');
    if (dash != std::string::npos && dash + 1 < fw.size()) {
      char next = fw[dash + 1];
      bool version =
          is_digit(next) || (next == 'r' && dash + 2 < fw.size() && is_digit(fw[dash + 2]));
      if (version) fw[dash] = ':';
    }
  }
  return fw;
}

std::string normalize_ref(std::string_view input) {
  std::string_view text = trim(input);
  if (auto parts = split_ref(text)) {
    std::string framework = normalize_framework(parts->framework);
    return framework + "/" + normalize_id(framework, parts->id);
  }
  if (starts_with_ci(text, "cld")) {
    return std::string(kIso27017_2015) + "/" + normalize_id(kIso27017_2015, text);
  }
  if (auto clause = clause_id(text)) return std::string(kIso27001_2022) + "/" + *clause;
  if (auto framework = framework_by_shape(text)) {
    return *framework + "/" + normalize_id(*framework, text);
  }
  if (text.size() > 1 && (text[0] == 'A' || text[0] == 'a') &&
      (text[1] == '.' || text[1] == ' ' || is_digit(text[1]))) {
    return std::string(kIso27001_2022) + "/" + normalize_id(kIso27001_2022, text);
  }
  switch (numeric_parts(dotted(text))) {
    // 27002:2013 ids have three parts; 27002:2022 ids (Annex A of 27001:2022) have two.
    case 3:
      return std::string(kIso27017_2015) + "/" + dotted(text);
    case 2:
      return std::string(kIso27001_2022) + "/A." + dotted(text);
    default:
      return std::string(text);
  }
}

}  // namespace cc::catalog
