#pragma once
// The shared-responsibility matrix: for each control in scope and each service model in
// scope, who owns the control — the provider, the customer, or both (shared) — with
// per-service overrides and the provider attestations the customer relies on.
//
// The default owner comes from the catalog's party for the control: CSP -> provider,
// CSC -> customer, both -> shared, and shared where the catalog does not say (ISO/IEC
// 27001:2022 Annex A, for one). No refinement by service model is applied: the catalog
// records one party per control, and guessing that, say, every "both" control belongs to
// the provider under SaaS would overstate what the provider promises. Where a service
// differs, an override with its reason says so.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/catalog.h"
#include "program/attestation.h"
#include "program/program.h"
#include "program/scope.h"

namespace cc::program {

enum class Owner : uint8_t { Provider, Customer, Shared };
const char* to_string(Owner o);  // "provider", "customer", "shared"
// Case-insensitive; "csp", "csc" and "both" are accepted too.
std::optional<Owner> parse_owner(std::string_view text);

// The owner the catalog implies for a control.
Owner default_owner(const catalog::Control& control);

// How an inherited control stands on the matrix's date.
enum class Coverage : uint8_t {
  None,         // not marked as inherited (or owned by the customer in this row)
  Inherited,    // inherited from an attestation that is valid
  Expired,      // the attestation expired: the control no longer counts as covered
  NotYetValid,  // the attestation's issue date is still to come
};
// "", "inherited", "inherited (attestation expired)", "inherited (attestation not yet valid)"
const char* to_string(Coverage c);

struct MatrixRow {
  std::string control_ref;
  std::string title;
  ServiceModel model = ServiceModel::IaaS;
  std::string service;  // empty: the service model's default; else the overridden service
  Owner default_owner = Owner::Shared;
  Owner effective_owner = Owner::Shared;
  std::string override_reason;      // set on service rows
  std::string inherited_from;       // the attestation's name; empty when not inherited
  std::string attestation_expires;  // its expiry date
  Coverage coverage = Coverage::None;
  // True when the provider's side counts as covered by a valid attestation.
  [[nodiscard]] bool covered() const { return coverage == Coverage::Inherited; }
};

// The matrix on `as_of` (YYYY-MM-DD): for each control in scope (scope order) and each
// service model in scope (or only `model`), one row with the default owner, followed by
// one row per cloud service of that model whose owner is overridden for the control.
// Inheritance shows on rows where the provider owns or shares the control.
Result<std::vector<MatrixRow>, Error> responsibility_matrix(
    const Program& program, const catalog::Catalog& catalog, std::string_view as_of,
    std::optional<ServiceModel> model = std::nullopt);

// Sets who owns `control` for the cloud service named `service` (in scope), with the
// reason, and records it ("responsibility", ref, "override") with before and after.
// Invalid, nothing written: an unknown or out-of-scope control or service, an empty
// reason. Setting the same owner and reason again changes nothing.
Status set_override(const Program& program, const catalog::Catalog& catalog,
                    std::string_view control, std::string_view service, Owner owner,
                    std::string_view reason, const Change& who);

}  // namespace cc::program
