#pragma once
// Tables a user hands us as a spreadsheet: CSV (RFC 4180) or XLSX. Both readers yield the
// same small model, rows of cells that keep the row and column they came from, so that
// every later message can point at the cell a person sees in their spreadsheet program.
// Rows and columns count from 1 as spreadsheets show them: in a CSV file a row is a
// record (a quoted line break does not start a new row) and a column is a field.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace cc::program {

struct TableLimits {
  size_t max_file_bytes = 64u << 20;        // the file as stored on disk
  size_t max_rows = 100'000;                // rows that hold at least one cell
  size_t max_cell_bytes = 1u << 20;         // one cell's text
  size_t max_columns = 16'384;              // as far as column XFD, Excel's last
  size_t max_cells = 2'000'000;             // cells of one sheet, empty ones included
  uint64_t max_entry_bytes = 256ull << 20;  // one XML part of an XLSX file, uncompressed
};

// Where a problem is and what it is. `row` and `col` are 0 when the problem is not in
// one cell (the file is too large, the archive is damaged).
struct TableError {
  std::string file;   // the name given to the reader, usually the file's base name
  std::string sheet;  // XLSX only
  uint32_t row = 0;
  uint32_t col = 0;
  std::string message;
};

// "controls.csv:14:3: unterminated quoted field" for CSV;
// "controls.xlsx: Controls!C14 (row 14, column 3): ..." for XLSX (a sheet name with
// spaces is quoted as in formulas: 'My Sheet'!C14).
std::string to_string(const TableError& error);

struct Cell {
  uint32_t col = 0;
  std::string text;
};

struct TableRow {
  uint32_t number = 0;
  std::vector<Cell> cells;  // by column; empty cells are left out
  // The text at column `col`, or "" when that cell is empty.
  [[nodiscard]] std::string_view text(uint32_t col) const;
};

struct Table {
  std::string file;
  std::string sheet;           // XLSX: the sheet read
  std::vector<TableRow> rows;  // by row number; rows without any cell are left out

  // An error located at one cell of this table.
  [[nodiscard]] TableError error_at(uint32_t row, uint32_t col, std::string message) const;
};

// "A" for 1, "Z" for 26, "AA" for 27, ... "XFD" for 16384.
std::string column_letters(uint32_t col);
// "C14" -> row 14, column 3; false for anything else, including references beyond
// column XFD or row 1048576 (the edges of a spreadsheet).
bool parse_cell_reference(std::string_view ref, uint32_t& row, uint32_t& col);

// CSV text of a file called `file` (used in messages). A UTF-8 byte order mark is
// skipped; records end with CRLF, LF or CR. When the first record holds no comma but
// semicolons or tabs, that character separates the fields instead (spreadsheets in many
// locales save CSV so). The text must be UTF-8.
Result<Table, TableError> read_csv(std::string_view bytes, std::string file,
                                   const TableLimits& limits = {});

// The bytes of an XLSX workbook. Reads `sheet` by name (case-insensitive) or, when it is
// empty, the workbook's first sheet. Shared strings (rich text runs joined), inline
// strings, numbers (in their shortest exact spelling: 5.1, not 5.0999999999999996),
// booleans (TRUE/FALSE) and formula results are all read as text.
Result<Table, TableError> read_xlsx(std::string_view bytes, std::string file,
                                    std::string_view sheet = {}, const TableLimits& limits = {});

// Reads `path` (at most limits.max_file_bytes) into `bytes`.
Result<std::string, TableError> read_table_file(const std::filesystem::path& path,
                                                const TableLimits& limits = {});

// XLSX when the name ends in .xlsx or the bytes are a ZIP archive, an OSCAL catalog when
// it ends in .json or the bytes are one (oscal_import.h), else CSV; an old binary .xls
// workbook is refused with advice. `sheet` applies to XLSX only.
Result<Table, TableError> read_table(std::string_view bytes, std::string file,
                                     std::string_view sheet = {}, const TableLimits& limits = {});

}  // namespace cc::program
