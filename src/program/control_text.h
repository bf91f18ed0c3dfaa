#pragma once
// The organisation's own licensed text of controls. The catalog carries identifiers,
// titles and descriptions in its own words only, because the standards' text is
// copyrighted; an organisation that bought a standard may load its text from a
// spreadsheet (CSV or XLSX) so that its reports and Statement of Applicability show it.
// The text stays in that tenant's store.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/catalog.h"
#include "program/program.h"
#include "program/table_import.h"

namespace cc::program {

struct ImportOptions {
  std::string sheet;         // XLSX: the sheet to read; empty: the first
  std::string framework;     // framework of bare ids such as "12.4.1"; empty: the catalog's guess
  std::string id_column;     // header of the column with control ids; empty: guessed
  std::string text_column;   // header of the column with the text; empty: guessed
  std::string title_column;  // header of a column with titles; empty: guessed, may be none
  std::string source;        // which licensed copy the text comes from
  TableLimits limits;
};

// A column the import reads: its header and position (1 = column A).
struct ImportColumn {
  std::string header;
  uint32_t col = 0;
  bool guessed = false;  // found by its header's name rather than named by the user
};

struct ControlTextRow {
  uint32_t row = 0;   // in the file, for messages
  std::string ref;    // canonical control ref
  std::string title;  // from the file; empty without a title column
  std::string text;
};

// What an import would write, or why it cannot: everything is checked before anything
// is written, and one error anywhere stops the whole import.
struct ImportPlan {
  std::string file_name;  // base name of the file: the change log's key
  std::string sha256;     // of the file's bytes
  std::string source;
  std::optional<ImportColumn> id_column;
  std::optional<ImportColumn> text_column;
  std::optional<ImportColumn> title_column;
  std::vector<ControlTextRow> rows;
  // Each names the file, row and column: "controls.csv:14:1: unknown control ...".
  std::vector<std::string> errors;
  // Rows that import but look wrong, such as a title unlike the catalog's.
  std::vector<std::string> warnings;
  [[nodiscard]] bool ok() const { return errors.empty(); }
};

// Reads and checks `bytes`, the content of a file called `file_name` (its base name is
// used in messages). The first non-empty row names the columns. Each later row with a
// control id or text must have both; ids are read the way users type them (with
// options.framework for bare ids), must be in `catalog`, and may appear once.
ImportPlan plan_import(std::string_view bytes, std::string_view file_name,
                       const catalog::Catalog& catalog, const ImportOptions& options);

struct ImportCounts {
  size_t added = 0;
  size_t replaced = 0;
};

// Writes a plan without errors in one transaction: inserts or replaces the text of each
// control (others keep theirs) and records one change-log entry (entity "control-text",
// key the file name, action "import", after {"rows", "source", "sha256"}).
Result<ImportCounts, Error> import_control_texts(const Program& program, const ImportPlan& plan,
                                                 const Change& who);

// Deletes every control text of the tenant and records it (key "all", action
// "remove-all"); returns how many there were. With none, nothing is recorded.
Result<size_t, Error> remove_control_texts(const Program& program, const Change& who);

struct ControlText {
  std::string ref;
  std::string title;
  std::string text;
  std::string source;
  std::string file_name;
  std::string imported_at;
  std::string imported_by;
};

// The stored record for a canonical ref; nullopt when none is loaded.
Result<std::optional<ControlText>, Error> load_control_text(const Program& program,
                                                            std::string_view ref);
// The text alone, for reports.
Result<std::optional<std::string>, Error> control_text(const Program& program,
                                                       std::string_view ref);
// Every loaded text by canonical ref.
Result<std::map<std::string, std::string>, Error> control_texts(const Program& program);

}  // namespace cc::program
