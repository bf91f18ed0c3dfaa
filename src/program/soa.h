#pragma once
// The Statement of Applicability (SoA): for every control of the frameworks in scope,
// whether it applies and why not, how far it is implemented, who owns it, what evidence
// and which automated rules back it, and when it was last assessed. Rows are seeded from
// the catalog and the scope; every later edit is a recorded change.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/catalog.h"
#include "program/program.h"
#include "program/scope.h"

namespace cc::program {

enum class ImplementationStatus : uint8_t {
  Implemented,
  PartiallyImplemented,
  Planned,
  NotImplemented,
  NotAssessed,
};

// "implemented", "partially implemented", "planned", "not implemented", "not assessed".
const char* to_string(ImplementationStatus s);
// Case-insensitive; '-' and '_' read as spaces ("not-assessed", "PARTIALLY_IMPLEMENTED").
std::optional<ImplementationStatus> parse_implementation_status(std::string_view text);
// "yes"/"no" (also "true"/"false", "y"/"n").
std::optional<bool> parse_yes_no(std::string_view text);

// The controls a scope covers: each framework in scope in the scope's order, its
// controls in the order of the standard; withdrawn controls are left out.
std::vector<const catalog::Control*> controls_in_scope(const catalog::Catalog& catalog,
                                                       const Scope& scope);

// The control a user means by `input` ("CLD.9.5.2", "iso27001:2022/A.8.15"), when it
// belongs to a framework in scope; otherwise an Invalid error that says which.
Result<const catalog::Control*, Error> control_in_scope(const catalog::Catalog& catalog,
                                                        const Scope& scope, std::string_view input);

// The scope, or a NotFound error telling the user to run `cloudcomply init`.
Result<Scope, Error> require_scope(const Program& program);

// One stored decision.
struct SoaEntry {
  std::string control_ref;
  bool applicable = true;
  std::string justification;  // required when not applicable
  ImplementationStatus status = ImplementationStatus::NotAssessed;
  std::string owner;          // a person or team, free text
  std::string last_assessed;  // UTC timestamp; empty: never assessed
  int64_t revision = 0;
  std::string updated_at;
  std::string updated_by;
};

// The entry as the change log and `soa list --format json` write its decision fields.
std::string to_json(const SoaEntry& entry);

struct SeedResult {
  size_t added = 0;  // rows inserted now
  size_t total = 0;  // controls in scope
};

// Inserts a row, applicable and not assessed, for every control in scope that has
// none; never changes an existing decision. Each insert is recorded ("soa", ref,
// "seed"). Needs a scope.
Result<SeedResult, Error> seed_soa(const Program& program, const catalog::Catalog& catalog,
                                   const Change& who);

// A change to one entry; unset fields stay as they are.
struct SoaEdit {
  std::optional<bool> applicable;
  std::optional<std::string> justification;
  std::optional<ImplementationStatus> status;
  std::optional<std::string> owner;
  std::optional<std::string> last_assessed;  // UTC timestamp, set by the caller
};

// Applies `edit` to the entry of `control` (resolved with control_in_scope; a control
// in scope without a row yet gets one), checks the result and records the change with
// before and after. Errors, with nothing written: Invalid for an unknown or
// out-of-scope control, a control that does not apply without a justification or a
// malformed timestamp; Conflict when `expected_revision` is given and the row changed
// since. An edit that changes nothing writes and records nothing.
Result<SoaEntry, Error> set_soa_entry(const Program& program, const catalog::Catalog& catalog,
                                      std::string_view control, const SoaEdit& edit,
                                      const Change& who,
                                      std::optional<int64_t> expected_revision = std::nullopt);

// Every stored entry, by control ref.
Result<std::map<std::string, SoaEntry>, Error> load_soa(const Program& program);

// Titles of the current evidence items (not removed, not superseded) linked to
// `control_ref` in the evidence register, by title.
Result<std::vector<std::string>, Error> linked_evidence(const Program& program,
                                                        std::string_view control_ref);
// How many current evidence items are linked to `control_ref`.
Result<size_t, Error> linked_evidence_count(const Program& program, std::string_view control_ref);

// Rule ids by the control refs they name, built by the caller from its rule set.
using RulesByControl = std::map<std::string, std::vector<std::string>, std::less<>>;

// One line of the SoA for people and exports: the stored decision with the control's
// identity and what backs it.
struct SoaRow {
  std::string control_ref;
  std::string framework;
  std::string control_id;
  std::string title;
  SoaEntry entry;
  std::vector<std::string> evidence;  // titles of linked current evidence
  std::vector<std::string> rules;     // ids of rules naming the control
  std::string oscal_id;               // the catalog's OSCAL id of the control
  std::string licensed_text;          // the organisation's own copy, when it loaded one
};

// The seeded entries of the controls in scope, in scope order, optionally of one
// framework (aliases accepted). Controls in scope without an entry are left out
// (`soa seed` adds them).
Result<std::vector<SoaRow>, Error> soa_rows(const Program& program, const catalog::Catalog& catalog,
                                            const RulesByControl& rules,
                                            std::string_view framework = {});

}  // namespace cc::program
