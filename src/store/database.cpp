#include "store/database.h"

#include <fmt/format.h>

#include <charconv>

#include "store/backends.h"

namespace cc::store {

const char* to_string(Backend b) { return b == Backend::Sqlite ? "sqlite" : "postgres"; }

const std::string& Row::text(size_t i) const {
  static const std::string empty;
  const auto& cell = cells_.at(i);
  return cell ? *cell : empty;
}

int64_t Row::integer(size_t i) const {
  const std::string& t = text(i);
  int64_t out = 0;
  std::from_chars(t.data(), t.data() + t.size(), out);
  return out;
}

bool is_postgres_url(std::string_view url) {
  return url.rfind("postgres://", 0) == 0 || url.rfind("postgresql://", 0) == 0;
}

Result<std::unique_ptr<Database>, Error> open_database(const std::string& url, int busy_ms) {
  if (is_postgres_url(url)) return open_postgres(url);
  return open_sqlite(url, busy_ms);
}

Transaction::Transaction(Database& db, TxMode mode) : db_(db), level_(db.depth_) {
  auto s = level_ == 0 ? db_.begin(mode) : db_.exec_script(fmt::format("SAVEPOINT cc_{}", level_));
  if (!s) {
    error_ = s.error();
    return;
  }
  open_ = true;
  ++db_.depth_;
}

Transaction::~Transaction() {
  if (!open_) return;
  --db_.depth_;
  if (level_ == 0) (void)db_.rollback();
  else (void)db_.exec_script(fmt::format("ROLLBACK TO SAVEPOINT cc_{0}; RELEASE SAVEPOINT cc_{0}", level_));
}

Status Transaction::commit() {
  if (!open_) return unexpected(error_.value_or(Error{Error::Kind::Other, "transaction already ended"}));
  open_ = false;
  --db_.depth_;
  if (level_ > 0) return db_.exec_script(fmt::format("RELEASE SAVEPOINT cc_{}", level_));
  auto s = db_.commit();
  if (!s) (void)db_.rollback();
  return s;
}

}  // namespace cc::store
