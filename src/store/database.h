#pragma once
// One connection to the program store, whatever holds it: a SQLite file (the default,
// one user) or a PostgreSQL server (teams). Callers write SQL once, with $1, $2, ...
// placeholders and the portable subset both engines share; the back end adapts the
// placeholders. A connection is used by one thread at a time: open one per thread.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/result.h"

namespace cc::store {

enum class Backend : uint8_t { Sqlite, Postgres };
const char* to_string(Backend b);

// What went wrong, in words a person can act on, and a class for callers that react.
struct Error {
  enum class Kind : uint8_t {
    Open,        // cannot reach or create the store
    Constraint,  // a unique, foreign-key or check constraint refused the write
    Busy,        // another writer held the store past the wait limit
    Schema,      // the store's schema is newer than this program, or a migration failed
    NotFound,    // what was asked for is not in the store
    Invalid,     // the request itself is wrong (a missing field, an unknown value)
    Conflict,    // someone else changed the record since it was read
    Other,
  };
  Kind kind = Kind::Other;
  std::string message;
};

// Nothing but success or an Error.
struct Done {};
using Status = Result<Done, Error>;

// Bytes, as opposed to text: stored as BLOB / BYTEA.
struct Bytes {
  std::string data;
};

using Param = std::variant<std::nullptr_t, int64_t, double, std::string, Bytes>;
using Params = std::vector<Param>;

// One result row; every column as text (bytes for BLOB/BYTEA), nullopt for NULL.
class Row {
 public:
  explicit Row(std::vector<std::optional<std::string>> cells) : cells_(std::move(cells)) {}
  [[nodiscard]] size_t size() const { return cells_.size(); }
  [[nodiscard]] bool is_null(size_t i) const { return !cells_.at(i).has_value(); }
  // The column's text; empty for NULL.
  [[nodiscard]] const std::string& text(size_t i) const;
  // The column as an integer; 0 for NULL or text that is not one.
  [[nodiscard]] int64_t integer(size_t i) const;

 private:
  std::vector<std::optional<std::string>> cells_;
};
using Rows = std::vector<Row>;

enum class TxMode : uint8_t {
  Read,   // a consistent snapshot for several reads
  Write,  // takes the write lock up front, so two writers queue instead of deadlocking
};

class Database {
 public:
  virtual ~Database() = default;
  Database() = default;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  [[nodiscard]] virtual Backend backend() const = 0;
  // Where the store is, for messages (a file path, or the server URL without password).
  [[nodiscard]] virtual std::string location() const = 0;

  // One statement with parameters.
  virtual Status exec(std::string_view sql, const Params& params = {}) = 0;
  virtual Result<Rows, Error> query(std::string_view sql, const Params& params = {}) = 0;
  // Several statements separated by semicolons, no parameters (migrations).
  virtual Status exec_script(std::string_view sql) = 0;

  virtual Status begin(TxMode mode) = 0;
  virtual Status commit() = 0;
  virtual Status rollback() = 0;
  // Inside a write transaction: waits until no other writer holds `name`. Needed on
  // PostgreSQL, where writers run side by side, before appending to an ordered chain;
  // SQLite's write transaction already excludes every other writer.
  virtual Status lock(std::string_view name) = 0;

 private:
  friend class Transaction;
  int depth_ = 0;  // open Transaction objects on this connection
};

// "postgres://…" or "postgresql://…" (libpq's URI syntax) opens PostgreSQL; anything
// else is a SQLite file path, created with its directory when missing. SQLite runs in
// WAL mode with foreign keys on and waits up to `busy_ms` for other writers.
Result<std::unique_ptr<Database>, Error> open_database(const std::string& url, int busy_ms = 10000);

// True when `url` names a PostgreSQL server.
bool is_postgres_url(std::string_view url);

// Rolls back unless committed: a write that stops half way leaves nothing behind.
// Transactions nest: an inner one is a savepoint of the outer, so a function that
// needs a transaction can be called inside another's.
class Transaction {
 public:
  Transaction(Database& db, TxMode mode);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  // The error of BEGIN, when it failed.
  [[nodiscard]] const std::optional<Error>& error() const { return error_; }
  Status commit();

 private:
  Database& db_;
  bool open_ = false;
  int level_ = 0;  // 0: the outermost
  std::optional<Error> error_;
};

}  // namespace cc::store
