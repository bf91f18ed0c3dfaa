// The CSV and XLSX readers behind `catalog import`: what they read, and that every
// problem names the cell it is in.
#include "program/table_import.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <xlsxwriter.h>
#include <zip.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <string>

#include "program/oscal_import.h"

namespace cc::program {
namespace {

namespace fs = std::filesystem;

std::string error_text(const Result<Table, TableError>& r) {
  return r ? std::string("(no error)") : to_string(r.error());
}

// A fresh temporary path per call, removed by the caller's ScratchFile.
struct ScratchFile {
  fs::path path;
  explicit ScratchFile(const std::string& ext) {
    static std::atomic<int> n{0};
    path = fs::temp_directory_path() /
           ("cc-table-" + std::to_string(::getpid()) + "-" + std::to_string(n++) + ext);
  }
  ~ScratchFile() {
    std::error_code ec;
    fs::remove(path, ec);
  }
  [[nodiscard]] std::string bytes() const {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
  }
};

// A workbook written by libxlsxwriter, as a spreadsheet program would save it.
std::string make_workbook(const std::function<void(lxw_workbook*)>& fill,
                          bool constant_memory = false) {
  ScratchFile file(".xlsx");
  lxw_workbook_options options{};
  options.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
  lxw_workbook* wb = workbook_new_opt(file.path.c_str(), &options);
  fill(wb);
  EXPECT_EQ(workbook_close(wb), LXW_NO_ERROR);
  return file.bytes();
}

// A ZIP archive of exactly these entries, for workbooks no spreadsheet program writes.
std::string make_zip(const std::map<std::string, std::string>& entries) {
  ScratchFile file(".zip");
  int err = 0;
  zip_t* z = zip_open(file.path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  EXPECT_NE(z, nullptr);
  for (const auto& [name, data] : entries) {
    zip_source_t* src = zip_source_buffer(z, data.data(), data.size(), 0);
    EXPECT_GE(zip_file_add(z, name.c_str(), src, ZIP_FL_ENC_UTF_8), 0);
  }
  EXPECT_EQ(zip_close(z), 0);
  return file.bytes();
}

// The entries every minimal workbook needs, around one sheet's XML.
std::map<std::string, std::string> workbook_parts(const std::string& sheet_xml) {
  return {
      {"xl/workbook.xml",
       R"(<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>)"},
      {"xl/_rels/workbook.xml.rels",
       R"(<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>)"},
      {"xl/worksheets/sheet1.xml", sheet_xml},
  };
}

std::string sheet_xml(const std::string& rows) {
  return R"(<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)" +
         rows + "</sheetData></worksheet>";
}

// Rewrites an archive without one entry.
std::string without_entry(const std::string& zip_bytes, const std::string& name) {
  ScratchFile file(".xlsx");
  std::ofstream(file.path, std::ios::binary) << zip_bytes;
  int err = 0;
  zip_t* z = zip_open(file.path.c_str(), 0, &err);
  EXPECT_NE(z, nullptr);
  const zip_int64_t index = zip_name_locate(z, name.c_str(), 0);
  EXPECT_GE(index, 0);
  EXPECT_EQ(zip_delete(z, static_cast<zip_uint64_t>(index)), 0);
  EXPECT_EQ(zip_close(z), 0);
  return file.bytes();
}

// ---------------------------------------------------------------- cell references

TEST(CellReference, ColumnsAndRows) {
  EXPECT_EQ(column_letters(1), "A");
  EXPECT_EQ(column_letters(26), "Z");
  EXPECT_EQ(column_letters(27), "AA");
  EXPECT_EQ(column_letters(702), "ZZ");
  EXPECT_EQ(column_letters(16384), "XFD");
  uint32_t row = 0, col = 0;
  ASSERT_TRUE(parse_cell_reference("C14", row, col));
  EXPECT_EQ(row, 14u);
  EXPECT_EQ(col, 3u);
  ASSERT_TRUE(parse_cell_reference("$xfd$1048576", row, col));
  EXPECT_EQ(row, 1048576u);
  EXPECT_EQ(col, 16384u);
  for (const char* bad : {"", "14", "C", "C0", "XFE1", "ZZZZZZ1", "C1048577", "C14x", "1C", "C-1"})
    EXPECT_FALSE(parse_cell_reference(bad, row, col)) << bad;
}

// ---------------------------------------------------------------- CSV

TEST(Csv, ReadsRowsWithTheirPositions) {
  auto t = read_csv("id,text\n12.4.1,Keep logs\n,only text\n", "controls.csv");
  ASSERT_TRUE(t) << error_text(t);
  ASSERT_EQ(t->rows.size(), 3u);
  EXPECT_EQ(t->rows[1].number, 2u);
  EXPECT_EQ(t->rows[1].text(1), "12.4.1");
  EXPECT_EQ(t->rows[1].text(2), "Keep logs");
  // An empty cell is left out but later cells keep their column.
  ASSERT_EQ(t->rows[2].cells.size(), 1u);
  EXPECT_EQ(t->rows[2].cells[0].col, 2u);
  EXPECT_EQ(t->rows[2].text(1), "");
}

TEST(Csv, QuotedFieldsDoubledQuotesAndLineBreaks) {
  auto t = read_csv("id,text\r\n\"1,2\",\"She said \"\"log it\"\"\r\nand went\"\r\nlast,\"\"\r\n",
                    "q.csv");
  ASSERT_TRUE(t) << error_text(t);
  ASSERT_EQ(t->rows.size(), 3u);
  EXPECT_EQ(t->rows[1].text(1), "1,2");
  EXPECT_EQ(t->rows[1].text(2), "She said \"log it\"\nand went");
  // The quoted line break does not start a row: the next record is row 3.
  EXPECT_EQ(t->rows[2].number, 3u);
  EXPECT_EQ(t->rows[2].text(1), "last");
  EXPECT_EQ(t->rows[2].cells.size(), 1u);
}

TEST(Csv, LineEndingsBlankLinesAndNoFinalBreak) {
  auto t = read_csv("a,b\n\r\n1,2\r3,4", "e.csv");
  ASSERT_TRUE(t) << error_text(t);
  ASSERT_EQ(t->rows.size(), 3u);
  // The blank line counts as a row, as a spreadsheet shows it, but holds no cells.
  EXPECT_EQ(t->rows[1].number, 3u);
  EXPECT_EQ(t->rows[2].number, 4u);
  EXPECT_EQ(t->rows[2].text(2), "4");
}

TEST(Csv, ByteOrderMarkIsSkipped) {
  auto t = read_csv("\xEF\xBB\xBFid,text\nx,y\n", "bom.csv");
  ASSERT_TRUE(t) << error_text(t);
  EXPECT_EQ(t->rows[0].text(1), "id");
}

TEST(Csv, SemicolonSeparatedFilesAreRecognised) {
  auto t = read_csv("\"id\";\"text, with comma\"\n12.4.1;Keep; logs\n", "semi.csv");
  ASSERT_TRUE(t) << error_text(t);
  EXPECT_EQ(t->rows[0].text(2), "text, with comma");
  EXPECT_EQ(t->rows[1].text(3), " logs");
  auto comma = read_csv("id,text\na;b,c\n", "comma.csv");
  ASSERT_TRUE(comma);
  EXPECT_EQ(comma->rows[1].text(1), "a;b");
}

TEST(Csv, EmptyInput) {
  auto t = read_csv("", "empty.csv");
  ASSERT_TRUE(t);
  EXPECT_TRUE(t->rows.empty());
  auto bom_only = read_csv("\xEF\xBB\xBF", "bom.csv");
  ASSERT_TRUE(bom_only);
  EXPECT_TRUE(bom_only->rows.empty());
}

TEST(Csv, EveryErrorNamesItsRowAndColumn) {
  EXPECT_EQ(error_text(read_csv("id,text\na,b\nc,\"open\n\nmore", "controls.csv")),
            "controls.csv:3:2: unterminated quoted field (its closing quote is missing)");
  EXPECT_EQ(error_text(read_csv("id,text\na,b\"c\n", "c.csv")).substr(0, 45),
            "c.csv:2:2: a quote inside an unquoted field: ");
  EXPECT_EQ(error_text(read_csv("id,text\n\"a\"b,c\n", "c.csv")).substr(0, 52),
            "c.csv:2:1: text after the closing quote of a quoted ");
  EXPECT_EQ(error_text(read_csv("id,text\nok,\xC3\x28\n", "c.csv")),
            "c.csv:2:2: the text is not UTF-8 (byte 1 of the cell); save the file as \"CSV "
            "UTF-8\"");
  // Overlong forms and surrogates are not UTF-8 either.
  EXPECT_FALSE(read_csv("a,\xC0\xAF\n", "c.csv"));
  EXPECT_FALSE(read_csv("a,\xED\xA0\x80\n", "c.csv"));
  EXPECT_TRUE(read_csv("a,\xE2\x82\xAC \xF0\x9F\x94\x92\n", "c.csv"));
}

TEST(Csv, LimitsAreErrorsAtTheCell) {
  TableLimits small;
  small.max_cell_bytes = 8;
  small.max_rows = 3;
  small.max_columns = 3;
  small.max_file_bytes = 200;
  EXPECT_EQ(error_text(read_csv("a,b\nx,123456789\n", "l.csv", small)),
            "l.csv:2:2: the cell holds more than 8 bytes");
  EXPECT_EQ(error_text(read_csv("a,b\nx,\"12345\"\"6789\"\n", "l.csv", small)),
            "l.csv:2:2: the cell holds more than 8 bytes");
  EXPECT_EQ(error_text(read_csv("a\nb\nc\nd\n", "l.csv", small)), "l.csv:4: more than 3 rows");
  EXPECT_TRUE(read_csv("a\nb\nc\n", "l.csv", small));
  EXPECT_EQ(error_text(read_csv("a,b,c,d\n", "l.csv", small)), "l.csv:1:4: more than 3 columns");
  EXPECT_EQ(error_text(read_csv(std::string(201, 'x'), "l.csv", small)),
            "l.csv: the file is 201 bytes, over the limit of 200");
}

// ---------------------------------------------------------------- XLSX

TEST(Xlsx, SharedStringsNumbersAndBooleans) {
  std::string bytes = make_workbook([](lxw_workbook* wb) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, "Controls");
    worksheet_write_string(ws, 0, 0, "Control", nullptr);
    worksheet_write_string(ws, 0, 2, "Text", nullptr);
    worksheet_write_string(ws, 13, 0, "12.4.1", nullptr);
    worksheet_write_string(ws, 13, 2, "Line one\nline two & <more>", nullptr);
    worksheet_write_number(ws, 14, 0, 5.1, nullptr);
    worksheet_write_number(ws, 14, 1, 12, nullptr);
    worksheet_write_boolean(ws, 14, 2, 1, nullptr);
    worksheet_write_string(ws, 15, 0, "Control", nullptr);  // the same shared string again
  });
  auto t = read_xlsx(bytes, "book.xlsx");
  ASSERT_TRUE(t) << error_text(t);
  EXPECT_EQ(t->sheet, "Controls");
  ASSERT_EQ(t->rows.size(), 4u);
  EXPECT_EQ(t->rows[0].text(1), "Control");
  EXPECT_EQ(t->rows[0].text(2), "");
  EXPECT_EQ(t->rows[0].text(3), "Text");
  EXPECT_EQ(t->rows[1].number, 14u);
  EXPECT_EQ(t->rows[1].text(3), "Line one\nline two & <more>");
  EXPECT_EQ(t->rows[2].text(1), "5.1");
  EXPECT_EQ(t->rows[2].text(2), "12");
  EXPECT_EQ(t->rows[2].text(3), "TRUE");
  EXPECT_EQ(t->rows[3].text(1), "Control");
}

TEST(Xlsx, RichTextRunsAreJoined) {
  std::string bytes = make_workbook([](lxw_workbook* wb) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, nullptr);
    lxw_format* bold = workbook_add_format(wb);
    format_set_bold(bold);
    lxw_rich_string_tuple a{nullptr, const_cast<char*>("Keep ")};
    lxw_rich_string_tuple b{bold, const_cast<char*>("audit")};
    lxw_rich_string_tuple c{nullptr, const_cast<char*>(" logs")};
    lxw_rich_string_tuple* runs[] = {&a, &b, &c, nullptr};
    worksheet_write_rich_string(ws, 0, 0, runs, nullptr);
  });
  auto t = read_xlsx(bytes, "rich.xlsx");
  ASSERT_TRUE(t) << error_text(t);
  ASSERT_EQ(t->rows.size(), 1u);
  EXPECT_EQ(t->rows[0].text(1), "Keep audit logs");
}

TEST(Xlsx, InlineStringsAsStreamingWritersSaveThem) {
  std::string bytes = make_workbook(
      [](lxw_workbook* wb) {
        lxw_worksheet* ws = workbook_add_worksheet(wb, nullptr);
        worksheet_write_string(ws, 0, 0, "id", nullptr);
        worksheet_write_string(ws, 1, 1, "inline text", nullptr);
      },
      true);
  ASSERT_EQ(bytes.find("sharedStrings"), std::string::npos);
  auto t = read_xlsx(bytes, "inline.xlsx");
  ASSERT_TRUE(t) << error_text(t);
  ASSERT_EQ(t->rows.size(), 2u);
  EXPECT_EQ(t->rows[1].text(2), "inline text");
}

TEST(Xlsx, ASheetChosenByName) {
  std::string bytes = make_workbook([](lxw_workbook* wb) {
    worksheet_write_string(workbook_add_worksheet(wb, "Notes"), 0, 0, "not this", nullptr);
    worksheet_write_string(workbook_add_worksheet(wb, "Licensed Text"), 2, 1, "this", nullptr);
  });
  auto first = read_xlsx(bytes, "b.xlsx");
  ASSERT_TRUE(first) << error_text(first);
  EXPECT_EQ(first->rows[0].text(1), "not this");
  auto named = read_xlsx(bytes, "b.xlsx", "licensed text");
  ASSERT_TRUE(named) << error_text(named);
  EXPECT_EQ(named->sheet, "Licensed Text");
  ASSERT_EQ(named->rows.size(), 1u);
  EXPECT_EQ(named->rows[0].number, 3u);
  EXPECT_EQ(named->rows[0].text(2), "this");
  EXPECT_EQ(error_text(read_xlsx(bytes, "b.xlsx", "Missing")),
            "b.xlsx: the workbook has no sheet named \"Missing\" (its sheets: Notes, Licensed "
            "Text)");
  // Errors inside the sheet name it, quoted as spreadsheet formulas do.
  EXPECT_EQ(to_string(named->error_at(3, 2, "bad")),
            "b.xlsx: 'Licensed Text'!B3 (row 3, column 2): bad");
}

TEST(Xlsx, TruncatedArchive) {
  std::string bytes = make_workbook([](lxw_workbook* wb) {
    worksheet_write_string(workbook_add_worksheet(wb, nullptr), 0, 0, "x", nullptr);
  });
  auto t = read_xlsx(bytes.substr(0, bytes.size() / 2), "cut.xlsx");
  ASSERT_FALSE(t);
  EXPECT_EQ(error_text(t).rfind("cut.xlsx: not a readable XLSX workbook (ZIP archive): ", 0), 0u)
      << error_text(t);
  EXPECT_FALSE(read_xlsx("", "empty.xlsx"));
  EXPECT_FALSE(read_xlsx("PK\x03\x04 nothing else", "junk.xlsx"));
}

TEST(Xlsx, MissingSharedStringsIsAnErrorAtTheFirstTextCell) {
  std::string bytes = make_workbook([](lxw_workbook* wb) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, nullptr);
    worksheet_write_number(ws, 0, 0, 1, nullptr);
    worksheet_write_string(ws, 1, 3, "text", nullptr);
  });
  auto t = read_xlsx(without_entry(bytes, "xl/sharedStrings.xml"), "noss.xlsx");
  EXPECT_EQ(error_text(t),
            "noss.xlsx: Sheet1!D2 (row 2, column 4): the cell refers to a shared string, but the "
            "workbook has no shared strings table (xl/sharedStrings.xml)");
}

TEST(Xlsx, CellReferencesOutsideTheSheet) {
  auto t = read_xlsx(
      make_zip(workbook_parts(sheet_xml(
          R"(<row r="1"><c r="A1" t="inlineStr"><is><t>ok</t></is></c><c r="ZZZZZZ1"><v>1</v></c></row>)"))),
      "far.xlsx");
  EXPECT_EQ(error_text(t),
            "far.xlsx: Data!B1 (row 1, column 2): cell reference \"ZZZZZZ1\" is not a cell of a "
            "sheet (columns run from A to XFD, rows from 1 to 1048576)");
  EXPECT_EQ(error_text(read_xlsx(
                make_zip(workbook_parts(sheet_xml(R"(<row r="2"><c r="A3"><v>1</v></c></row>)"))),
                "x.xlsx")),
            "x.xlsx: Data!A2 (row 2, column 1): cell A3 is stored in row 2");
  EXPECT_EQ(
      error_text(read_xlsx(make_zip(workbook_parts(sheet_xml(R"(<row r="0"></row>)"))), "x.xlsx")),
      "x.xlsx: sheet Data, row 1: row number \"0\" is not one a sheet can have");
  EXPECT_EQ(error_text(read_xlsx(
                make_zip(workbook_parts(
                    sheet_xml(R"(<row r="4"><c r="B4"><v>1</v></c><c r="B4"><v>2</v></c></row>)"))),
                "x.xlsx")),
            "x.xlsx: Data!B4 (row 4, column 2): the cell appears twice in the sheet");
  EXPECT_EQ(
      error_text(read_xlsx(
          make_zip(workbook_parts(sheet_xml(R"(<row r="1"><c r="A1" t="s"><v>0</v></c></row>)"))),
          "x.xlsx")),
      "x.xlsx: Data!A1 (row 1, column 1): the cell refers to a shared string, but the workbook "
      "has no shared strings table (xl/sharedStrings.xml)");
}

TEST(Xlsx, WhatOtherWritersProduce) {
  // A namespace prefix on every element, cells without references, escaped control
  // characters and a formula's cached result.
  auto parts = workbook_parts(
      R"(<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>)"
      R"(<x:row><x:c t="inlineStr"><x:is><x:t>a_x000D__x000A_b</x:t></x:is></x:c><x:c t="str"><x:f>A1</x:f><x:v>calc</x:v></x:c></x:row>)"
      R"(<x:row><x:c t="b"><x:v>0</x:v></x:c><x:c><x:v>1E-3</x:v></x:c><x:c t="e"><x:v>#N/A</x:v></x:c></x:row>)"
      R"(</x:sheetData></x:worksheet>)");
  auto t = read_xlsx(make_zip(parts), "other.xlsx");
  ASSERT_TRUE(t) << error_text(t);
  ASSERT_EQ(t->rows.size(), 2u);
  EXPECT_EQ(t->rows[0].text(1), "a\r\nb");
  EXPECT_EQ(t->rows[0].text(2), "calc");
  EXPECT_EQ(t->rows[1].number, 2u);
  EXPECT_EQ(t->rows[1].text(1), "FALSE");
  EXPECT_EQ(t->rows[1].text(2), "0.001");
  EXPECT_EQ(t->rows[1].text(3), "#N/A");
}

TEST(Xlsx, DamagedParts) {
  auto parts = workbook_parts(sheet_xml("<row>"));
  EXPECT_EQ(error_text(read_xlsx(make_zip(parts), "bad.xlsx"))
                .rfind("bad.xlsx: sheet Data: xl/worksheets/sheet1.xml is not well-formed XML", 0),
            0u)
      << error_text(read_xlsx(make_zip(parts), "bad.xlsx"));
  parts = workbook_parts(sheet_xml(""));
  parts.erase("xl/workbook.xml");
  EXPECT_EQ(error_text(read_xlsx(make_zip(parts), "nowb.xlsx")),
            "nowb.xlsx: not an XLSX workbook: xl/workbook.xml is missing");
  parts = workbook_parts(sheet_xml(""));
  parts.erase("xl/worksheets/sheet1.xml");
  EXPECT_EQ(error_text(read_xlsx(make_zip(parts), "nows.xlsx")),
            "nows.xlsx: sheet Data: xl/worksheets/sheet1.xml (sheet \"Data\") is missing");
  parts = workbook_parts(sheet_xml(""));
  parts["xl/workbook.xml"] = "<workbook><sheets/></workbook>";
  EXPECT_EQ(error_text(read_xlsx(make_zip(parts), "e.xlsx")),
            "e.xlsx: the workbook lists no sheets");
}

TEST(Xlsx, LimitsOnUnpackedSizeAndCells) {
  // A sheet that packs small and unpacks large, as a ZIP bomb does.
  std::string rows;
  for (int i = 1; i <= 2000; ++i)
    rows += "<row r=\"" + std::to_string(i) + "\"><c r=\"A" + std::to_string(i) +
            "\"><v>1</v></c></row>";
  const std::string bytes = make_zip(workbook_parts(sheet_xml(rows)));
  TableLimits small;
  small.max_entry_bytes = 4096;
  ASSERT_LT(bytes.size(), 20000u);
  auto t = read_xlsx(bytes, "bomb.xlsx", {}, small);
  EXPECT_NE(error_text(t).find("xl/worksheets/sheet1.xml unpacks to"), std::string::npos)
      << error_text(t);
  EXPECT_NE(error_text(t).find("over the limit of 4096"), std::string::npos);

  TableLimits cells;
  cells.max_cells = 100;
  EXPECT_EQ(error_text(read_xlsx(bytes, "many.xlsx", {}, cells)),
            "many.xlsx: sheet Data, row 101: the sheet has more than 100 cells");
  TableLimits few_rows;
  few_rows.max_rows = 1999;
  EXPECT_EQ(error_text(read_xlsx(bytes, "rows.xlsx", {}, few_rows)),
            "rows.xlsx: sheet Data: more than 1999 rows");
  EXPECT_TRUE(read_xlsx(bytes, "fine.xlsx"));
}

TEST(ReadTable, ChoosesTheReaderByNameAndContent) {
  std::string xlsx = make_workbook([](lxw_workbook* wb) {
    worksheet_write_string(workbook_add_worksheet(wb, nullptr), 0, 0, "x", nullptr);
  });
  auto by_content = read_table(xlsx, "export.dat");
  ASSERT_TRUE(by_content) << error_text(by_content);
  EXPECT_EQ(by_content->sheet, "Sheet1");
  EXPECT_EQ(error_text(read_table("\xD0\xCF\x11\xE0 old", "old.xls")),
            "old.xls: an Excel 97-2003 workbook (.xls) cannot be read; save it as .xlsx or as CSV "
            "UTF-8");
  EXPECT_EQ(error_text(read_table("a,b\n", "c.csv", "Sheet1")),
            "c.csv: a sheet can only be chosen in an XLSX workbook");
  auto csv = read_table("a,b\n", "c.txt");
  ASSERT_TRUE(csv);
  EXPECT_EQ(csv->rows[0].text(2), "b");
}

TEST(ReadTable, FileLimitsAndDirectories) {
  ScratchFile file(".csv");
  std::ofstream(file.path, std::ios::binary) << "id,text\n";
  TableLimits tiny;
  tiny.max_file_bytes = 4;
  auto big = read_table_file(file.path, tiny);
  ASSERT_FALSE(big);
  EXPECT_NE(big.error().message.find("8 bytes, over the limit of 4"), std::string::npos);
  auto ok = read_table_file(file.path);
  ASSERT_TRUE(ok);
  EXPECT_EQ(*ok, "id,text\n");
  EXPECT_FALSE(read_table_file(fs::temp_directory_path()));
  EXPECT_FALSE(read_table_file(file.path.string() + ".missing"));
}

}  // namespace
}  // namespace cc::program

namespace cc::program {
namespace {

TEST(OscalImport, ControlsBecomeRowsNumberedByTheirLine) {
  const std::string json = R"({
  "catalog": {
    "groups": [{"id": "g", "groups": [{"id": "h", "controls": [
      {"id": "c-1", "title": "One", "props": [{"name": "label", "value": "5.1.1"}],
       "parts": [{"name": "statement", "prose": "First.", "parts": [{"name": "item", "prose": "Second."}]},
                 {"name": "guidance", "prose": "Not part of the statement."}],
       "controls": [{"id": "c-1.1", "title": "Enhancement"}]}
    ]}]}]
  }
})";
  ASSERT_TRUE(looks_like_oscal_catalog(json));
  auto t = read_table(json, "lic.json");
  ASSERT_TRUE(t) << to_string(t.error());
  ASSERT_EQ(t->rows.size(), 3u);
  EXPECT_EQ(t->rows[0].text(1), "id");
  EXPECT_EQ(t->rows[1].number, 4u);
  EXPECT_EQ(t->rows[1].text(1), "5.1.1");
  EXPECT_EQ(t->rows[1].text(2), "One");
  EXPECT_EQ(t->rows[1].text(3), "First.\n\nSecond.");
  EXPECT_EQ(t->rows[2].text(1), "c-1.1");
  EXPECT_EQ(t->rows[2].text(3), "");
}

TEST(OscalImport, StructuralProblemsNameLineAndColumn) {
  auto not_list = read_table("{\"catalog\": {\n  \"groups\": [{\"controls\": 5}]}}", "x.json");
  ASSERT_FALSE(not_list);
  EXPECT_EQ(to_string(not_list.error()), "x.json:2:27: \"controls\" must be a list");
  auto no_id = read_table("{\"catalog\": {\"controls\": [\n {\"title\": \"x\"}]}}", "x.json");
  ASSERT_FALSE(no_id);
  EXPECT_EQ(no_id.error().row, 2u);
  EXPECT_NE(no_id.error().message.find("without an \"id\""), std::string::npos);
  auto broken = read_table("{\"catalog\": {\"controls\": [", "x.json");
  ASSERT_FALSE(broken);
  EXPECT_EQ(broken.error().row, 1u);
  auto empty = read_table("{\"catalog\": {}}", "x.json");
  ASSERT_FALSE(empty);
  EXPECT_NE(empty.error().message.find("no controls"), std::string::npos);
  EXPECT_FALSE(read_table("{\"catalog\": {}}", "x.json", "Sheet1")) << "no sheets in JSON";
}

}  // namespace
}  // namespace cc::program
