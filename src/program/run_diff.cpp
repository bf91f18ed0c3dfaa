#include "program/run_diff.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <tuple>

namespace cc::program {
namespace {

// The finding columns of one side of the comparison, as "a.fingerprint, a.rule_id, …".
std::string side_columns(std::string_view side) {
  std::string out;
  for (const char* c : {"fingerprint", "rule_id", "resource", "kind", "verdict", "severity",
                        "message", "file", "line", "col", "suppressed"})
    out += fmt::format("{}{}.{}", out.empty() ? "" : ", ", side, c);
  return out;
}

std::optional<StoredFinding> side(const store::Row& r, size_t at) {
  if (r.is_null(at)) return std::nullopt;
  return StoredFinding{r.text(at),        r.text(at + 1),    r.text(at + 2),         r.text(at + 3),
                       r.text(at + 4),    r.text(at + 5),    r.text(at + 6),         r.text(at + 7),
                       r.integer(at + 8), r.integer(at + 9), r.integer(at + 10) != 0};
}

bool failing(const std::optional<StoredFinding>& f) {
  return f && f->verdict == "fail" && !f->suppressed;
}

}  // namespace

const char* to_string(FindingChange::Kind k) {
  switch (k) {
    case FindingChange::Kind::New:
      return "new";
    case FindingChange::Kind::Fixed:
      return "fixed";
    case FindingChange::Kind::Changed:
      return "changed";
  }
  return "changed";
}

size_t RunDiff::count(FindingChange::Kind k) const {
  return static_cast<size_t>(std::count_if(findings.begin(), findings.end(),
                                           [k](const FindingChange& c) { return c.kind == k; }));
}

Result<RunDiff, Error> diff_runs(const Program& p, int64_t from, int64_t to) {
  for (int64_t run : {from, to})
    if (auto r = get_run(p, run); !r) return unexpected(r.error());
  RunDiff out{from, to, {}, {}};
  // Only rows that differ come back: the database compares the two runs by fingerprint.
  // Only rows that differ come back. Each side is looked up through the (run, fingerprint)
  // key: checks in the newer run with their older counterpart when there is one, then
  // checks of the older run that are gone.
  const std::string changed =
      "SELECT " + side_columns("a") + ", " + side_columns("b") +
      " FROM run_finding b LEFT JOIN run_finding a ON a.run_id = $1 AND a.fingerprint = "
      "b.fingerprint WHERE b.run_id = $2 AND (a.fingerprint IS NULL "
      "OR a.verdict <> b.verdict OR a.severity <> b.severity OR a.message <> b.message "
      "OR a.suppressed <> b.suppressed)";
  const std::string gone =
      "SELECT " + side_columns("a") +
      " FROM run_finding a WHERE a.run_id = $1 AND NOT EXISTS (SELECT 1 FROM run_finding b "
      "WHERE b.run_id = $2 AND b.fingerprint = a.fingerprint)";
  auto rows = p.db().query(changed, {from, to});
  if (!rows) return unexpected(rows.error());
  auto removed = p.db().query(gone, {from, to});
  if (!removed) return unexpected(removed.error());
  for (const auto& r : *removed) {
    std::vector<std::optional<std::string>> cells;
    for (size_t i = 0; i < r.size(); ++i)
      cells.emplace_back(r.is_null(i) ? std::nullopt : std::optional(r.text(i)));
    cells.resize(2 * r.size());  // no newer side
    rows->emplace_back(std::move(cells));
  }
  for (const auto& r : *rows) {
    auto before = side(r, 0);
    auto after = side(r, 11);
    const bool was = failing(before);
    const bool is = failing(after);
    FindingChange c{FindingChange::Kind::Changed, before, after};
    if (is && !was)
      c.kind = FindingChange::Kind::New;
    else if (was && !is && (!after || after->verdict == "pass" || after->suppressed))
      c.kind = FindingChange::Kind::Fixed;
    else if (!(was && is) && !(was && after && after->verdict == "unknown"))
      continue;  // pass <-> unknown, absent <-> pass
    out.findings.push_back(std::move(c));
  }
  std::stable_sort(
      out.findings.begin(), out.findings.end(), [](const FindingChange& a, const FindingChange& b) {
        if (a.kind != b.kind) return a.kind < b.kind;
        const auto& fa = a.after ? *a.after : *a.before;
        const auto& fb = b.after ? *b.after : *b.before;
        return std::tie(fa.file, fa.line, fa.rule_id) < std::tie(fb.file, fb.line, fb.rule_id);
      });

  auto older = run_controls(p, from);
  auto newer = run_controls(p, to);
  if (!older) return unexpected(older.error());
  if (!newer) return unexpected(newer.error());
  std::map<std::string, const RunControl*> before;
  for (const auto& c : *older) before[c.ref] = &c;
  for (const auto& c : *newer) {
    auto it = before.find(c.ref);
    std::string was = it == before.end() ? "absent" : it->second->status;
    if (it != before.end()) before.erase(it);
    if (was != c.status) out.controls.push_back(ControlChange{c.ref, c.title, was, c.status});
  }
  for (const auto& [ref, c] : before)
    out.controls.push_back(ControlChange{ref, c->title, c->status, "absent"});
  return out;
}

Status store_comparison(const Program& p, int64_t run) {
  auto before = run_before(p, run);
  if (!before) return unexpected(before.error());
  if (!*before) return Done{};
  auto d = diff_runs(p, **before, run);
  if (!d) return unexpected(d.error());
  nlohmann::json controls = nlohmann::json::array();
  for (const auto& c : d->controls)
    controls.push_back(
        {{"ref", c.ref}, {"title", c.title}, {"before", c.before}, {"after", c.after}});
  return p.db().exec(
      "UPDATE scan_run SET compared_with = $1, new_findings = $2, fixed_findings = $3, "
      "control_changes = $4 "
      "WHERE tenant_id = $5 AND id = $6",
      {**before, static_cast<int64_t>(d->count(FindingChange::Kind::New)),
       static_cast<int64_t>(d->count(FindingChange::Kind::Fixed)), controls.dump(), p.tenant_id(),
       run});
}

Result<std::optional<RunComparison>, Error> stored_comparison(const Program& p, int64_t run) {
  auto rows = p.db().query(
      "SELECT compared_with, new_findings, fixed_findings, control_changes FROM scan_run "
      "WHERE tenant_id = $1 AND id = $2",
      {p.tenant_id(), run});
  if (!rows) return unexpected(rows.error());
  if (rows->empty() || rows->front().is_null(0)) return std::optional<RunComparison>{};
  const store::Row& r = rows->front();
  RunComparison c{
      r.integer(0), static_cast<size_t>(r.integer(1)), static_cast<size_t>(r.integer(2)), {}};
  auto controls = nlohmann::json::parse(r.text(3), nullptr, false);
  if (!controls.is_array())
    return unexpected(
        Error{Error::Kind::Schema, fmt::format("run {}: its stored comparison is damaged", run)});
  for (const auto& x : controls)
    c.controls.push_back(ControlChange{x.value("ref", ""), x.value("title", ""),
                                       x.value("before", ""), x.value("after", "")});
  return std::optional<RunComparison>(std::move(c));
}

}  // namespace cc::program
