#include "program/table_import.h"

#include <fmt/format.h>
#include <zip.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <pugixml.hpp>

#include "core/utf8.h"
#include "program/oscal_import.h"
#include "program/text.h"

namespace cc::program {
namespace {

constexpr uint32_t kLastColumn = 16'384;  // XFD
constexpr uint32_t kLastRow = 1'048'576;

// Offset of the first byte that does not belong to well-formed UTF-8 (no overlong forms,
// no surrogates, nothing above U+10FFFF), or npos.
size_t invalid_utf8_at(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len = 0;
    uint32_t min = 0;
    uint32_t cp = 0;
    if ((c & 0xE0) == 0xC0) {
      len = 2, min = 0x80, cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3, min = 0x800, cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4, min = 0x10000, cp = c & 0x07;
    } else {
      return i;
    }
    if (i + len > s.size()) return i;
    for (size_t k = 1; k < len; ++k) {
      const auto d = static_cast<unsigned char>(s[i + k]);
      if ((d & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (d & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += len;
  }
  return std::string_view::npos;
}

bool parse_uint(std::string_view s, uint64_t& out) {
  if (s.empty()) return false;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && end == s.data() + s.size();
}

// ---------------------------------------------------------------- CSV

char detect_separator(std::string_view s) {
  size_t commas = 0, semicolons = 0, tabs = 0;
  bool quoted = false;
  for (char c : s) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n' || c == '\r') break;
    commas += c == ',';
    semicolons += c == ';';
    tabs += c == '\t';
  }
  if (commas > 0) return ',';
  if (semicolons > 0 && semicolons >= tabs) return ';';
  if (tabs > 0) return '\t';
  return ',';
}

class CsvReader {
 public:
  CsvReader(std::string_view s, std::string file, const TableLimits& limits)
      : s_(s), limits_(limits) {
    table_.file = std::move(file);
  }

  Result<Table, TableError> read() {
    if (s_.size() > limits_.max_file_bytes)
      return fail(0, 0,
                  fmt::format("the file is {} bytes, over the limit of {}", s_.size(),
                              limits_.max_file_bytes));
    if (s_.substr(0, 3) == "\xEF\xBB\xBF") s_.remove_prefix(3);
    sep_ = detect_separator(s_);
    if (s_.empty()) return std::move(table_);
    TableRow current{1, {}};
    uint32_t col = 1;
    while (true) {
      std::string field;
      if (auto err = read_field(current.number, col, field)) return unexpected(std::move(*err));
      if (!field.empty()) current.cells.push_back(Cell{col, std::move(field)});
      if (i_ >= s_.size()) break;
      if (s_[i_] == sep_) {
        ++i_;
        if (++col > limits_.max_columns)
          return fail(current.number, col,
                      fmt::format("more than {} columns", limits_.max_columns));
        continue;
      }
      // A line break ends the record.
      if (s_[i_] == '\r' && i_ + 1 < s_.size() && s_[i_ + 1] == '\n') ++i_;
      ++i_;
      const uint32_t next = current.number + 1;
      if (!current.cells.empty()) table_.rows.push_back(std::move(current));
      if (i_ >= s_.size()) return std::move(table_);
      if (next > limits_.max_rows)
        return fail(next, 0, fmt::format("more than {} rows", limits_.max_rows));
      current = TableRow{next, {}};
      col = 1;
    }
    if (!current.cells.empty()) table_.rows.push_back(std::move(current));
    return std::move(table_);
  }

 private:
  Unexpected<TableError> fail(uint32_t row, uint32_t col, std::string message) const {
    return unexpected(TableError{table_.file, {}, row, col, std::move(message)});
  }

  // Reads one field starting at i_ and leaves i_ on the separator, line break or end.
  std::optional<TableError> read_field(uint32_t row, uint32_t col, std::string& field) {
    auto error = [&](std::string message) {
      return TableError{table_.file, {}, row, col, std::move(message)};
    };
    if (i_ < s_.size() && s_[i_] == '"') {
      ++i_;
      while (true) {
        const size_t quote = s_.find('"', i_);
        if (quote == std::string_view::npos)
          return error("unterminated quoted field (its closing quote is missing)");
        append_normalising_breaks(field, s_.substr(i_, quote - i_));
        if (field.size() > limits_.max_cell_bytes)
          return error(fmt::format("the cell holds more than {} bytes", limits_.max_cell_bytes));
        i_ = quote + 1;
        if (i_ < s_.size() && s_[i_] == '"') {
          field += '"';
          ++i_;
        } else {
          break;
        }
      }
      if (i_ < s_.size() && s_[i_] != sep_ && s_[i_] != '\r' && s_[i_] != '\n')
        return error(
            "text after the closing quote of a quoted field (a quote inside a field "
            "is written twice: \"\")");
    } else {
      const size_t start = i_;
      while (i_ < s_.size() && s_[i_] != sep_ && s_[i_] != '\r' && s_[i_] != '\n') {
        if (s_[i_] == '"')
          return error(
              "a quote inside an unquoted field: put the whole field in quotes and write the "
              "quote twice (\"\")");
        ++i_;
      }
      field.assign(s_.substr(start, i_ - start));
    }
    if (field.size() > limits_.max_cell_bytes)
      return error(fmt::format("the cell holds more than {} bytes", limits_.max_cell_bytes));
    if (size_t bad = invalid_utf8_at(field); bad != std::string_view::npos)
      return error(fmt::format(
          "the text is not UTF-8 (byte {} of the cell); save the file as \"CSV UTF-8\"", bad + 1));
    return std::nullopt;
  }

  // Inside quotes a CRLF is one line break, kept as LF like every other cell's.
  static void append_normalising_breaks(std::string& out, std::string_view part) {
    for (size_t k = 0; k < part.size(); ++k) {
      if (part[k] == '\r' && k + 1 < part.size() && part[k + 1] == '\n') continue;
      out += part[k];
    }
  }

  std::string_view s_;
  const TableLimits& limits_;
  Table table_;
  size_t i_ = 0;
  char sep_ = ',';
};

// ---------------------------------------------------------------- XLSX

struct ZipDiscard {
  void operator()(zip_t* z) const { zip_discard(z); }
};
using Zip = std::unique_ptr<zip_t, ZipDiscard>;
struct ZipFileClose {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};

std::string_view local_name(std::string_view name) {
  const size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

// Element children by local name: some writers prefix the spreadsheet namespace ("x:row").
pugi::xml_node child(const pugi::xml_node& node, std::string_view name) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_element && local_name(c.name()) == name) return c;
  return {};
}

template <class F>
void for_each_child(const pugi::xml_node& node, std::string_view name, F&& f) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_element && local_name(c.name()) == name) f(c);
}

pugi::xml_node root_element(const pugi::xml_document& doc, std::string_view name) {
  pugi::xml_node root = doc.document_element();
  return root && local_name(root.name()) == name ? root : pugi::xml_node();
}

// OOXML writes characters XML cannot carry as "_xHHHH_" (a carriage return is _x000D_).
std::string decode_ooxml_escapes(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '_' && i + 6 < s.size() && s[i + 1] == 'x' && s[i + 6] == '_') {
      uint32_t cp = 0;
      auto [end, ec] = std::from_chars(s.data() + i + 2, s.data() + i + 6, cp, 16);
      if (ec == std::errc() && end == s.data() + i + 6 && !(cp >= 0xD800 && cp <= 0xDFFF)) {
        append_utf8(out, cp);
        i += 6;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

// The text of a shared string or inline string: one <t>, or rich text runs <r><t> joined.
// Phonetic guides (<rPh>) are readings, not part of the text.
std::string string_item_text(const pugi::xml_node& item) {
  std::string out;
  for (pugi::xml_node c = item.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    std::string_view name = local_name(c.name());
    if (name == "t") {
      out += c.text().get();
    } else if (name == "r") {
      if (pugi::xml_node t = child(c, "t")) out += t.text().get();
    }
  }
  return decode_ooxml_escapes(out);
}

std::string number_text(std::string_view v) {
  double d = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), d);
  if (ec != std::errc() || end != v.data() + v.size() || !std::isfinite(d)) return std::string(v);
  return fmt::format("{}", d);
}

std::string quoted_sheet(std::string_view sheet) {
  bool plain = !sheet.empty();
  for (char c : sheet)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') plain = false;
  if (plain) return std::string(sheet);
  std::string out = "'";
  for (char c : sheet) {
    out += c;
    if (c == '\'') out += '\'';
  }
  return out + "'";
}

// A relationship target relative to xl/ (or absolute from the package root) as an entry
// name; "." and ".." segments are resolved.
std::string resolve_target(std::string_view target) {
  std::string path =
      target.starts_with('/') ? std::string(target.substr(1)) : "xl/" + std::string(target);
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string::npos) slash = path.size();
    std::string part = path.substr(start, slash - start);
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(std::move(part));
    }
    start = slash + 1;
  }
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

class XlsxReader {
 public:
  XlsxReader(std::string_view bytes, std::string file, std::string_view sheet,
             const TableLimits& limits)
      : bytes_(bytes), wanted_sheet_(sheet), limits_(limits) {
    table_.file = std::move(file);
  }

  Result<Table, TableError> read() {
    if (bytes_.size() > limits_.max_file_bytes)
      return fail(fmt::format("the file is {} bytes, over the limit of {}", bytes_.size(),
                              limits_.max_file_bytes));
    if (auto err = open()) return unexpected(std::move(*err));
    auto sheet_entry = find_sheet();
    if (!sheet_entry) return unexpected(std::move(sheet_entry.error()));
    if (auto err = load_shared_strings()) return unexpected(std::move(*err));
    if (auto err = read_sheet(*sheet_entry)) return unexpected(std::move(*err));
    return std::move(table_);
  }

 private:
  Unexpected<TableError> fail(std::string message) const {
    return unexpected(error(0, 0, std::move(message)));
  }
  TableError error(uint32_t row, uint32_t col, std::string message) const {
    return TableError{table_.file, table_.sheet, row, col, std::move(message)};
  }

  std::optional<TableError> open() {
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t* src = zip_source_buffer_create(bytes_.data(), bytes_.size(), 0, &ze);
    if (src != nullptr) {
      zip_.reset(zip_open_from_source(src, ZIP_RDONLY, &ze));
      if (!zip_) zip_source_free(src);
    }
    if (!zip_) {
      std::string why = zip_error_strerror(&ze);
      zip_error_fini(&ze);
      return error(0, 0, fmt::format("not a readable XLSX workbook (ZIP archive): {}", why));
    }
    zip_error_fini(&ze);
    return std::nullopt;
  }

  // The entry's bytes, nullopt when the archive has no such entry. Reading stops at the
  // limit whatever the archive's directory claims, so a small file that unpacks to
  // gigabytes costs no more than the limit.
  Result<std::optional<std::string>, TableError> read_entry(const std::string& name) {
    const zip_int64_t index = zip_name_locate(zip_.get(), name.c_str(), ZIP_FL_NOCASE);
    if (index < 0) return std::optional<std::string>();
    const auto at = static_cast<zip_uint64_t>(index);
    const uint64_t limit = limits_.max_entry_bytes;
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(zip_.get(), at, 0, &st) == 0 && (st.valid & ZIP_STAT_SIZE) &&
        st.size > limit)
      return fail(
          fmt::format("{} unpacks to {} bytes, over the limit of {}", name, st.size, limit));
    std::unique_ptr<zip_file_t, ZipFileClose> f(zip_fopen_index(zip_.get(), at, 0));
    if (!f) return fail(fmt::format("cannot open {}: {}", name, zip_strerror(zip_.get())));
    std::string out;
    std::string buf(64 * 1024, '\0');
    while (true) {
      const zip_int64_t n = zip_fread(f.get(), buf.data(), buf.size());
      if (n < 0) return fail(fmt::format("{} is damaged: {}", name, zip_file_strerror(f.get())));
      if (n == 0) break;
      if (out.size() + static_cast<uint64_t>(n) > limit)
        return fail(fmt::format("{} unpacks to more than {} bytes", name, limit));
      out.append(buf.data(), static_cast<size_t>(n));
    }
    return std::optional<std::string>(std::move(out));
  }

  Result<std::optional<std::string>, TableError> parse_entry(const std::string& name,
                                                             pugi::xml_document& doc) {
    auto data = read_entry(name);
    if (!data || !*data) return data;
    // No DTD processing: pugixml expands no external or user-defined entities.
    const pugi::xml_parse_result parsed = doc.load_buffer(
        (*data)->data(), (*data)->size(), pugi::parse_default | pugi::parse_ws_pcdata_single);
    if (!parsed)
      return fail(fmt::format("{} is not well-formed XML ({} at byte {})", name,
                              parsed.description(), parsed.offset));
    return data;
  }

  Result<std::string, TableError> find_sheet() {
    pugi::xml_document workbook;
    auto wb = parse_entry("xl/workbook.xml", workbook);
    if (!wb) return unexpected(std::move(wb.error()));
    if (!*wb) return fail("not an XLSX workbook: xl/workbook.xml is missing");
    pugi::xml_node sheets = child(root_element(workbook, "workbook"), "sheets");
    std::vector<std::pair<std::string, std::string>> listed;  // name, relationship id
    for_each_child(sheets, "sheet", [&](const pugi::xml_node& s) {
      std::string rid;
      for (pugi::xml_attribute a = s.first_attribute(); a; a = a.next_attribute()) {
        std::string_view n = a.name();
        if (n.find(':') != std::string_view::npos && local_name(n) == "id") rid = a.value();
      }
      listed.emplace_back(s.attribute("name").value(), rid);
    });
    if (listed.empty()) return fail("the workbook lists no sheets");
    const std::pair<std::string, std::string>* chosen = &listed.front();
    if (!wanted_sheet_.empty()) {
      chosen = nullptr;
      for (const auto& s : listed)
        if (ascii_lower(s.first) == ascii_lower(wanted_sheet_)) chosen = &s;
      if (!chosen) {
        std::string names;
        for (const auto& s : listed) names += (names.empty() ? "" : ", ") + s.first;
        return fail(fmt::format("the workbook has no sheet named \"{}\" (its sheets: {})",
                                wanted_sheet_, names));
      }
    }
    table_.sheet = chosen->first;
    auto rels = parse_entry("xl/_rels/workbook.xml.rels", rels_);
    if (!rels) return unexpected(std::move(rels.error()));
    if (!*rels) return fail("xl/_rels/workbook.xml.rels is missing");
    pugi::xml_node list = root_element(rels_, "Relationships");
    std::string target;
    for_each_child(list, "Relationship", [&](const pugi::xml_node& r) {
      if (r.attribute("Id").value() == chosen->second) target = r.attribute("Target").value();
    });
    if (target.empty())
      return fail(
          fmt::format("the workbook does not say where sheet \"{}\" is stored", table_.sheet));
    return resolve_target(target);
  }

  std::optional<TableError> load_shared_strings() {
    std::string entry = "xl/sharedStrings.xml";
    for_each_child(root_element(rels_, "Relationships"), "Relationship",
                   [&](const pugi::xml_node& r) {
                     if (std::string_view(r.attribute("Type").value()).ends_with("/sharedStrings"))
                       entry = resolve_target(r.attribute("Target").value());
                   });
    pugi::xml_document doc;
    auto data = parse_entry(entry, doc);
    if (!data) return std::move(data.error());
    if (!*data) return std::nullopt;  // a workbook without text cells needs none
    has_shared_strings_ = true;
    for_each_child(root_element(doc, "sst"), "si",
                   [&](const pugi::xml_node& si) { shared_.push_back(string_item_text(si)); });
    return std::nullopt;
  }

  std::optional<TableError> read_sheet(const std::string& entry) {
    pugi::xml_document doc;
    auto data = parse_entry(entry, doc);
    if (!data) return std::move(data.error());
    if (!*data)
      return error(0, 0, fmt::format("{} (sheet \"{}\") is missing", entry, table_.sheet));
    pugi::xml_node sheet_data = child(root_element(doc, "worksheet"), "sheetData");
    std::map<uint32_t, std::map<uint32_t, std::string>> cells;
    size_t count = 0;
    uint32_t last_row = 0;
    for (pugi::xml_node row = sheet_data.first_child(); row; row = row.next_sibling()) {
      if (row.type() != pugi::node_element || local_name(row.name()) != "row") continue;
      uint32_t r = last_row + 1;
      if (pugi::xml_attribute a = row.attribute("r")) {
        uint64_t n = 0;
        if (!parse_uint(a.value(), n) || n == 0 || n > kLastRow)
          return error(r, 0,
                       fmt::format("row number \"{}\" is not one a sheet can have", a.value()));
        r = static_cast<uint32_t>(n);
      }
      if (r > kLastRow) return error(0, 0, "more rows than a sheet can have");
      uint32_t last_col = 0;
      for (pugi::xml_node c = row.first_child(); c; c = c.next_sibling()) {
        if (c.type() != pugi::node_element || local_name(c.name()) != "c") continue;
        if (++count > limits_.max_cells)
          return error(r, 0, fmt::format("the sheet has more than {} cells", limits_.max_cells));
        uint32_t col = last_col + 1;
        if (pugi::xml_attribute a = c.attribute("r")) {
          uint32_t ref_row = 0;
          if (!parse_cell_reference(a.value(), ref_row, col))
            return error(r, last_col + 1,
                         fmt::format("cell reference \"{}\" is not a cell of a sheet (columns "
                                     "run from A to XFD, rows from 1 to {})",
                                     a.value(), kLastRow));
          if (ref_row != r)
            return error(r, col, fmt::format("cell {} is stored in row {}", a.value(), r));
        }
        if (col > kLastColumn || col > limits_.max_columns)
          return error(r, 0, fmt::format("more than {} columns", limits_.max_columns));
        auto text = cell_text(c, r, col);
        if (!text) return std::move(text.error());
        if (text->size() > limits_.max_cell_bytes)
          return error(r, col,
                       fmt::format("the cell holds more than {} bytes", limits_.max_cell_bytes));
        if (!text->empty() && !cells[r].emplace(col, std::move(*text)).second)
          return error(r, col, "the cell appears twice in the sheet");
        last_col = col;
      }
      last_row = r;
    }
    if (cells.size() > limits_.max_rows)
      return error(0, 0, fmt::format("more than {} rows", limits_.max_rows));
    for (auto& [r, columns] : cells) {
      if (columns.empty()) continue;
      TableRow row{r, {}};
      for (auto& [col, text] : columns) row.cells.push_back(Cell{col, std::move(text)});
      table_.rows.push_back(std::move(row));
    }
    return std::nullopt;
  }

  Result<std::string, TableError> cell_text(const pugi::xml_node& c, uint32_t r, uint32_t col) {
    const std::string_view type = c.attribute("t").value();
    const std::string_view v = child(c, "v").text().get();
    if (type == "s") {
      uint64_t index = 0;
      if (!has_shared_strings_)
        return unexpected(
            error(r, col,
                  "the cell refers to a shared string, but the workbook has no shared strings "
                  "table (xl/sharedStrings.xml)"));
      if (!parse_uint(v, index) || index >= shared_.size())
        return unexpected(
            error(r, col,
                  fmt::format("shared string \"{}\" is not in the workbook's table of {}", v,
                              shared_.size())));
      return shared_[index];
    }
    if (type == "inlineStr") return string_item_text(child(c, "is"));
    if (type == "b") return std::string(v == "1" ? "TRUE" : v == "0" ? "FALSE" : v);
    if (type == "str" || type == "e" || type == "d") return decode_ooxml_escapes(v);
    return number_text(v);
  }

  std::string_view bytes_;
  std::string wanted_sheet_;
  const TableLimits& limits_;
  Table table_;
  Zip zip_;
  pugi::xml_document rels_;
  bool has_shared_strings_ = false;
  std::vector<std::string> shared_;
};

}  // namespace

std::string column_letters(uint32_t col) {
  std::string out;
  while (col > 0) {
    --col;
    out.insert(out.begin(), static_cast<char>('A' + col % 26));
    col /= 26;
  }
  return out;
}

bool parse_cell_reference(std::string_view ref, uint32_t& row, uint32_t& col) {
  size_t i = 0;
  uint64_t c = 0;
  // "$C$14" is an absolute reference to the same cell.
  if (i < ref.size() && ref[i] == '$') ++i;
  const size_t letters_start = i;
  while (i < ref.size() && std::isalpha(static_cast<unsigned char>(ref[i]))) {
    c = c * 26 + static_cast<uint64_t>(std::toupper(static_cast<unsigned char>(ref[i])) - 'A' + 1);
    if (c > kLastColumn) return false;
    ++i;
  }
  if (i == letters_start) return false;
  if (i < ref.size() && ref[i] == '$') ++i;
  uint64_t r = 0;
  if (!parse_uint(ref.substr(i), r) || r == 0 || r > kLastRow) return false;
  row = static_cast<uint32_t>(r);
  col = static_cast<uint32_t>(c);
  return true;
}

std::string to_string(const TableError& e) {
  if (!e.sheet.empty()) {
    if (e.row == 0)
      return fmt::format("{}: sheet {}: {}", e.file, quoted_sheet(e.sheet), e.message);
    if (e.col == 0)
      return fmt::format("{}: sheet {}, row {}: {}", e.file, quoted_sheet(e.sheet), e.row,
                         e.message);
    return fmt::format("{}: {}!{}{} (row {}, column {}): {}", e.file, quoted_sheet(e.sheet),
                       column_letters(e.col), e.row, e.row, e.col, e.message);
  }
  if (e.row == 0) return fmt::format("{}: {}", e.file, e.message);
  if (e.col == 0) return fmt::format("{}:{}: {}", e.file, e.row, e.message);
  return fmt::format("{}:{}:{}: {}", e.file, e.row, e.col, e.message);
}

std::string_view TableRow::text(uint32_t col) const {
  auto it = std::lower_bound(cells.begin(), cells.end(), col,
                             [](const Cell& c, uint32_t wanted) { return c.col < wanted; });
  return it != cells.end() && it->col == col ? std::string_view(it->text) : std::string_view();
}

TableError Table::error_at(uint32_t row, uint32_t col, std::string message) const {
  return TableError{file, sheet, row, col, std::move(message)};
}

Result<Table, TableError> read_csv(std::string_view bytes, std::string file,
                                   const TableLimits& limits) {
  return CsvReader(bytes, std::move(file), limits).read();
}

Result<Table, TableError> read_xlsx(std::string_view bytes, std::string file,
                                    std::string_view sheet, const TableLimits& limits) {
  return XlsxReader(bytes, std::move(file), sheet, limits).read();
}

Result<std::string, TableError> read_table_file(const std::filesystem::path& path,
                                                const TableLimits& limits) {
  const std::string name = path.string();
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    return unexpected(TableError{name, {}, 0, 0, "is a directory, not a file"});
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) return unexpected(TableError{name, {}, 0, 0, "cannot read the file: " + ec.message()});
  if (size > limits.max_file_bytes)
    return unexpected(TableError{
        name,
        {},
        0,
        0,
        fmt::format("the file is {} bytes, over the limit of {}", size, limits.max_file_bytes)});
  std::ifstream in(path, std::ios::binary);
  std::string bytes(static_cast<size_t>(size), '\0');
  if (!in || !in.read(bytes.data(), static_cast<std::streamsize>(bytes.size())))
    return unexpected(TableError{name, {}, 0, 0, "cannot read the file"});
  return bytes;
}

Result<Table, TableError> read_table(std::string_view bytes, std::string file,
                                     std::string_view sheet, const TableLimits& limits) {
  const std::string ext = ascii_lower(std::filesystem::path(file).extension().string());
  if (ext == ".xls" || bytes.starts_with("\xD0\xCF\x11\xE0"))
    return unexpected(TableError{file,
                                 {},
                                 0,
                                 0,
                                 "an Excel 97-2003 workbook (.xls) cannot be read; save it as "
                                 ".xlsx or as CSV UTF-8"});
  if (ext == ".xlsx" || ext == ".xlsm" || bytes.starts_with("PK\x03\x04"))
    return read_xlsx(bytes, std::move(file), sheet, limits);
  if (ext == ".json" || looks_like_oscal_catalog(bytes)) {
    if (!sheet.empty())
      return unexpected(
          TableError{file, {}, 0, 0, "a sheet can only be chosen in an XLSX workbook"});
    return read_oscal_catalog(bytes, std::move(file), limits);
  }
  if (!sheet.empty())
    return unexpected(TableError{file, {}, 0, 0, "a sheet can only be chosen in an XLSX workbook"});
  return read_csv(bytes, std::move(file), limits);
}

}  // namespace cc::program
