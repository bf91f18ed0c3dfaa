#include "program/control_status.h"

#include <fstream>

#include "catalog/catalog.h"
#include "program/runs.h"
#include "program/scope.h"
#include "program/soa.h"
#include "store_fixture.h"

namespace cc::program {
namespace {

using store::testing::BackendTest;

ControlStatus decided(const StatusInputs& in) {
  ControlStatus s;
  decide(in, s);
  return s;
}

TEST(ControlStatusDecision, EachSourceOfTruthInItsPlace) {
  StatusInputs in;
  in.run = 7;
  EXPECT_EQ(decided(in).state, ControlState::NotAssessed);
  EXPECT_EQ(decided(in).reason, "no evidence, no checks and no decision yet");

  StatusInputs excluded = in;
  excluded.applicable = false;
  excluded.justification = "no premises";
  excluded.failed = 3;
  EXPECT_EQ(decided(excluded).state, ControlState::NotApplicable);
  EXPECT_NE(decided(excluded).reason.find("no premises"), std::string::npos);

  StatusInputs inherited = in;
  inherited.inherited_from = "SOC 2 report (valid until 2027-01-01)";
  EXPECT_EQ(decided(inherited).state, ControlState::Inherited);

  StatusInputs failing = in;
  failing.failed = 2;
  failing.failing_rules = {"AWS-S3-001"};
  EXPECT_EQ(decided(failing).state, ControlState::NotImplemented);
  EXPECT_EQ(decided(failing).reason, "2 failing findings in run 7 by AWS-S3-001");
  failing.passed = 5;
  EXPECT_EQ(decided(failing).state, ControlState::Partial);

  StatusInputs passing = in;
  passing.passed = 4;
  EXPECT_EQ(decided(passing).state, ControlState::Implemented);
  passing.evidence_lapsed = 1;
  passing.lapsed_on = "2026-01-31";
  auto lapsed = decided(passing);
  EXPECT_EQ(lapsed.state, ControlState::Partial);
  EXPECT_TRUE(lapsed.evidence_expired);
  EXPECT_NE(lapsed.reason.find("evidence expired on 2026-01-31"), std::string::npos);
  passing.evidence_current = 1;
  EXPECT_EQ(decided(passing).state, ControlState::Implemented)
      << "current evidence replaced the lapsed one";
  EXPECT_FALSE(decided(passing).evidence_expired);

  StatusInputs documents = in;
  documents.evidence_current = 2;
  EXPECT_EQ(decided(documents).state, ControlState::Implemented);
  documents.declared = "planned";
  EXPECT_EQ(decided(documents).state, ControlState::Partial);

  StatusInputs expired_only = in;
  expired_only.evidence_lapsed = 1;
  expired_only.lapsed_on = "2026-02-01";
  EXPECT_EQ(decided(expired_only).state, ControlState::NotAssessed);
  EXPECT_TRUE(decided(expired_only).evidence_expired);

  StatusInputs unknown = in;
  unknown.unknown = 3;
  EXPECT_EQ(decided(unknown).state, ControlState::NotAssessed) << "unknown is not pass";

  StatusInputs claimed = in;
  claimed.declared = "implemented";
  EXPECT_EQ(decided(claimed).state, ControlState::NotAssessed)
      << "a claim without evidence is not implemented";
  claimed.declared = "not implemented";
  EXPECT_EQ(decided(claimed).state, ControlState::NotImplemented);
}

TEST_P(BackendTest, ProgramStatusCombinesRunEvidenceSoaAndMatrix) {
  SourceTable sources;
  Diagnostics diags;
  auto catalog = catalog::Catalog::load(std::string(CC_TEST_DATA) + "/../../catalog", sources,
                                        diags, catalog::LoadMode::OnDemand);
  auto p = Program::open(*db_);
  ASSERT_TRUE(p);
  EXPECT_FALSE(program_status(*p, catalog, "2026-03-01")) << "needs a scope";
  Scope scope;
  scope.organisation = "Acme";
  scope.role = Role::Customer;
  scope.models = {ServiceModel::IaaS};
  scope.frameworks = {"iso27017:2015"};
  const Change who{"alice", "2026-01-01T09:00:00Z"};
  ASSERT_TRUE(save_scope(*p, scope, who));
  ASSERT_TRUE(seed_soa(*p, catalog, who));
  ASSERT_TRUE(
      set_soa_entry(*p, catalog, "11.1.1", {false, std::string("no premises"), {}, {}, {}}, who));

  RunSummary header;
  header.started_at = "2026-02-01T09:00:00Z";
  header.actor = "ci";
  RunWriter w(header);
  ASSERT_TRUE(w.finish(*p,
                       {RunControl{"iso27017:2015/10.1.1",
                                   "Policy on the use of cryptographic controls",
                                   "failing",
                                   0,
                                   2,
                                   0,
                                   0,
                                   "high",
                                   {"AWS-S3-001"},
                                   {"AWS-S3-001"}},
                        RunControl{"iso27017:2015/12.4.1",
                                   "Event logging",
                                   "passing",
                                   3,
                                   0,
                                   0,
                                   0,
                                   "",
                                   {"AWS-LOGS-001"},
                                   {}}},
                       {}, "2026-02-01T09:05:00Z"));

  const std::filesystem::path file =
      std::filesystem::temp_directory_path() / ("cc-status-" + std::to_string(::getpid()));
  std::ofstream(file) << "log review records";
  EvidenceInput e;
  e.file = file;
  e.title = "Log reviews";
  e.controls = {"iso27017:2015/12.4.1"};
  e.collected_on = "2026-01-01";
  e.review_days = 60;
  ASSERT_TRUE(add_evidence(*p, e, who));
  std::filesystem::remove(file);

  auto before = program_status(*p, catalog, "2026-02-15");
  ASSERT_TRUE(before) << before.error().message;
  EXPECT_EQ(before->controls.size(), 121u);
  auto find = [](const ProgramStatus& s, std::string_view ref) {
    return *std::find_if(s.controls.begin(), s.controls.end(),
                         [&](const ControlStatus& c) { return c.ref == ref; });
  };
  EXPECT_EQ(find(*before, "iso27017:2015/10.1.1").state, ControlState::NotImplemented);
  EXPECT_EQ(find(*before, "iso27017:2015/11.1.1").state, ControlState::NotApplicable);
  EXPECT_EQ(find(*before, "iso27017:2015/12.4.1").state, ControlState::Implemented);
  EXPECT_EQ(find(*before, "iso27017:2015/12.4.1").family, "12 Operations security");
  ASSERT_EQ(before->evidence.size(), 1u) << "expiring within 30 days of 2026-03-02";
  EXPECT_EQ(before->evidence[0].state, Freshness::Expiring);

  auto after = program_status(*p, catalog, "2026-03-10");
  ASSERT_TRUE(after);
  const auto& logging = find(*after, "iso27017:2015/12.4.1");
  EXPECT_EQ(logging.state, ControlState::Partial);
  EXPECT_TRUE(logging.evidence_expired);
  EXPECT_EQ(after->count_by_state().at("not applicable"), 1u);
}

}  // namespace
}  // namespace cc::program
