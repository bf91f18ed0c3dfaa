#pragma once
// What an auditor's report of the program holds, read from the store in one place so the
// HTML and OSCAL renderings show the same facts. Reading is bounded: the run's findings
// come back capped (failing first), the trend reads run summaries only, and nothing walks
// every finding of every run.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "program/control_status.h"
#include "program/evidence.h"
#include "program/program.h"
#include "program/responsibility.h"
#include "program/run_diff.h"
#include "program/runs.h"
#include "program/scope.h"
#include "program/soa.h"

namespace cc::program {

struct ReportOptions {
  std::string as_of;               // YYYY-MM-DD: evidence and attestation expiry
  std::string generated_at;        // UTC timestamp printed as the generation time
  std::string tool_version;        // printed on the cover
  std::optional<int64_t> run;      // the run reported on; empty: the newest saved run
  size_t max_findings = 2000;      // findings listed at most, failing ones first
  size_t trend_runs = 50;          // saved runs shown in the trend, up to the reported one
  size_t locations_per_rule = 20;  // OSCAL: file locations cited per failing rule
};

// One point of the trend: a saved run's totals.
struct TrendPoint {
  int64_t run = 0;
  std::string finished_at;
  std::string label;
  int64_t passed = 0, failed = 0, unknown = 0;
};

// A rule that failed in the run, with how often and where (the first locations only).
struct FailingRule {
  std::string rule_id;
  std::string severity;
  int64_t count = 0;
  std::vector<StoredFinding> locations;
};

struct ReportData {
  ReportOptions options;
  std::string tenant;  // the program's tenant within the store
  Scope scope;
  ProgramStatus status;  // control states judged on the reported run
  std::vector<SoaRow> soa;
  std::vector<MatrixRow> matrix;
  std::vector<Evidence> evidence;  // active evidence, oldest first
  std::optional<RunSummary> run;   // the reported run, when there is one
  std::vector<TrendPoint> trend;   // oldest first, ending at the reported run
  // Findings of the run: failing, then unknown, then passing, at most max_findings.
  std::vector<StoredFinding> findings;
  size_t findings_left_out = 0;
  // Changes since the run before the reported one.
  std::optional<int64_t> previous_run;
  size_t new_findings = 0, fixed_findings = 0;
  std::vector<ControlChange> control_changes;  // controls whose run status moved
  // The organisation's own licensed text of controls, by control ref, when it loaded any.
  std::map<std::string, std::string> control_texts;
};

// Everything the report shows. Needs a scope; a program without saved runs gives a
// report without findings, trend or changes. NotFound for a --run that does not exist.
Result<ReportData, Error> collect_report(const Program& program, const catalog::Catalog& catalog,
                                         ReportOptions options);

// The failing (not suppressed) findings of `run` grouped by rule, with up to
// `locations_per_rule` locations each, by rule id. One query, for the OSCAL rendering.
Result<std::vector<FailingRule>, Error> failing_rules(const Program& program, int64_t run,
                                                      size_t locations_per_rule);

}  // namespace cc::program
