#pragma once
// The two back ends behind open_database().
#include "store/database.h"

namespace cc::store {

Result<std::unique_ptr<Database>, Error> open_sqlite(const std::string& path, int busy_ms);
Result<std::unique_ptr<Database>, Error> open_postgres(const std::string& url);

}  // namespace cc::store
