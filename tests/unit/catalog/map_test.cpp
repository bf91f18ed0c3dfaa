// Crosswalk links, found from either end, with their source and confidence.
#include <algorithm>

#include "catalog_fixture.h"

namespace cc::catalog {
namespace {

using testing::project_catalog;

const MappedControl* find_other(const std::vector<MappedControl>& links, std::string_view other) {
  auto it = std::ranges::find(links, other, &MappedControl::other);
  return it == links.end() ? nullptr : &*it;
}

constexpr std::string_view kAnnexB = "ISO/IEC 27002:2022 Annex B correspondence";

TEST(CatalogMap, Iso27017ToIso27001FollowsAnnexB) {
  auto links = project_catalog().catalog.map("iso27017:2015/12.4.1", "iso27001:2022");
  ASSERT_EQ(links.size(), 1u);
  EXPECT_EQ(links[0].other, "iso27001:2022/A.8.15");
  EXPECT_EQ(links[0].framework, "iso27001:2022");
  EXPECT_EQ(links[0].link->source, kAnnexB);
  EXPECT_EQ(links[0].link->confidence, Confidence::Official);
  EXPECT_FALSE(links[0].reverse);
  ASSERT_NE(links[0].control, nullptr);
  EXPECT_EQ(links[0].control->title, "Logging");
}

TEST(CatalogMap, LinksAreFoundFromTheTargetSideToo) {
  const Catalog& catalog = project_catalog().catalog;
  auto links = catalog.map("iso27001:2022/A.8.15", "iso27017:2015");
  // 12.4.1, 12.4.2 and 12.4.3 merged into A.8.15; CLD.12.1.5 and CLD.12.4.5 relate to it.
  for (const char* ref : {"iso27017:2015/12.4.1", "iso27017:2015/12.4.2", "iso27017:2015/12.4.3"}) {
    const MappedControl* m = find_other(links, ref);
    ASSERT_NE(m, nullptr) << ref;
    EXPECT_TRUE(m->reverse);
    EXPECT_EQ(m->link->confidence, Confidence::Official);
    EXPECT_EQ(m->link->source, kAnnexB);
  }
  const MappedControl* cld = find_other(links, "iso27017:2015/CLD.12.4.5");
  ASSERT_NE(cld, nullptr);
  EXPECT_EQ(cld->link->confidence, Confidence::Derived);
  EXPECT_EQ(cld->link->relationship, "related");
  for (const MappedControl& m : links) EXPECT_EQ(m.framework, "iso27017:2015");
}

TEST(CatalogMap, OfficialLinksComeFirst) {
  auto links = project_catalog().catalog.map("iso27001:2022/A.8.15");
  ASSERT_FALSE(links.empty());
  EXPECT_TRUE(
      std::ranges::is_sorted(links, {}, [](const MappedControl& m) { return m.link->confidence; }));
  EXPECT_EQ(links.back().link->confidence, Confidence::Derived);
  // Without a target every framework appears, NIST SP 800-53 included.
  EXPECT_TRUE(std::ranges::any_of(
      links, [](const MappedControl& m) { return m.framework == "nist-800-53:r5"; }));
}

TEST(CatalogMap, CloudControlsHaveDerivedCounterparts) {
  const Catalog& catalog = project_catalog().catalog;
  auto links = catalog.map("iso27017:2015/CLD.9.5.2", "iso27001:2022");
  const MappedControl* primary = find_other(links, "iso27001:2022/A.8.9");
  ASSERT_NE(primary, nullptr);
  EXPECT_EQ(primary->link->relationship, "primary");
  EXPECT_EQ(primary->link->confidence, Confidence::Derived);
  EXPECT_NE(find_other(links, "iso27001:2022/A.8.8"), nullptr);

  auto successor = catalog.map("iso27017:2015/CLD.6.3.1", "iso27017:2026");
  ASSERT_EQ(successor.size(), 1u);
  EXPECT_EQ(successor[0].other, "iso27017:2026/5.38");
  ASSERT_NE(successor[0].control, nullptr);
  EXPECT_EQ(successor[0].control->title,
            "Shared roles and responsibilities within a cloud computing environment");
}

TEST(CatalogMap, CsaCcmLinksKeepTheirConfidence) {
  const Catalog& catalog = project_catalog().catalog;
  auto hardening = catalog.map("iso27017:2015/CLD.9.5.2", "csa-ccm:4");
  ASSERT_EQ(hardening.size(), 1u);
  EXPECT_EQ(hardening[0].other, "csa-ccm:4/TVM-02");
  EXPECT_EQ(hardening[0].link->confidence, Confidence::Official);

  // CSA cites category 10.1 as a whole: each of its controls gets a derived link.
  auto crypto = catalog.map("iso27017:2015/10.1.1", "csa-ccm");
  const MappedControl* direct = find_other(crypto, "csa-ccm:4/CEK-03");
  ASSERT_NE(direct, nullptr);
  EXPECT_EQ(direct->link->confidence, Confidence::Official);
  EXPECT_TRUE(std::ranges::any_of(crypto, [](const MappedControl& m) {
    return m.link->confidence == Confidence::Derived && !m.link->remarks.empty();
  }));

  auto reverse = catalog.map("csa-ccm:4/TVM-02", "iso27017:2015");
  EXPECT_NE(find_other(reverse, "iso27017:2015/CLD.9.5.2"), nullptr);
  EXPECT_NE(find_other(reverse, "iso27017:2015/15.1.2"), nullptr);
  for (const MappedControl& m : reverse) EXPECT_TRUE(m.reverse);
}

TEST(CatalogMap, EveryLinkHasSourceAndConfidence) {
  const Catalog& catalog = project_catalog().catalog;
  EXPECT_GT(catalog.links().size(), 800u);
  for (const Link& link : catalog.links()) {
    EXPECT_FALSE(link.source.empty()) << link.from << " -> " << link.to;
    EXPECT_FALSE(link.relationship.empty()) << link.from << " -> " << link.to;
  }
}

TEST(CatalogMap, EveryBaseControlReachesIso27001) {
  const Catalog& catalog = project_catalog().catalog;
  for (const Control& c : catalog.controls("iso27017:2015")) {
    EXPECT_FALSE(catalog.map(c.ref, "iso27001:2022").empty()) << c.ref;
  }
}

TEST(CatalogMap, UnknownRefMapsToNothing) {
  EXPECT_TRUE(project_catalog().catalog.map("iso27017:2015/CLD.15.1.3").empty());
  EXPECT_TRUE(project_catalog().catalog.map("").empty());
}

}  // namespace
}  // namespace cc::catalog
