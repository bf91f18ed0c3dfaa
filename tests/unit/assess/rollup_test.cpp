#include "assess/rollup.h"

#include <gtest/gtest.h>

namespace cc::assess {
namespace {

Finding f(std::string rule, Verdict v, Severity s = Severity::Medium, bool suppressed = false) {
  Finding x;
  x.rule_id = std::move(rule);
  x.verdict = v;
  x.severity = s;
  x.suppressed = suppressed;
  return x;
}

RuleInfo rule(std::string id, std::vector<std::string> controls) {
  RuleInfo r;
  r.id = std::move(id);
  r.controls = std::move(controls);
  return r;
}

TEST(Rollup, StatusCountsAndWorstSeverityPerControl) {
  std::vector<RuleInfo> rules{rule("A-001", {"iso27017:2015/10.1.1"}),
                              rule("A-002", {"iso27017:2015/10.1.1", "iso27017:2015/12.4.1"}),
                              rule("A-003", {"iso27017:2015/CLD.9.5.2"}),
                              rule("A-004", {"iso27017:2015/9.2.3"})};
  std::vector<Finding> findings{f("A-001", Verdict::Pass), f("A-002", Verdict::Fail, Severity::High),
                                f("A-002", Verdict::Fail, Severity::Low), f("A-003", Verdict::Unknown),
                                f("A-001", Verdict::Fail, Severity::Critical, true)};
  RollupOptions o;
  auto out = rollup(findings, rules, o);
  ASSERT_EQ(out.size(), 4u);
  EXPECT_EQ(out[0].ref, "iso27017:2015/10.1.1");
  EXPECT_EQ(out[0].status, ControlStatus::Failing);
  EXPECT_EQ(out[0].fail, 2u);
  EXPECT_EQ(out[0].pass, 1u);
  EXPECT_EQ(out[0].suppressed, 1u);
  EXPECT_EQ(out[0].worst, Severity::High);
  EXPECT_EQ(out[1].ref, "iso27017:2015/12.4.1");
  EXPECT_EQ(out[2].status, ControlStatus::Unknown);
  EXPECT_EQ(out[3].ref, "iso27017:2015/9.2.3");
  EXPECT_EQ(out[3].status, ControlStatus::NotAssessed);
}

TEST(Rollup, MapsToAnotherFrameworkAndFilters) {
  std::vector<RuleInfo> rules{rule("A-001", {"iso27017:2015/12.4.1"}), rule("A-002", {"iso27001:2022/A.8.24"})};
  std::vector<Finding> findings{f("A-001", Verdict::Fail), f("A-002", Verdict::Pass)};
  RollupOptions o;
  o.framework = "iso27001:2022";
  o.map = [](const std::string& ref, const std::string&) {
    return ref == "iso27017:2015/12.4.1" ? std::vector<std::string>{"iso27001:2022/A.8.15"} : std::vector<std::string>{};
  };
  o.title = [](const std::string& ref) { return ref == "iso27001:2022/A.8.15" ? std::string("Logging") : std::string(); };
  auto out = rollup(findings, rules, o);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].ref, "iso27001:2022/A.8.15");
  EXPECT_EQ(out[0].title, "Logging");
  EXPECT_EQ(out[0].status, ControlStatus::Failing);
  EXPECT_EQ(out[1].ref, "iso27001:2022/A.8.24");
  EXPECT_EQ(out[1].status, ControlStatus::Passing);

  o.only_controls = {"iso27001:2022/A.8.24"};
  auto filtered = rollup(findings, rules, o);
  ASSERT_EQ(filtered.size(), 1u);
  EXPECT_EQ(filtered[0].ref, "iso27001:2022/A.8.24");
}

TEST(Rollup, NumericOrderOfControlIds) {
  std::vector<RuleInfo> rules{rule("A-001", {"iso27017:2015/12.4.1", "iso27017:2015/9.2.3", "iso27017:2015/9.10.1"})};
  auto out = rollup(Tallies{}, rules, RollupOptions{});
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[0].ref, "iso27017:2015/9.2.3");
  EXPECT_EQ(out[1].ref, "iso27017:2015/9.10.1");
  EXPECT_EQ(out[2].ref, "iso27017:2015/12.4.1");
}

}  // namespace
}  // namespace cc::assess
