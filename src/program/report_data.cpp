#include "program/report_data.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "program/control_text.h"

namespace cc::program {
namespace {

// Run totals only (no inputs, no findings): the trend costs one small query.
Result<std::vector<TrendPoint>, Error> trend_up_to(const Program& p, int64_t run, size_t limit) {
  auto rows = p.db().query(
      "SELECT id, finished_at, label, passed, failed, unknown FROM scan_run "
      "WHERE tenant_id = $1 AND id <= $2 ORDER BY id DESC LIMIT $3",
      {p.tenant_id(), run, static_cast<int64_t>(limit)});
  if (!rows) return unexpected(rows.error());
  std::vector<TrendPoint> out;
  for (const auto& r : *rows)
    out.push_back(
        TrendPoint{r.integer(0), r.text(1), r.text(2), r.integer(3), r.integer(4), r.integer(5)});
  std::reverse(out.begin(), out.end());
  return out;
}

// Failing first, then unknown, then passing, each bounded by what is left of the cap, so
// the database sorts and returns at most `cap` rows however large the run is.
Status read_findings(const Program& p, const RunSummary& run, size_t cap, ReportData& out) {
  const std::pair<const char*, int64_t> verdicts[] = {
      {"fail", run.failed}, {"unknown", run.unknown}, {"pass", run.passed}};
  for (const auto& [verdict, total] : verdicts) {
    const size_t room = cap - out.findings.size();
    if (room == 0 || total == 0) continue;
    auto rows = run_findings(p, run.id, FindingFilter{verdict, true, room});
    if (!rows) return unexpected(rows.error());
    for (auto& f : *rows) out.findings.push_back(std::move(f));
  }
  const auto total = static_cast<size_t>(std::max<int64_t>(run.findings, 0));
  out.findings_left_out = total > out.findings.size() ? total - out.findings.size() : 0;
  return Done{};
}

}  // namespace

Result<ReportData, Error> collect_report(const Program& p, const catalog::Catalog& catalog,
                                         ReportOptions options) {
  store::Transaction snapshot(p.db(), store::TxMode::Read);
  if (snapshot.error()) return unexpected(*snapshot.error());
  ReportData out;
  out.tenant = p.tenant();
  auto scope = require_scope(p);
  if (!scope) return unexpected(scope.error());
  out.scope = std::move(*scope);

  auto status = program_status(p, catalog, options.as_of, options.run);
  if (!status) return unexpected(status.error());
  out.status = std::move(*status);
  auto matrix = responsibility_matrix(p, catalog, options.as_of);
  if (!matrix) return unexpected(matrix.error());
  out.matrix = std::move(*matrix);
  auto evidence = list_evidence(p, false);
  if (!evidence) return unexpected(evidence.error());
  out.evidence = std::move(*evidence);
  auto texts = control_texts(p);
  if (!texts) return unexpected(texts.error());
  out.control_texts = std::move(*texts);

  if (const auto run = out.status.run) {
    auto summary = get_run(p, *run);
    if (!summary) return unexpected(summary.error());
    out.run = std::move(*summary);
    auto trend = trend_up_to(p, *run, std::max<size_t>(options.trend_runs, 1));
    if (!trend) return unexpected(trend.error());
    out.trend = std::move(*trend);
    if (auto s = read_findings(p, *out.run, options.max_findings, out); !s)
      return unexpected(s.error());
    out.previous_run = out.status.previous;
    out.new_findings = out.status.new_findings;
    out.fixed_findings = out.status.fixed_findings;
    out.control_changes = out.status.control_changes;
  }

  // The SoA's rule column names the rules the reported run evaluated for each control.
  RulesByControl rules;
  for (const auto& c : out.status.controls)
    if (!c.rules.empty()) rules.emplace(c.ref, c.rules);
  auto soa = soa_rows(p, catalog, rules);
  if (!soa) return unexpected(soa.error());
  out.soa = std::move(*soa);
  if (auto s = snapshot.commit(); !s) return unexpected(s.error());
  out.options = std::move(options);
  return out;
}

Result<std::vector<FailingRule>, Error> failing_rules(const Program& p, int64_t run,
                                                      size_t locations_per_rule) {
  // One pass over the run's failing rows: window functions number each rule's findings in
  // location order and count them, on narrow rows (rule, fingerprint, location); only the
  // first few of each rule are then read in full through the primary key.
  auto rows = p.db().query(
      "SELECT ranked.rule_id, f.severity, ranked.n, f.fingerprint, f.resource, f.kind, f.message, "
      "f.file, f.line, f.col FROM ("
      "SELECT rule_id, fingerprint, "
      "ROW_NUMBER() OVER (PARTITION BY rule_id ORDER BY file, line, fingerprint) AS k, "
      "COUNT(*) OVER (PARTITION BY rule_id) AS n "
      "FROM run_finding WHERE run_id = $2 AND verdict = 'fail' AND suppressed = 0 "
      "AND run_id IN (SELECT id FROM scan_run WHERE tenant_id = $1)) ranked "
      "JOIN run_finding f ON f.run_id = $2 AND f.fingerprint = ranked.fingerprint "
      "WHERE ranked.k <= $3 ORDER BY ranked.rule_id, ranked.k",
      {p.tenant_id(), run, static_cast<int64_t>(std::max<size_t>(locations_per_rule, 1))});
  if (!rows) return unexpected(rows.error());
  std::vector<FailingRule> out;
  for (const auto& r : *rows) {
    if (out.empty() || out.back().rule_id != r.text(0))
      out.push_back(FailingRule{r.text(0), r.text(1), r.integer(2), {}});
    out.back().locations.push_back(StoredFinding{r.text(3), r.text(0), r.text(4), r.text(5), "fail",
                                                 r.text(1), r.text(6), r.text(7), r.integer(8),
                                                 r.integer(9), false});
  }
  return out;
}

}  // namespace cc::program
