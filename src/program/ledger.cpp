#include "program/ledger.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "program/evidence.h"
#include "program/evidence_record.h"
#include "store/blobs.h"
#include "store/sha256.h"

namespace cc::program {
namespace {

// Length-prefixed so that no two different entries hash the same text, whatever their
// fields contain.
void field(std::string& out, std::string_view value) {
  fmt::format_to(std::back_inserter(out), "{}:{}\n", value.size(), value);
}

// Applies one verified entry to the replayed state; a problem when the entry does not fit.
std::optional<std::string> apply(const LedgerEntry& e, std::map<int64_t, LedgerEvidence>& state) {
  auto payload = nlohmann::json::parse(e.payload, nullptr, false);
  if (!payload.is_object())
    return fmt::format("ledger entry {}: its payload is not a JSON object", e.seq);
  auto it = state.find(e.evidence_id);
  if (e.action == "add" || e.action == "supersede") {
    if (it != state.end())
      return fmt::format("ledger entry {}: evidence {} is added twice", e.seq, e.evidence_id);
    LedgerEvidence ev;
    if (payload.contains("controls") && payload["controls"].is_array())
      for (const auto& c : payload["controls"])
        if (c.is_string()) ev.controls.insert(c.get<std::string>());
    if (e.action == "supersede") {
      if (!payload.contains("replaces") || !payload["replaces"].is_number_integer())
        return fmt::format("ledger entry {}: a replacement that names no replaced evidence", e.seq);
      auto old = state.find(payload["replaces"].get<int64_t>());
      if (old == state.end())
        return fmt::format("ledger entry {}: replaces unknown evidence", e.seq);
      old->second.superseded_by = e.evidence_id;
    }
    payload.erase("controls");
    payload.erase("replaces");
    ev.payload = payload.dump();
    state.emplace(e.evidence_id, std::move(ev));
    return std::nullopt;
  }
  if (it == state.end())
    return fmt::format("ledger entry {}: {} of unknown evidence {}", e.seq, e.action,
                       e.evidence_id);
  if (e.action == "link" || e.action == "unlink") {
    if (!payload.contains("control") || !payload["control"].is_string())
      return fmt::format("ledger entry {}: {} names no control", e.seq, e.action);
    if (e.action == "link")
      it->second.controls.insert(payload["control"].get<std::string>());
    else
      it->second.controls.erase(payload["control"].get<std::string>());
    return std::nullopt;
  }
  if (e.action == "remove") {
    it->second.removed = true;
    return std::nullopt;
  }
  return fmt::format("ledger entry {}: unknown action \"{}\"", e.seq, e.action);
}

}  // namespace

std::string ledger_hash(const LedgerEntry& e) {
  std::string text = "cloudcomply evidence ledger 1\n";
  field(text, std::to_string(e.seq));
  field(text, e.at);
  field(text, e.actor);
  field(text, e.action);
  field(text, std::to_string(e.evidence_id));
  field(text, e.payload);
  field(text, e.prev_hash);
  return store::sha256_hex(text);
}

Status append_ledger(const Program& p, const Change& who, std::string_view action,
                     int64_t evidence_id, const std::string& payload) {
  // Writers queue here, so each reads the head the next entry must follow.
  if (auto s = p.db().lock(fmt::format("evidence-ledger.{}", p.tenant_id())); !s) return s;
  auto head = p.db().query(
      "SELECT seq, hash FROM evidence_log WHERE tenant_id = $1 ORDER BY seq DESC LIMIT 1",
      {p.tenant_id()});
  if (!head) return unexpected(head.error());
  LedgerEntry e;
  e.seq = head->empty() ? 1 : head->front().integer(0) + 1;
  e.prev_hash = head->empty() ? kLedgerGenesis : head->front().text(1);
  e.at = who.at;
  e.actor = who.actor;
  e.action = std::string(action);
  e.evidence_id = evidence_id;
  e.payload = payload;
  e.hash = ledger_hash(e);
  return p.db().exec(
      "INSERT INTO evidence_log (tenant_id, seq, at, actor, action, evidence_id, payload, "
      "prev_hash, hash) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
      {p.tenant_id(), e.seq, e.at, e.actor, e.action, e.evidence_id, e.payload, e.prev_hash,
       e.hash});
}

Result<std::vector<LedgerEntry>, Error> read_ledger(const Program& p) {
  auto rows = p.db().query(
      "SELECT seq, at, actor, action, evidence_id, payload, prev_hash, hash FROM evidence_log "
      "WHERE tenant_id = $1 "
      "ORDER BY seq",
      {p.tenant_id()});
  if (!rows) return unexpected(rows.error());
  std::vector<LedgerEntry> out;
  out.reserve(rows->size());
  for (const auto& r : *rows)
    out.push_back(LedgerEntry{r.integer(0), r.text(1), r.text(2), r.text(3), r.integer(4),
                              r.text(5), r.text(6), r.text(7)});
  return out;
}

Verification verify_chain(const std::vector<LedgerEntry>& entries,
                          std::map<int64_t, LedgerEvidence>& state) {
  Verification v;
  std::string prev = kLedgerGenesis;
  int64_t expected = 1;
  for (const auto& e : entries) {
    std::optional<std::string> broken;
    if (e.seq != expected)
      broken =
          fmt::format("ledger entry {} follows entry {}: entries are missing", e.seq, expected - 1);
    else if (e.prev_hash != prev)
      broken = fmt::format("ledger entry {} does not link to entry {}", e.seq, e.seq - 1);
    else if (ledger_hash(e) != e.hash)
      broken = fmt::format("ledger entry {} was altered: its hash does not match", e.seq);
    else
      broken = apply(e, state);
    if (broken) {
      v.problems.push_back(*broken);
      return v;  // nothing after a broken link can be trusted
    }
    prev = e.hash;
    ++expected;
    ++v.entries;
    v.head = e.hash;
  }
  v.evidence = state.size();
  return v;
}

Result<Verification, Error> verify_store(const Program& p) {
  store::Transaction snapshot(p.db(), store::TxMode::Read);
  if (snapshot.error()) return unexpected(*snapshot.error());
  auto entries = read_ledger(p);
  if (!entries) return unexpected(entries.error());
  std::map<int64_t, LedgerEvidence> state;
  Verification v = verify_chain(*entries, state);
  auto stored = list_evidence(p, true);
  if (!stored) return unexpected(stored.error());
  std::set<std::string> digests;
  for (const auto& e : *stored) {
    auto it = state.find(e.id);
    if (it == state.end()) {
      v.problems.push_back(fmt::format("evidence {} ({}) is not in the ledger", e.id, e.title));
      continue;
    }
    const LedgerEvidence& want = it->second;
    if (evidence_record_json(e).dump() != want.payload)
      v.problems.push_back(
          fmt::format("evidence {} ({}) differs from its ledger entry", e.id, e.title));
    if (std::set<std::string>(e.controls.begin(), e.controls.end()) != want.controls)
      v.problems.push_back(
          fmt::format("evidence {} supports other controls than the ledger records", e.id));
    if (e.removed_at.empty() == want.removed)
      v.problems.push_back(fmt::format("evidence {} is {} but the ledger says otherwise", e.id,
                                       e.removed_at.empty() ? "not removed" : "removed"));
    if (e.superseded_by != want.superseded_by)
      v.problems.push_back(fmt::format("evidence {}'s replacement differs from the ledger", e.id));
    digests.insert(e.sha256);
  }
  std::set<int64_t> stored_ids;
  for (const auto& e : *stored) stored_ids.insert(e.id);
  for (const auto& entry : state)
    if (!stored_ids.count(entry.first))
      v.problems.push_back(
          fmt::format("evidence {} is in the ledger but not in the store", entry.first));
  for (const auto& d : digests) {
    auto check = store::check_blob(p.db(), d);
    if (!check) return unexpected(check.error());
    if (!check->empty()) v.problems.push_back(fmt::format("stored file {}: {}", d, *check));
    ++v.files;
  }
  return v;
}

}  // namespace cc::program
