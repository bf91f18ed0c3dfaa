#pragma once
// What changed between two saved runs: findings that appeared, were fixed or changed,
// and controls whose status moved.
#include <string>
#include <vector>

#include "program/runs.h"

namespace cc::program {

struct FindingChange {
  enum class Kind : uint8_t { New, Fixed, Changed };
  Kind kind = Kind::New;
  std::optional<StoredFinding> before;  // absent when the check did not exist in the older run
  std::optional<StoredFinding> after;   // absent when it no longer exists
};
const char* to_string(FindingChange::Kind k);

struct ControlChange {
  std::string ref;
  std::string title;
  std::string before;  // status, or "absent"
  std::string after;
};

struct RunDiff {
  int64_t from = 0;
  int64_t to = 0;
  std::vector<FindingChange> findings;  // new first, then fixed, then changed
  std::vector<ControlChange> controls;
  size_t count(FindingChange::Kind k) const;
};

// New: failing (and not suppressed) in `to`, not failing in `from`. Fixed: failing in
// `from`, passing or gone in `to`. Changed: failing in both with another severity or
// message, or failing before and unknown now.
Result<RunDiff, Error> diff_runs(const Program& program, int64_t from, int64_t to);

// A run against the run saved before it: the counts and control changes of diff_runs().
struct RunComparison {
  int64_t previous = 0;
  size_t new_findings = 0;
  size_t fixed_findings = 0;
  std::vector<ControlChange> controls;
};

// Compares `run` with the run saved before it and keeps the result with the run (when
// there is no earlier run, nothing is kept). Called when a run is saved.
Status store_comparison(const Program& program, int64_t run);
// The comparison kept with `run`; nullopt when the run has no earlier run or was saved
// before comparisons were kept.
Result<std::optional<RunComparison>, Error> stored_comparison(const Program& program, int64_t run);

}  // namespace cc::program
