#pragma once
// One control of one framework as the catalog knows it: identity, place in the
// framework's structure, who is expected to act and how far tooling can show it works.
// The catalog knows controls only; rules, findings and statuses live in later stages.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cc::catalog {

// Who the control's guidance addresses: the cloud service customer, the provider, or both.
enum class Party : uint8_t { Both, Customer, Provider };

// How much of the control configuration checks can show on their own.
enum class Automatable : uint8_t { Manual, Partial, Automated };

// "CSC", "CSP", "both" — the spellings used in the catalog files and in output.
const char* to_string(Party p);
std::optional<Party> parse_party(std::string_view text);

const char* to_string(Automatable a);
std::optional<Automatable> parse_automatable(std::string_view text);

struct Control {
  std::string ref;        // "iso27017:2015/CLD.9.5.2"
  std::string framework;  // "iso27017:2015"
  std::string id;         // "CLD.9.5.2"
  std::string oscal_id;   // its id in the catalog file, an OSCAL token: "cld-9.5.2"
  std::string title;
  // Enclosing groups: for ISO/IEC 27017:2015 the clause ("9", "Access control") and
  // category ("CLD.9.5", ...); for ISO/IEC 27001:2022 the theme ("A.8", ...) or the ISMS
  // clause ("clause 6") and no category; for NIST SP 800-53 the family ("AC").
  // A title is empty when the catalog may not reproduce it (CSA CCM).
  std::string clause_id;
  std::string clause_title;
  std::string category_id;
  std::string category_title;
  bool cloud_guidance = false;   // carries cloud-specific duties
  bool cloud_extension = false;  // one of the cloud controls added by ISO/IEC 27017 (CLD.*)
  // Unset when the framework's data does not say (ISO/IEC 27001:2022 Annex A has no
  // cloud split of its own): unknown, not a guess.
  std::optional<Party> party;
  std::optional<Automatable> automatable;
  std::string automatable_note;  // what limits or qualifies the automation level
  // Our own descriptions; empty for controls without cloud guidance.
  std::string intent;
  std::string csc_duty;
  std::string csp_duty;
  std::string evidence;
  std::string automation_signals;
  // The publisher's own text where it may be reproduced (NIST statements and outcomes).
  std::string statement;
  // The enclosing control for a nested one ("AC-2" for "AC-2(1)", "clause 6.1" for
  // "clause 6.1.2"); empty at the top level.
  std::string parent;
  // How sure the catalog's sources are of this entry ("high", "medium", ...) and why;
  // empty when the data does not say.
  std::string data_confidence;
  std::string data_note;
  bool withdrawn = false;  // kept for reference only (NIST withdrawn controls)
};

struct Framework {
  std::string id;       // "iso27017:2015"
  std::string title;    // from the catalog file's metadata
  std::string version;  // "2015"
  std::string file;     // the file it was loaded from
  uint32_t count = 0;   // number of controls, nested ones included
};

}  // namespace cc::catalog
