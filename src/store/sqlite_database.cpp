// The SQLite back end: one file, WAL journal so readers never wait for the writer,
// foreign keys enforced, full sync so a committed write survives a crash.
#include <fmt/format.h>
#include <sqlite3.h>

#include <filesystem>
#include <unordered_map>

#include "store/backends.h"
#include "store/sql_text.h"

namespace cc::store {
namespace {

Error::Kind kind_of(int code) {
  switch (code & 0xff) {
    case SQLITE_CONSTRAINT:
      return Error::Kind::Constraint;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Error::Kind::Busy;
    case SQLITE_CANTOPEN:
    case SQLITE_NOTADB:
    case SQLITE_PERM:
    case SQLITE_READONLY:
      return Error::Kind::Open;
    default:
      return Error::Kind::Other;
  }
}

struct StmtFinalizer {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using Stmt = std::unique_ptr<sqlite3_stmt, StmtFinalizer>;

struct DbCloser {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};

class SqliteDatabase final : public Database {
 public:
  SqliteDatabase(std::string path, sqlite3* db) : path_(std::move(path)), db_(db) {}

  [[nodiscard]] Backend backend() const override { return Backend::Sqlite; }
  [[nodiscard]] std::string location() const override { return path_; }

  Status exec(std::string_view sql, const Params& params) override {
    auto rows = run(sql, params, false);
    if (!rows) return unexpected(std::move(rows.error()));
    return Done{};
  }

  Result<Rows, Error> query(std::string_view sql, const Params& params) override {
    return run(sql, params, true);
  }

  Status exec_script(std::string_view sql) override {
    char* message = nullptr;
    std::string text(sql);
    int rc = sqlite3_exec(db_.get(), text.c_str(), nullptr, nullptr, &message);
    if (rc == SQLITE_OK) return Done{};
    std::string what = message ? message : sqlite3_errstr(rc);
    sqlite3_free(message);
    return unexpected(Error{kind_of(rc), what});
  }

  Status begin(TxMode mode) override {
    return exec_script(mode == TxMode::Write ? "BEGIN IMMEDIATE" : "BEGIN");
  }
  Status commit() override { return exec_script("COMMIT"); }
  Status rollback() override { return exec_script("ROLLBACK"); }
  Status lock(std::string_view) override { return Done{}; }

 private:
  Error error(int rc) const {
    return Error{kind_of(rc), fmt::format("{}: {}", path_, sqlite3_errmsg(db_.get()))};
  }

  // Statements are prepared once per connection and reused: bulk writes run the same
  // INSERT thousands of times.
  Result<sqlite3_stmt*, Error> prepare(std::string_view sql) {
    auto it = cache_.find(std::string(sql));
    if (it != cache_.end()) return it->second.get();
    std::string text = sqlite_placeholders(sql);
    sqlite3_stmt* raw = nullptr;
    int rc =
        sqlite3_prepare_v2(db_.get(), text.c_str(), static_cast<int>(text.size()), &raw, nullptr);
    Stmt stmt(raw);
    if (rc != SQLITE_OK) return unexpected(error(rc));
    if (!stmt) return unexpected(Error{Error::Kind::Other, "empty SQL statement"});
    sqlite3_stmt* out = stmt.get();
    cache_.emplace(std::string(sql), std::move(stmt));
    return out;
  }

  Result<Rows, Error> run(std::string_view sql, const Params& params, bool want_rows) {
    auto prepared = prepare(sql);
    if (!prepared) return unexpected(std::move(prepared.error()));
    sqlite3_stmt* s = *prepared;
    // However this ends, the statement is ready for its next use.
    struct Reset {
      sqlite3_stmt* s;
      ~Reset() {
        sqlite3_reset(s);
        sqlite3_clear_bindings(s);
      }
    } reset{s};
    if (static_cast<int>(params.size()) != sqlite3_bind_parameter_count(s))
      return unexpected(
          Error{Error::Kind::Other, fmt::format("statement takes {} parameters, {} given",
                                                sqlite3_bind_parameter_count(s), params.size())});
    for (size_t i = 0; i < params.size(); ++i) {
      int at = static_cast<int>(i + 1);
      int rc = std::visit(
          [&](const auto& v) -> int {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::nullptr_t>)
              return sqlite3_bind_null(s, at);
            else if constexpr (std::is_same_v<T, int64_t>)
              return sqlite3_bind_int64(s, at, v);
            else if constexpr (std::is_same_v<T, double>)
              return sqlite3_bind_double(s, at, v);
            else if constexpr (std::is_same_v<T, std::string>)
              return sqlite3_bind_text64(s, at, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
            else
              return sqlite3_bind_blob64(s, at, v.data.data(), v.data.size(), SQLITE_TRANSIENT);
          },
          params[i]);
      if (rc != SQLITE_OK) return unexpected(error(rc));
    }
    Rows rows;
    for (;;) {
      int rc = sqlite3_step(s);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) return unexpected(error(rc));
      if (!want_rows) continue;
      int n = sqlite3_column_count(s);
      std::vector<std::optional<std::string>> cells;
      cells.reserve(static_cast<size_t>(n));
      for (int c = 0; c < n; ++c) {
        if (sqlite3_column_type(s, c) == SQLITE_NULL) {
          cells.emplace_back(std::nullopt);
          continue;
        }
        const void* data = sqlite3_column_blob(s, c);
        int size = sqlite3_column_bytes(s, c);
        cells.emplace_back(std::string(static_cast<const char*>(data), static_cast<size_t>(size)));
      }
      rows.emplace_back(std::move(cells));
    }
    return rows;
  }

  std::string path_;
  std::unique_ptr<sqlite3, DbCloser> db_;
  std::unordered_map<std::string, Stmt> cache_;  // destroyed before db_
};

}  // namespace

Result<std::unique_ptr<Database>, Error> open_sqlite(const std::string& path, int busy_ms) {
  std::error_code ec;
  std::filesystem::path p(path);
  if (p.has_parent_path()) std::filesystem::create_directories(p.parent_path(), ec);
  sqlite3* raw = nullptr;
  int rc =
      sqlite3_open_v2(path.c_str(), &raw,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  std::unique_ptr<sqlite3, DbCloser> db(raw);
  if (rc != SQLITE_OK)
    return unexpected(
        Error{Error::Kind::Open, fmt::format("cannot open the store {}: {}", path,
                                             db ? sqlite3_errmsg(db.get()) : sqlite3_errstr(rc))});
  sqlite3_busy_timeout(db.get(), busy_ms);
  auto out = std::make_unique<SqliteDatabase>(path, db.release());
  // FULL sync: the store is a ledger, and a commit that a power cut could undo is no commit.
  if (auto s = out->exec_script(
          "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL;");
      !s)
    return unexpected(Error{Error::Kind::Open,
                            fmt::format("cannot open the store {}: {}", path, s.error().message)});
  return std::unique_ptr<Database>(std::move(out));
}

}  // namespace cc::store
