// libFuzzer target: the CSV reader of `catalog import` on arbitrary bytes, with small
// limits so the row, column and cell limits are reached often.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "program/table_import.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  cc::program::TableLimits limits;
  limits.max_rows = 200;
  limits.max_columns = 64;
  limits.max_cell_bytes = 512;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto table = cc::program::read_csv(bytes, "fuzz.csv", limits);
  if (!table) {
    (void)cc::program::to_string(table.error());
    return 0;
  }
  // Every row and cell keeps its place: rows ascend, cells ascend within a row.
  uint32_t last_row = 0;
  for (const auto& row : table->rows) {
    if (row.number <= last_row || row.cells.empty()) __builtin_trap();
    last_row = row.number;
    uint32_t last_col = 0;
    for (const auto& cell : row.cells) {
      if (cell.col <= last_col || cell.text.empty() || cell.text.size() > limits.max_cell_bytes)
        __builtin_trap();
      last_col = cell.col;
      if (row.text(cell.col) != cell.text) __builtin_trap();
    }
  }
  return 0;
}
