#include "program/runs.h"

#include "program/run_diff.h"
#include "store_fixture.h"

namespace cc::program {
namespace {

using store::testing::BackendTest;

StoredFinding finding(std::string rule, std::string resource, std::string verdict,
                      std::string severity = "high", std::string message = "msg",
                      int64_t line = 1) {
  StoredFinding f;
  f.rule_id = std::move(rule);
  f.resource = std::move(resource);
  f.kind = "aws.s3.bucket";
  f.verdict = std::move(verdict);
  f.severity = std::move(severity);
  f.message = std::move(message);
  f.file = "main.tf";
  f.line = line;
  f.col = 1;
  return f;
}

RunControl control(std::string ref, std::string status, int64_t fail) {
  return RunControl{std::move(ref),
                    "Title",
                    std::move(status),
                    1,
                    fail,
                    0,
                    0,
                    fail ? "high" : "",
                    {"AWS-S3-001", "AWS-S3-002"},
                    {"AWS-S3-001"}};
}

Result<int64_t, Error> save(const Program& p, std::vector<StoredFinding> findings,
                            std::vector<RunControl> controls,
                            std::string at = "2026-11-23T10:00:00Z") {
  RunSummary header;
  header.started_at = at;
  header.actor = "ci";
  header.tool_version = "0.1.0";
  RunWriter w(header);
  w.set_rules("digest", 2, "iso27017:2015");
  for (auto& f : findings)
    if (auto s = w.add(std::move(f)); !s) return unexpected(s.error());
  return w.finish(p, controls, {{"main.tf", std::string(64, 'a'), 10}}, at);
}

TEST(Runs, FingerprintsIgnoreLinesButNotIdentity) {
  EXPECT_EQ(finding_fingerprint("R1", "aws_s3_bucket.a", "main.tf"),
            finding_fingerprint("R1", "aws_s3_bucket.a", "main.tf"));
  EXPECT_NE(finding_fingerprint("R1", "aws_s3_bucket.a", "main.tf"),
            finding_fingerprint("R1", "aws_s3_bucket.b", "main.tf"));
  EXPECT_NE(finding_fingerprint("R1", "a\nb", "c"), finding_fingerprint("R1", "a", "b\nc"));
}

TEST_P(BackendTest, RunsAreSavedWithFindingsControlsAndInputs) {
  auto p = Program::open(*db_);
  ASSERT_TRUE(p);
  EXPECT_FALSE(recent_run(*p, 0));
  auto run =
      save(*p, {finding("R1", "a", "fail"), finding("R2", "a", "pass"), finding("R1", "a", "fail")},
           {control("iso27017:2015/10.1.1", "failing", 2)});
  ASSERT_TRUE(run) << run.error().message;
  auto s = get_run(*p, *run);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->findings, 3);
  EXPECT_EQ(s->failed, 2);
  EXPECT_EQ(s->passed, 1);
  EXPECT_EQ(s->rules_digest, "digest");
  ASSERT_EQ(s->inputs.size(), 1u);
  EXPECT_EQ(s->inputs[0].bytes, 10u);
  auto failing = run_findings(*p, *run, {"fail", true, 0});
  ASSERT_TRUE(failing);
  ASSERT_EQ(failing->size(), 2u);
  EXPECT_NE(failing->at(0).fingerprint, failing->at(1).fingerprint)
      << "a repeated check is told apart";
  auto controls = run_controls(*p, *run);
  ASSERT_TRUE(controls);
  ASSERT_EQ(controls->size(), 1u);
  EXPECT_EQ(controls->front().rules, (std::vector<std::string>{"AWS-S3-001", "AWS-S3-002"}));
  EXPECT_EQ(controls->front().failing_rules, std::vector<std::string>{"AWS-S3-001"});
  EXPECT_EQ(*recent_run(*p, 0), *run);
  auto other = Program::open(*db_, "other");
  EXPECT_FALSE(get_run(*other, *run)) << "another tenant does not see the run";
}

TEST_P(BackendTest, ManyFindingsAreWrittenInBatches) {
  auto p = Program::open(*db_);
  std::vector<StoredFinding> many;
  for (int i = 0; i < 1234; ++i)
    many.push_back(finding("R" + std::to_string(i % 7), "r" + std::to_string(i), "fail"));
  auto run = save(*p, many, {});
  ASSERT_TRUE(run) << run.error().message;
  auto all = run_findings(*p, *run, {});
  ASSERT_TRUE(all);
  EXPECT_EQ(all->size(), 1234u);
}

TEST_P(BackendTest, DiffNamesNewFixedAndChangedFindingsAndControls) {
  auto p = Program::open(*db_);
  auto one = save(*p,
                  {finding("R1", "kept", "fail"), finding("R2", "fixed", "fail"),
                   finding("R3", "gone", "fail"), finding("R4", "worse", "fail", "low"),
                   finding("R5", "flaky", "pass"), finding("R6", "now-unknown", "fail")},
                  {control("iso27017:2015/10.1.1", "failing", 4),
                   control("iso27017:2015/12.4.1", "passing", 0)});
  auto two = save(*p,
                  {finding("R1", "kept", "fail", "high", "msg", 40), finding("R2", "fixed", "pass"),
                   finding("R4", "worse", "fail", "critical"), finding("R5", "flaky", "unknown"),
                   finding("R6", "now-unknown", "unknown"), finding("R7", "new", "fail")},
                  {control("iso27017:2015/10.1.1", "failing", 3),
                   control("iso27017:2015/12.4.1", "failing", 1)});
  ASSERT_TRUE(one && two);
  auto d = diff_runs(*p, *one, *two);
  ASSERT_TRUE(d) << d.error().message;
  std::vector<std::string> got;
  for (const auto& c : d->findings) {
    const auto& f = c.after ? *c.after : *c.before;
    got.push_back(std::string(to_string(c.kind)) + " " + f.resource);
  }
  // R1 only moved to another line: not a change. R5 pass -> unknown never failed.
  EXPECT_EQ(got, (std::vector<std::string>{"new new", "fixed fixed", "fixed gone", "changed worse",
                                           "changed now-unknown"}));
  ASSERT_EQ(d->controls.size(), 1u);
  EXPECT_EQ(d->controls[0].ref, "iso27017:2015/12.4.1");
  EXPECT_EQ(d->controls[0].before, "passing");
  EXPECT_EQ(d->controls[0].after, "failing");
  EXPECT_FALSE(diff_runs(*p, *one, 999));

  // Each run keeps its comparison with the run before it from the moment it is saved.
  auto first = stored_comparison(*p, *one);
  ASSERT_TRUE(first);
  EXPECT_FALSE(first->has_value()) << "the first run has nothing to be compared with";
  auto kept = stored_comparison(*p, *two);
  ASSERT_TRUE(kept && kept->has_value());
  EXPECT_EQ((*kept)->previous, *one);
  EXPECT_EQ((*kept)->new_findings, d->count(FindingChange::Kind::New));
  EXPECT_EQ((*kept)->fixed_findings, 2u);
  ASSERT_EQ((*kept)->controls.size(), 1u);
  EXPECT_EQ((*kept)->controls[0].after, "failing");
}

}  // namespace
}  // namespace cc::program
