#include "program/oscal_import.h"

#include <fmt/format.h>

#include "collect/doc/json_reader.h"

namespace cc::program {
namespace {

struct Reader {
  const std::string& file;
  const TableLimits& limits;
  Table table;
  std::optional<TableError> error;

  void fail(const Value& at, std::string message) {
    if (!error) error = TableError{file, {}, at.span().line, at.span().col, std::move(message)};
  }

  static std::string label_of(const Value& control) {
    const Value* props = control.find("props");
    if (!props || !props->is_list()) return {};
    for (const auto& p : props->as_list()) {
      const Value* name = p.find("name");
      const Value* value = p.find("value");
      if (name && name->is_string() && name->as_string() == "label" && value && value->is_string())
        return value->as_string();
    }
    return {};
  }

  // The prose of a part and of every part inside it, paragraph by paragraph.
  static void prose_of(const Value& part, std::string& out) {
    if (const Value* prose = part.find("prose"); prose && prose->is_string()) {
      if (!out.empty()) out += "\n\n";
      out += prose->as_string();
    }
    if (const Value* parts = part.find("parts"); parts && parts->is_list())
      for (const auto& p : parts->as_list()) prose_of(p, out);
  }

  void control(const Value& c) {
    if (error) return;
    if (!c.is_map()) return fail(c, "a control must be a JSON object");
    const Value* id = c.find("id");
    if (!id || !id->is_string() || id->as_string().empty())
      return fail(c, "a control without an \"id\"");
    std::string label = label_of(c);
    std::string text;
    if (const Value* parts = c.find("parts"); parts) {
      if (!parts->is_list()) return fail(*parts, "\"parts\" must be a list");
      for (const auto& p : parts->as_list()) {
        const Value* name = p.find("name");
        if (name && name->is_string() && name->as_string() == "statement") prose_of(p, text);
      }
    }
    const Value* title = c.find("title");
    if (text.size() > limits.max_cell_bytes)
      return fail(c, fmt::format("the statement of control {} is over {} bytes", id->as_string(),
                                 limits.max_cell_bytes));
    if (table.rows.size() >= limits.max_rows)
      return fail(c, fmt::format("more than {} controls", limits.max_rows));
    TableRow row;
    row.number = c.span().line;
    row.cells.push_back(Cell{1, label.empty() ? id->as_string() : label});
    if (title && title->is_string()) row.cells.push_back(Cell{2, title->as_string()});
    if (!text.empty()) row.cells.push_back(Cell{3, std::move(text)});
    table.rows.push_back(std::move(row));
    if (const Value* inner = c.find("controls")) controls(*inner);
  }

  void controls(const Value& list) {
    if (error) return;
    if (!list.is_list()) return fail(list, "\"controls\" must be a list");
    for (const auto& c : list.as_list()) control(c);
  }

  void group(const Value& g) {
    if (error) return;
    if (!g.is_map()) return fail(g, "a group must be a JSON object");
    if (const Value* c = g.find("controls")) controls(*c);
    if (const Value* inner = g.find("groups")) groups(*inner);
  }

  void groups(const Value& list) {
    if (error) return;
    if (!list.is_list()) return fail(list, "\"groups\" must be a list");
    for (const auto& g : list.as_list()) group(g);
  }
};

}  // namespace

bool looks_like_oscal_catalog(std::string_view bytes) {
  size_t i = bytes.find_first_not_of(" \t\r\n");
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") i = bytes.find_first_not_of(" \t\r\n", 3);
  return i != std::string_view::npos && bytes[i] == '{' &&
         bytes.substr(0, 4096).find("\"catalog\"") != std::string_view::npos;
}

Result<Table, TableError> read_oscal_catalog(std::string_view bytes, std::string file,
                                             const TableLimits& limits) {
  if (bytes.size() > limits.max_file_bytes)
    return unexpected(TableError{
        file, {}, 0, 0, fmt::format("the file is over {} bytes", limits.max_file_bytes)});
  collect::Limits json_limits;
  json_limits.max_file_bytes = limits.max_file_bytes;
  Value doc;
  Diagnostics diags;
  if (!collect::parse_json(bytes, 1, json_limits, doc, diags)) {
    const Diagnostic* d = diags.empty() ? nullptr : &diags.front();
    return unexpected(TableError{file,
                                 {},
                                 d ? d->span.line : 0,
                                 d ? d->span.col : 0,
                                 d ? d->message : std::string("not valid JSON")});
  }
  const Value* catalog = doc.find("catalog");
  if (!catalog || !catalog->is_map())
    return unexpected(TableError{
        file, {}, doc.span().line, doc.span().col, "not an OSCAL catalog: no \"catalog\" object"});
  Reader r{file, limits, {}, std::nullopt};
  r.table.file = file;
  // The header the importer looks for, as a spreadsheet's first row would give it.
  r.table.rows.push_back(TableRow{0, {Cell{1, "id"}, Cell{2, "title"}, Cell{3, "text"}}});
  if (const Value* g = catalog->find("groups")) r.groups(*g);
  if (const Value* c = catalog->find("controls")) r.controls(*c);
  if (r.error) return unexpected(*r.error);
  if (r.table.rows.size() == 1)
    return unexpected(TableError{
        file, {}, catalog->span().line, catalog->span().col, "the catalog holds no controls"});
  return r.table;
}

}  // namespace cc::program
