#pragma once
// Reads one mapping file (catalog/mappings/*.json, format in catalog/README.md) into
// links. A link with a missing or invalid field is reported and skipped.
#include <vector>

#include "catalog/json_file.h"
#include "catalog/link.h"

namespace cc::catalog {

std::vector<Link> read_mapping_file(const JsonFile& file, Diagnostics& diags);

}  // namespace cc::catalog
