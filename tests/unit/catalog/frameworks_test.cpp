// The frameworks beyond ISO/IEC 27017:2015 and 27001:2022 Annex A: ISO/IEC 27017:2026 and
// its crosswalk from 2015, the ISMS clauses of 27001:2022, ISO/IEC 27018:2019, NIST SP
// 800-53 Rev. 5, NIST CSF 2.0 and the CSA CCM v4 identifiers.
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "catalog_fixture.h"

namespace cc::catalog {
namespace {

using testing::project_catalog;

const MappedControl* find_other(const std::vector<MappedControl>& links, std::string_view other) {
  auto it = std::ranges::find(links, other, &MappedControl::other);
  return it == links.end() ? nullptr : &*it;
}

const Control& must_find(std::string_view ref) {
  const Control* c = project_catalog().catalog.find(ref);
  if (c == nullptr) throw std::runtime_error("missing control " + std::string(ref));
  return *c;
}

TEST(Frameworks, CountsPerFramework) {
  const Catalog& catalog = project_catalog().catalog;
  struct Expect {
    const char* framework;
    size_t controls;
  };
  for (auto [framework, count] :
       {Expect{"iso27017:2015", 121}, Expect{"iso27017:2026", 97}, Expect{"iso27001:2022", 93 + 34},
        Expect{"iso27018:2019", 25}, Expect{"nist-800-53:r5", 1189}, Expect{"nist-csf:2.0", 106},
        Expect{"csa-ccm:4", 197}}) {
    const Framework* fw = catalog.framework(framework);
    ASSERT_NE(fw, nullptr) << framework;
    EXPECT_EQ(fw->count, count) << framework;
    EXPECT_EQ(catalog.controls(framework).size(), count) << framework;
    for (const Control& c : catalog.controls(framework)) {
      EXPECT_EQ(c.ref, std::string(framework) + "/" + c.id);
    }
  }
  EXPECT_EQ(catalog.frameworks().size(), 7u);
}

TEST(Frameworks, Iso27017Edition2026) {
  auto controls = project_catalog().catalog.controls("iso27017:2026");
  auto in_theme = [&](std::string_view theme) {
    return std::ranges::count(controls, theme, &Control::clause_id);
  };
  EXPECT_EQ(in_theme("5"), 39);  // 5.1-5.37 plus 5.38 and 5.39
  EXPECT_EQ(in_theme("6"), 8);
  EXPECT_EQ(in_theme("7"), 14);
  EXPECT_EQ(in_theme("8"), 36);  // 8.1-8.34 plus 8.35 and 8.36
  // 39 controls reported to carry cloud guidance plus the four new cloud controls.
  EXPECT_EQ(std::ranges::count_if(controls, &Control::cloud_guidance), 43);
  EXPECT_EQ(std::ranges::count_if(controls, &Control::cloud_extension), 4);

  const Control& shared = must_find("iso27017:2026/5.38");
  EXPECT_EQ(shared.title, "Shared roles and responsibilities within a cloud computing environment");
  EXPECT_TRUE(shared.cloud_extension);
  EXPECT_EQ(shared.clause_title, "Organizational controls");
  EXPECT_EQ(shared.party, Party::Both);  // from CLD.6.3.1
  EXPECT_EQ(shared.automatable, Automatable::Manual);
  EXPECT_FALSE(shared.intent.empty());
  EXPECT_FALSE(shared.csc_duty.empty());
  EXPECT_FALSE(shared.csp_duty.empty());
  EXPECT_EQ(shared.data_confidence, "high");
  EXPECT_NE(shared.data_note.find("Shared roles and responsibilities in a cloud environment"),
            std::string::npos);

  EXPECT_EQ(must_find("iso27017:2026/5.39").title,
            "Agreement on the roles and responsibilities of the cloud service partner");
  // No 2015 ancestor: who acts and how far checks reach are unknown, not guessed.
  EXPECT_FALSE(must_find("iso27017:2026/5.39").party.has_value());
  EXPECT_FALSE(must_find("iso27017:2026/8.36").automatable.has_value());
  EXPECT_EQ(must_find("iso27017:2026/8.35").title, "Segregation in virtual computing environments");
  EXPECT_EQ(must_find("iso27017:2026/8.35").party, Party::Provider);  // from CLD.9.5.1
  EXPECT_EQ(must_find("iso27017:2026/8.36").title,
            "Detection and prevention of unauthorized use of cloud services");

  const Control& logging = must_find("iso27017:2026/8.15");
  EXPECT_EQ(logging.title, "Logging");
  EXPECT_TRUE(logging.cloud_guidance);
  EXPECT_EQ(logging.party, Party::Both);
  EXPECT_EQ(logging.automatable, Automatable::Partial);  // lowest of 12.4.1-12.4.3
  EXPECT_NE(logging.automatable_note.find("12.4.2"), std::string::npos);
  EXPECT_EQ(must_find("iso27017:2026/8.20").title, "Networks security");
  EXPECT_TRUE(must_find("iso27017:2026/8.9").cloud_guidance);
  EXPECT_FALSE(must_find("iso27017:2026/5.34").cloud_guidance);  // pointer note only
  EXPECT_FALSE(must_find("iso27017:2026/8.22").cloud_guidance);
  EXPECT_EQ(must_find("iso27017:2026/8.22").party, Party::Both);
  // New in 2022 without cloud guidance or a 2015 ancestor: party by convention, no level.
  EXPECT_FALSE(must_find("iso27017:2026/8.12").automatable.has_value());
  EXPECT_FALSE(project_catalog().catalog.exists("iso27017:2026/8.37"));
  EXPECT_FALSE(project_catalog().catalog.exists("iso27017:2026/A.8.15"));
}

TEST(Frameworks, EveryIso27017_2015RowReachesThe2026Edition) {
  const Catalog& catalog = project_catalog().catalog;
  std::set<std::string> reached;
  for (const Control& c : catalog.controls("iso27017:2015")) {
    auto links = catalog.map(c.ref, "iso27017:2026");
    EXPECT_FALSE(links.empty()) << c.ref;
    for (const MappedControl& m : links) {
      ASSERT_NE(m.control, nullptr) << c.ref << " -> " << m.other;
      EXPECT_EQ(m.link->confidence, c.cloud_extension ? Confidence::Derived : Confidence::Official)
          << c.ref;
      reached.emplace(m.other);
    }
  }
  // Everything except the 11 controls new in 2022 and the two new cloud controls without
  // a 2015 ancestor (5.39, 8.36) has a 2015 predecessor; 8.9, 8.10 and 8.16 are reached
  // through CLD controls.
  EXPECT_EQ(reached.size(), 97u - 11u - 2u + 3u);
  EXPECT_TRUE(reached.contains("iso27017:2026/8.9"));
  EXPECT_FALSE(reached.contains("iso27017:2026/5.39"));
}

TEST(Frameworks, CrosswalkAnswersInBothDirections) {
  const Catalog& catalog = project_catalog().catalog;
  auto forward = catalog.map("iso27017:2015/12.4.1", "iso27017:2026");
  ASSERT_EQ(forward.size(), 1u);
  EXPECT_EQ(forward[0].other, "iso27017:2026/8.15");
  EXPECT_EQ(forward[0].link->source, "ISO/IEC 27002:2022 Annex B correspondence");
  EXPECT_EQ(forward[0].link->relationship, "corresponds");
  EXPECT_FALSE(forward[0].reverse);

  auto backward = catalog.map("iso27017:2026/8.15", "iso27017:2015");
  for (const char* ref : {"iso27017:2015/12.4.1", "iso27017:2015/12.4.2", "iso27017:2015/12.4.3"}) {
    const MappedControl* m = find_other(backward, ref);
    ASSERT_NE(m, nullptr) << ref;
    EXPECT_TRUE(m->reverse);
    EXPECT_EQ(m->link->confidence, Confidence::Official);
  }

  auto isolation = catalog.map("iso27017:2015/CLD.9.5.1", "iso27017:2026");
  ASSERT_EQ(isolation.size(), 1u);
  EXPECT_EQ(isolation[0].other, "iso27017:2026/8.35");
  EXPECT_EQ(isolation[0].link->confidence, Confidence::Derived);
  EXPECT_EQ(isolation[0].link->relationship, "successor");

  // The same ISO/IEC 27002:2022 control in 27001:2022 Annex A and in the 2026 edition.
  auto same = catalog.map("iso27017:2026/5.23", "iso27001");
  ASSERT_EQ(same.size(), 1u);
  EXPECT_EQ(same[0].other, "iso27001:2022/A.5.23");
  EXPECT_TRUE(same[0].reverse);
}

TEST(Frameworks, IsmsClausesOfIso27001) {
  const Catalog& catalog = project_catalog().catalog;
  auto all = catalog.controls("iso27001:2022");
  std::set<std::string> clauses;
  size_t requirements = 0;
  for (const Control& c : all) {
    if (!c.id.starts_with("clause ")) continue;
    ++requirements;
    clauses.insert(c.clause_id);
  }
  EXPECT_EQ(requirements, 34u);  // with the 7 clauses as groups: 41 entries
  EXPECT_EQ(clauses.size(), 7u);
  EXPECT_EQ(all.front().id, "clause 4.1");

  const Control& assessment = must_find("iso27001:2022/clause 6.1.2");
  EXPECT_EQ(assessment.title, "Information security risk assessment");
  EXPECT_EQ(assessment.parent, "clause 6.1");
  EXPECT_EQ(assessment.clause_id, "clause 6");
  EXPECT_EQ(assessment.clause_title, "Planning");
  EXPECT_EQ(must_find("iso27001:2022/clause 6.3").title, "Planning of changes");
  EXPECT_EQ(must_find("iso27001:2022/clause 10.1").title, "Continual improvement");
  EXPECT_EQ(must_find("iso27001:2022/clause 9.2.2").title, "Internal audit programme");
  EXPECT_TRUE(must_find("iso27001:2022/clause 6.1").parent.empty());
  EXPECT_FALSE(catalog.exists("iso27001:2022/clause 6"));  // a group, not a requirement

  EXPECT_EQ(catalog.resolve("clause 6.1.2"), &assessment);
  EXPECT_EQ(catalog.resolve("iso27001/Clause 6.1.2"), &assessment);
  EXPECT_EQ(catalog.resolve("iso27001:2022/6.1.2"), &assessment);

  // NIST's own mappings name clauses the same way, so they now land on catalog entries.
  auto nist = catalog.map("iso27001:2022/clause 6.1.2", "nist-800-53:r5");
  const MappedControl* ra3 = find_other(nist, "nist-800-53:r5/RA-3");
  ASSERT_NE(ra3, nullptr);
  ASSERT_NE(ra3->control, nullptr);
  EXPECT_EQ(ra3->control->title, "Risk Assessment");
  EXPECT_NE(
      find_other(catalog.map("nist-csf:2.0/ID.RA-03", "iso27001"), "iso27001:2022/clause 6.1.2"),
      nullptr);
}

TEST(Frameworks, Iso27018Edition2019) {
  auto controls = project_catalog().catalog.controls("iso27018:2019");
  std::set<std::string> categories;
  for (const Control& c : controls) {
    categories.insert(c.clause_id);
    EXPECT_FALSE(c.data_confidence.empty()) << c.ref;
  }
  EXPECT_EQ(categories.size(), 8u);  // A.1, A.4, A.7 and A.9 hold no controls
  const Control& consent = must_find("iso27018:2019/A.2.1");
  EXPECT_EQ(consent.title, "Obligation to co-operate regarding PII principals' rights");
  EXPECT_EQ(consent.clause_title, "Consent and choice");
  EXPECT_EQ(consent.data_confidence, "high");
  const Control& records = must_find("iso27018:2019/A.11.9");
  EXPECT_EQ(records.title, "Records of authorized users");
  EXPECT_EQ(records.data_confidence, "medium");
  EXPECT_NE(records.data_note.find("order"), std::string::npos);
  EXPECT_EQ(must_find("iso27018:2019/A.12.2").title, "Intended destination of PII");
  EXPECT_EQ(project_catalog().catalog.resolve("iso27018/a.11.10"),
            &must_find("iso27018:2019/A.11.10"));
}

TEST(Frameworks, NistSp800_53) {
  const Catalog& catalog = project_catalog().catalog;
  const Control& accounts = must_find("nist-800-53:r5/AC-2");
  EXPECT_EQ(accounts.title, "Account Management");
  EXPECT_EQ(accounts.clause_id, "AC");
  EXPECT_EQ(accounts.clause_title, "Access Control");
  EXPECT_TRUE(accounts.statement.starts_with("a. Define and document the types of accounts"));
  EXPECT_TRUE(accounts.parent.empty());

  const Control& automated = must_find("nist-800-53:r5/AC-2(1)");
  EXPECT_EQ(automated.title, "Account Management | Automated System Account Management");
  EXPECT_EQ(automated.parent, "AC-2");
  EXPECT_FALSE(automated.withdrawn);
  EXPECT_TRUE(must_find("nist-800-53:r5/AC-13").withdrawn);

  auto controls = catalog.controls("nist-800-53:r5");
  EXPECT_EQ(std::ranges::count_if(controls, &Control::withdrawn), 180);
  EXPECT_EQ(std::ranges::count_if(controls, [](const Control& c) { return c.parent.empty(); }),
            322);
  // Enhancements follow their base control in numeric order.
  auto at = [&](std::string_view id) {
    return std::ranges::find(controls, id, &Control::id) - controls.begin();
  };
  EXPECT_EQ(at("AC-2(1)"), at("AC-2") + 1);
  EXPECT_LT(at("AC-2"), at("AC-10"));
  EXPECT_EQ(controls.front().id, "AC-1");

  EXPECT_EQ(catalog.resolve("ac-2.1"), &automated);
  EXPECT_EQ(catalog.resolve("nist-800-53/AC-02"), &accounts);

  // Both directions of NIST's own mapping.
  auto to_iso = catalog.map("nist-800-53:r5/AC-2", "iso27001:2022");
  const MappedControl* identity = find_other(to_iso, "iso27001:2022/A.5.16");
  ASSERT_NE(identity, nullptr);
  EXPECT_EQ(identity->link->relationship, "intersect");
  EXPECT_FALSE(identity->reverse);
  auto from_iso = catalog.map("iso27001:2022/A.5.16", "nist-800-53");
  const MappedControl* back = find_other(from_iso, "nist-800-53:r5/AC-2");
  ASSERT_NE(back, nullptr);
  EXPECT_TRUE(back->reverse);
  ASSERT_NE(back->control, nullptr);
  EXPECT_EQ(back->control->title, "Account Management");
}

TEST(Frameworks, NistCsf2) {
  const Catalog& catalog = project_catalog().catalog;
  std::set<std::string> functions;
  for (const Control& c : catalog.controls("nist-csf:2.0")) functions.insert(c.clause_id);
  EXPECT_EQ(functions, (std::set<std::string>{"GV", "ID", "PR", "DE", "RS", "RC"}));
  const Control& mission = must_find("nist-csf:2.0/GV.OC-01");
  EXPECT_EQ(mission.title,
            "The organizational mission is understood and informs cybersecurity risk management");
  EXPECT_EQ(mission.clause_title, "GOVERN");
  EXPECT_EQ(mission.category_id, "GV.OC");
  EXPECT_EQ(mission.category_title, "Organizational Context");
  EXPECT_EQ(catalog.resolve("gv.oc-01"), &mission);
}

TEST(Frameworks, CsaCcmIdentifiersOnly) {
  const Catalog& catalog = project_catalog().catalog;
  for (const Control& c : catalog.controls("csa-ccm:4")) {
    EXPECT_TRUE(c.title.empty()) << c.ref;  // CSA's titles are not reproduced
    EXPECT_EQ(c.clause_id, c.id.substr(0, 3)) << c.ref;
    EXPECT_FALSE(c.clause_title.empty()) << c.ref;  // domain names are facts
  }
  const Control& tvm = must_find("csa-ccm:4/TVM-02");
  EXPECT_EQ(catalog.resolve("tvm-02"), &tvm);
  EXPECT_EQ(tvm.clause_title, "Threat & Vulnerability Management");
  auto links = catalog.map(tvm.ref, "iso27017:2015");
  const MappedControl* hardening = find_other(links, "iso27017:2015/CLD.9.5.2");
  ASSERT_NE(hardening, nullptr);
  EXPECT_TRUE(hardening->reverse);
}

TEST(Frameworks, CsaCcmEveryDomainHasItsControls) {
  struct Domain {
    const char* id;
    const char* name;
    int count;
  };
  const std::vector<Domain> domains{
      {"A&A", "Audit & Assurance", 6},
      {"AIS", "Application & Interface Security", 7},
      {"BCR", "Business Continuity Management and Operational Resilience", 11},
      {"CCC", "Change Control and Configuration Management", 9},
      {"CEK", "Cryptography, Encryption & Key Management", 21},
      {"DCS", "Datacenter Security", 15},
      {"DSP", "Data Security and Privacy Lifecycle Management", 19},
      {"GRC", "Governance, Risk and Compliance", 8},
      {"HRS", "Human Resources", 13},
      {"IAM", "Identity & Access Management", 16},
      {"IPY", "Interoperability & Portability", 4},
      {"IVS", "Infrastructure & Virtualization Security", 9},
      {"LOG", "Logging and Monitoring", 13},
      {"SEF", "Security Incident Management, E-Discovery, & Cloud Forensics", 8},
      {"STA", "Supply Chain Management, Transparency, and Accountability", 14},
      {"TVM", "Threat & Vulnerability Management", 10},
      {"UEM", "Universal Endpoint Management", 14}};
  auto controls = project_catalog().catalog.controls("csa-ccm:4");
  std::vector<std::string> expected_ids;
  for (const Domain& d : domains) {
    for (int n = 1; n <= d.count; ++n) expected_ids.push_back(fmt::format("{}-{:02}", d.id, n));
  }
  std::vector<std::string> ids;
  for (const Control& c : controls) {
    ids.push_back(c.id);
    auto domain = std::ranges::find(domains, c.clause_id,
                                    [](const Domain& d) { return std::string_view(d.id); });
    ASSERT_NE(domain, domains.end()) << c.ref;
    EXPECT_EQ(c.clause_title, domain->name) << c.ref;
  }
  // Every id once, in the matrix's own order: domains in turn, numbers ascending.
  EXPECT_EQ(ids, expected_ids);
}

TEST(Frameworks, CsaCcmAuditAndAssuranceResolves) {
  const Catalog& catalog = project_catalog().catalog;
  const Control& first = must_find("csa-ccm:4/A&A-01");
  EXPECT_EQ(first.id, "A&A-01");
  EXPECT_EQ(first.clause_id, "A&A");
  EXPECT_EQ(first.clause_title, "Audit & Assurance");
  EXPECT_EQ(catalog.resolve("a&a-01"), &first);
  EXPECT_EQ(catalog.resolve("csa-ccm:4/a&a-01"), &first);
  EXPECT_EQ(catalog.resolve("ccm/A&A-01"), &first);
  EXPECT_NE(catalog.resolve("A&A-06"), nullptr);
  EXPECT_EQ(catalog.resolve("A&A-07"), nullptr);  // the domain has six controls
  EXPECT_EQ(catalog.resolve("AA-01"), nullptr);
}

TEST(Frameworks, CsaCcmMappingsStillResolve) {
  const Catalog& catalog = project_catalog().catalog;
  size_t ccm_links = 0;
  for (const Link& link : catalog.links()) {
    if (link.to.starts_with("csa-ccm:4/")) {
      ++ccm_links;
      EXPECT_TRUE(catalog.exists(link.to)) << link.to;
    }
  }
  EXPECT_GT(ccm_links, 34u);  // at least one link per cited CCM control
  // Loading reported no problem, so no mapping named a control the file lacks.
  for (const auto& d : project_catalog().diags) {
    EXPECT_NE(d.code, "mapping.unknown-control") << d.message;
  }
}

}  // namespace
}  // namespace cc::catalog
