// Broken catalog data gives diagnostics with a position, never a crash, and whatever is
// valid still loads.
#include <algorithm>
#include <fstream>
#include <sstream>

#include "catalog_fixture.h"

namespace cc::catalog {
namespace {

using testing::ScratchDir;

// A small valid framework with two controls, used as the base of the broken variants.
constexpr const char* kGoodFramework = R"({
  "catalog": {
    "uuid": "00000000-0000-4000-8000-000000000001",
    "metadata": {
      "title": "Test framework",
      "version": "1",
      "props": [{"name": "framework-id", "value": "test:1"}]
    },
    "groups": [{
      "id": "clause-1",
      "title": "First clause",
      "props": [{"name": "label", "value": "1"}],
      "controls": [
        {"id": "c-1.1", "title": "Good control",
         "props": [{"name": "label", "value": "1.1"}, {"name": "party", "value": "CSP"},
                   {"name": "cloud-guidance", "value": "true"}]},
        {"id": "c-1.2", "title": "Second control",
         "props": [{"name": "label", "value": "1.2"}]}
      ]
    }]
  }
})";

const Diagnostic* find_code(const Diagnostics& diags, std::string_view code) {
  auto it = std::ranges::find(diags, code, &Diagnostic::code);
  return it == diags.end() ? nullptr : &*it;
}

struct Loaded {
  SourceTable sources;
  Diagnostics diags;
  Catalog catalog;
};

Loaded load(const ScratchDir& dir) {
  Loaded l;
  l.catalog = Catalog::load(dir.path(), l.sources, l.diags);
  return l;
}

TEST(CatalogMalformed, SyntaxErrorIsReportedWithLineAndColumn) {
  ScratchDir dir;
  dir.write("good.json", kGoodFramework);
  dir.write("broken.json", "{\n  \"catalog\": {\n    \"metadata\": [1, 2,,]\n  }\n}\n");
  Loaded l = load(dir);
  const Diagnostic* d = find_code(l.diags, "catalog.json-syntax");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->level, DiagLevel::Error);
  EXPECT_TRUE(l.sources.path(d->span.file).ends_with("broken.json"));
  EXPECT_EQ(d->span.line, 3u);
  EXPECT_GT(d->span.col, 1u);
  // The good file still loads.
  EXPECT_EQ(l.catalog.controls("test:1").size(), 2u);
}

TEST(CatalogMalformed, FileWithoutFrameworkIdIsSkipped) {
  ScratchDir dir;
  dir.write("nometa.json", R"({"catalog": {"metadata": {"title": "x"}, "controls": []}})");
  dir.write("notcatalog.json", R"([1, 2, 3])");
  Loaded l = load(dir);
  EXPECT_TRUE(l.catalog.frameworks().empty());
  EXPECT_EQ(std::ranges::count(l.diags, std::string("catalog.format"), &Diagnostic::code), 2);
}

TEST(CatalogMalformed, ControlWithoutTitleIsSkippedAndLocated) {
  ScratchDir dir;
  std::string text = kGoodFramework;
  text.replace(text.find(R"("title": "Second control",)"), 26, "");
  dir.write("t.json", text);
  Loaded l = load(dir);
  ASSERT_EQ(l.diags.size(), 1u);
  EXPECT_EQ(l.diags[0].code, "catalog.format");
  EXPECT_NE(l.diags[0].message.find("1.2"), std::string::npos);
  EXPECT_EQ(l.diags[0].span.line, 17u);  // the line naming the control "c-1.2"
  EXPECT_TRUE(l.catalog.exists("test:1/1.1"));
  EXPECT_FALSE(l.catalog.exists("test:1/1.2"));
}

TEST(CatalogMalformed, BadPropertyIsAWarningAndTheControlStays) {
  ScratchDir dir;
  std::string text = kGoodFramework;
  text.replace(text.find(R"("value": "CSP")"), 14, R"("value": "provider")");
  dir.write("t.json", text);
  Loaded l = load(dir);
  ASSERT_EQ(l.diags.size(), 1u);
  EXPECT_EQ(l.diags[0].level, DiagLevel::Warning);
  const Control* c = l.catalog.find("test:1/1.1");
  ASSERT_NE(c, nullptr);
  EXPECT_FALSE(c->party.has_value());
  EXPECT_TRUE(c->cloud_guidance);
}

TEST(CatalogMalformed, WrongTypesDoNotThrow) {
  ScratchDir dir;
  dir.write("a.json",
            R"({"catalog": {"metadata": {"props": [{"name": "framework-id", "value": "x:1"}]},
    "groups": {"not": "an array"}, "controls": [42, "text", {"title": 7, "props": "no"}]}})");
  dir.write("b.json", R"({"catalog": {"metadata": {"props": 5}}})");
  Loaded l = load(dir);
  ASSERT_NE(l.catalog.framework("x:1"), nullptr);
  EXPECT_TRUE(l.catalog.controls("x:1").empty());
  EXPECT_GE(l.diags.size(), 4u);
}

TEST(CatalogMalformed, DuplicateFrameworkAndControl) {
  ScratchDir dir;
  dir.write("a.json", kGoodFramework);
  dir.write("b.json", kGoodFramework);
  std::string twice = kGoodFramework;
  twice.replace(twice.find(R"("value": "1.2")"), 14, R"("value": "1.1")");
  twice.replace(twice.find("test:1"), 6, "test:2");
  dir.write("c.json", twice);
  Loaded l = load(dir);
  EXPECT_EQ(l.catalog.frameworks().size(), 2u);
  EXPECT_EQ(l.catalog.controls("test:1").size(), 2u);
  EXPECT_EQ(l.catalog.controls("test:2").size(), 1u);
  EXPECT_EQ(std::ranges::count(l.diags, std::string("catalog.duplicate"), &Diagnostic::code), 2);
}

TEST(CatalogMalformed, BadLinksAreSkippedOneByOne) {
  ScratchDir dir;
  dir.write("t.json", kGoodFramework);
  dir.write("mappings/m.json", R"({"mapping-collection": {"links": [
    {"from": "test:1/1.1", "to": "other:1/X", "relationship": "related", "source": "s", "confidence": "official"},
    {"from": "test:1/1.2", "to": "other:1/Y", "relationship": "related", "source": "s", "confidence": "sure"},
    {"from": "test:1/1.2", "to": "other:1/Z", "relationship": "related", "confidence": "derived"},
    {"from": "test:1/9.9", "to": "other:1/W", "relationship": "related", "source": "s", "confidence": "derived"},
    {"from": "no-slash", "to": "other:1/V", "source": "s", "confidence": "derived"},
    17
  ]}})");
  dir.write("mappings/notmapping.json", R"({"links": []})");
  Loaded l = load(dir);
  ASSERT_EQ(l.catalog.links().size(), 1u);
  EXPECT_EQ(l.catalog.links()[0].to, "other:1/X");
  EXPECT_EQ(std::ranges::count(l.diags, std::string("mapping.format"), &Diagnostic::code), 5);
  const Diagnostic* unknown = find_code(l.diags, "mapping.unknown-control");
  ASSERT_NE(unknown, nullptr);
  EXPECT_EQ(unknown->span.line, 5u);  // the line of "test:1/9.9"
  EXPECT_EQ(l.catalog.map("other:1/X").size(), 1u);
}

TEST(CatalogMalformed, MissingDirectoryIsADiagnostic) {
  SourceTable sources;
  Diagnostics diags;
  Catalog catalog = Catalog::load("/nonexistent/catalog/dir", sources, diags);
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].code, "catalog.io");
  EXPECT_TRUE(catalog.frameworks().empty());
}

// Every cut of a real catalog file is bad input; none may crash or throw.
TEST(CatalogMalformed, TruncatedFilesNeverCrash) {
  std::ifstream in(testing::project_catalog_dir() / "iso27001-2022.json", std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string full = buffer.str();
  ASSERT_GT(full.size(), 1000u);
  ScratchDir dir;
  for (size_t cut = 0; cut < full.size(); cut += full.size() / 37 + 1) {
    dir.write("cut.json", full.substr(0, cut));
    Loaded l = load(dir);
    EXPECT_FALSE(l.diags.empty()) << "cut at " << cut;
    EXPECT_TRUE(l.catalog.frameworks().empty()) << "cut at " << cut;
  }
}

}  // namespace
}  // namespace cc::catalog
