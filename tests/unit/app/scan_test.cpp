// The scan pipeline on small trees written by the tests.
#include "app/scan.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "core/data_dir.h"

namespace cc::app {
namespace {

namespace fs = std::filesystem;

class ScanTree : public ::testing::Test {
 protected:
  fs::path root;
  void SetUp() override {
    root = fs::temp_directory_path() / ("cc-scan-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root);
    fs::create_directories(root);
  }
  void TearDown() override { fs::remove_all(root); }
  void write(const std::string& name, const std::string& text) {
    fs::create_directories((root / name).parent_path());
    std::ofstream(root / name) << text;
  }
  ScanOutcome scan(std::vector<std::string> only_rules = {}) {
    ScanOptions o;
    o.paths = {root.string()};
    o.data_dir = data_dir();
    o.only_rules = std::move(only_rules);
    o.threads = 2;
    return run_scan(o);
  }
  static std::vector<const Finding*> of(const ScanOutcome& out, const std::string& rule) {
    std::vector<const Finding*> v;
    for (const auto& f : out.report.findings)
      if (f.rule_id == rule) v.push_back(&f);
    return v;
  }
};

constexpr const char* kDeployment = R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      containers: [{name: api, image: registry.example/api:1.2}]
)";

constexpr const char* kPolicy = R"(apiVersion: v1
kind: Namespace
metadata: {name: shop}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny, namespace: shop}
spec:
  podSelector: {}
  policyTypes: [Ingress]
)";

TEST_F(ScanTree, NetworkPolicyInAnotherFileIsolatesTheWorkload) {
  write("apps/api.yaml", kDeployment);
  auto alone = scan({"K8S-NET-003"});
  ASSERT_EQ(of(alone, "K8S-NET-003").size(), 1u);
  EXPECT_EQ(of(alone, "K8S-NET-003")[0]->verdict, Verdict::Unknown);

  write("cluster/namespaces.yaml", kPolicy);
  auto both = scan({"K8S-NET-003"});
  ASSERT_EQ(of(both, "K8S-NET-003").size(), 1u);
  EXPECT_EQ(of(both, "K8S-NET-003")[0]->verdict, Verdict::Pass);
}

TEST_F(ScanTree, CountsFilesResourcesAndKeepsGoingAfterABrokenFile) {
  write("a.yaml", kDeployment);
  write("b.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x\n");
  write("c.json", R"({"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"B": {"Type": "AWS::S3::Bucket"}}})");
  write("notes.txt", "not read while walking");
  auto out = scan();
  EXPECT_EQ(out.report.stats.files, 3u);
  EXPECT_EQ(out.report.stats.documents, 2u);
  EXPECT_EQ(out.report.stats.resources, 2u);  // the Deployment and the bucket
  EXPECT_EQ(out.unreadable, 1u);
  bool located = false;
  for (const auto& d : out.report.diagnostics)
    if (out.sources->path(d.span.file).ends_with("b.yaml") && d.span.line >= 3) located = true;
  EXPECT_TRUE(located);
  EXPECT_FALSE(of(out, "AWS-S3-004").empty());
  EXPECT_FALSE(out.report.controls.empty());
}

TEST_F(ScanTree, SameResultsOnOneThreadAndMany) {
  for (int i = 0; i < 12; ++i) write("f" + std::to_string(i) + ".yaml", kDeployment);
  ScanOptions o;
  o.paths = {root.string()};
  o.data_dir = data_dir();
  o.threads = 1;
  auto one = run_scan(o);
  o.threads = 4;
  auto many = run_scan(o);
  ASSERT_EQ(one.report.findings.size(), many.report.findings.size());
  for (size_t i = 0; i < one.report.findings.size(); ++i) {
    EXPECT_EQ(one.report.findings[i].rule_id, many.report.findings[i].rule_id);
    EXPECT_EQ(one.report.findings[i].verdict, many.report.findings[i].verdict);
    EXPECT_EQ(one.report.findings[i].span, many.report.findings[i].span);
  }
}

TEST_F(ScanTree, StreamedReportMatchesTheKeptFindings) {
  for (int i = 0; i < 6; ++i) write("f" + std::to_string(i) + ".yaml", kDeployment);
  write("net.yaml", kPolicy);
  ScanOptions o;
  o.paths = {root.string()};
  o.data_dir = data_dir();
  o.threads = 3;
  auto kept = run_scan(o);

  std::ostringstream streamed_csv;
  auto stream = report::make_stream(report::Format::Csv, {}, streamed_csv);
  o.stream = stream.get();
  auto streamed = run_scan(o);
  EXPECT_TRUE(streamed.report.findings.empty());  // handed to the stream, not kept
  EXPECT_EQ(streamed.report.worst_failure, kept.report.worst_failure);
  ASSERT_EQ(streamed.report.controls.size(), kept.report.controls.size());
  for (size_t i = 0; i < kept.report.controls.size(); ++i) {
    EXPECT_EQ(streamed.report.controls[i].ref, kept.report.controls[i].ref);
    EXPECT_EQ(streamed.report.controls[i].fail, kept.report.controls[i].fail);
    EXPECT_EQ(streamed.report.controls[i].pass, kept.report.controls[i].pass);
  }
  std::ostringstream kept_csv;
  report::write(kept.report, report::Format::Csv, {}, kept_csv);
  const std::string csv = kept_csv.str();
  EXPECT_EQ(streamed_csv.str(), csv);
  EXPECT_GT(std::count(csv.begin(), csv.end(), '\n'), 6);
}

}  // namespace
}  // namespace cc::app
