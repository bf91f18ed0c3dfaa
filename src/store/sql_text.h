#pragma once
// The small differences between the SQL the two back ends accept, applied to text
// written once for both.
#include <string>
#include <string_view>

#include "store/database.h"

namespace cc::store {

// "$1" -> "?1" outside quoted strings, quoted identifiers and comments: SQLite reads
// "$1" as a named parameter, numbered by first appearance rather than by its digits.
std::string sqlite_placeholders(std::string_view sql);

// Migration text with the back end's spelling of the few types that differ:
//   {{id}}    an auto-numbered 64-bit primary key
//   {{bytes}} binary content
std::string render_migration(std::string_view sql, Backend backend);

}  // namespace cc::store
