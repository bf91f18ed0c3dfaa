#include "program/evidence.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "program/dates.h"
#include "program/evidence_record.h"
#include "program/ledger.h"
#include "store/blobs.h"

namespace cc::program {
namespace {

constexpr const char* kColumns =
    "id, title, kind, file_name, sha256, size, collected_on, effective_on, review_days, "
    "expires_on, superseded_by, "
    "removed_at, removed_reason, created_at, created_by";

Evidence from_row(const store::Row& r) {
  Evidence e;
  e.id = r.integer(0);
  e.title = r.text(1);
  e.kind = r.text(2);
  e.file_name = r.text(3);
  e.sha256 = r.text(4);
  e.size = static_cast<uint64_t>(r.integer(5));
  e.collected_on = r.text(6);
  e.effective_on = r.text(7);
  if (!r.is_null(8)) e.review_days = r.integer(8);
  e.expires_on = r.text(9);
  if (!r.is_null(10)) e.superseded_by = r.integer(10);
  e.removed_at = r.text(11);
  e.removed_reason = r.text(12);
  e.created_at = r.text(13);
  e.created_by = r.text(14);
  return e;
}

Status load_controls(const Program& p, Evidence& e) {
  auto rows = p.db().query(
      "SELECT control_ref FROM evidence_control WHERE evidence_id = $1 ORDER BY control_ref",
      {e.id});
  if (!rows) return unexpected(rows.error());
  e.controls.clear();
  for (const auto& r : *rows) e.controls.push_back(r.text(0));
  return Done{};
}

Error invalid(std::string message) { return Error{Error::Kind::Invalid, std::move(message)}; }

// Checks the input and fills its defaults; the error names the field.
Result<EvidenceInput, Error> checked(EvidenceInput in, const Change& who) {
  if (in.title.empty()) return unexpected(invalid("evidence needs a title"));
  if (in.kind.empty()) in.kind = "document";
  const auto& kinds = evidence_kinds();
  if (std::find(kinds.begin(), kinds.end(), in.kind) == kinds.end())
    return unexpected(invalid(
        fmt::format("evidence kind \"{}\" is not one of: {}", in.kind, fmt::join(kinds, ", "))));
  auto name = safe_file_name(in.file_name.empty() ? in.file.filename().string() : in.file_name);
  if (!name)
    return unexpected(invalid(fmt::format("\"{}\" cannot be used as a file name", in.file_name)));
  in.file_name = *name;
  if (in.collected_on.empty()) in.collected_on = date_of(who.at);
  if (in.effective_on.empty()) in.effective_on = in.collected_on;
  for (const auto* d : {&in.collected_on, &in.effective_on, &in.expires_on})
    if (!d->empty() && !parse_date(*d))
      return unexpected(invalid(fmt::format("\"{}\" is not a date (YYYY-MM-DD)", *d)));
  if (in.review_days && *in.review_days <= 0)
    return unexpected(invalid("the review interval must be at least one day"));
  if (in.review_days && !in.expires_on.empty())
    return unexpected(invalid("give a review interval or an expiry date, not both"));
  if (!in.expires_on.empty() && *parse_date(in.expires_on) < *parse_date(in.effective_on))
    return unexpected(invalid(fmt::format("evidence expiring on {} before it takes effect on {}",
                                          in.expires_on, in.effective_on)));
  std::sort(in.controls.begin(), in.controls.end());
  in.controls.erase(std::unique(in.controls.begin(), in.controls.end()), in.controls.end());
  return in;
}

Result<Evidence, Error> get_in(const Program& p, int64_t id) {
  auto rows = p.db().query(
      fmt::format("SELECT {} FROM evidence WHERE tenant_id = $1 AND id = $2", kColumns),
      {p.tenant_id(), id});
  if (!rows) return unexpected(rows.error());
  if (rows->empty())
    return unexpected(Error{Error::Kind::NotFound, fmt::format("no evidence with id {}", id)});
  Evidence e = from_row(rows->front());
  if (auto s = load_controls(p, e); !s) return unexpected(s.error());
  return e;
}

// Evidence that no longer supports anything cannot be changed further.
Status require_active(const Evidence& e) {
  if (!e.removed_at.empty())
    return unexpected(invalid(fmt::format("evidence {} was removed on {}", e.id, e.removed_at)));
  if (e.superseded_by)
    return unexpected(
        invalid(fmt::format("evidence {} was replaced by evidence {}", e.id, *e.superseded_by)));
  return Done{};
}

Status insert_links(const Program& p, int64_t id, const std::vector<std::string>& controls) {
  for (const auto& c : controls)
    if (auto s =
            p.db().exec("INSERT INTO evidence_control (evidence_id, control_ref) VALUES ($1, $2) "
                        "ON CONFLICT (evidence_id, control_ref) DO NOTHING",
                        {id, c});
        !s)
      return s;
  return Done{};
}

// Stores the file and the record, links the controls and writes the ledger entry.
Result<Evidence, Error> insert(const Program& p, const EvidenceInput& in, const Change& who,
                               const EvidenceLimits& limits, std::optional<int64_t> replaces) {
  auto blob = store::put_blob(p.db(), in.file, limits.max_bytes, who.at);
  if (!blob) return unexpected(blob.error());
  auto made = p.db().query(
      "INSERT INTO evidence (tenant_id, title, kind, file_name, sha256, size, collected_on, "
      "effective_on, "
      "review_days, expires_on, created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, "
      "$9, $10, $11, $12) "
      "RETURNING id",
      {p.tenant_id(), in.title, in.kind, in.file_name, blob->sha256,
       static_cast<int64_t>(blob->size), in.collected_on, in.effective_on,
       in.review_days ? store::Param(*in.review_days) : store::Param(nullptr),
       in.expires_on.empty() ? store::Param(nullptr) : store::Param(in.expires_on), who.at,
       who.actor});
  if (!made) return unexpected(made.error());
  const int64_t id = made->front().integer(0);
  if (auto s = insert_links(p, id, in.controls); !s) return unexpected(s.error());
  auto e = get_in(p, id);
  if (!e) return unexpected(e.error());
  nlohmann::json payload = evidence_record_json(*e);
  payload["controls"] = e->controls;
  if (replaces) payload["replaces"] = *replaces;
  if (auto s = append_ledger(p, who, replaces ? "supersede" : "add", id, payload.dump()); !s)
    return unexpected(s.error());
  return e;
}

template <class F>
auto in_write_tx(const Program& p, F&& body) -> decltype(body()) {
  store::Transaction tx(p.db(), store::TxMode::Write);
  if (tx.error()) return unexpected(*tx.error());
  auto out = body();
  if (!out) return out;
  if (auto c = tx.commit(); !c) return unexpected(c.error());
  return out;
}

}  // namespace

const std::vector<std::string>& evidence_kinds() {
  static const std::vector<std::string> kinds = {"document",    "policy",   "record",
                                                 "contract",    "training", "screenshot",
                                                 "scan-result", "report",   "other"};
  return kinds;
}

const char* to_string(Freshness f) {
  switch (f) {
    case Freshness::Current:
      return "current";
    case Freshness::Expiring:
      return "expiring";
    case Freshness::Expired:
      return "expired";
    case Freshness::Superseded:
      return "superseded";
    case Freshness::Removed:
      return "removed";
  }
  return "current";
}

std::string valid_until(const Evidence& e) {
  if (!e.expires_on.empty()) return e.expires_on;
  if (e.review_days) {
    if (auto start = parse_date(e.effective_on)) return format_date(*start + *e.review_days);
  }
  return {};
}

Freshness freshness(const Evidence& e, std::string_view today, int warn_days) {
  if (!e.removed_at.empty()) return Freshness::Removed;
  if (e.superseded_by) return Freshness::Superseded;
  const std::string until = valid_until(e);
  auto now = parse_date(today);
  auto end = parse_date(until);
  if (!now || !end) return Freshness::Current;
  if (*now > *end) return Freshness::Expired;
  if (*end - *now <= warn_days) return Freshness::Expiring;
  return Freshness::Current;
}

std::optional<std::string> safe_file_name(std::string_view name) {
  // Only the last component counts: "../../etc/passwd" is "passwd".
  if (size_t slash = name.find_last_of("/\\"); slash != std::string_view::npos)
    name = name.substr(slash + 1);
  std::string out;
  for (unsigned char c : name)
    if (c >= 0x20 && c != 0x7f) out.push_back(static_cast<char>(c));
  if (out.empty() || out == "." || out == ".." || out.size() > 255) return std::nullopt;
  return out;
}

Result<Evidence, Error> add_evidence(const Program& p, const EvidenceInput& input,
                                     const Change& who, const EvidenceLimits& limits) {
  auto in = checked(input, who);
  if (!in) return unexpected(in.error());
  return in_write_tx(
      p, [&]() -> Result<Evidence, Error> { return insert(p, *in, who, limits, std::nullopt); });
}

Result<Evidence, Error> supersede_evidence(const Program& p, int64_t old_id, EvidenceInput input,
                                           const Change& who, const EvidenceLimits& limits) {
  return in_write_tx(p, [&]() -> Result<Evidence, Error> {
    auto old = get_in(p, old_id);
    if (!old) return unexpected(old.error());
    if (auto s = require_active(*old); !s) return unexpected(s.error());
    if (input.controls.empty()) input.controls = old->controls;
    if (input.title.empty()) input.title = old->title;
    if (input.kind.empty()) input.kind = old->kind;
    if (!input.review_days && input.expires_on.empty()) input.review_days = old->review_days;
    auto in = checked(std::move(input), who);
    if (!in) return unexpected(in.error());
    auto made = insert(p, *in, who, limits, old_id);
    if (!made) return made;
    if (auto s =
            p.db().exec("UPDATE evidence SET superseded_by = $1 WHERE id = $2", {made->id, old_id});
        !s)
      return unexpected(s.error());
    return made;
  });
}

Status link_evidence(const Program& p, int64_t id, const std::vector<std::string>& controls,
                     const Change& who) {
  return in_write_tx(p, [&]() -> Status {
    auto e = get_in(p, id);
    if (!e) return unexpected(e.error());
    if (auto s = require_active(*e); !s) return s;
    for (const auto& c : controls) {
      if (std::find(e->controls.begin(), e->controls.end(), c) != e->controls.end()) continue;
      if (auto s = insert_links(p, id, {c}); !s) return s;
      if (auto s = append_ledger(p, who, "link", id, nlohmann::json{{"control", c}}.dump()); !s)
        return s;
    }
    return Done{};
  });
}

Status unlink_evidence(const Program& p, int64_t id, const std::vector<std::string>& controls,
                       const Change& who) {
  return in_write_tx(p, [&]() -> Status {
    auto e = get_in(p, id);
    if (!e) return unexpected(e.error());
    if (auto s = require_active(*e); !s) return s;
    for (const auto& c : controls) {
      if (std::find(e->controls.begin(), e->controls.end(), c) == e->controls.end())
        return unexpected(invalid(fmt::format("evidence {} does not support {}", id, c)));
      if (auto s = p.db().exec(
              "DELETE FROM evidence_control WHERE evidence_id = $1 AND control_ref = $2", {id, c});
          !s)
        return s;
      if (auto s = append_ledger(p, who, "unlink", id, nlohmann::json{{"control", c}}.dump()); !s)
        return s;
    }
    return Done{};
  });
}

Status remove_evidence(const Program& p, int64_t id, const std::string& reason, const Change& who) {
  if (reason.empty()) return unexpected(invalid("say why the evidence is removed (--reason)"));
  return in_write_tx(p, [&]() -> Status {
    auto e = get_in(p, id);
    if (!e) return unexpected(e.error());
    if (auto s = require_active(*e); !s) return s;
    if (auto s =
            p.db().exec("UPDATE evidence SET removed_at = $1, removed_reason = $2 WHERE id = $3",
                        {who.at, reason, id});
        !s)
      return s;
    return append_ledger(p, who, "remove", id, nlohmann::json{{"reason", reason}}.dump());
  });
}

Result<Evidence, Error> get_evidence(const Program& p, int64_t id) { return get_in(p, id); }

Result<std::vector<Evidence>, Error> list_evidence(const Program& p, bool include_inactive) {
  auto rows = p.db().query(
      fmt::format("SELECT {} FROM evidence WHERE tenant_id = $1 {} ORDER BY id", kColumns,
                  include_inactive ? "" : "AND removed_at IS NULL AND superseded_by IS NULL"),
      {p.tenant_id()});
  if (!rows) return unexpected(rows.error());
  std::vector<Evidence> out;
  for (const auto& r : *rows) {
    out.push_back(from_row(r));
    if (auto s = load_controls(p, out.back()); !s) return unexpected(s.error());
  }
  return out;
}

nlohmann::json evidence_record_json(const Evidence& e) {
  return {{"id", e.id},
          {"title", e.title},
          {"kind", e.kind},
          {"file_name", e.file_name},
          {"sha256", e.sha256},
          {"size", e.size},
          {"collected_on", e.collected_on},
          {"effective_on", e.effective_on},
          {"review_days", e.review_days ? nlohmann::json(*e.review_days) : nlohmann::json()},
          {"expires_on", e.expires_on}};
}

}  // namespace cc::program
