#include "store/database.h"

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

Transaction::Transaction(Database& db, TxMode mode) : db_(db) {
  auto s = db_.begin(mode);
  if (s)
    open_ = true;
  else
    error_ = s.error();
}

Transaction::~Transaction() {
  if (open_) (void)db_.rollback();
}

Status Transaction::commit() {
  if (!open_)
    return unexpected(error_.value_or(Error{Error::Kind::Other, "transaction already ended"}));
  open_ = false;
  auto s = db_.commit();
  if (!s) (void)db_.rollback();
  return s;
}

}  // namespace cc::store
