#pragma once
// Licensed control text delivered as an OSCAL 1.x catalog (JSON), read into the same
// table the CSV and XLSX importers produce: a header row (id, title, text) and one row
// per control, numbered by the line of the control in the file, so every later message
// points at the control a person can find in the file.
#include "program/table_import.h"

namespace cc::program {

// Controls are read from catalog.groups (nested) and catalog.controls (with their
// enhancements); the id is the control's `label` prop when it has one (ISO numbers such
// as "12.4.1"), else its `id`; the text is the prose of its `statement` part and the
// parts inside it, in order. Structural problems name line and column.
Result<Table, TableError> read_oscal_catalog(std::string_view bytes, std::string file,
                                             const TableLimits& limits = {});

// True when the bytes look like an OSCAL catalog (a JSON object naming "catalog").
bool looks_like_oscal_catalog(std::string_view bytes);

}  // namespace cc::program
