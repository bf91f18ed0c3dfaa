#include "report/soa_table.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>

namespace cc::report {
namespace {

void append_cell(std::string& out, std::string_view s) {
  // A leading apostrophe keeps user-written text (a justification, an owner) from
  // being run as a formula when the file is opened in a spreadsheet.
  const bool formula = !s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@');
  out += '"';
  if (formula) out += '\'';
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

void append_line(std::string& out, const std::vector<std::string>& cells) {
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i) out += ',';
    append_cell(out, cells[i]);
  }
  out += "\r\n";
}

}  // namespace

std::string csv_text(const Table& table) {
  std::string out;
  std::vector<std::string> header;
  for (const auto& c : table.columns) header.push_back(c.header);
  append_line(out, header);
  for (const auto& row : table.rows) append_line(out, row);
  return out;
}

std::optional<std::string> output_path_problem(const std::filesystem::path& path) {
  if (path.empty()) return std::string("no output file given");
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    return fmt::format("{} is a directory; give a file name", path.string());
  const auto parent = path.parent_path();
  if (!parent.empty() && !std::filesystem::is_directory(parent, ec))
    return fmt::format("cannot write {}: directory {} does not exist", path.string(),
                       parent.string());
  return std::nullopt;
}

Result<uintmax_t, std::string> write_text_file(const std::filesystem::path& path,
                                               std::string_view content) {
  if (auto problem = output_path_problem(path)) return unexpected(std::move(*problem));
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out)
    return unexpected(fmt::format("cannot write {}: {}", path.string(), std::strerror(errno)));
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  out.close();
  if (!out)
    return unexpected(fmt::format("writing {} failed: {}", path.string(), std::strerror(errno)));
  return static_cast<uintmax_t>(content.size());
}

}  // namespace cc::report
