// Importing an organisation's licensed control text: checking the file, and writing it
// all or nothing, on both back ends.
#include "program/control_text.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/data_dir.h"
#include "program_catalog.h"
#include "store/sha256.h"
#include "store_fixture.h"

namespace cc::program {
namespace {

using testing::test_catalog;

ImportPlan plan(std::string_view csv, ImportOptions options = {},
                std::string_view name = "controls.csv") {
  return plan_import(csv, name, test_catalog(), options);
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

// ---------------------------------------------------------------- checking the file

TEST(ControlTextPlan, ReadsIdsAsUsersTypeThem) {
  ImportOptions options;
  options.source = "  ISO/IEC 27017:2015, licensed copy no. 123 ";
  auto p = plan(
      "Control,Title,Control text\n"
      "12.4.1,Event logging,\"Licensed words, line one\r\nline two  \"\n"
      "\n"
      "cld 9.5.2,,Other licensed words\n"
      "iso27001:2022/8.15,,Annex A words\n",
      options);
  ASSERT_TRUE(p.ok()) << joined(p.errors);
  EXPECT_EQ(p.file_name, "controls.csv");
  EXPECT_EQ(p.source, "ISO/IEC 27017:2015, licensed copy no. 123");
  ASSERT_TRUE(p.id_column && p.text_column && p.title_column);
  EXPECT_EQ(p.id_column->header, "Control");
  EXPECT_EQ(p.id_column->col, 1u);
  EXPECT_TRUE(p.id_column->guessed);
  EXPECT_EQ(p.text_column->header, "Control text");
  EXPECT_EQ(p.text_column->col, 3u);
  EXPECT_EQ(p.title_column->col, 2u);
  ASSERT_EQ(p.rows.size(), 3u);
  EXPECT_EQ(p.rows[0].ref, "iso27017:2015/12.4.1");
  EXPECT_EQ(p.rows[0].title, "Event logging");
  EXPECT_EQ(p.rows[0].text, "Licensed words, line one\nline two");
  EXPECT_EQ(p.rows[1].ref, "iso27017:2015/CLD.9.5.2");
  EXPECT_EQ(p.rows[1].row, 4u);
  EXPECT_EQ(p.rows[2].ref, "iso27001:2022/A.8.15");
  EXPECT_TRUE(p.warnings.empty()) << joined(p.warnings);
}

TEST(ControlTextPlan, FrameworkAppliesToBareIds) {
  ImportOptions options;
  options.framework = "iso27001";
  auto p = plan("ref,text\n8.15,Logging words\nA.5.23,Cloud words\n", options);
  ASSERT_TRUE(p.ok()) << joined(p.errors);
  EXPECT_EQ(p.rows[0].ref, "iso27001:2022/A.8.15");
  EXPECT_EQ(p.rows[1].ref, "iso27001:2022/A.5.23");
  options.framework = "iso9999";
  auto bad = plan("ref,text\n8.15,x\n", options);
  ASSERT_EQ(bad.errors.size(), 1u);
  EXPECT_NE(bad.errors[0].find("framework \"iso9999\" is not in the catalog"), std::string::npos);
}

TEST(ControlTextPlan, EveryBadRowIsAnErrorWithItsCell) {
  auto p = plan(
      "id,text\n"
      "12.4.1,fine\n"
      "99.99.99,unknown control\n"
      "12.4.2,\n"
      ",text without id\n"
      "iso27017:2015/12.4.1,the same control again\n");
  EXPECT_FALSE(p.ok());
  EXPECT_EQ(joined(p.errors),
            "controls.csv:3:1: \"99.99.99\" is not a control in the catalog (to read bare ids in "
            "another framework, give --framework)\n"
            "controls.csv:4:2: the text of iso27017:2015/12.4.2 is empty\n"
            "controls.csv:5:1: the row has text but no control id\n"
            "controls.csv:6:1: iso27017:2015/12.4.1 is given twice (first in row 2)\n");
}

TEST(ControlTextPlan, ColumnsNamedOrAmbiguous) {
  auto ambiguous = plan("ID,Ref,Text\n12.4.1,x,y\n");
  ASSERT_EQ(ambiguous.errors.size(), 1u);
  EXPECT_EQ(ambiguous.errors[0],
            "controls.csv:1: several columns could hold the control ids: \"ID\" (A), \"Ref\" "
            "(B); name one with --id-column");
  ImportOptions named;
  named.id_column = "ref";
  named.text_column = "TEXT";
  auto p = plan("ID,Ref,Text\nx,12.4.1,words\n", named);
  ASSERT_TRUE(p.ok()) << joined(p.errors);
  EXPECT_EQ(p.id_column->col, 2u);
  EXPECT_FALSE(p.id_column->guessed);
  EXPECT_EQ(p.rows[0].ref, "iso27017:2015/12.4.1");

  named.text_column = "Body";
  auto missing = plan("ID,Ref,Text\nx,12.4.1,words\n", named);
  ASSERT_EQ(missing.errors.size(), 1u);
  EXPECT_EQ(missing.errors[0],
            "controls.csv:1: no column is headed \"Body\" (the headers: \"ID\" (A), \"Ref\" (B), "
            "\"Text\" (C))");
  auto no_text = plan("Control,Owner\n12.4.1,me\n");
  ASSERT_EQ(no_text.errors.size(), 1u);
  EXPECT_NE(no_text.errors[0].find("no column looks like it holds the control text; name it "
                                   "with --text-column"),
            std::string::npos);
  // Words inside longer headers are found when no header matches exactly.
  auto words = plan("Control_Ref,Implementation_Guidance_Text\n12.4.1,words\n");
  ASSERT_TRUE(words.ok()) << joined(words.errors);
  EXPECT_FALSE(words.title_column);
}

TEST(ControlTextPlan, TitlesUnlikeTheCatalogsAreWarnings) {
  auto p = plan("id,title,text\n12.4.1,EVENT-LOGGING,a\n12.4.2,Something else entirely,b\n");
  ASSERT_TRUE(p.ok()) << joined(p.errors);
  ASSERT_EQ(p.warnings.size(), 1u);
  EXPECT_EQ(p.warnings[0].rfind("controls.csv:3:2: the title \"Something else entirely\" differs "
                                "from the catalog's",
                                0),
            0u)
      << p.warnings[0];
}

TEST(ControlTextPlan, ReaderErrorsAndEmptyFiles) {
  auto broken = plan("id,text\n12.4.1,\"open\n");
  ASSERT_EQ(broken.errors.size(), 1u);
  EXPECT_EQ(broken.errors[0],
            "controls.csv:2:2: unterminated quoted field (its closing quote is missing)");
  EXPECT_EQ(joined(plan("").errors), "controls.csv: the table is empty\n");
  EXPECT_EQ(joined(plan("id,text\n\n").errors),
            "controls.csv: no row below the header holds a control id and text\n");
  // The path is shortened to the file's name in messages and in the change log.
  EXPECT_EQ(plan("x", {}, "/some/dir/mine.csv").file_name, "mine.csv");
}

TEST(ControlTextPlan, FromAnXlsxWorkbook) {
  const auto path =
      std::filesystem::temp_directory_path() / ("cc-ct-" + std::to_string(::getpid()) + ".xlsx");
  lxw_workbook* wb = workbook_new(path.c_str());
  worksheet_write_string(workbook_add_worksheet(wb, "Cover"), 0, 0, "Licensed copy", nullptr);
  lxw_worksheet* ws = workbook_add_worksheet(wb, "Text");
  worksheet_write_string(ws, 0, 0, "Clause", nullptr);
  worksheet_write_string(ws, 0, 1, "Guidance", nullptr);
  worksheet_write_number(ws, 1, 0, 5.1, nullptr);  // typed as a number by the spreadsheet
  worksheet_write_string(ws, 1, 1, "Words for A.5.1", nullptr);
  worksheet_write_string(ws, 2, 0, "ZZ.1", nullptr);
  worksheet_write_string(ws, 2, 1, "No such control", nullptr);
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  std::filesystem::remove(path);

  ImportOptions options;
  options.sheet = "text";
  options.framework = "iso27001:2022";
  options.id_column = "clause";
  auto p = plan(bytes.str(), options, "licensed.xlsx");
  EXPECT_EQ(joined(p.errors),
            "licensed.xlsx: Text!A3 (row 3, column 1): \"ZZ.1\" is not a control of "
            "iso27001:2022 in the catalog\n");
  ASSERT_EQ(p.rows.size(), 1u);
  EXPECT_EQ(p.rows[0].ref, "iso27001:2022/A.5.1");
  EXPECT_EQ(p.sha256, store::sha256_hex(bytes.str()));
}

// ---------------------------------------------------------------- the store

using store::testing::BackendTest;

Program program_of(store::Database& db, std::string_view tenant = "default") {
  auto p = Program::open(db, tenant);
  EXPECT_TRUE(p) << (p ? "" : p.error().message);
  return *p;
}

std::vector<ChangeRecord> text_log(const Program& program) {
  auto h = history(program, {"control-text", "", 100});
  EXPECT_TRUE(h) << (h ? "" : h.error().message);
  return h ? *h : std::vector<ChangeRecord>{};
}

const Change who{"alice", "2026-03-01T10:00:00Z"};

TEST_P(BackendTest, ControlTextImportWritesEveryRowAndOneChange) {
  const Program program = program_of(*db_);
  const std::string csv = "id,text\n12.4.1,Logging words\nCLD.9.5.2,Segregation words\n";
  ImportOptions options;
  options.source = "ISO/IEC 27017:2015, licensed copy no. 123";
  auto p = plan(csv, options);
  ASSERT_TRUE(p.ok()) << joined(p.errors);
  auto counts = import_control_texts(program, p, who);
  ASSERT_TRUE(counts) << counts.error().message;
  EXPECT_EQ(counts->added, 2u);
  EXPECT_EQ(counts->replaced, 0u);

  auto all = control_texts(program);
  ASSERT_TRUE(all) << all.error().message;
  EXPECT_EQ(*all,
            (std::map<std::string, std::string>{{"iso27017:2015/12.4.1", "Logging words"},
                                                {"iso27017:2015/CLD.9.5.2", "Segregation words"}}));
  auto one = control_text(program, "iso27017:2015/12.4.1");
  ASSERT_TRUE(one);
  EXPECT_EQ(*one, std::optional<std::string>("Logging words"));
  auto none = control_text(program, "iso27017:2015/12.4.2");
  ASSERT_TRUE(none);
  EXPECT_FALSE(none->has_value());
  auto record = load_control_text(program, "iso27017:2015/CLD.9.5.2");
  ASSERT_TRUE(record && *record);
  EXPECT_EQ((*record)->source, options.source);
  EXPECT_EQ((*record)->file_name, "controls.csv");
  EXPECT_EQ((*record)->imported_at, who.at);
  EXPECT_EQ((*record)->imported_by, "alice");

  auto entries = text_log(program);
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].key, "controls.csv");
  EXPECT_EQ(entries[0].action, "import");
  EXPECT_EQ(entries[0].actor, "alice");
  EXPECT_EQ(entries[0].before, "");
  auto after = nlohmann::json::parse(entries[0].after);
  EXPECT_EQ(after["rows"], 2);
  EXPECT_EQ(after["source"], options.source);
  EXPECT_EQ(after["sha256"], store::sha256_hex(csv));
}

TEST_P(BackendTest, ControlTextOneBadRowWritesNothing) {
  const Program program = program_of(*db_);
  ASSERT_TRUE(import_control_texts(program, plan("id,text\n12.4.1,Kept words\n"), who));
  auto bad = plan("id,text\n12.4.1,New words\n12.4.2,Fine\nnope,Bad id\n");
  ASSERT_FALSE(bad.ok());
  auto refused = import_control_texts(program, bad, who);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, Error::Kind::Invalid);
  auto all = control_texts(program);
  ASSERT_TRUE(all);
  EXPECT_EQ(*all, (std::map<std::string, std::string>{{"iso27017:2015/12.4.1", "Kept words"}}));
  EXPECT_EQ(text_log(program).size(), 1u);
}

TEST_P(BackendTest, ControlTextAWriteThatFailsHalfWayLeavesNothing) {
  const Program program = program_of(*db_);
  // The store refuses empty text; a plan that slipped one through fails on that row, and
  // the rows before it must not stay behind.
  ImportPlan forged = plan("id,text\n12.4.1,First\n12.4.2,Second\n");
  ASSERT_TRUE(forged.ok());
  forged.rows[1].text.clear();
  auto result = import_control_texts(program, forged, who);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().kind, Error::Kind::Constraint) << result.error().message;
  auto all = control_texts(program);
  ASSERT_TRUE(all);
  EXPECT_TRUE(all->empty());
  EXPECT_TRUE(text_log(program).empty());
}

TEST_P(BackendTest, ControlTextReimportReplacesAndKeepsTheRest) {
  const Program program = program_of(*db_);
  ASSERT_TRUE(import_control_texts(program, plan("id,text\n12.4.1,Old\n12.4.2,Stays\n"), who));
  ImportOptions options;
  options.source = "second copy";
  Change later{"bob", "2026-04-01T09:00:00Z"};
  auto counts = import_control_texts(
      program,
      plan(
          "id,title,text\n12.4.1,Event logging,New\n12.4.3,Administrator and operator logs,Added\n",
          options, "v2.csv"),
      later);
  ASSERT_TRUE(counts) << counts.error().message;
  EXPECT_EQ(counts->added, 1u);
  EXPECT_EQ(counts->replaced, 1u);
  auto all = control_texts(program);
  ASSERT_TRUE(all);
  EXPECT_EQ(*all, (std::map<std::string, std::string>{{"iso27017:2015/12.4.1", "New"},
                                                      {"iso27017:2015/12.4.2", "Stays"},
                                                      {"iso27017:2015/12.4.3", "Added"}}));
  auto record = load_control_text(program, "iso27017:2015/12.4.1");
  ASSERT_TRUE(record && *record);
  EXPECT_EQ((*record)->title, "Event logging");
  EXPECT_EQ((*record)->source, "second copy");
  EXPECT_EQ((*record)->file_name, "v2.csv");
  EXPECT_EQ((*record)->imported_by, "bob");
  auto entries = text_log(program);
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].key, "v2.csv");  // newest first
}

TEST_P(BackendTest, ControlTextTenantsSeeOnlyTheirOwnText) {
  const Program program = program_of(*db_);
  const Program other = program_of(*db_, "other-org");
  ASSERT_TRUE(import_control_texts(program, plan("id,text\n12.4.1,Ours\n"), who));
  ASSERT_TRUE(
      import_control_texts(other, plan("id,text\n12.4.1,Theirs\n9.1.1,Only theirs\n"), who));
  auto ours = control_texts(program);
  auto theirs = control_texts(other);
  ASSERT_TRUE(ours && theirs);
  EXPECT_EQ(*ours, (std::map<std::string, std::string>{{"iso27017:2015/12.4.1", "Ours"}}));
  EXPECT_EQ(theirs->size(), 2u);
  EXPECT_EQ(theirs->at("iso27017:2015/12.4.1"), "Theirs");
  auto gone = remove_control_texts(other, who);
  ASSERT_TRUE(gone);
  EXPECT_EQ(*gone, 2u);
  ours = control_texts(program);
  ASSERT_TRUE(ours);
  EXPECT_EQ(ours->size(), 1u);
  EXPECT_EQ(text_log(program).size(), 1u);  // the other tenant's changes are in its own log
}

TEST_P(BackendTest, ControlTextRemoveAllIsRecordedOnce) {
  const Program program = program_of(*db_);
  auto nothing = remove_control_texts(program, who);
  ASSERT_TRUE(nothing) << nothing.error().message;
  EXPECT_EQ(*nothing, 0u);
  EXPECT_TRUE(text_log(program).empty());
  ASSERT_TRUE(import_control_texts(program, plan("id,text\n12.4.1,a\n12.4.2,b\n12.4.3,c\n"), who));
  auto removed = remove_control_texts(program, who);
  ASSERT_TRUE(removed) << removed.error().message;
  EXPECT_EQ(*removed, 3u);
  auto all = control_texts(program);
  ASSERT_TRUE(all);
  EXPECT_TRUE(all->empty());
  auto entries = text_log(program);
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].action, "remove-all");
  EXPECT_EQ(entries[0].key, "all");
  EXPECT_EQ(nlohmann::json::parse(entries[0].before)["rows"], 3);
  EXPECT_EQ(entries[0].after, "");
}

}  // namespace
}  // namespace cc::program
