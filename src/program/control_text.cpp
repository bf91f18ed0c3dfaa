#include "program/control_text.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_map>

#include "catalog/ref.h"
#include "store/sha256.h"

namespace cc::program {
namespace {

constexpr std::string_view kEntity = "control-text";

// Headers compare case-insensitively, with '_', '-' and '.' read as spaces and runs of
// spaces as one: "Control_ID", "control id" and "CONTROL-ID" are the same header.
std::string header_key(std::string_view h) {
  std::string out;
  bool space = false;
  for (unsigned char c : h) {
    if (std::isspace(c) || c == '_' || c == '-' || c == '.') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(std::tolower(c));
  }
  return out;
}

bool has_word(const std::string& key, std::initializer_list<std::string_view> words) {
  size_t start = 0;
  while (start <= key.size()) {
    size_t end = key.find(' ', start);
    if (end == std::string::npos) end = key.size();
    const std::string_view word = std::string_view(key).substr(start, end - start);
    for (auto w : words)
      if (word == w) return true;
    start = end + 1;
  }
  return false;
}

bool is_one_of(const std::string& key, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), key) != names.end();
}

std::string trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

// Line breaks as LF, whatever the spreadsheet wrote, without the cell's outer blanks.
std::string clean_text(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r') {
      out += '\n';
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
    } else {
      out += s[i];
    }
  }
  return trim(out);
}

// Letters and digits only, lower-cased: titles that differ in punctuation, case or
// dashes still match.
std::string title_key(std::string_view s) {
  std::string out;
  for (unsigned char c : s)
    if (std::isalnum(c)) out += static_cast<char>(std::tolower(c));
  return out;
}

struct HeaderCell {
  std::string text;
  std::string key;
  uint32_t col;
};

std::string describe(const HeaderCell& h) {
  return fmt::format("\"{}\" ({})", h.text, column_letters(h.col));
}

// The column the user named, or the one whose header reads like `exact` (or, failing
// that, holds one of `words`). Nullopt with no error when nothing matches and the column
// is optional.
std::optional<ImportColumn> choose_column(
    const std::vector<HeaderCell>& headers, const std::string& named, std::string_view what,
    std::string_view option, std::initializer_list<std::string_view> exact,
    std::initializer_list<std::string_view> words, const std::set<uint32_t>& taken, bool required,
    const Table& table, uint32_t header_row, std::vector<std::string>& errors) {
  std::vector<const HeaderCell*> found;
  if (!named.empty()) {
    const std::string key = header_key(named);
    for (const auto& h : headers)
      if (h.key == key) found.push_back(&h);
  } else {
    for (const auto& h : headers)
      if (!taken.count(h.col) && is_one_of(h.key, exact)) found.push_back(&h);
    if (found.empty())
      for (const auto& h : headers)
        if (!taken.count(h.col) && has_word(h.key, words)) found.push_back(&h);
  }
  if (found.size() == 1)
    return ImportColumn{found.front()->text, found.front()->col, named.empty()};
  std::string all;
  for (const auto& h : headers) all += (all.empty() ? "" : ", ") + describe(h);
  if (found.empty()) {
    if (!named.empty())
      errors.push_back(to_string(table.error_at(
          header_row, 0, fmt::format("no column is headed \"{}\" (the headers: {})", named, all))));
    else if (required)
      errors.push_back(to_string(table.error_at(
          header_row, 0,
          fmt::format("no column looks like it holds the {}; name it with {} (the headers: {})",
                      what, option, all))));
    return std::nullopt;
  }
  std::string candidates;
  for (const auto* h : found) candidates += (candidates.empty() ? "" : ", ") + describe(*h);
  errors.push_back(to_string(
      table.error_at(header_row, 0,
                     fmt::format("several columns could hold the {}: {}; name one with {}", what,
                                 candidates, option))));
  return std::nullopt;
}

const catalog::Control* resolve_id(const catalog::Catalog& catalog, std::string_view id,
                                   const std::string& framework) {
  if (!framework.empty() && id.find('/') == std::string_view::npos)
    return catalog.resolve(framework + "/" + std::string(id));
  return catalog.resolve(id);
}

store::Status write_row(const Program& p, const ImportPlan& plan, const ControlTextRow& row,
                        const Change& who) {
  return p.db().exec(
      "INSERT INTO control_text (tenant_id, control_ref, title, text, source, file_name, "
      "imported_at, imported_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) "
      "ON CONFLICT (tenant_id, control_ref) DO UPDATE SET title = excluded.title, "
      "text = excluded.text, source = excluded.source, file_name = excluded.file_name, "
      "imported_at = excluded.imported_at, imported_by = excluded.imported_by",
      {p.tenant_id(), row.ref, row.title, row.text, plan.source, plan.file_name, who.at,
       who.actor});
}

}  // namespace

ImportPlan plan_import(std::string_view bytes, std::string_view file_name,
                       const catalog::Catalog& catalog, const ImportOptions& options) {
  ImportPlan plan;
  plan.file_name = std::filesystem::path(file_name).filename().string();
  plan.sha256 = store::sha256_hex(bytes);
  plan.source = trim(options.source);

  std::string framework;
  if (!options.framework.empty()) {
    framework = catalog::normalize_framework(options.framework);
    if (!catalog.framework(framework)) {
      plan.errors.push_back(
          fmt::format("framework \"{}\" is not in the catalog (see `cloudcomply catalog list`)",
                      options.framework));
      return plan;
    }
  }

  auto table = read_table(bytes, plan.file_name, options.sheet, options.limits);
  if (!table) {
    plan.errors.push_back(to_string(table.error()));
    return plan;
  }
  if (table->rows.empty()) {
    plan.errors.push_back(to_string(table->error_at(0, 0, "the table is empty")));
    return plan;
  }

  const TableRow& header = table->rows.front();
  std::vector<HeaderCell> headers;
  for (const auto& c : header.cells) headers.push_back({trim(c.text), header_key(c.text), c.col});
  std::set<uint32_t> taken;
  plan.id_column = choose_column(
      headers, options.id_column, "control ids", "--id-column",
      {"id", "control", "ref", "control id", "control ref", "reference", "control reference",
       "control no", "control number", "control identifier", "identifier", "number", "no"},
      {"id", "ref", "reference", "identifier"}, taken, true, *table, header.number, plan.errors);
  if (plan.id_column) taken.insert(plan.id_column->col);
  plan.text_column = choose_column(
      headers, options.text_column, "control text", "--text-column",
      {"text", "description", "guidance", "control text", "control description", "control guidance",
       "implementation guidance", "requirement", "statement", "control statement"},
      {"text", "description", "guidance"}, taken, true, *table, header.number, plan.errors);
  if (plan.text_column) taken.insert(plan.text_column->col);
  plan.title_column =
      choose_column(headers, options.title_column, "control titles", "--title-column",
                    {"title", "name", "control title", "control name"}, {"title"}, taken, false,
                    *table, header.number, plan.errors);
  if (plan.id_column && plan.text_column && plan.id_column->col == plan.text_column->col)
    plan.errors.push_back(to_string(table->error_at(
        header.number, plan.id_column->col, "the id column and the text column are the same")));
  if (!plan.errors.empty()) return plan;

  const uint32_t id_col = plan.id_column->col;
  const uint32_t text_col = plan.text_column->col;
  const uint32_t title_col = plan.title_column ? plan.title_column->col : 0;
  std::unordered_map<std::string, uint32_t> first_row;  // ref -> row that gave it first
  for (size_t i = 1; i < table->rows.size(); ++i) {
    const TableRow& row = table->rows[i];
    const std::string id = trim(row.text(id_col));
    std::string text = clean_text(row.text(text_col));
    if (id.empty() && text.empty()) continue;  // a heading or spacer row
    auto error = [&](uint32_t col, std::string message) {
      plan.errors.push_back(to_string(table->error_at(row.number, col, std::move(message))));
    };
    if (id.empty()) {
      error(id_col, "the row has text but no control id");
      continue;
    }
    const catalog::Control* control = resolve_id(catalog, id, framework);
    if (!control) {
      error(id_col,
            framework.empty()
                ? fmt::format("\"{}\" is not a control in the catalog (to read bare ids "
                              "in another framework, give --framework)",
                              id)
                : fmt::format("\"{}\" is not a control of {} in the catalog", id, framework));
      continue;
    }
    if (text.empty()) {
      error(text_col, fmt::format("the text of {} is empty", control->ref));
      continue;
    }
    if (auto [it, fresh] = first_row.emplace(control->ref, row.number); !fresh) {
      error(id_col, fmt::format("{} is given twice (first in row {})", control->ref, it->second));
      continue;
    }
    ControlTextRow out{row.number, control->ref, title_col ? trim(row.text(title_col)) : "",
                       std::move(text)};
    if (!out.title.empty() && !control->title.empty() &&
        title_key(out.title) != title_key(control->title))
      plan.warnings.push_back(to_string(table->error_at(
          row.number, title_col,
          fmt::format("the title \"{}\" differs from the catalog's \"{}\" for {}: check the id "
                      "and the framework",
                      out.title, control->title, control->ref))));
    plan.rows.push_back(std::move(out));
  }
  if (plan.rows.empty() && plan.errors.empty())
    plan.errors.push_back(
        to_string(table->error_at(0, 0, "no row below the header holds a control id and text")));
  return plan;
}

Result<ImportCounts, Error> import_control_texts(const Program& p, const ImportPlan& plan,
                                                 const Change& who) {
  if (!plan.ok())
    return unexpected(Error{
        Error::Kind::Invalid,
        fmt::format("{} has {} errors; nothing was imported", plan.file_name, plan.errors.size())});
  if (plan.rows.empty())
    return unexpected(Error{Error::Kind::Invalid, fmt::format("{} holds no rows", plan.file_name)});
  store::Database& db = p.db();
  store::Transaction tx(db, store::TxMode::Write);
  if (tx.error()) return unexpected(*tx.error());
  if (auto s = db.lock(fmt::format("control_text.{}", p.tenant_id())); !s)
    return unexpected(s.error());
  auto existing =
      db.query("SELECT control_ref FROM control_text WHERE tenant_id = $1", {p.tenant_id()});
  if (!existing) return unexpected(existing.error());
  std::set<std::string> present;
  for (const auto& r : *existing) present.insert(r.text(0));
  ImportCounts counts;
  for (const auto& row : plan.rows) {
    if (auto s = write_row(p, plan, row, who); !s) return unexpected(s.error());
    ++(present.count(row.ref) ? counts.replaced : counts.added);
  }
  const nlohmann::json after{
      {"rows", plan.rows.size()}, {"source", plan.source}, {"sha256", plan.sha256}};
  if (auto s = record_change(p, who, kEntity, plan.file_name, "import", "", after.dump()); !s)
    return unexpected(s.error());
  if (auto s = tx.commit(); !s) return unexpected(s.error());
  return counts;
}

Result<size_t, Error> remove_control_texts(const Program& p, const Change& who) {
  store::Database& db = p.db();
  store::Transaction tx(db, store::TxMode::Write);
  if (tx.error()) return unexpected(*tx.error());
  if (auto s = db.lock(fmt::format("control_text.{}", p.tenant_id())); !s)
    return unexpected(s.error());
  auto count = db.query("SELECT COUNT(*) FROM control_text WHERE tenant_id = $1", {p.tenant_id()});
  if (!count) return unexpected(count.error());
  const int64_t n = count->front().integer(0);
  if (n == 0) return size_t{0};
  if (auto s = db.exec("DELETE FROM control_text WHERE tenant_id = $1", {p.tenant_id()}); !s)
    return unexpected(s.error());
  if (auto s = record_change(p, who, kEntity, "all", "remove-all",
                             nlohmann::json{{"rows", n}}.dump(), "");
      !s)
    return unexpected(s.error());
  if (auto s = tx.commit(); !s) return unexpected(s.error());
  return static_cast<size_t>(n);
}

Result<std::optional<ControlText>, Error> load_control_text(const Program& p,
                                                            std::string_view ref) {
  auto rows = p.db().query(
      "SELECT control_ref, title, text, source, file_name, imported_at, imported_by "
      "FROM control_text WHERE tenant_id = $1 AND control_ref = $2",
      {p.tenant_id(), std::string(ref)});
  if (!rows) return unexpected(rows.error());
  if (rows->empty()) return std::optional<ControlText>();
  const store::Row& r = rows->front();
  return std::optional<ControlText>(
      ControlText{r.text(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5), r.text(6)});
}

Result<std::optional<std::string>, Error> control_text(const Program& p, std::string_view ref) {
  auto record = load_control_text(p, ref);
  if (!record) return unexpected(record.error());
  if (!*record) return std::optional<std::string>();
  return std::optional<std::string>(std::move((*record)->text));
}

Result<std::map<std::string, std::string>, Error> control_texts(const Program& p) {
  auto rows = p.db().query("SELECT control_ref, text FROM control_text WHERE tenant_id = $1",
                           {p.tenant_id()});
  if (!rows) return unexpected(rows.error());
  std::map<std::string, std::string> out;
  for (const auto& r : *rows) out.emplace(r.text(0), r.text(1));
  return out;
}

}  // namespace cc::program
