#include "program/soa_carry.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <map>
#include <set>

#include "catalog/ref.h"
#include "program/evidence.h"
#include "program/scope.h"

namespace cc::program {
namespace {

Error invalid(std::string message) { return Error{Error::Kind::Invalid, std::move(message)}; }

// "12.4.1" of "iso27017:2015/12.4.1".
std::string id_of(std::string_view ref) {
  auto parts = catalog::split_ref(ref);
  return std::string(parts ? parts->id : ref);
}

// A row `soa seed` wrote and nobody changed says nothing about the control.
bool decided(const SoaEntry& e) {
  return !e.applicable || e.status != ImplementationStatus::NotAssessed || !e.owner.empty() ||
         !e.justification.empty();
}

// How far along a status is, for merging: the weakest known state decides.
int progress(ImplementationStatus s) {
  switch (s) {
    case ImplementationStatus::NotImplemented:
      return 0;
    case ImplementationStatus::Planned:
      return 1;
    case ImplementationStatus::PartiallyImplemented:
      return 2;
    case ImplementationStatus::Implemented:
      return 3;
    case ImplementationStatus::NotAssessed:
      break;
  }
  return -1;
}

ImplementationStatus merged_status(const std::vector<const SoaEntry*>& applicable) {
  const ImplementationStatus first = applicable.front()->status;
  if (std::ranges::all_of(applicable, [&](const SoaEntry* e) { return e->status == first; }))
    return first;
  int best = -1;
  for (const SoaEntry* e : applicable) {
    // One predecessor nobody assessed leaves the merged control unassessed too.
    if (e->status == ImplementationStatus::NotAssessed) return ImplementationStatus::NotAssessed;
    best = std::max(best, progress(e->status));
  }
  // Some of the control's content is in place and some is not: partly implemented.
  if (best >= progress(ImplementationStatus::PartiallyImplemented))
    return ImplementationStatus::PartiallyImplemented;
  return best == progress(ImplementationStatus::Planned) ? ImplementationStatus::Planned
                                                         : ImplementationStatus::NotImplemented;
}

// The proposal for one control from its predecessors' entries.
void propose(CarriedControl& c, const std::vector<const SoaEntry*>& from) {
  SoaEdit edit;
  std::vector<const SoaEntry*> applicable;
  for (const SoaEntry* e : from)
    if (e->applicable) applicable.push_back(e);
  std::vector<std::string> notes;
  if (applicable.empty()) {
    edit.applicable = false;
    std::vector<std::string> reasons;
    for (const SoaEntry* e : from)
      reasons.push_back(fmt::format("{}: {}", id_of(e->control_ref), e->justification));
    edit.justification =
        fmt::format("Not applicable in the previous edition ({})", fmt::join(reasons, "; "));
  } else {
    edit.applicable = true;
    edit.status = merged_status(applicable);
    if (applicable.size() < from.size()) {
      c.conflict = true;
      notes.emplace_back("some predecessors did not apply");
    }
    if (std::ranges::any_of(applicable,
                            [&](const SoaEntry* e) { return e->status != *edit.status; })) {
      c.conflict = true;
      notes.emplace_back("predecessors differ in status");
    }
  }
  std::vector<std::string> owners;
  for (const SoaEntry* e : from)
    if (!e->owner.empty() && std::ranges::find(owners, e->owner) == owners.end())
      owners.push_back(e->owner);
  if (!owners.empty()) edit.owner = fmt::format("{}", fmt::join(owners, " / "));
  if (owners.size() > 1) {
    c.conflict = true;
    notes.emplace_back("predecessors have different owners");
  }
  std::vector<std::string> ids;
  for (const auto& ref : c.from) ids.push_back(id_of(ref));
  c.note = fmt::format("from {}{}", fmt::join(ids, ", "),
                       notes.empty() ? "" : fmt::format(" ({})", fmt::join(notes, "; ")));
  c.proposed = std::move(edit);
}

// Current evidence ids linked to each control ref.
Result<std::map<std::string, std::vector<int64_t>>, Error> evidence_by_control(const Program& p) {
  auto rows = p.db().query(
      "SELECT ec.control_ref, e.id FROM evidence_control ec "
      "JOIN evidence e ON e.id = ec.evidence_id "
      "WHERE e.tenant_id = $1 AND e.removed_at IS NULL AND e.superseded_by IS NULL "
      "ORDER BY ec.control_ref, e.id",
      {p.tenant_id()});
  if (!rows) return unexpected(rows.error());
  std::map<std::string, std::vector<int64_t>> out;
  for (const auto& r : *rows) out[r.text(0)].push_back(r.integer(1));
  return out;
}

}  // namespace

const char* to_string(CarryKind kind) {
  switch (kind) {
    case CarryKind::Carried:
      return "carried";
    case CarryKind::New:
      return "new";
    case CarryKind::Undecided:
      return "undecided";
    case CarryKind::Kept:
      return "kept";
  }
  return "?";
}

size_t CarryPlan::count(CarryKind kind) const {
  return static_cast<size_t>(
      std::ranges::count_if(controls, [&](const CarriedControl& c) { return c.kind == kind; }));
}

Result<CarryPlan, Error> plan_carry(const Program& p, const catalog::Catalog& catalog,
                                    std::string_view from_framework,
                                    std::string_view to_framework) {
  CarryPlan plan;
  plan.from_framework = catalog::normalize_framework(from_framework);
  plan.to_framework = catalog::normalize_framework(to_framework);
  if (!catalog.framework(plan.from_framework))
    return unexpected(invalid(fmt::format("{} is not a framework of the catalog", from_framework)));
  if (!catalog.framework(plan.to_framework))
    return unexpected(invalid(fmt::format("{} is not a framework of the catalog", to_framework)));
  if (plan.from_framework == plan.to_framework)
    return unexpected(invalid("the two frameworks are the same"));
  store::Transaction tx(p.db(), store::TxMode::Read);
  if (tx.error()) return unexpected(*tx.error());
  auto scope = require_scope(p);
  if (!scope) return unexpected(scope.error());
  if (std::ranges::find(scope->frameworks, plan.from_framework) == scope->frameworks.end())
    return unexpected(invalid(
        fmt::format("{} is not in the program's scope; nothing to carry", plan.from_framework)));
  auto entries = load_soa(p);
  if (!entries) return unexpected(entries.error());
  auto evidence = evidence_by_control(p);
  if (!evidence) return unexpected(evidence.error());

  std::set<std::string> reached;
  for (const catalog::Control& to : catalog.controls(plan.to_framework)) {
    CarriedControl c;
    c.control_ref = to.ref;
    std::vector<const SoaEntry*> from;
    bool any_decided = false;
    std::set<int64_t> linked;
    for (const auto& m : catalog.map(to.ref, plan.from_framework)) {
      const std::string ref(m.other);
      reached.insert(ref);
      if (std::ranges::find(c.from, ref) != c.from.end()) continue;
      auto e = entries->find(ref);
      if (e == entries->end()) continue;
      c.from.push_back(ref);
      // An undecided predecessor still counts: it applies and nobody has assessed it.
      from.push_back(&e->second);
      any_decided = any_decided || decided(e->second);
      if (auto ev = evidence->find(ref); ev != evidence->end())
        linked.insert(ev->second.begin(), ev->second.end());
    }
    // Evidence that already supports the new control needs no second link.
    if (auto own = evidence->find(to.ref); own != evidence->end())
      for (int64_t id : own->second) linked.erase(id);
    c.evidence.assign(linked.begin(), linked.end());
    if (auto own = entries->find(to.ref); own != entries->end() && decided(own->second)) {
      c.kind = CarryKind::Kept;
      c.note = "decided on this edition already; left as it is";
    } else if (c.from.empty()) {
      c.kind = CarryKind::New;
      c.note = "no counterpart in the previous edition: to be decided";
    } else if (!any_decided) {
      c.kind = CarryKind::Undecided;
      c.note = fmt::format("its predecessors have no decision yet ({})", fmt::join(c.from, ", "));
    } else {
      c.kind = CarryKind::Carried;
      propose(c, from);
    }
    plan.controls.push_back(std::move(c));
  }
  for (const catalog::Control& old : catalog.controls(plan.from_framework))
    if (!reached.contains(old.ref)) plan.without_successor.push_back(old.ref);
  if (auto s = tx.commit(); !s) return unexpected(s.error());
  return plan;
}

Result<CarryCounts, Error> apply_carry(const Program& p, const catalog::Catalog& catalog,
                                       const CarryPlan& plan, const Change& who) {
  store::Transaction tx(p.db(), store::TxMode::Write);
  if (tx.error()) return unexpected(*tx.error());
  auto scope = require_scope(p);
  if (!scope) return unexpected(scope.error());
  if (std::ranges::find(scope->frameworks, plan.to_framework) == scope->frameworks.end()) {
    Scope wider = *scope;
    wider.frameworks.push_back(plan.to_framework);
    if (auto saved = save_scope(p, std::move(wider), who, scope->revision); !saved)
      return unexpected(saved.error());
  }
  CarryCounts counts;
  for (const auto& c : plan.controls) {
    if (c.kind == CarryKind::Kept) continue;
    SoaEdit edit = c.proposed.value_or(SoaEdit{});
    if (c.kind != CarryKind::Carried) edit.status = ImplementationStatus::NotAssessed;
    auto saved = set_soa_entry(p, catalog, c.control_ref, edit, who);
    if (!saved) return unexpected(saved.error());
    ++(c.kind == CarryKind::Carried ? counts.decided : counts.seeded);
    for (int64_t id : c.evidence) {
      if (auto s = link_evidence(p, id, {c.control_ref}, who); !s) return unexpected(s.error());
      ++counts.linked;
    }
  }
  if (auto s = tx.commit(); !s) return unexpected(s.error());
  return counts;
}

}  // namespace cc::program
