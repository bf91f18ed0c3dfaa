#pragma once
// The store's schema, as numbered migrations shared by both back ends
// (src/store/migrations/NNNN_name.sql, built into the binary). A store records which
// it has; opening one applies the missing ones in a single transaction.
#include <span>
#include <string_view>

#include "store/database.h"

namespace cc::store {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;  // with {{id}} / {{bytes}} type markers, see render_migration()
};

// Every migration, by version.
std::span<const Migration> migrations();
int latest_schema_version();

// Brings the store up to latest_schema_version() and returns the version it had
// before. A store written by a newer program (a version this one does not know) is an
// error of kind Schema and is left untouched. Safe when several processes open the
// same store at once: they queue, and each migration runs once.
Result<int, Error> migrate(Database& db);

}  // namespace cc::store
