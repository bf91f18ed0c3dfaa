#pragma once
// The tables the compliance program hands to auditors (Statement of Applicability,
// shared-responsibility matrix) in a form every export writes from: named sheets of
// text cells under a header row. Also CSV output and the checks before writing a file.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace cc::report {

struct TableColumn {
  std::string header;
  double width = 12;  // in characters, as spreadsheet programs count them
  bool wrap = false;  // long text wraps inside the cell instead of running on
};

struct Table {
  std::string name;  // the sheet's name in a workbook
  std::vector<TableColumn> columns;
  std::vector<std::vector<std::string>> rows;  // one cell per column
};

// RFC 4180 CSV: a header line, then one line per row, every cell quoted. A cell that a
// spreadsheet would run as a formula (leading = + - @) gets a leading apostrophe.
std::string csv_text(const Table& table);

// Why `path` cannot take an export (empty, a directory, a missing parent directory),
// or nullopt when it can; an existing file is replaced.
std::optional<std::string> output_path_problem(const std::filesystem::path& path);

// Writes `content` to `path` after output_path_problem(); returns the bytes written, or
// an error naming the path and the system's reason.
Result<uintmax_t, std::string> write_text_file(const std::filesystem::path& path,
                                               std::string_view content);

}  // namespace cc::report
