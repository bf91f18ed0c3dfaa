// LoadMode::OnDemand: load() reads file headers only, the rest is read when first asked
// for, and the answers are the same as with everything read up front.
#include <algorithm>

#include "catalog/file_header.h"
#include "catalog_fixture.h"

namespace cc::catalog {
namespace {

using testing::project_catalog;
using testing::project_catalog_dir;
using testing::ScratchDir;

constexpr const char* kSmallFramework = R"({
  "catalog": {
    "uuid": "00000000-0000-4000-8000-000000000001",
    "metadata": {
      "title": "Small framework",
      "version": "1",
      "props": [{"name": "framework-id", "value": "small:1"}]
    },
    "groups": [{"id": "g-1", "title": "Group", "props": [{"name": "label", "value": "1"}],
      "controls": [{"id": "c-1.1", "title": "Only control", "props": [{"name": "label", "value": "1.1"}]}]}]
  }
})";

// A valid header followed by a body with a syntax error: only reading the body finds it.
constexpr const char* kBrokenBody = R"({
  "catalog": {
    "metadata": {"title": "Broken body", "version": "2",
                 "props": [{"name": "framework-id", "value": "broken:2"}]},
    "groups": [{"id": "g-1", "title": "Group",, }]
  }
})";

constexpr const char* kMapping = R"({"mapping-collection": {
  "from-framework": "small:1", "to-framework": "other:1",
  "links": [{"from": "small:1/1.1", "to": "other:1/X", "relationship": "related",
             "source": "s", "confidence": "derived"},
            {"from": "small:1/9.9", "to": "other:1/Y", "relationship": "related",
             "source": "s", "confidence": "derived"}]}})";

struct Loaded {
  SourceTable sources;
  Diagnostics diags;
  Catalog catalog;
};

Loaded load(const std::filesystem::path& dir, LoadMode mode) {
  Loaded l;
  l.catalog = Catalog::load(dir, l.sources, l.diags, mode);
  return l;
}

TEST(FileHeader, ReadsCatalogAndMappingHeaders) {
  auto header = read_catalog_header(kSmallFramework);
  ASSERT_TRUE(header);
  EXPECT_EQ(header->framework_id, "small:1");
  EXPECT_EQ(header->title, "Small framework");
  EXPECT_EQ(header->version, "1");
  // The body is never looked at: a file cut after the metadata still gives its header.
  std::string text = kSmallFramework;
  EXPECT_TRUE(read_catalog_header(std::string_view(text).substr(0, text.find("\"groups\""))));

  auto mapping = read_mapping_header(kMapping);
  ASSERT_TRUE(mapping);
  EXPECT_EQ(mapping->from_framework, "small:1");
  EXPECT_EQ(mapping->to_framework, "other:1");
}

TEST(FileHeader, MissingOrBrokenHeadersGiveNothing) {
  EXPECT_FALSE(read_catalog_header(R"({"catalog": {"metadata": {"title": "x"}}})"));
  EXPECT_FALSE(read_catalog_header(R"({"catalog": {"metadata": {"props": [1, 2,, ]}}})"));
  EXPECT_FALSE(read_catalog_header(""));
  EXPECT_FALSE(read_catalog_header("[1, 2, 3]"));
  // A framework-id prop outside catalog.metadata does not count.
  EXPECT_FALSE(read_catalog_header(
      R"({"catalog": {"groups": [{"props": [{"name": "framework-id", "value": "x"}]}], "metadata": {}}})"));
  EXPECT_FALSE(read_mapping_header(R"({"mapping-collection": {"links": []}})"));
  EXPECT_FALSE(read_mapping_header("{\"mapping-collection\": {\"from-framework\": \"a\""));
}

TEST(OnDemand, BodiesAreReadWhenFirstAskedFor) {
  ScratchDir dir;
  dir.write("a.json", kSmallFramework);
  dir.write("b.json", kBrokenBody);
  dir.write("mappings/m.json", kMapping);

  Loaded eager = load(dir.path(), LoadMode::Eager);
  EXPECT_EQ(std::ranges::count(eager.diags, std::string("catalog.json-syntax"), &Diagnostic::code),
            1);
  EXPECT_EQ(
      std::ranges::count(eager.diags, std::string("mapping.unknown-control"), &Diagnostic::code),
      1);

  Loaded lazy = load(dir.path(), LoadMode::OnDemand);
  EXPECT_TRUE(lazy.diags.empty());  // only headers were read
  EXPECT_EQ(lazy.catalog.framework_ids(), (std::vector<std::string>{"small:1", "broken:2"}));
  EXPECT_TRUE(lazy.catalog.late_diagnostics().empty());

  ASSERT_NE(lazy.catalog.find("small:1/1.1"), nullptr);
  EXPECT_TRUE(lazy.catalog.late_diagnostics().empty());  // the broken body is still unread

  const Framework* broken = lazy.catalog.framework("broken:2");
  ASSERT_NE(broken, nullptr);
  EXPECT_EQ(broken->title, "Broken body");
  EXPECT_EQ(broken->count, 0u);
  const Diagnostics& late = lazy.catalog.late_diagnostics();
  ASSERT_EQ(late.size(), 1u);
  EXPECT_EQ(late[0].code, "catalog.json-syntax");
  EXPECT_EQ(late[0].span.line, 5u);  // the "groups" line
  EXPECT_TRUE(lazy.sources.path(late[0].span.file).ends_with("b.json"));

  // Links are read with the first question about the frameworks they join.
  auto links = lazy.catalog.map("small:1/1.1");
  ASSERT_EQ(links.size(), 1u);
  EXPECT_EQ(links[0].other, "other:1/X");
  EXPECT_EQ(lazy.catalog.late_diagnostics().back().code, "mapping.unknown-control");
  EXPECT_EQ(lazy.catalog.map("other:1/X").size(), 1u);
  EXPECT_EQ(lazy.catalog.links().size(), 1u);
}

TEST(OnDemand, HeaderlessAndDuplicateFilesAreReadAtLoad) {
  ScratchDir dir;
  dir.write("a.json", kSmallFramework);
  dir.write("b.json", kSmallFramework);  // the same framework id again
  dir.write("c.json", R"({"catalog": {"metadata": {"title": "no id"}}})");
  Loaded lazy = load(dir.path(), LoadMode::OnDemand);
  EXPECT_EQ(std::ranges::count(lazy.diags, std::string("catalog.duplicate"), &Diagnostic::code), 1);
  EXPECT_EQ(std::ranges::count(lazy.diags, std::string("catalog.format"), &Diagnostic::code), 1);
  EXPECT_EQ(lazy.catalog.frameworks().size(), 1u);
  EXPECT_EQ(lazy.catalog.controls("small:1").size(), 1u);
}

TEST(OnDemand, ProjectCatalogGivesTheSameAnswers) {
  const Catalog& eager = project_catalog().catalog;
  Loaded lazy = load(project_catalog_dir(), LoadMode::OnDemand);
  EXPECT_TRUE(lazy.diags.empty());

  for (const char* ref :
       {"iso27017:2015/12.4.1", "iso27001:2022/A.8.15", "iso27001:2022/clause 6.1.2",
        "nist-800-53:r5/AC-2(1)", "iso27017:2026/5.38", "csa-ccm:4/TVM-02"}) {
    const Control* a = eager.find(ref);
    const Control* b = lazy.catalog.find(ref);
    ASSERT_NE(a, nullptr) << ref;
    ASSERT_NE(b, nullptr) << ref;
    EXPECT_EQ(a->title, b->title) << ref;
    EXPECT_EQ(a->statement, b->statement) << ref;
    for (const char* target : {"iso27017:2026", "iso27001:2022", "nist-800-53:r5"}) {
      auto x = eager.map(ref, target);
      auto y = lazy.catalog.map(ref, target);
      ASSERT_EQ(x.size(), y.size()) << ref << " -> " << target;
      for (size_t i = 0; i < x.size(); ++i) EXPECT_EQ(x[i].other, y[i].other) << ref;
    }
  }
  EXPECT_EQ(lazy.catalog.links().size(), eager.links().size());
  ASSERT_EQ(lazy.catalog.frameworks().size(), eager.frameworks().size());
  for (size_t i = 0; i < eager.frameworks().size(); ++i) {
    EXPECT_EQ(lazy.catalog.frameworks()[i].id, eager.frameworks()[i].id);
    EXPECT_EQ(lazy.catalog.frameworks()[i].count, eager.frameworks()[i].count);
  }
  EXPECT_TRUE(lazy.catalog.late_diagnostics().empty());
}

}  // namespace
}  // namespace cc::catalog
