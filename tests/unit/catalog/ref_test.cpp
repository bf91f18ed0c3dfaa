// Reading control references the way users type them.
#include "catalog/ref.h"

#include <gtest/gtest.h>

namespace cc::catalog {
namespace {

TEST(SplitRef, SplitsAtTheLastSlash) {
  auto parts = split_ref("iso27017:2015/CLD.9.5.2");
  ASSERT_TRUE(parts);
  EXPECT_EQ(parts->framework, "iso27017:2015");
  EXPECT_EQ(parts->id, "CLD.9.5.2");
  auto long_form = split_ref("ISO/IEC 27017:2015/12.4.1");
  ASSERT_TRUE(long_form);
  EXPECT_EQ(long_form->framework, "ISO/IEC 27017:2015");
  EXPECT_EQ(long_form->id, "12.4.1");
}

TEST(SplitRef, RejectsMissingParts) {
  EXPECT_FALSE(split_ref("CLD.9.5.2"));
  EXPECT_FALSE(split_ref("/12.4.1"));
  EXPECT_FALSE(split_ref("iso27017:2015/"));
  EXPECT_FALSE(split_ref(""));
}

struct Case {
  const char* input;
  const char* expected;
};

class NormalizeRef : public ::testing::TestWithParam<Case> {};

TEST_P(NormalizeRef, GivesCanonicalRef) {
  EXPECT_EQ(normalize_ref(GetParam().input), GetParam().expected) << GetParam().input;
}

INSTANTIATE_TEST_SUITE_P(
    UserInput, NormalizeRef,
    ::testing::Values(
        Case{"CLD.9.5.2", "iso27017:2015/CLD.9.5.2"}, Case{"cld.9.5.2", "iso27017:2015/CLD.9.5.2"},
        Case{"CLD 9.5.2", "iso27017:2015/CLD.9.5.2"},
        Case{"  CLD.12.4.5 ", "iso27017:2015/CLD.12.4.5"}, Case{"12.4.1", "iso27017:2015/12.4.1"},
        Case{"A.8.15", "iso27001:2022/A.8.15"}, Case{"a.8.15", "iso27001:2022/A.8.15"},
        Case{"A8.15", "iso27001:2022/A.8.15"}, Case{"8.15", "iso27001:2022/A.8.15"},
        Case{"iso27017:2015/CLD.9.5.2", "iso27017:2015/CLD.9.5.2"},
        Case{"iso27017/cld.9.5.2", "iso27017:2015/CLD.9.5.2"},
        Case{"ISO27017:2015/12.4.1", "iso27017:2015/12.4.1"},
        Case{"iso27017-2015/12.4.1", "iso27017:2015/12.4.1"},
        Case{"ISO/IEC 27017:2015/12.4.1", "iso27017:2015/12.4.1"},
        Case{"iso27002:2013/12.4.1", "iso27017:2015/12.4.1"},
        Case{"iso27001:2022/8.15", "iso27001:2022/A.8.15"},
        Case{"iso27001/A.5.23", "iso27001:2022/A.5.23"},
        Case{"csa-ccm:4/ais-04", "csa-ccm:4/AIS-04"}, Case{"csa-ccm-4/TVM-02", "csa-ccm:4/TVM-02"},
        Case{"nist-800-53/ac-2(1)", "nist-800-53:r5/AC-2(1)"},
        Case{"nist-800-53-r5/AC-2", "nist-800-53:r5/AC-2"},
        // ISMS requirements of ISO/IEC 27001:2022, spelled as NIST's mappings spell them.
        Case{"clause 6.1.2", "iso27001:2022/clause 6.1.2"},
        Case{"Clause 6.1.2", "iso27001:2022/clause 6.1.2"},
        Case{"iso27001/clause9.2.1", "iso27001:2022/clause 9.2.1"},
        Case{"iso27001:2022/6.1.2", "iso27001:2022/clause 6.1.2"},
        Case{"iso27001:2022/cl 10.1", "iso27001:2022/clause 10.1"},
        Case{"iso27017:2026/5.38", "iso27017:2026/5.38"},
        Case{"iso27017-2026/A.8.35", "iso27017:2026/8.35"},
        Case{"iso27018/a.11.9", "iso27018:2019/A.11.9"},
        Case{"iso27018:2019/12.1", "iso27018:2019/A.12.1"},
        Case{"AC-2(1)", "nist-800-53:r5/AC-2(1)"}, Case{"ac-2.1", "nist-800-53:r5/AC-2(1)"},
        Case{"nist-800-53/AC-02", "nist-800-53:r5/AC-2"},
        Case{"nist-800-53:r5/sc-7 (3)", "nist-800-53:r5/SC-7(3)"},
        Case{"PR.AA-01", "nist-csf:2.0/PR.AA-01"},
        Case{"nist-csf/gv.oc-01", "nist-csf:2.0/GV.OC-01"}, Case{"TVM-02", "csa-ccm:4/TVM-02"},
        // CSA CCM's Audit & Assurance domain is the one id with an '&'.
        Case{"csa-ccm:4/A&A-01", "csa-ccm:4/A&A-01"}, Case{"csa-ccm:4/a&a-06", "csa-ccm:4/A&A-06"},
        Case{"a&a-01", "csa-ccm:4/A&A-01"}, Case{" A&A-03 ", "csa-ccm:4/A&A-03"},
        Case{"ccm/a&a-02", "csa-ccm:4/A&A-02"},
        // Input that cannot be read stays as typed (trimmed), so the error names it.
        Case{"firewall", "firewall"}, Case{" 12 ", "12"}, Case{"", ""}));

TEST(NormalizeFramework, Aliases) {
  EXPECT_EQ(normalize_framework("iso27001"), "iso27001:2022");
  EXPECT_EQ(normalize_framework("ISO27017"), "iso27017:2015");
  EXPECT_EQ(normalize_framework("iso27001-2022"), "iso27001:2022");
  EXPECT_EQ(normalize_framework("nist-csf-2.0"), "nist-csf:2.0");
  EXPECT_EQ(normalize_framework("csa-ccm"), "csa-ccm:4");
  EXPECT_EQ(normalize_framework("iso27017:2026"), "iso27017:2026");
  EXPECT_EQ(normalize_framework("something-else"), "something-else");
}

}  // namespace
}  // namespace cc::catalog
