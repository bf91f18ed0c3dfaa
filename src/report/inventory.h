#pragma once
// The canonical resources a scan sees, and the schema of a kind, for rule authors.
#include <iosfwd>
#include <vector>

#include "core/resource.h"
#include "model/base/schema.h"

namespace cc::report {

// JSON array of resources: kind, address, location, attributes as plain JSON (an
// unknown value prints as {"$unknown": reason}), plus `defaulted` (paths filled from
// documented defaults) and `unknown` (path -> reason).
void write_inventory(const std::vector<Resource>& resources, const SourceTable& sources,
                     std::ostream& out);

// One line per field path: type, default, documentation.
void write_schema_text(const model::KindSchema& schema, std::ostream& out);
void write_schema_json(const model::KindSchema& schema, std::ostream& out);

}  // namespace cc::report
