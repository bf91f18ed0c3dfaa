#pragma once
// Tables as an Excel workbook (.xlsx), the form auditors ask for: one worksheet per
// table, the header row bold and frozen, column widths set, an autofilter over the
// data, long text wrapped.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/result.h"
#include "report/soa_table.h"

namespace cc::report {

// Writes every table as a worksheet of a new workbook at `path` (replacing a file
// there). Returns the file's size, or an error naming the path and the reason. Sheet
// names are made valid for Excel (at most 31 characters, none of []:*?/\) and unique.
Result<uintmax_t, std::string> write_xlsx(const std::filesystem::path& path,
                                          const std::vector<Table>& tables);

}  // namespace cc::report
