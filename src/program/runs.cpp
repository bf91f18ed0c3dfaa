#include "program/runs.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "program/run_diff.h"
#include "store/sha256.h"

namespace cc::program {
namespace {

constexpr size_t kBatchRows = 400;  // rows per INSERT: 400 x 12 parameters stays under every limit
constexpr size_t kFindingFields = 12;

// The spill file holds each finding as its text fields, length-prefixed.
void put(std::FILE* f, std::string_view s) {
  uint64_t n = s.size();
  std::fwrite(&n, sizeof n, 1, f);
  std::fwrite(s.data(), 1, s.size(), f);
}
bool get(std::FILE* f, std::string& s) {
  uint64_t n = 0;
  if (std::fread(&n, sizeof n, 1, f) != 1) return false;
  s.resize(n);
  return std::fread(s.data(), 1, n, f) == n;
}

std::string batch_sql(size_t rows) {
  std::string sql =
      "INSERT INTO run_finding (run_id, fingerprint, rule_id, resource, kind, verdict, severity, "
      "message, file, "
      "line, col, suppressed) VALUES ";
  size_t p = 1;
  for (size_t r = 0; r < rows; ++r) {
    sql += r ? ",(" : "(";
    for (size_t c = 0; c < kFindingFields; ++c) sql += fmt::format("{}${}", c ? "," : "", p++);
    sql += ")";
  }
  return sql;
}

RunSummary summary_of(const store::Row& r) {
  RunSummary s;
  s.id = r.integer(0);
  s.started_at = r.text(1);
  s.finished_at = r.text(2);
  s.actor = r.text(3);
  s.tool_version = r.text(4);
  s.rules_digest = r.text(5);
  s.rules_count = r.integer(6);
  s.framework = r.text(7);
  s.label = r.text(8);
  auto inputs = nlohmann::json::parse(r.text(9), nullptr, false);
  if (inputs.is_array())
    for (const auto& i : inputs)
      if (i.is_object())
        s.inputs.push_back(
            RunInput{i.value("path", ""), i.value("sha256", ""), i.value("bytes", uint64_t{0})});
  s.findings = r.integer(10);
  s.passed = r.integer(11);
  s.failed = r.integer(12);
  s.unknown = r.integer(13);
  s.suppressed = r.integer(14);
  return s;
}

constexpr const char* kRunColumns =
    "id, started_at, finished_at, actor, tool_version, rules_digest, rules_count, framework, "
    "label, inputs, findings, "
    "passed, failed, unknown, suppressed";

}  // namespace

std::string finding_fingerprint(std::string_view rule_id, std::string_view resource,
                                std::string_view file) {
  store::Sha256 h;
  for (auto part : {rule_id, resource, file}) h.update(fmt::format("{}:{}\n", part.size(), part));
  return h.hex().substr(0, 32);
}

RunWriter::RunWriter(RunSummary header) : header_(std::move(header)), spill_(std::tmpfile()) {
  if (!spill_)
    error_ = Error{Error::Kind::Other, "cannot create a temporary file for the run's findings"};
}

RunWriter::~RunWriter() {
  if (spill_) std::fclose(spill_);
}

Status RunWriter::add(StoredFinding f) {
  if (error_) return unexpected(*error_);
  if (f.fingerprint.empty()) f.fingerprint = finding_fingerprint(f.rule_id, f.resource, f.file);
  ++count_;
  if (f.verdict == "pass")
    ++header_.passed;
  else if (f.verdict == "fail")
    ++header_.failed;
  else
    ++header_.unknown;
  if (f.suppressed) ++header_.suppressed;
  for (const std::string* s : {&f.fingerprint, &f.rule_id, &f.resource, &f.kind, &f.verdict,
                               &f.severity, &f.message, &f.file})
    put(spill_, *s);
  put(spill_, fmt::format("{} {} {}", f.line, f.col, f.suppressed ? 1 : 0));
  if (std::ferror(spill_)) {
    error_ = Error{Error::Kind::Other, "cannot write the run's findings to a temporary file"};
    return unexpected(*error_);
  }
  return Done{};
}

Result<int64_t, Error> RunWriter::finish(const Program& p, const std::vector<RunControl>& controls,
                                         const std::vector<RunInput>& inputs,
                                         const std::string& finished_at) {
  if (error_) return unexpected(*error_);
  nlohmann::json in = nlohmann::json::array();
  for (const auto& i : inputs)
    in.push_back({{"path", i.path}, {"sha256", i.sha256}, {"bytes", i.bytes}});
  store::Database& db = p.db();
  store::Transaction tx(db, store::TxMode::Write);
  if (tx.error()) return unexpected(*tx.error());
  auto made = db.query(
      "INSERT INTO scan_run (tenant_id, started_at, finished_at, actor, tool_version, "
      "rules_digest, rules_count, "
      "framework, label, inputs, findings, passed, failed, unknown, suppressed) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id",
      {p.tenant_id(), header_.started_at, finished_at, header_.actor, header_.tool_version,
       header_.rules_digest, header_.rules_count, header_.framework, header_.label, in.dump(),
       static_cast<int64_t>(count_), header_.passed, header_.failed, header_.unknown,
       header_.suppressed});
  if (!made) return unexpected(made.error());
  const int64_t run = made->front().integer(0);

  // Fingerprints made twice in one run (the same rule on two resources of one name in
  // one file) are told apart by their order.
  std::unordered_map<std::string, int> repeats;
  std::rewind(spill_);
  store::Params batch;
  batch.reserve(kBatchRows * kFindingFields);
  size_t rows = 0;
  auto flush = [&]() -> Status {
    if (rows == 0) return Done{};
    auto s = db.exec(batch_sql(rows), batch);
    batch.clear();
    rows = 0;
    return s;
  };
  std::string f[9];
  for (size_t n = 0; n < count_; ++n) {
    for (auto& field : f)
      if (!get(spill_, field))
        return unexpected(Error{Error::Kind::Other, "cannot read back the run's findings"});
    long long line = 0, col = 0;
    int suppressed = 0;
    std::sscanf(f[8].c_str(), "%lld %lld %d", &line, &col, &suppressed);
    if (int k = ++repeats[f[0]]; k > 1) f[0] += fmt::format("#{}", k);
    batch.insert(batch.end(), {run, f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], int64_t{line},
                               int64_t{col}, int64_t{suppressed}});
    if (++rows == kBatchRows)
      if (auto s = flush(); !s) return unexpected(s.error());
  }
  if (auto s = flush(); !s) return unexpected(s.error());
  for (const auto& c : controls) {
    auto s = db.exec(
        "INSERT INTO run_control (run_id, control_ref, title, status, pass, fail, unknown, "
        "suppressed, worst, rules, failing_rules) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        {run, c.ref, c.title, c.status, c.pass, c.fail, c.unknown, c.suppressed, c.worst,
         nlohmann::json(c.rules).dump(), nlohmann::json(c.failing_rules).dump()});
    if (!s) return unexpected(s.error());
  }
  // PostgreSQL plans from sampled statistics: until they know the new run's id, the
  // planner takes it for a handful of rows, and comparing runs can turn into a quadratic
  // nested loop (seen at 100 runs of 100k findings). ANALYZE sees this transaction's rows
  // and costs a fraction of a second; SQLite plans from its indexes and needs nothing.
  if (db.backend() == store::Backend::Postgres)
    if (auto s = db.exec_script("ANALYZE run_finding, run_control, scan_run"); !s)
      return unexpected(s.error());
  if (auto s = store_comparison(p, run); !s) return unexpected(s.error());
  if (auto s = tx.commit(); !s) return unexpected(s.error());
  return run;
}

Result<std::vector<RunSummary>, Error> list_runs(const Program& p, size_t limit) {
  auto rows = p.db().query(
      fmt::format("SELECT {} FROM scan_run WHERE tenant_id = $1 ORDER BY id DESC LIMIT $2",
                  kRunColumns),
      {p.tenant_id(), static_cast<int64_t>(limit)});
  if (!rows) return unexpected(rows.error());
  std::vector<RunSummary> out;
  for (const auto& r : *rows) out.push_back(summary_of(r));
  return out;
}

Result<RunSummary, Error> get_run(const Program& p, int64_t id) {
  auto rows = p.db().query(
      fmt::format("SELECT {} FROM scan_run WHERE tenant_id = $1 AND id = $2", kRunColumns),
      {p.tenant_id(), id});
  if (!rows) return unexpected(rows.error());
  if (rows->empty())
    return unexpected(Error{Error::Kind::NotFound, fmt::format("no saved run {}", id)});
  return summary_of(rows->front());
}

Result<int64_t, Error> recent_run(const Program& p, size_t back) {
  auto rows = p.db().query(
      "SELECT id FROM scan_run WHERE tenant_id = $1 ORDER BY id DESC LIMIT 1 OFFSET $2",
      {p.tenant_id(), static_cast<int64_t>(back)});
  if (!rows) return unexpected(rows.error());
  if (rows->empty())
    return unexpected(Error{Error::Kind::NotFound,
                            back == 0 ? "no saved run yet; save one with `cloudcomply scan --save`"
                                      : fmt::format("fewer than {} saved runs", back + 1)});
  return rows->front().integer(0);
}

Result<std::optional<int64_t>, Error> run_before(const Program& p, int64_t run) {
  auto rows = p.db().query(
      "SELECT id FROM scan_run WHERE tenant_id = $1 AND id < $2 ORDER BY id DESC LIMIT 1",
      {p.tenant_id(), run});
  if (!rows) return unexpected(rows.error());
  if (rows->empty()) return std::optional<int64_t>{};
  return std::optional<int64_t>{rows->front().integer(0)};
}

Result<std::vector<RunControl>, Error> run_controls(const Program& p, int64_t run) {
  auto rows = p.db().query(
      "SELECT c.control_ref, c.title, c.status, c.pass, c.fail, c.unknown, c.suppressed, c.worst, "
      "c.rules, c.failing_rules "
      "FROM run_control c JOIN scan_run r ON r.id = c.run_id WHERE r.tenant_id = $1 AND c.run_id = "
      "$2 "
      "ORDER BY c.control_ref",
      {p.tenant_id(), run});
  if (!rows) return unexpected(rows.error());
  std::vector<RunControl> out;
  for (const auto& r : *rows) {
    RunControl c{r.text(0),    r.text(1),    r.text(2), r.integer(3), r.integer(4),
                 r.integer(5), r.integer(6), r.text(7), {},           {}};
    for (auto [column, list] :
         {std::pair{size_t{8}, &c.rules}, std::pair{size_t{9}, &c.failing_rules}}) {
      auto rules = nlohmann::json::parse(r.text(column), nullptr, false);
      if (rules.is_array())
        for (const auto& x : rules)
          if (x.is_string()) list->push_back(x.get<std::string>());
    }
    out.push_back(std::move(c));
  }
  return out;
}

Result<std::vector<StoredFinding>, Error> run_findings(const Program& p, int64_t run,
                                                       const FindingFilter& filter) {
  std::string sql =
      "SELECT f.fingerprint, f.rule_id, f.resource, f.kind, f.verdict, f.severity, f.message, "
      "f.file, f.line, f.col, "
      "f.suppressed FROM run_finding f JOIN scan_run r ON r.id = f.run_id "
      "WHERE r.tenant_id = $1 AND f.run_id = $2 AND ($3 = '' OR f.verdict = $3) AND ($4 = 1 OR "
      "f.suppressed = 0) "
      "ORDER BY f.file, f.line, f.rule_id";
  store::Params params{p.tenant_id(), run, filter.verdict,
                       int64_t{filter.include_suppressed ? 1 : 0}};
  if (filter.limit) {
    sql += " LIMIT $5";
    params.emplace_back(static_cast<int64_t>(filter.limit));
  }
  auto rows = p.db().query(sql, params);
  if (!rows) return unexpected(rows.error());
  std::vector<StoredFinding> out;
  out.reserve(rows->size());
  for (const auto& r : *rows)
    out.push_back(StoredFinding{r.text(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5),
                                r.text(6), r.text(7), r.integer(8), r.integer(9),
                                r.integer(10) != 0});
  return out;
}

}  // namespace cc::program
