#pragma once
// The program at a glance: for every control in scope, one status that combines the
// newest saved run's rule results, the evidence and its freshness, the Statement of
// Applicability and the shared-responsibility matrix, with the reason in words.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "program/evidence.h"
#include "program/program.h"
#include "program/run_diff.h"

namespace cc::program {

enum class ControlState : uint8_t {
  NotImplemented,
  Partial,
  NotAssessed,
  Implemented,
  Inherited,
  NotApplicable
};
// "not implemented", "partial", "not assessed", "implemented", "inherited", "not applicable"
const char* to_string(ControlState s);

struct ControlStatus {
  std::string ref;
  std::string control_id;
  std::string oscal_id;  // the catalog's OSCAL id of the control
  std::string title;
  std::string framework;
  std::string family;          // clause or theme: "12 Operations security"
  std::string owner;           // from the SoA; empty when nobody is named
  std::string responsibility;  // provider, customer or shared (the matrix, across models)
  ControlState state = ControlState::NotAssessed;
  std::string reason;
  bool evidence_expired = false;  // evidence lapsed and nothing current replaced it
  // From the run.
  int64_t checks_passed = 0, checks_failed = 0, checks_unknown = 0;
  std::vector<std::string> rules;
  // From the evidence register.
  size_t evidence_current = 0, evidence_expiring = 0, evidence_lapsed = 0;
  std::string declared;  // SoA implementation status
};

struct ExpiringEvidence {
  int64_t id = 0;
  std::string title;
  std::string valid_until;
  Freshness state = Freshness::Current;
  std::vector<std::string> controls;
};

struct ProgramStatus {
  std::string organisation;
  std::string as_of;                       // YYYY-MM-DD
  std::optional<int64_t> run;              // the run judged (the newest unless one was asked for)
  std::optional<int64_t> previous;         // the saved run before it
  std::vector<ControlStatus> controls;     // scope order
  std::vector<ExpiringEvidence> evidence;  // expired or expiring within 30 days, soonest first
  size_t new_findings = 0;                 // failing in the run, not in the one before
  size_t fixed_findings = 0;
  std::vector<std::string> regressed;          // controls whose run status got worse
  std::vector<ControlChange> control_changes;  // every control whose run status moved
  [[nodiscard]] std::map<std::string, size_t> count_by_state() const;
};

// Needs a scope (`cloudcomply init`). `as_of` decides evidence and attestation expiry;
// the rule results are those of `run`, by default the newest saved run.
Result<ProgramStatus, Error> program_status(const Program& program, const catalog::Catalog& catalog,
                                            std::string_view as_of,
                                            std::optional<int64_t> run = std::nullopt);

// The decision for one control, given what backs it: exposed for tests and reports.
struct StatusInputs {
  bool applicable = true;
  std::string justification;
  std::string declared = "not assessed";
  std::optional<std::string> inherited_from;  // a valid attestation covering the provider's part
  std::string lapsed_attestation;             // an attestation that covered it and expired
  std::optional<int64_t> run;
  int64_t passed = 0, failed = 0, unknown = 0;
  std::vector<std::string> failing_rules;
  size_t evidence_current = 0, evidence_lapsed = 0;
  std::string lapsed_on;  // latest expiry among lapsed evidence
};
void decide(const StatusInputs& in, ControlStatus& out);

}  // namespace cc::program
