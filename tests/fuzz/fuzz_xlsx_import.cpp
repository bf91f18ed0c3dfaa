// libFuzzer target: the XLSX reader of `catalog import`. Input that starts with "PK" is
// read as a whole archive from memory (libzip's buffer source): this explores the ZIP
// handling, entry size limits and damaged archives. Any other input is the XML of a
// sheet, its shared strings and its workbook, separated by \x01 bytes, packed into a
// valid archive first: mutations of an archive's packed bytes almost always fail the
// entry's CRC, so this is how the XML handling behind it gets explored.
#include <zip.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "program/table_import.h"

namespace {

constexpr std::string_view kWorkbook =
    R"(<workbook xmlns:r="r"><sheets><sheet name="Cover" r:id="rId2"/><sheet name="Controls" r:id="rId1"/></sheets></workbook>)";
constexpr std::string_view kRels =
    R"(<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="/xl/worksheets/../worksheets/sheet1.xml"/><Relationship Id="rId3" Type="x/sharedStrings" Target="sharedStrings.xml"/></Relationships>)";

// The archive of `entries` (name, content), every entry stored uncompressed.
std::string pack(const std::vector<std::pair<const char*, std::string_view>>& entries) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_error_fini(&error);
  if (!src) return {};
  zip_source_keep(src);
  zip_t* z = zip_open_from_source(src, ZIP_TRUNCATE, nullptr);
  std::string out;
  if (z) {
    for (const auto& [name, data] : entries) {
      zip_source_t* part = zip_source_buffer(z, data.data(), data.size(), 0);
      const zip_int64_t index = part ? zip_file_add(z, name, part, 0) : -1;
      if (index < 0) {
        if (part) zip_source_free(part);
        continue;
      }
      zip_set_file_compression(z, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
    }
    if (zip_close(z) != 0) zip_discard(z);
  }
  if (zip_source_open(src) == 0) {
    char buf[4096];
    zip_int64_t n;
    while ((n = zip_source_read(src, buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
    zip_source_close(src);
  }
  zip_source_free(src);
  return out;
}

void read_and_check(std::string_view bytes) {
  cc::program::TableLimits limits;
  limits.max_entry_bytes = 256 * 1024;
  limits.max_cells = 5000;
  limits.max_rows = 1000;
  limits.max_cell_bytes = 4096;
  // The first sheet, and one chosen by name.
  for (std::string_view sheet : {std::string_view(), std::string_view("controls")}) {
    auto table = cc::program::read_xlsx(bytes, "fuzz.xlsx", sheet, limits);
    if (!table) {
      (void)cc::program::to_string(table.error());
      continue;
    }
    // Rows ascend, cells ascend within a row, and nothing exceeds the limits.
    uint32_t last_row = 0;
    for (const auto& row : table->rows) {
      if (row.number <= last_row || row.cells.empty()) __builtin_trap();
      last_row = row.number;
      uint32_t last_col = 0;
      for (const auto& cell : row.cells) {
        if (cell.col <= last_col || cell.col > 16384 || cell.text.size() > limits.max_cell_bytes)
          __builtin_trap();
        last_col = cell.col;
      }
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  if (input.starts_with("PK")) {
    read_and_check(input);
    return 0;
  }
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (parts.size() < 2) {
    const size_t cut = input.find('\x01', start);
    if (cut == std::string_view::npos) break;
    parts.push_back(input.substr(start, cut - start));
    start = cut + 1;
  }
  parts.push_back(input.substr(start));
  std::vector<std::pair<const char*, std::string_view>> entries{
      {"xl/worksheets/sheet1.xml", parts[0]},
      {"xl/workbook.xml", parts.size() > 2 ? parts[2] : kWorkbook},
      {"xl/_rels/workbook.xml.rels", kRels}};
  if (parts.size() > 1) entries.emplace_back("xl/sharedStrings.xml", parts[1]);
  read_and_check(pack(entries));
  return 0;
}
