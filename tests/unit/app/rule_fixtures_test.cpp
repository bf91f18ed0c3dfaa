// The one data-driven harness for rule fixtures: every built-in rule is run on its
// pass, fail and unknown fixtures, one test per rule.
#include <gtest/gtest.h>

#include <map>

#include "app/environment.h"
#include "app/fixtures.h"
#include "core/data_dir.h"

namespace cc::app {
namespace {

struct Loaded {
  std::unique_ptr<Environment> env;
  FixtureReport report;
};

const Loaded& loaded() {
  static const Loaded l = [] {
    Loaded x;
    x.env = load_environment({data_dir(), {}, true});
    x.report = run_fixtures(*x.env, {data_dir() / "rules"}, "");
    return x;
  }();
  return l;
}

std::vector<std::string> rule_ids() {
  std::vector<std::string> ids;
  for (const auto& r : loaded().env->rule_infos) ids.push_back(r.id);
  return ids;
}

TEST(RuleFixtures, EnvironmentLoadsWithoutErrors) {
  const auto& env = *loaded().env;
  for (const auto& d : env.diagnostics)
    ADD_FAILURE() << env.sources->path(d.span.file) << ":" << d.span.line << ":" << d.span.col << ": " << d.message;
  EXPECT_TRUE(env.ok);
}

TEST(RuleFixtures, EnoughRulesPerPlatform) {
  size_t aws = 0, k8s = 0;
  for (const auto& r : loaded().env->rule_infos) {
    if (r.kind.rfind("aws.", 0) == 0 || r.kind.rfind("cfn:", 0) == 0) ++aws;
    if (r.kind.rfind("k8s", 0) == 0) ++k8s;
  }
  EXPECT_GE(aws, 60u);
  EXPECT_GE(k8s, 25u);
}

TEST(RuleFixtures, EveryFixtureFolderNamesALoadedRule) {
  for (const auto& d : loaded().report.orphan_dirs) ADD_FAILURE() << d;
}

TEST(RuleFixtures, FixturesParseCleanly) {
  const auto& rep = loaded().report;
  for (const auto& d : rep.diagnostics)
    ADD_FAILURE() << rep.sources->path(d.span.file) << ":" << d.span.line << ":" << d.span.col << ": " << d.message;
}

class RuleFixture : public ::testing::TestWithParam<std::string> {};

TEST_P(RuleFixture, PassesAndFailsAsItsFixturesSay) {
  const std::string& id = GetParam();
  const auto& rep = loaded().report;
  bool pass = false, fail = false;
  for (const auto& c : rep.cases) {
    if (c.rule_id != id) continue;
    EXPECT_TRUE(c.ok) << c.expected << " fixture " << c.file << ": " << c.detail;
    pass = pass || c.expected == "pass";
    fail = fail || c.expected == "fail";
  }
  EXPECT_TRUE(pass) << id << " has no pass fixture";
  EXPECT_TRUE(fail) << id << " has no fail fixture";
}

INSTANTIATE_TEST_SUITE_P(Builtin, RuleFixture, ::testing::ValuesIn(rule_ids()),
                         [](const auto& info) {
                           std::string n = info.param;
                           for (auto& c : n)
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           return n;
                         });

}  // namespace
}  // namespace cc::app
