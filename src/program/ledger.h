#pragma once
// The evidence ledger: an append-only hash chain, one per tenant. Entry n's hash covers
// its sequence number, time, actor, action, evidence id, payload and entry n-1's hash, so
// altering, reordering or dropping any entry breaks the chain from there on.
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "program/program.h"

namespace cc::program {

// The hash entry 1 points back to.
inline const std::string kLedgerGenesis(64, '0');

struct LedgerEntry {
  int64_t seq = 0;
  std::string at;
  std::string actor;
  std::string action;  // add, supersede, link, unlink, remove
  int64_t evidence_id = 0;
  std::string payload;  // canonical JSON of the event
  std::string prev_hash;
  std::string hash;
};

// The hash the entry should carry (every field but `hash`, length-prefixed).
std::string ledger_hash(const LedgerEntry& entry);

// Appends an entry after the current head; call inside the change's write transaction.
Status append_ledger(const Program& program, const Change& who, std::string_view action,
                     int64_t evidence_id, const std::string& payload);

Result<std::vector<LedgerEntry>, Error> read_ledger(const Program& program);

// The state of each piece of evidence as the ledger tells it.
struct LedgerEvidence {
  std::string payload;  // the add/supersede payload, minus controls
  std::set<std::string> controls;
  bool removed = false;
  std::optional<int64_t> superseded_by;
};

struct Verification {
  size_t entries = 0;
  size_t evidence = 0;
  size_t files = 0;
  std::string head;                   // hash of the last good entry
  std::vector<std::string> problems;  // the first broken link comes first
  [[nodiscard]] bool ok() const { return problems.empty(); }
};

// Checks the chain (sequence, links, hashes) and replays it. Stops replaying at the
// first broken entry: nothing after it can be trusted.
Verification verify_chain(const std::vector<LedgerEntry>& entries,
                          std::map<int64_t, LedgerEvidence>& state);

// The whole store: the chain, every evidence record and control link against what the
// chain says, and every stored file against its digest.
Result<Verification, Error> verify_store(const Program& program);

}  // namespace cc::program
