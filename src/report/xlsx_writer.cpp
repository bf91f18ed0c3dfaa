#include "report/xlsx_writer.h"

#include <fmt/format.h>
#include <xlsxwriter.h>

#include <memory>
#include <set>

namespace cc::report {
namespace {

// Closing writes the file; on an error path the workbook is still closed (and its
// temporary files freed) and the partial file removed by the caller.
struct WorkbookCloser {
  void operator()(lxw_workbook* wb) const { workbook_close(wb); }
};
using Workbook = std::unique_ptr<lxw_workbook, WorkbookCloser>;

// Excel holds at most 32,767 characters in a cell; cut longer text at a UTF-8
// character boundary rather than refuse the whole export.
std::string cell_text(const std::string& s) {
  constexpr size_t kMax = 32767;
  if (s.size() <= kMax) return s;
  size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut);
}

std::string sheet_name(const std::string& wanted, std::set<std::string>& used) {
  std::string name;
  for (char c : wanted)
    name += std::string_view("[]:*?/\\").find(c) == std::string_view::npos ? c : '_';
  if (name.empty()) name = "Sheet";
  name = name.substr(0, 31);
  std::string unique = name;
  for (int n = 2; used.count(unique); ++n) {
    std::string suffix = fmt::format(" ({})", n);
    unique = name.substr(0, 31 - suffix.size()) + suffix;
  }
  used.insert(unique);
  return unique;
}

std::string failure(const std::filesystem::path& path, lxw_error e) {
  return fmt::format("writing {} failed: {}", path.string(), lxw_strerror(e));
}

}  // namespace

Result<uintmax_t, std::string> write_xlsx(const std::filesystem::path& path,
                                          const std::vector<Table>& tables) {
  if (auto problem = output_path_problem(path)) return unexpected(std::move(*problem));
  Workbook wb(workbook_new(path.c_str()));
  if (!wb) return unexpected(fmt::format("cannot start a workbook for {}", path.string()));
  lxw_format* header = workbook_add_format(wb.get());
  format_set_bold(header);
  format_set_align(header, LXW_ALIGN_VERTICAL_TOP);
  lxw_format* wrapped = workbook_add_format(wb.get());
  format_set_text_wrap(wrapped);
  format_set_align(wrapped, LXW_ALIGN_VERTICAL_TOP);
  lxw_format* plain = workbook_add_format(wb.get());
  format_set_align(plain, LXW_ALIGN_VERTICAL_TOP);

  std::set<std::string> used;
  for (const Table& t : tables) {
    const std::string name = sheet_name(t.name, used);
    lxw_worksheet* ws = workbook_add_worksheet(wb.get(), name.c_str());
    if (!ws) return unexpected(fmt::format("cannot add worksheet {} to {}", name, path.string()));
    const auto cols = static_cast<lxw_col_t>(t.columns.size());
    for (lxw_col_t c = 0; c < cols; ++c) {
      const TableColumn& col = t.columns[c];
      if (auto e = worksheet_set_column(ws, c, c, col.width, col.wrap ? wrapped : plain))
        return unexpected(failure(path, e));
      if (auto e = worksheet_write_string(ws, 0, c, cell_text(col.header).c_str(), header))
        return unexpected(failure(path, e));
    }
    for (size_t r = 0; r < t.rows.size(); ++r) {
      const auto row = static_cast<lxw_row_t>(r + 1);
      for (lxw_col_t c = 0; c < cols && c < t.rows[r].size(); ++c) {
        if (t.rows[r][c].empty()) continue;
        lxw_format* f = t.columns[c].wrap ? wrapped : plain;
        if (auto e = worksheet_write_string(ws, row, c, cell_text(t.rows[r][c]).c_str(), f))
          return unexpected(failure(path, e));
      }
    }
    worksheet_freeze_panes(ws, 1, 0);
    if (cols > 0)
      if (auto e = worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(t.rows.size()), cols - 1))
        return unexpected(failure(path, e));
  }
  if (auto e = workbook_close(wb.release()); e != LXW_NO_ERROR) {
    std::error_code ignored;
    std::filesystem::remove(path, ignored);
    return unexpected(failure(path, e));
  }
  std::error_code ec;
  const uintmax_t size = std::filesystem::file_size(path, ec);
  if (ec) return unexpected(fmt::format("cannot read back {}: {}", path.string(), ec.message()));
  return size;
}

}  // namespace cc::report
