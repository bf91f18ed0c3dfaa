#pragma once
// Evidence: the files and records that show controls work (a policy, a training
// export, a contract clause, a screenshot, a scan result), stored by content digest,
// with the dates that decide whether each still counts. Every add, replacement, link
// and removal is appended to the evidence ledger (ledger.h) in the same transaction.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "program/program.h"

namespace cc::program {

// Kinds of evidence, as written in the store and on the command line.
const std::vector<std::string>& evidence_kinds();

struct EvidenceInput {
  std::filesystem::path file;
  std::string title;
  std::string kind;                    // empty: "document" (supersede: the old one's)
  std::vector<std::string> controls;   // control refs as the catalog spells them
  std::string collected_on;            // YYYY-MM-DD; empty: the day of the change
  std::string effective_on;            // empty: collected_on
  std::optional<int64_t> review_days;  // must be reviewed this many days after effective_on
  std::string expires_on;              // or expires on this date
  std::string file_name;               // empty: the file's own name
};

struct EvidenceLimits {
  uint64_t max_bytes = uint64_t{256} << 20;
};

struct Evidence {
  int64_t id = 0;
  std::string title;
  std::string kind;
  std::string file_name;
  std::string sha256;
  uint64_t size = 0;
  std::string collected_on;
  std::string effective_on;
  std::optional<int64_t> review_days;
  std::string expires_on;
  std::optional<int64_t> superseded_by;
  std::string removed_at;
  std::string removed_reason;
  std::string created_at;
  std::string created_by;
  std::vector<std::string> controls;  // sorted
};

enum class Freshness : uint8_t { Current, Expiring, Expired, Superseded, Removed };
const char* to_string(Freshness f);

// The last day the evidence counts: expires_on, else effective_on + review_days; empty
// when it never lapses.
std::string valid_until(const Evidence& e);
// Its state on `today` (YYYY-MM-DD); Expiring within `warn_days` of valid_until.
Freshness freshness(const Evidence& e, std::string_view today, int warn_days = 30);

// A file name safe to show and to write next to others: no directories, no "..", no
// control characters. nullopt when nothing usable is left.
std::optional<std::string> safe_file_name(std::string_view name);

Result<Evidence, Error> add_evidence(const Program& program, const EvidenceInput& input,
                                     const Change& who, const EvidenceLimits& limits = {});
// New evidence that replaces `old_id` (which stays, marked superseded). Title, kind,
// controls and review interval not given are the old one's.
Result<Evidence, Error> supersede_evidence(const Program& program, int64_t old_id,
                                           EvidenceInput input, const Change& who,
                                           const EvidenceLimits& limits = {});
Status link_evidence(const Program& program, int64_t id, const std::vector<std::string>& controls,
                     const Change& who);
Status unlink_evidence(const Program& program, int64_t id, const std::vector<std::string>& controls,
                       const Change& who);
// Marks the evidence removed (it no longer supports any control); the stored file and
// the record stay for the ledger.
Status remove_evidence(const Program& program, int64_t id, const std::string& reason,
                       const Change& who);

Result<Evidence, Error> get_evidence(const Program& program, int64_t id);
// All evidence, oldest first; removed and superseded too when `include_inactive`.
Result<std::vector<Evidence>, Error> list_evidence(const Program& program, bool include_inactive);

}  // namespace cc::program
