// The shipped catalog data, read through the Catalog API: counts, titles, structure.
#include <algorithm>
#include <span>

#include "catalog_fixture.h"

namespace cc::catalog {
namespace {

using testing::project_catalog;

TEST(CatalogData, LoadsWithoutDiagnostics) {
  const auto& loaded = project_catalog();
  for (const Diagnostic& d : loaded.diags) {
    ADD_FAILURE() << loaded.sources.path(d.span.file) << ":" << d.span.line << ":" << d.span.col
                  << ": " << d.code << ": " << d.message;
  }
  EXPECT_NE(loaded.catalog.framework("iso27017:2015"), nullptr);
  EXPECT_NE(loaded.catalog.framework("iso27001:2022"), nullptr);
}

TEST(CatalogData, Iso27017StatementOfApplicabilityHas121Controls) {
  auto controls = project_catalog().catalog.controls("iso27017:2015");
  EXPECT_EQ(controls.size(), 121u);
  EXPECT_EQ(std::ranges::count_if(controls, &Control::cloud_guidance), 44);
  EXPECT_EQ(std::ranges::count_if(controls, &Control::cloud_extension), 7);
  for (const Control& c : controls) {
    EXPECT_EQ(c.cloud_extension, c.id.starts_with("CLD.")) << c.ref;
    EXPECT_EQ(c.ref, "iso27017:2015/" + c.id);
  }
  EXPECT_EQ(controls.front().id, "5.1.1");
  EXPECT_EQ(controls.back().id, "18.2.3");
}

TEST(CatalogData, Iso27001AnnexAHas93ControlsInFourThemes) {
  auto all = project_catalog().catalog.controls("iso27001:2022");
  // The ISMS requirements of clauses 4-10 come first, then Annex A.
  auto first_annex =
      std::ranges::find_if(all, [](const Control& c) { return c.id.starts_with("A."); });
  std::span<const Control> controls(first_annex, all.end());
  ASSERT_EQ(controls.size(), 93u);
  EXPECT_EQ(controls.front().id, "A.5.1");
  EXPECT_EQ(controls.back().id, "A.8.34");
  auto in_theme = [&](std::string_view theme) {
    return std::ranges::count_if(controls, [&](const Control& c) { return c.clause_id == theme; });
  };
  EXPECT_EQ(in_theme("A.5"), 37);
  EXPECT_EQ(in_theme("A.6"), 8);
  EXPECT_EQ(in_theme("A.7"), 14);
  EXPECT_EQ(in_theme("A.8"), 34);
}

TEST(CatalogData, KnownTitles) {
  const Catalog& catalog = project_catalog().catalog;
  struct Expect {
    const char* ref;
    const char* title;
  };
  for (auto [ref, title] : {
           Expect{"iso27017:2015/CLD.9.5.2", "Virtual machine hardening"},
           Expect{"iso27017:2015/CLD.6.3.1",
                  "Shared roles and responsibilities within a cloud computing environment"},
           Expect{"iso27017:2015/12.4.1", "Event logging"},
           Expect{"iso27017:2015/13.1.3", "Segregation in networks"},
           Expect{"iso27017:2015/12.4.4", "Clock synchronisation"},
           Expect{"iso27001:2022/A.8.15", "Logging"},
           Expect{"iso27001:2022/A.5.23", "Information security for use of cloud services"},
           Expect{"iso27001:2022/A.8.17", "Clock synchronization"},
       }) {
    const Control* c = catalog.find(ref);
    ASSERT_NE(c, nullptr) << ref;
    EXPECT_EQ(c->title, title) << ref;
  }
}

TEST(CatalogData, CloudControlsSitInTheirClauses) {
  const Catalog& catalog = project_catalog().catalog;
  const Control* segregation = catalog.find("iso27017:2015/CLD.9.5.1");
  ASSERT_NE(segregation, nullptr);
  EXPECT_EQ(segregation->clause_id, "9");
  EXPECT_EQ(segregation->clause_title, "Access control");
  EXPECT_EQ(segregation->category_id, "CLD.9.5");
  EXPECT_EQ(segregation->category_title,
            "Access control of cloud service customer data in shared virtual environment");

  const Control* monitoring = catalog.find("iso27017:2015/CLD.12.4.5");
  ASSERT_NE(monitoring, nullptr);
  EXPECT_EQ(monitoring->clause_id, "12");
  EXPECT_EQ(monitoring->category_id, "12.4");
  EXPECT_EQ(monitoring->category_title, "Logging and monitoring");

  // The CLD control follows the 27002 controls of the category it extends.
  auto controls = catalog.controls("iso27017:2015");
  auto at = [&](std::string_view id) {
    return std::ranges::find(controls, id, &Control::id) - controls.begin();
  };
  EXPECT_EQ(at("CLD.12.4.5"), at("12.4.4") + 1);
  EXPECT_EQ(at("CLD.6.3.1"), at("6.2.2") + 1);

  const Control* logging = catalog.find("iso27001:2022/A.8.15");
  ASSERT_NE(logging, nullptr);
  EXPECT_FALSE(logging->party.has_value());  // the Annex A data does not say
  EXPECT_FALSE(logging->automatable.has_value());
  EXPECT_EQ(logging->clause_id, "A.8");
  EXPECT_EQ(logging->clause_title, "Technological controls");
  EXPECT_TRUE(logging->category_id.empty());
}

TEST(CatalogData, PartiesAndAutomation) {
  const Catalog& catalog = project_catalog().catalog;
  EXPECT_EQ(catalog.find("iso27017:2015/CLD.9.5.1")->party, Party::Provider);
  EXPECT_EQ(catalog.find("iso27017:2015/CLD.13.1.4")->party, Party::Provider);
  EXPECT_EQ(catalog.find("iso27017:2015/9.1.2")->party, Party::Customer);
  EXPECT_EQ(catalog.find("iso27017:2015/10.1.2")->party, Party::Customer);
  EXPECT_EQ(catalog.find("iso27017:2015/9.2.1")->party, Party::Provider);
  EXPECT_EQ(catalog.find("iso27017:2015/CLD.6.3.1")->party, Party::Both);
  EXPECT_EQ(catalog.find("iso27017:2015/9.2.3")->automatable, Automatable::Automated);
  EXPECT_EQ(catalog.find("iso27017:2015/CLD.6.3.1")->automatable, Automatable::Manual);
  const Control* isolation = catalog.find("iso27017:2015/CLD.9.5.1");
  EXPECT_EQ(isolation->automatable, Automatable::Partial);
  EXPECT_EQ(isolation->automatable_note, "CSC proxies only");
}

TEST(CatalogData, CloudGuidedControlsCarryOurDescriptions) {
  for (const Control& c : project_catalog().catalog.controls("iso27017:2015")) {
    EXPECT_TRUE(c.party.has_value()) << c.ref;
    EXPECT_TRUE(c.automatable.has_value()) << c.ref;
    if (c.cloud_guidance) {
      EXPECT_FALSE(c.intent.empty()) << c.ref;
      EXPECT_FALSE(c.csc_duty.empty()) << c.ref;
      EXPECT_FALSE(c.csp_duty.empty()) << c.ref;
      EXPECT_FALSE(c.evidence.empty()) << c.ref;
    } else {
      EXPECT_TRUE(c.intent.empty()) << c.ref;
      EXPECT_EQ(c.party, Party::Both) << c.ref;
    }
  }
  const Control* hardening = project_catalog().catalog.find("iso27017:2015/CLD.9.5.2");
  EXPECT_NE(hardening->automation_signals.find("ec2_instance_imdsv2_enabled"), std::string::npos);
}

TEST(CatalogData, FindAndExists) {
  const Catalog& catalog = project_catalog().catalog;
  EXPECT_TRUE(catalog.exists("iso27017:2015/CLD.9.5.2"));
  EXPECT_TRUE(catalog.exists("iso27001:2022/A.8.15"));
  EXPECT_FALSE(catalog.exists("iso27017:2015/CLD.15.1.3"));  // a wrong id seen in the wild
  EXPECT_FALSE(catalog.exists("iso27001:2022/A.8.35"));
  EXPECT_FALSE(catalog.exists("CLD.9.5.2"));  // find() takes canonical refs only
  EXPECT_FALSE(catalog.exists(""));
  EXPECT_TRUE(catalog.controls("cis:8").empty());

  EXPECT_EQ(catalog.resolve("cld 9.5.2"), catalog.find("iso27017:2015/CLD.9.5.2"));
  EXPECT_EQ(catalog.resolve("A.8.15"), catalog.find("iso27001:2022/A.8.15"));
  EXPECT_EQ(catalog.resolve("iso27001/8.15"), catalog.find("iso27001:2022/A.8.15"));
  EXPECT_EQ(catalog.resolve("not a control"), nullptr);
}

}  // namespace
}  // namespace cc::catalog
