#include <fmt/format.h>

#include "store/migrations.h"
#include "store/sql_text.h"

namespace cc::store {

int latest_schema_version() {
  auto all = migrations();
  return all.empty() ? 0 : all.back().version;
}

Result<int, Error> migrate(Database& db) {
  Transaction tx(db, TxMode::Write);
  if (tx.error()) return unexpected(*tx.error());
  if (auto s = db.lock("cloudcomply.schema"); !s) return unexpected(s.error());
  if (auto s = db.exec_script(
          "CREATE TABLE IF NOT EXISTS schema_migration ("
          "version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
      !s)
    return unexpected(s.error());
  auto rows = db.query("SELECT COALESCE(MAX(version), 0) FROM schema_migration");
  if (!rows) return unexpected(rows.error());
  const int had = static_cast<int>(rows->at(0).integer(0));
  if (had > latest_schema_version())
    return unexpected(
        Error{Error::Kind::Schema,
              fmt::format("{} has schema version {}, newer than this cloudcomply knows ({}); "
                          "use a newer cloudcomply",
                          db.location(), had, latest_schema_version())});
  for (const Migration& m : migrations()) {
    if (m.version <= had) continue;
    if (auto s = db.exec_script(render_migration(m.sql, db.backend())); !s)
      return unexpected(
          Error{Error::Kind::Schema,
                fmt::format("migration {} ({}) failed: {}", m.version, m.name, s.error().message)});
    if (auto s = db.exec("INSERT INTO schema_migration (version, name, applied_at) VALUES ($1, $2, "
                         "CAST(CURRENT_TIMESTAMP AS TEXT))",
                         {int64_t{m.version}, std::string(m.name)});
        !s)
      return unexpected(s.error());
  }
  if (auto s = tx.commit(); !s) return unexpected(s.error());
  return had;
}

}  // namespace cc::store
