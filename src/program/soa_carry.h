#pragma once
// Moving a Statement of Applicability from one edition of a standard to the next
// (ISO/IEC 27017:2015 to 2026): each control of the new edition is proposed a decision
// from the decisions on its predecessors, found through the catalog's crosswalk, and the
// evidence behind them is linked to it. Nothing already decided on the new edition is
// overwritten, and every proposal says where it came from and whether the predecessors
// disagreed, so that people review what a table cannot decide.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/catalog.h"
#include "program/program.h"
#include "program/soa.h"

namespace cc::program {

enum class CarryKind : uint8_t {
  Carried,    // predecessors with decisions: a decision is proposed from them
  New,        // no predecessor in the old edition: to be decided
  Undecided,  // predecessors, but none with a decision beyond the seed
  Kept,       // the new control has a decision already; it stays
};
const char* to_string(CarryKind kind);

struct CarriedControl {
  std::string control_ref;  // a control of the new edition
  CarryKind kind = CarryKind::New;
  std::vector<std::string> from;    // its predecessors (refs) that have entries
  std::optional<SoaEdit> proposed;  // Carried only
  bool conflict = false;            // predecessors disagree: review the proposal
  std::string note;                 // how the proposal was made, in words
  std::vector<int64_t> evidence;    // current evidence of the predecessors to link
};

struct CarryPlan {
  std::string from_framework;
  std::string to_framework;
  std::vector<CarriedControl> controls;        // in the new edition's order
  std::vector<std::string> without_successor;  // old controls the crosswalk maps nowhere
  [[nodiscard]] size_t count(CarryKind kind) const;
};

// What carrying `from_framework` (in scope, with SoA entries) to `to_framework` would
// do. Both must be catalog frameworks; `from` must be in the scope. Reads only.
//
// A proposal, from every predecessor with an entry (one `soa seed` wrote and nobody
// changed counts as applicable and not assessed): applicable when any applies, otherwise not
// applicable with the predecessors' justifications; the status all predecessors share, else "not
// assessed" when one is not assessed, else "partially implemented" when one is at
// least partly implemented, else "planned" or "not implemented"; the owner they share,
// else all of them. Never an assessment date: the new control was not assessed as such.
Result<CarryPlan, Error> plan_carry(const Program& program, const catalog::Catalog& catalog,
                                    std::string_view from_framework, std::string_view to_framework);

struct CarryCounts {
  size_t decided = 0;  // entries written
  size_t seeded = 0;   // new or undecided controls given a seed entry
  size_t linked = 0;   // evidence links added
};

// Writes a plan in one transaction: adds the new edition to the scope, writes each
// proposal (recorded like `soa set`), seeds the rest, and links the evidence.
Result<CarryCounts, Error> apply_carry(const Program& program, const catalog::Catalog& catalog,
                                       const CarryPlan& plan, const Change& who);

}  // namespace cc::program
