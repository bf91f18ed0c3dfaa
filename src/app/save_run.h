#pragma once
// `scan --save`: a report stream that passes everything to the chosen report and keeps
// the run for the program store, written when the scan has finished.
#include <memory>
#include <string>

#include "assess/rollup.h"
#include "program/runs.h"
#include "report/scan_report.h"

namespace cc::app {

class SavingStream final : public report::ReportStream {
 public:
  SavingStream(report::ReportStream& inner, std::string label, program::Change started);

  void begin(const report::ScanReport& head) override;
  void add(const Finding& f) override;
  void end(const report::ScanReport& summary) override;

  // Writes the run: its inputs (each hashed now), findings, and the control roll-up for
  // the scan's framework and every other framework in the program's scope. Call after
  // run_scan returned, with the report it returned.
  Result<int64_t, store::Error> save(const program::Program& program,
                                     const report::ScanReport& report,
                                     const std::string& finished_at);

 private:
  report::ReportStream& inner_;
  program::RunWriter writer_;
  const SourceTable* sources_ = nullptr;
  std::vector<program::RunControl> controls_;
  assess::Tallies tallies_;
};

// The digest of a rule set: of every rule pack file's content, in path order, so any
// edit to any rule gives another digest.
std::string rules_digest(const std::vector<assess::RuleInfo>& rules);

}  // namespace cc::app
