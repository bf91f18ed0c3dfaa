#pragma once
// Saved scans: each run keeps what it scanned (paths and content digests), with which
// rules, every finding and the control roll-up. A run is written in one transaction
// when the scan ends, so an interrupted scan leaves nothing behind.
#include <cstdint>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "program/program.h"

namespace cc::program {

struct RunInput {
  std::string path;
  std::string sha256;
  uint64_t bytes = 0;
};

struct StoredFinding {
  std::string fingerprint;
  std::string rule_id;
  std::string resource;
  std::string kind;
  std::string verdict;   // pass, fail, unknown
  std::string severity;  // info … critical
  std::string message;
  std::string file;
  int64_t line = 0;
  int64_t col = 0;
  bool suppressed = false;
};

struct RunControl {
  std::string ref;
  std::string title;
  std::string status;  // failing, unknown, passing, not assessed
  int64_t pass = 0, fail = 0, unknown = 0, suppressed = 0;
  std::string worst;                       // worst failing severity
  std::vector<std::string> rules;          // rules that give evidence for the control
  std::vector<std::string> failing_rules;  // those of them with failing findings
};

struct RunSummary {
  int64_t id = 0;
  std::string started_at;
  std::string finished_at;
  std::string actor;
  std::string tool_version;
  std::string rules_digest;
  int64_t rules_count = 0;
  std::string framework;
  std::string label;
  std::vector<RunInput> inputs;
  int64_t findings = 0, passed = 0, failed = 0, unknown = 0, suppressed = 0;
};

// The identity of a check of a resource across runs.
std::string finding_fingerprint(std::string_view rule_id, std::string_view resource,
                                std::string_view file);

// Collects a run's findings as the scan produces them (in a temporary file, so memory
// stays flat however many there are) and writes the run when finish() is called.
class RunWriter {
 public:
  explicit RunWriter(RunSummary header);
  ~RunWriter();
  RunWriter(const RunWriter&) = delete;
  RunWriter& operator=(const RunWriter&) = delete;

  void set_rules(std::string digest, int64_t count, std::string framework) {
    header_.rules_digest = std::move(digest);
    header_.rules_count = count;
    header_.framework = std::move(framework);
  }
  // Fills in the fingerprint when empty; one made twice gets a "#2", "#3" suffix.
  Status add(StoredFinding f);
  // Writes the run, its findings and controls in one transaction; the run's id.
  Result<int64_t, Error> finish(const Program& program, const std::vector<RunControl>& controls,
                                const std::vector<RunInput>& inputs,
                                const std::string& finished_at);

 private:
  RunSummary header_;
  std::FILE* spill_ = nullptr;
  size_t count_ = 0;
  std::optional<Error> error_;
};

// Newest first.
Result<std::vector<RunSummary>, Error> list_runs(const Program& program, size_t limit);
Result<RunSummary, Error> get_run(const Program& program, int64_t id);
// The id of the newest run (`back` 0), the one before it (1), …; NotFound when there are fewer.
Result<int64_t, Error> recent_run(const Program& program, size_t back = 0);
// The saved run just before `run`, when there is one.
Result<std::optional<int64_t>, Error> run_before(const Program& program, int64_t run);
Result<std::vector<RunControl>, Error> run_controls(const Program& program, int64_t run);

struct FindingFilter {
  std::string verdict;  // empty: any
  bool include_suppressed = true;
  size_t limit = 0;  // 0: all
};
Result<std::vector<StoredFinding>, Error> run_findings(const Program& program, int64_t run,
                                                       const FindingFilter& filter);

}  // namespace cc::program
