#pragma once
// Provider attestations: the certificates and audit reports of a cloud service
// provider that a customer relies on for the controls the provider owns. A control
// marked as inherited from one counts as covered only while the attestation is valid.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/catalog.h"
#include "program/program.h"

namespace cc::program {

enum class AttestationKind : uint8_t { Certificate, Report, Other };
const char* to_string(AttestationKind k);
std::optional<AttestationKind> parse_attestation_kind(std::string_view text);

struct Attestation {
  int64_t id = 0;    // set by the store
  std::string name;  // unique within the program: "AWS ISO/IEC 27017 certificate 2026"
  AttestationKind kind = AttestationKind::Certificate;
  std::string issuer;                  // the certification body or auditor
  std::string scope;                   // what it covers, in the issuer's terms
  std::string issued_on;               // YYYY-MM-DD
  std::string expires_on;              // YYYY-MM-DD, not before issued_on
  std::optional<int64_t> evidence_id;  // the stored copy in the evidence register
  std::string created_at;
  std::string created_by;
};

// Whether an attestation holds on a date.
enum class AttestationState : uint8_t { Valid, Expired, NotYetValid };
const char* to_string(AttestationState s);  // "valid", "expired", "not yet valid"
// Expired when `as_of` (YYYY-MM-DD) is after expires_on; not yet valid before issued_on.
AttestationState attestation_state(const Attestation& a, std::string_view as_of);

// The attestation as the change log writes it.
std::string to_json(const Attestation& a);

// Records a new attestation. Invalid, with nothing written: an empty name, issuer or
// scope, a date that is not YYYY-MM-DD, expiry before issue, a name already used, an
// evidence id not in the program's register.
Result<Attestation, Error> add_attestation(const Program& program, Attestation attestation,
                                           const Change& who);

// Every attestation of the program, by name.
Result<std::vector<Attestation>, Error> list_attestations(const Program& program);

// A mark that a control is inherited from an attestation.
struct InheritedMark {
  std::string control_ref;
  Attestation attestation;
};
// Every mark of the program, by control ref.
Result<std::vector<InheritedMark>, Error> inherited_marks(const Program& program);

// Marks each control (as the user typed it) as inherited from the attestation named
// `attestation`, replacing an earlier mark. Every control must be in scope and owned by
// the provider or shared for at least one service model or cloud service; otherwise
// Invalid (NotFound for an unknown attestation) and nothing is written. Each mark is
// recorded ("responsibility", ref, "inherit"). Returns the canonical refs marked.
Result<std::vector<std::string>, Error> mark_inherited(const Program& program,
                                                       const catalog::Catalog& catalog,
                                                       const std::vector<std::string>& controls,
                                                       std::string_view attestation,
                                                       const Change& who);

}  // namespace cc::program
