// What the catalog command prints, checked on the shipped catalog.
#include "catalog/render.h"

#include "catalog_fixture.h"

namespace cc::catalog {
namespace {

using testing::project_catalog;

TEST(CatalogRender, TableColumnsLineUp) {
  std::string table = format_table({"ID", "TITLE"}, {{"5.1.1", "Policies"}, {"CLD.9.5.2", "VM"}});
  EXPECT_EQ(table,
            "ID         TITLE\n"
            "5.1.1      Policies\n"
            "CLD.9.5.2  VM\n");
  // Multi-byte characters count as one column each.
  EXPECT_EQ(format_table({"A", "B"}, {{"—", "x"}}), "A  B\n—  x\n");
}

TEST(CatalogRender, ControlJsonHasEveryField) {
  const Control* c = project_catalog().catalog.find("iso27017:2015/CLD.9.5.1");
  ASSERT_NE(c, nullptr);
  Json j = to_json(*c);
  EXPECT_EQ(j["ref"], "iso27017:2015/CLD.9.5.1");
  EXPECT_EQ(j["id"], "CLD.9.5.1");
  EXPECT_EQ(j["party"], "CSP");
  EXPECT_EQ(j["automatable"], "partial");
  EXPECT_EQ(j["clause"]["id"], "9");
  EXPECT_EQ(j["category"]["id"], "CLD.9.5");
  EXPECT_EQ(j["cloud_guidance"], true);
  EXPECT_EQ(j["cloud_extension"], true);
  EXPECT_TRUE(j.contains("csp_duty"));
  EXPECT_TRUE(j.contains("evidence"));

  // Annex A of 27001:2022 does not say who acts: null, not a made-up value.
  nlohmann::ordered_json annex = to_json(*project_catalog().catalog.find("iso27001:2022/A.8.15"));
  EXPECT_TRUE(annex["party"].is_null());
  EXPECT_TRUE(annex["automatable"].is_null());
  EXPECT_FALSE(annex.contains("category"));
}

TEST(CatalogRender, MappedJsonNamesDirectionAndConfidence) {
  auto links = project_catalog().catalog.map("iso27001:2022/A.8.9", "iso27017:2015");
  ASSERT_FALSE(links.empty());
  Json j = to_json(links.front());
  EXPECT_EQ(j["framework"], "iso27017:2015");
  EXPECT_EQ(j["direction"], "reverse");
  EXPECT_TRUE(j["confidence"] == "official" || j["confidence"] == "derived");
  EXPECT_TRUE(j.contains("source"));
  EXPECT_TRUE(j.contains("title"));
}

TEST(CatalogRender, ControlTextShowsDutiesAndMappings) {
  const Catalog& catalog = project_catalog().catalog;
  const Control* c = catalog.find("iso27017:2015/12.4.1");
  ASSERT_NE(c, nullptr);
  auto links = catalog.map(c->ref);
  std::string text = control_text(*c, links);
  EXPECT_TRUE(text.starts_with("iso27017:2015/12.4.1  Event logging\n"));
  EXPECT_NE(text.find("  Clause       12 Operations security\n"), std::string::npos);
  EXPECT_NE(text.find("CSP duty"), std::string::npos);
  EXPECT_NE(text.find("iso27001:2022/A.8.15"), std::string::npos);
  EXPECT_NE(text.find("official"), std::string::npos);
  for (size_t start = 0, end; (end = text.find('\n', start)) != std::string::npos;
       start = end + 1) {
    // Prose is wrapped; only the mapping table (which carries long source names) may be wider.
    if (text.compare(start, 2, "  ") == 0) {
      EXPECT_LE(end - start, 100u) << text.substr(start, end - start);
    }
    if (text.compare(start, 8, "Mappings") == 0) break;
  }
}

TEST(CatalogRender, NistStatementsKeepTheirItemsOnOwnLines) {
  const Control* accounts = project_catalog().catalog.find("nist-800-53:r5/AC-2");
  ASSERT_NE(accounts, nullptr);
  std::string text = control_text(*accounts, {});
  EXPECT_NE(text.find("  Statement    a. Define and document"), std::string::npos) << text;
  EXPECT_NE(text.find("\n               b. Assign account managers;\n"), std::string::npos) << text;
  for (size_t start = 0, end; (end = text.find('\n', start)) != std::string::npos;
       start = end + 1) {
    EXPECT_LE(end - start, 100u) << text.substr(start, end - start);
  }
  // CSA CCM titles are not reproduced: the header shows a dash, not an empty title.
  const Control* tvm = project_catalog().catalog.find("csa-ccm:4/TVM-02");
  ASSERT_NE(tvm, nullptr);
  EXPECT_TRUE(control_text(*tvm, {}).starts_with("csa-ccm:4/TVM-02  -\n"));
  EXPECT_EQ(to_json(*tvm)["title"], "");
}

TEST(CatalogRender, ListsFrameworksAndControls) {
  const Catalog& catalog = project_catalog().catalog;
  std::string frameworks = frameworks_table(catalog);
  EXPECT_NE(frameworks.find("iso27017:2015   121       44"), std::string::npos) << frameworks;
  EXPECT_NE(frameworks.find("iso27001:2022   127"), std::string::npos) << frameworks;
  EXPECT_NE(frameworks.find("nist-800-53:r5  1189"), std::string::npos) << frameworks;

  std::vector<const Control*> cloud;
  for (const Control& c : catalog.controls("iso27017:2015")) {
    if (c.cloud_extension) cloud.push_back(&c);
  }
  std::string table = controls_table(cloud);
  EXPECT_EQ(std::count(table.begin(), table.end(), '\n'), 8);  // header + 7 rows
  EXPECT_NE(table.find("CLD.13.1.4  CSP"), std::string::npos) << table;
}

}  // namespace
}  // namespace cc::catalog
