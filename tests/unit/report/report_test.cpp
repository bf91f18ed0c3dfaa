#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "report/scan_report.h"

namespace cc::report {
namespace {

struct Fixture {
  SourceTable sources;
  ScanReport r;
  Fixture() {
    uint32_t file = sources.add("./infra/data.yaml");
    r.sources = &sources;
    r.framework = "iso27017:2015";
    assess::RuleInfo rule;
    rule.id = "AWS-S3-001";
    rule.title = "Buckets encrypt objects at rest";
    rule.kind = "aws.s3.bucket";
    rule.severity = Severity::High;
    rule.controls = {"iso27017:2015/10.1.1"};
    rule.remediation["text"] = "Turn on default encryption.";
    r.rules.push_back(rule);
    Finding fail{"AWS-S3-001",      "Data",         "aws.s3.bucket",
                 Verdict::Fail,     Severity::High, "Bucket Data stores objects unencrypted",
                 Span{file, 12, 5}, false,          {}};
    Finding pass{"AWS-S3-001",     "Logs",         "aws.s3.bucket",
                 Verdict::Pass,    Severity::High, "ok",
                 Span{file, 3, 3}, false,          {}};
    Finding unknown{"AWS-S3-001",      "Media",        "aws.s3.bucket",
                    Verdict::Unknown,  Severity::High, "depends on parameter X",
                    Span{file, 20, 3}, false,          {}};
    Finding suppressed{"AWS-S3-001",      "=Old",         "aws.s3.bucket",
                       Verdict::Fail,     Severity::High, "say \"hi\"",
                       Span{file, 30, 3}, true,           "accepted <risk>"};
    r.findings = {fail, pass, unknown, suppressed};
    assess::ControlResult c;
    c.ref = "iso27017:2015/10.1.1";
    c.title = "Policy on the use of cryptographic controls";
    c.status = assess::ControlStatus::Failing;
    c.fail = 1;
    c.pass = 1;
    c.unknown = 1;
    c.suppressed = 1;
    c.worst = Severity::High;
    c.rules = {"AWS-S3-001"};
    r.controls.push_back(c);
    r.stats.files = 1;
    r.stats.resources = 4;
  }
};

TEST(Report, SarifHasRulesResultsRegionsAndSuppressions) {
  Fixture fx;
  std::ostringstream out;
  write_sarif(fx.r, out);
  auto j = nlohmann::json::parse(out.str());
  EXPECT_EQ(j["version"], "2.1.0");
  const auto& run = j["runs"][0];
  EXPECT_EQ(run["tool"]["driver"]["rules"][0]["id"], "AWS-S3-001");
  EXPECT_EQ(run["tool"]["driver"]["rules"][0]["properties"]["security-severity"], "8.0");
  ASSERT_EQ(run["results"].size(), 3u);  // passes are not results
  const auto& first = run["results"][0];
  EXPECT_EQ(first["level"], "error");
  EXPECT_EQ(first["ruleIndex"], 0);
  const auto& loc = first["locations"][0]["physicalLocation"];
  EXPECT_EQ(loc["artifactLocation"]["uri"], "infra/data.yaml");
  EXPECT_EQ(loc["region"]["startLine"], 12);
  EXPECT_EQ(loc["region"]["startColumn"], 5);
  EXPECT_EQ(run["results"][1]["level"], "note");
  EXPECT_EQ(run["results"][2]["suppressions"][0]["justification"], "accepted <risk>");
}

TEST(Report, JsonCarriesStatsControlsFindingsAndLocations) {
  Fixture fx;
  std::ostringstream out;
  write_json(fx.r, out);
  auto j = nlohmann::json::parse(out.str());
  EXPECT_EQ(j["stats"]["resources"], 4);
  EXPECT_EQ(j["controls"][0]["status"], "failing");
  EXPECT_EQ(j["controls"][0]["worst_severity"], "high");
  EXPECT_EQ(j["findings"].size(), 4u);
  EXPECT_EQ(j["findings"][0]["location"]["line"], 12);
  EXPECT_EQ(j["findings"][3]["suppressed"]["reason"], "accepted <risk>");
}

TEST(Report, JunitEscapesAndCountsFailures) {
  Fixture fx;
  std::ostringstream out;
  write_junit(fx.r, out);
  std::string s = out.str();
  EXPECT_NE(s.find("tests=\"4\" failures=\"1\" skipped=\"2\""), std::string::npos) << s;
  EXPECT_NE(s.find("accepted &lt;risk&gt;"), std::string::npos);
  EXPECT_EQ(s.find("<risk>"), std::string::npos);
}

TEST(Report, CsvQuotesAndDefusesFormulas) {
  Fixture fx;
  std::ostringstream out;
  write_csv(fx.r, out);
  std::string s = out.str();
  EXPECT_NE(s.find("\"'=Old\""), std::string::npos) << s;
  EXPECT_NE(s.find("\"say \"\"hi\"\"\""), std::string::npos);
  EXPECT_EQ(std::count(s.begin(), s.end(), '\n'), 5);
}

TEST(Report, TextShowsControlTableFindingsAndTotals) {
  Fixture fx;
  std::ostringstream out;
  write_text(fx.r, TextOptions{}, out);
  std::string s = out.str();
  EXPECT_NE(s.find("iso27017:2015/10.1.1"), std::string::npos);
  EXPECT_NE(s.find("failing"), std::string::npos);
  EXPECT_NE(s.find("./infra/data.yaml:12:5"), std::string::npos);
  EXPECT_NE(s.find("reason: accepted <risk>"), std::string::npos);
  EXPECT_NE(s.find("1 failed, 1 unknown, 1 passed, 1 suppressed"), std::string::npos);
}

TEST(Report, FormatNamesParse) {
  Format f{};
  EXPECT_TRUE(parse_format("sarif", f));
  EXPECT_EQ(f, Format::Sarif);
  EXPECT_FALSE(parse_format("xml", f));
}

}  // namespace
}  // namespace cc::report

namespace cc::report {
namespace {

TEST(Report, JsonEscapesEveryCharacterOfFindings) {
  Fixture fx;
  fx.r.findings[0].message = std::string("tab\tquote\" back\\ nl\n ctl\x01 ütf8");
  fx.r.findings[0].resource_address = "a\"b";
  fx.r.findings[1].message = "\x1f";  // an escape and nothing else
  std::ostringstream out;
  write_json(fx.r, out);
  auto j = nlohmann::json::parse(out.str());
  EXPECT_EQ(j["findings"][0]["message"], fx.r.findings[0].message);
  EXPECT_EQ(j["findings"][0]["resource"], "a\"b");
  EXPECT_EQ(j["findings"][1]["message"], "\x1f");
  EXPECT_EQ(out.str().find('\x01'), std::string::npos)
      << "control characters are written as \\u00XX";
  EXPECT_FALSE(j["findings"][1]["location"].contains("nothing"));
}

TEST(Report, JsonWithoutFindingsIsValid) {
  Fixture fx;
  fx.r.findings.clear();
  std::ostringstream out;
  write_json(fx.r, out);
  auto j = nlohmann::json::parse(out.str());
  EXPECT_TRUE(j["findings"].empty());
}

}  // namespace
}  // namespace cc::report
