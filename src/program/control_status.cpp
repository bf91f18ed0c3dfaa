#include "program/control_status.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <set>

#include "program/attestation.h"
#include "program/dates.h"
#include "program/responsibility.h"
#include "program/run_diff.h"
#include "program/runs.h"
#include "program/soa.h"

namespace cc::program {
namespace {

std::string plural(size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string family_of(const catalog::Control& c) {
  if (c.clause_id.empty()) return c.clause_title;
  return c.clause_title.empty() ? c.clause_id : c.clause_id + " " + c.clause_title;
}

int rank(std::string_view run_status) {
  if (run_status == "failing") return 0;
  if (run_status == "unknown") return 1;
  if (run_status == "passing") return 2;
  return 3;  // not assessed: no rule speaks to it
}

}  // namespace

const char* to_string(ControlState s) {
  switch (s) {
    case ControlState::NotImplemented:
      return "not implemented";
    case ControlState::Partial:
      return "partial";
    case ControlState::NotAssessed:
      return "not assessed";
    case ControlState::Implemented:
      return "implemented";
    case ControlState::Inherited:
      return "inherited";
    case ControlState::NotApplicable:
      return "not applicable";
  }
  return "not assessed";
}

std::map<std::string, size_t> ProgramStatus::count_by_state() const {
  std::map<std::string, size_t> out;
  for (const auto& c : controls) ++out[to_string(c.state)];
  return out;
}

void decide(const StatusInputs& in, ControlStatus& out) {
  out.declared = in.declared;
  out.evidence_expired = in.evidence_lapsed > 0 && in.evidence_current == 0;
  if (!in.applicable) {
    out.state = ControlState::NotApplicable;
    out.reason = "excluded in the Statement of Applicability: " + in.justification;
    return;
  }
  if (in.inherited_from) {
    out.state = ControlState::Inherited;
    out.reason = "the provider's part is covered by " + *in.inherited_from;
    return;
  }
  std::vector<std::string> why;
  if (!in.lapsed_attestation.empty())
    why.push_back("attestation " + in.lapsed_attestation + " has expired");
  const std::string run = in.run ? fmt::format(" in run {}", *in.run) : "";
  const std::string evidence_current =
      plural(in.evidence_current, "current piece of evidence", "current pieces of evidence");
  if (in.failed > 0) {
    std::string rules;
    if (!in.failing_rules.empty()) {
      const size_t shown = std::min<size_t>(in.failing_rules.size(), 5);
      rules = fmt::format(" by {}{}",
                          fmt::join(in.failing_rules.begin(),
                                    in.failing_rules.begin() + static_cast<long>(shown), ", "),
                          in.failing_rules.size() > shown
                              ? fmt::format(" and {} more rules", in.failing_rules.size() - shown)
                              : "");
    }
    why.insert(why.begin(), fmt::format("{}{}{}",
                                        plural(static_cast<size_t>(in.failed), "failing finding",
                                               "failing findings"),
                                        run, rules));
    if (in.passed > 0)
      why.push_back(plural(static_cast<size_t>(in.passed), "passing finding", "passing findings"));
    if (in.evidence_current > 0) why.push_back(evidence_current);
    if (out.evidence_expired) why.push_back("evidence expired on " + in.lapsed_on);
    out.state = in.passed > 0 || in.evidence_current > 0 ? ControlState::Partial
                                                         : ControlState::NotImplemented;
  } else if (in.passed > 0) {
    why.insert(why.begin(), fmt::format("{}{}",
                                        plural(static_cast<size_t>(in.passed), "passing finding",
                                               "passing findings"),
                                        run));
    if (in.unknown > 0)
      why.push_back(plural(static_cast<size_t>(in.unknown), "finding could not be decided",
                           "findings could not be decided"));
    if (out.evidence_expired) {
      why.push_back("evidence expired on " + in.lapsed_on);
      out.state = ControlState::Partial;
    } else {
      if (in.evidence_current > 0) why.push_back(evidence_current);
      out.state = in.unknown > 0 ? ControlState::Partial : ControlState::Implemented;
    }
  } else if (in.evidence_current > 0) {
    why.insert(why.begin(), evidence_current);
    if (in.unknown > 0)
      why.push_back(plural(static_cast<size_t>(in.unknown), "finding could not be decided",
                           "findings could not be decided"));
    if (in.declared == "not implemented" || in.declared == "planned" ||
        in.declared == "partially implemented") {
      why.push_back("declared " + in.declared);
      out.state = ControlState::Partial;
    } else {
      out.state = in.unknown > 0 ? ControlState::Partial : ControlState::Implemented;
    }
  } else if (out.evidence_expired) {
    why.insert(why.begin(),
               "evidence expired on " + in.lapsed_on + " and nothing current replaced it");
    out.state = ControlState::NotAssessed;
  } else if (in.unknown > 0) {
    why.insert(why.begin(),
               fmt::format("{}{}: values were unknown",
                           plural(static_cast<size_t>(in.unknown), "finding could not be decided",
                                  "findings could not be decided"),
                           run));
    out.state = ControlState::NotAssessed;
  } else if (in.declared == "not implemented" || in.declared == "planned") {
    why.insert(why.begin(), "declared " + in.declared);
    out.state = ControlState::NotImplemented;
  } else if (in.declared == "partially implemented") {
    why.insert(why.begin(), "declared partially implemented, without evidence or checks");
    out.state = ControlState::Partial;
  } else if (in.declared == "implemented") {
    why.insert(why.begin(), "declared implemented, but no evidence or check shows it");
    out.state = ControlState::NotAssessed;
  } else {
    why.insert(why.begin(), "no evidence, no checks and no decision yet");
    out.state = ControlState::NotAssessed;
  }
  out.reason = fmt::format("{}", fmt::join(why, "; "));
}

Result<ProgramStatus, Error> program_status(const Program& p, const catalog::Catalog& catalog,
                                            std::string_view as_of, std::optional<int64_t> run) {
  auto scope = require_scope(p);
  if (!scope) return unexpected(scope.error());
  ProgramStatus out;
  out.organisation = scope->organisation;
  out.as_of = std::string(as_of);

  store::Transaction snapshot(p.db(), store::TxMode::Read);
  if (snapshot.error()) return unexpected(*snapshot.error());
  auto soa = load_soa(p);
  if (!soa) return unexpected(soa.error());
  auto matrix = responsibility_matrix(p, catalog, as_of);
  if (!matrix) return unexpected(matrix.error());
  auto evidence = list_evidence(p, false);
  if (!evidence) return unexpected(evidence.error());

  std::map<std::string, RunControl> checks;
  if (run) {
    if (auto r = get_run(p, *run); !r) return unexpected(r.error());
  } else if (auto latest = recent_run(p, 0)) {
    run = *latest;
  } else if (latest.error().kind != Error::Kind::NotFound) {
    return unexpected(latest.error());
  }
  if (run) {
    out.run = run;
    auto controls = run_controls(p, *run);
    if (!controls) return unexpected(controls.error());
    for (auto& c : *controls) checks.emplace(c.ref, std::move(c));
    // The comparison kept when the run was saved; runs saved before comparisons were
    // kept are compared now.
    auto kept = stored_comparison(p, *run);
    if (!kept) return unexpected(kept.error());
    std::optional<RunComparison> comparison = std::move(*kept);
    if (!comparison) {
      auto before = run_before(p, *run);
      if (!before) return unexpected(before.error());
      if (*before) {
        auto d = diff_runs(p, **before, *run);
        if (!d) return unexpected(d.error());
        comparison = RunComparison{**before, d->count(FindingChange::Kind::New),
                                   d->count(FindingChange::Kind::Fixed), std::move(d->controls)};
      }
    }
    if (comparison) {
      out.previous = comparison->previous;
      out.new_findings = comparison->new_findings;
      out.fixed_findings = comparison->fixed_findings;
      for (const auto& c : comparison->controls)
        if (rank(c.after) < rank(c.before)) out.regressed.push_back(c.ref);
      out.control_changes = std::move(comparison->controls);
    }
  }

  struct EvidenceTally {
    size_t current = 0, expiring = 0, lapsed = 0;
    std::string lapsed_on;
  };
  std::map<std::string, EvidenceTally> by_control;
  for (const auto& e : *evidence) {
    const Freshness f = freshness(e, as_of);
    for (const auto& ref : e.controls) {
      auto& t = by_control[ref];
      if (f == Freshness::Expired) {
        ++t.lapsed;
        t.lapsed_on = std::max(t.lapsed_on, valid_until(e));
      } else {
        ++t.current;
        if (f == Freshness::Expiring) ++t.expiring;
      }
    }
    if (f == Freshness::Expired || f == Freshness::Expiring)
      out.evidence.push_back(ExpiringEvidence{e.id, e.title, valid_until(e), f, e.controls});
  }
  std::sort(out.evidence.begin(), out.evidence.end(),
            [](const ExpiringEvidence& a, const ExpiringEvidence& b) {
              return a.valid_until < b.valid_until;
            });

  struct MatrixFacts {
    std::set<std::string> owners;
    std::optional<std::string> inherited;
    std::string lapsed;
  };
  std::map<std::string, MatrixFacts> by_ref;
  for (const auto& row : *matrix) {
    auto& m = by_ref[row.control_ref];
    m.owners.insert(to_string(row.effective_owner));
    if (row.coverage == Coverage::Inherited)
      m.inherited = fmt::format("{} (valid until {})", row.inherited_from, row.attestation_expires);
    else if (row.coverage == Coverage::Expired)
      m.lapsed = fmt::format("{} (expired {})", row.inherited_from, row.attestation_expires);
  }

  for (const catalog::Control* c : controls_in_scope(catalog, *scope)) {
    ControlStatus s;
    s.ref = c->ref;
    s.control_id = c->id;
    s.oscal_id = c->oscal_id;
    s.title = c->title;
    s.framework = c->framework;
    s.family = family_of(*c);
    StatusInputs in;
    if (auto it = soa->find(c->ref); it != soa->end()) {
      in.applicable = it->second.applicable;
      in.justification = it->second.justification;
      in.declared = to_string(it->second.status);
      s.owner = it->second.owner;
    }
    if (auto it = by_ref.find(c->ref); it != by_ref.end()) {
      s.responsibility = it->second.owners.size() == 1 ? *it->second.owners.begin() : "shared";
      in.inherited_from = it->second.inherited;
      in.lapsed_attestation = it->second.lapsed;
    }
    in.run = out.run;
    if (auto it = checks.find(c->ref); it != checks.end()) {
      in.passed = it->second.pass;
      in.failed = it->second.fail;
      in.unknown = it->second.unknown;
      in.failing_rules = it->second.failing_rules;
      s.rules = it->second.rules;
    }
    if (auto it = by_control.find(c->ref); it != by_control.end()) {
      in.evidence_current = it->second.current;
      in.evidence_lapsed = it->second.lapsed;
      in.lapsed_on = it->second.lapsed_on;
      s.evidence_expiring = it->second.expiring;
    }
    s.checks_passed = in.passed;
    s.checks_failed = in.failed;
    s.checks_unknown = in.unknown;
    s.evidence_current = in.evidence_current;
    s.evidence_lapsed = in.evidence_lapsed;
    decide(in, s);
    out.controls.push_back(std::move(s));
  }
  return out;
}

}  // namespace cc::program
