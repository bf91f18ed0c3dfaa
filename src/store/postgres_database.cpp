// The PostgreSQL back end over libpq: parameters travel apart from the SQL text (no
// quoting of values anywhere), results come back as text, bytes as bytea.
#include <fmt/format.h>
#include <libpq-fe.h>

#include <cstring>

#include "store/backends.h"

namespace cc::store {
namespace {

struct ResultClear {
  void operator()(PGresult* r) const { PQclear(r); }
};
using PgResult = std::unique_ptr<PGresult, ResultClear>;

struct ConnFinish {
  void operator()(PGconn* c) const { PQfinish(c); }
};

Error::Kind kind_of_state(const char* state) {
  if (!state) return Error::Kind::Other;
  std::string_view s(state);
  if (s.substr(0, 2) == "23") return Error::Kind::Constraint;  // integrity constraint violation
  if (s == "40001" || s == "40P01" || s == "55P03") return Error::Kind::Busy;
  return Error::Kind::Other;
}

// The URL without its password, for messages.
std::string redact(const std::string& url) {
  size_t scheme = url.find("://");
  size_t at = url.find('@');
  if (scheme == std::string::npos || at == std::string::npos || at < scheme) return url;
  size_t colon = url.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return url;
  return url.substr(0, colon) + ":***" + url.substr(at);
}

class PostgresDatabase final : public Database {
 public:
  PostgresDatabase(std::string url, PGconn* conn) : url_(redact(url)), conn_(conn) {}

  [[nodiscard]] Backend backend() const override { return Backend::Postgres; }
  [[nodiscard]] std::string location() const override { return url_; }

  Status exec(std::string_view sql, const Params& params) override {
    auto r = run(sql, params, false);
    if (!r) return unexpected(std::move(r.error()));
    return Done{};
  }
  Result<Rows, Error> query(std::string_view sql, const Params& params) override {
    return run(sql, params, true);
  }

  Status exec_script(std::string_view sql) override {
    std::string text(sql);
    PgResult r(PQexec(conn_.get(), text.c_str()));
    return check(r.get());
  }

  Status begin(TxMode mode) override {
    // READ COMMITTED for writers: ordered appends take an explicit lock (lock()), and
    // every other write is a single-row change guarded by constraints.
    return exec_script(mode == TxMode::Write ? "BEGIN"
                                             : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  }
  Status commit() override { return exec_script("COMMIT"); }
  Status rollback() override { return exec_script("ROLLBACK"); }
  Status lock(std::string_view name) override {
    return exec("SELECT pg_advisory_xact_lock(hashtext($1))", {std::string(name)});
  }

 private:
  Status check(PGresult* r) const {
    auto status = PQresultStatus(r);
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return Done{};
    const char* state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
    std::string message = r ? PQresultErrorMessage(r) : PQerrorMessage(conn_.get());
    while (!message.empty() && (message.back() == '\n' || message.back() == ' '))
      message.pop_back();
    Error::Kind kind = kind_of_state(state);
    if (PQstatus(conn_.get()) != CONNECTION_OK) kind = Error::Kind::Open;
    return unexpected(Error{kind, fmt::format("{}: {}", url_, message)});
  }

  Result<Rows, Error> run(std::string_view sql, const Params& params, bool want_rows) {
    std::vector<std::string> texts(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    std::vector<int> lengths(params.size(), 0);
    std::vector<int> formats(params.size(), 0);
    for (size_t i = 0; i < params.size(); ++i) {
      std::visit(
          [&](const auto& v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::nullptr_t>) {
              values[i] = nullptr;
            } else if constexpr (std::is_same_v<T, int64_t>) {
              texts[i] = std::to_string(v);
              values[i] = texts[i].c_str();
            } else if constexpr (std::is_same_v<T, double>) {
              texts[i] = fmt::format("{}", v);
              values[i] = texts[i].c_str();
            } else if constexpr (std::is_same_v<T, std::string>) {
              values[i] = v.c_str();
            } else {
              values[i] = v.data.data();
              lengths[i] = static_cast<int>(v.data.size());
              formats[i] = 1;  // binary: bytea takes the bytes as they are
            }
          },
          params[i]);
    }
    std::string text(sql);
    PgResult r(PQexecParams(conn_.get(), text.c_str(), static_cast<int>(params.size()), nullptr,
                            values.data(), lengths.data(), formats.data(), 0));
    if (auto s = check(r.get()); !s) return unexpected(std::move(s.error()));
    Rows rows;
    if (!want_rows) return rows;
    int n = PQntuples(r.get());
    int cols = PQnfields(r.get());
    std::vector<bool> bytea(static_cast<size_t>(cols));
    for (int c = 0; c < cols; ++c)
      bytea[static_cast<size_t>(c)] = PQftype(r.get(), c) == 17;  // BYTEAOID
    rows.reserve(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) {
      std::vector<std::optional<std::string>> cells;
      cells.reserve(static_cast<size_t>(cols));
      for (int c = 0; c < cols; ++c) {
        if (PQgetisnull(r.get(), i, c)) {
          cells.emplace_back(std::nullopt);
          continue;
        }
        const char* v = PQgetvalue(r.get(), i, c);
        if (!bytea[static_cast<size_t>(c)]) {
          cells.emplace_back(std::string(v, static_cast<size_t>(PQgetlength(r.get(), i, c))));
          continue;
        }
        size_t size = 0;
        unsigned char* raw = PQunescapeBytea(reinterpret_cast<const unsigned char*>(v), &size);
        if (!raw) return unexpected(Error{Error::Kind::Other, "cannot decode a bytea value"});
        cells.emplace_back(std::string(reinterpret_cast<const char*>(raw), size));
        PQfreemem(raw);
      }
      rows.emplace_back(std::move(cells));
    }
    return rows;
  }

  std::string url_;
  std::unique_ptr<PGconn, ConnFinish> conn_;
};

// libpq prints server notices (such as "relation already exists, skipping") on
// stderr by default; the store reports what matters through its own results.
void ignore_notice(void*, const char*) {}

}  // namespace

Result<std::unique_ptr<Database>, Error> open_postgres(const std::string& url) {
  std::unique_ptr<PGconn, ConnFinish> conn(PQconnectdb(url.c_str()));
  if (!conn || PQstatus(conn.get()) != CONNECTION_OK) {
    std::string message = conn ? PQerrorMessage(conn.get()) : "out of memory";
    while (!message.empty() && (message.back() == '\n' || message.back() == ' '))
      message.pop_back();
    return unexpected(
        Error{Error::Kind::Open, fmt::format("cannot connect to {}: {}", redact(url), message)});
  }
  PQsetNoticeProcessor(conn.get(), ignore_notice, nullptr);
  auto db = std::make_unique<PostgresDatabase>(url, conn.release());
  // Timestamps are written by the program as UTC text; the session's zone does not matter,
  // but statement-level waits must not hang a command forever.
  if (auto s = db->exec_script("SET lock_timeout = '30s'; SET client_min_messages = warning"); !s)
    return unexpected(std::move(s.error()));
  return std::unique_ptr<Database>(std::move(db));
}

}  // namespace cc::store
