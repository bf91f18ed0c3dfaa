#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "catalog/catalog.h"
#include "program/report_chart.h"
#include "program/report_data.h"
#include "program/report_html.h"
#include "program/report_oscal.h"
#include "program/runs.h"
#include "program/scope.h"
#include "program/soa.h"
#include "store_fixture.h"

namespace cc::program {
namespace {

using store::testing::BackendTest;

constexpr const char* kHostile = "Key <script>alert('x')</script> & \"rotation\"";

size_t count_of(const std::string& text, std::string_view what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// The text of the <section> with this id.
std::string section(const std::string& html, std::string_view id) {
  const size_t start = html.find(fmt::format("<section id=\"{}\"", id));
  if (start == std::string::npos) return {};
  return html.substr(start, html.find("</section>", start) - start);
}

StoredFinding finding(std::string rule, std::string verdict, std::string resource, std::string file,
                      int64_t line, std::string message = "message") {
  StoredFinding f;
  f.rule_id = std::move(rule);
  f.verdict = std::move(verdict);
  f.resource = std::move(resource);
  f.kind = "aws.s3.bucket";
  f.severity = "high";
  f.message = std::move(message);
  f.file = std::move(file);
  f.line = line;
  f.col = 3;
  return f;
}

// A program on ISO/IEC 27017:2015 with two saved runs: in the first, encryption (10.1.1)
// passes; in the second it fails on two buckets, one finding is unknown and two pass.
class ReportProgram {
 public:
  explicit ReportProgram(store::Database& db) : db_(db) {}

  void build() {
    SourceTable sources;
    Diagnostics diags;
    catalog = catalog::Catalog::load(std::string(CC_TEST_DATA) + "/../../catalog", sources, diags,
                                     catalog::LoadMode::OnDemand);
    auto opened = Program::open(db_);
    ASSERT_TRUE(opened);
    program.emplace(*opened);
    Scope scope;
    scope.organisation = "Acme <b>Analytics</b>";
    scope.role = Role::Customer;
    scope.models = {ServiceModel::IaaS};
    scope.frameworks = {"iso27017:2015"};
    const Change who{"alice", "2026-01-01T09:00:00Z"};
    ASSERT_TRUE(save_scope(*program, scope, who));
    ASSERT_TRUE(seed_soa(*program, catalog, who));
    ASSERT_TRUE(set_soa_entry(*program, catalog, "11.1.1",
                              {false, std::string("No premises <i>of our own</i>"), {}, {}, {}},
                              who));
    ASSERT_TRUE(set_soa_entry(*program, catalog, "10.1.1",
                              {{}, {}, {}, std::string("Security <team>"), {}}, who));

    save_run("2026-02-01T09:00:00Z",
             {finding("AWS-S3-001", "pass", "aws_s3_bucket.logs", "main.tf", 12)},
             {RunControl{"iso27017:2015/10.1.1",
                         "Policy on the use of cryptographic controls",
                         "passing",
                         1,
                         0,
                         0,
                         0,
                         "",
                         {"AWS-S3-001"},
                         {}}});
    save_run("2026-02-08T09:00:00Z",
             {finding("AWS-S3-001", "fail", "aws_s3_bucket.logs", "main.tf", 12, kHostile),
              finding("AWS-S3-001", "fail", "aws_s3_bucket.data", "storage/data bucket.tf", 4),
              finding("AWS-LOG-001", "unknown", "aws_cloudtrail.main", "main.tf", 30),
              finding("AWS-LOG-002", "pass", "aws_cloudtrail.main", "main.tf", 31),
              finding("AWS-LOG-003", "pass", "aws_cloudtrail.main", "main.tf", 32)},
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
                         2,
                         0,
                         1,
                         0,
                         "",
                         {"AWS-LOG-001", "AWS-LOG-002", "AWS-LOG-003"},
                         {}}});

    const std::filesystem::path file =
        std::filesystem::temp_directory_path() / ("cc-report-" + std::to_string(::getpid()));
    std::ofstream(file) << "key rotation records";
    EvidenceInput e;
    e.file = file;
    e.title = kHostile;
    e.controls = {"iso27017:2015/12.4.1"};
    e.collected_on = "2026-01-01";
    e.review_days = 60;
    ASSERT_TRUE(add_evidence(*program, e, who));
    std::filesystem::remove(file);
  }

  ReportData collect(ReportOptions options) {
    if (options.as_of.empty()) options.as_of = "2026-02-15";
    options.generated_at = "2026-02-15T10:00:00Z";
    options.tool_version = "9.9.9";
    auto data = collect_report(*program, catalog, options);
    EXPECT_TRUE(data) << (data ? "" : data.error().message);
    return data ? std::move(*data) : ReportData{};
  }

  catalog::Catalog catalog;
  std::optional<Program> program;

 private:
  void save_run(std::string at, std::vector<StoredFinding> findings,
                std::vector<RunControl> controls) {
    RunSummary header;
    header.started_at = at;
    header.actor = "ci";
    header.tool_version = "9.9.9";
    RunWriter w(header);
    w.set_rules("digest-of-the-rules", 3, "iso27017:2015");
    for (auto& f : findings) ASSERT_TRUE(w.add(std::move(f)));
    ASSERT_TRUE(w.finish(*program, controls, {}, at));
  }

  store::Database& db_;
};

TEST_P(BackendTest, ReportHtmlHasEverySectionAndEscapesUserText) {
  ReportProgram fixture(*db_);
  ASSERT_NO_FATAL_FAILURE(fixture.build());
  const ReportData data = fixture.collect({});
  ASSERT_TRUE(data.run);
  EXPECT_EQ(data.run->id, 2);
  const std::string html = report_html(data);

  EXPECT_EQ(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0), 0u);
  EXPECT_NE(html.find("<h1>Compliance report: Acme &lt;b&gt;Analytics&lt;/b&gt;</h1>"),
            std::string::npos);
  for (const char* id :
       {"summary", "controls", "responsibility", "soa", "evidence", "findings", "changes"})
    EXPECT_FALSE(section(html, id).empty()) << id;
  const std::string cover = html.substr(0, html.find("</header>"));
  for (const char* fact :
       {"digest-of-the-rules", "2026-02-15T10:00:00Z", "cloudcomply 9.9.9", "iso27017:2015",
        "<dt>Status as of</dt><dd>2026-02-15</dd>", "<dt>Role</dt><dd>customer</dd>"})
    EXPECT_NE(cover.find(fact), std::string::npos) << fact;

  // Nothing a user or a scanned file wrote reaches the page as markup.
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<team>"), std::string::npos);
  EXPECT_EQ(html.find("<i>of our own"), std::string::npos);
  EXPECT_NE(
      html.find("Key &lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; &quot;rotation&quot;"),
      std::string::npos);
  EXPECT_GE(count_of(section(html, "evidence"), "&lt;script&gt;"), 1u) << "the evidence title";
  EXPECT_GE(count_of(section(html, "findings"), "&lt;script&gt;"), 1u) << "the finding message";
  EXPECT_NE(section(html, "soa").find("Security &lt;team&gt;"), std::string::npos);

  // One control row per control in scope; charts with text alternatives.
  EXPECT_EQ(count_of(section(html, "controls"), "<tr class=\"control\">"),
            data.status.controls.size());
  EXPECT_EQ(data.status.controls.size(), 121u);
  EXPECT_EQ(count_of(html, "<svg "), 2u);
  EXPECT_NE(html.find("<title id=\"family-chart-title\">"), std::string::npos);
  EXPECT_NE(html.find("<desc id=\"trend-chart-desc\">"), std::string::npos);

  // The trend lists each run; the changes name the control that got worse.
  const std::string summary = section(html, "summary");
  EXPECT_NE(summary.find("<tr><th scope=\"row\">1</th><td>2026-02-01T09:00:00Z</td>"),
            std::string::npos);
  EXPECT_NE(summary.find("<tr><th scope=\"row\">2</th><td>2026-02-08T09:00:00Z</td>"),
            std::string::npos);
  ASSERT_EQ(data.trend.size(), 2u);
  EXPECT_EQ(data.trend[0].passed, 1);
  EXPECT_EQ(data.trend[1].failed, 2);
  const std::string changes = section(html, "changes");
  EXPECT_NE(changes.find("Since run 1: 2 new failing findings, 0 fixed"), std::string::npos)
      << changes;
  EXPECT_NE(changes.find("iso27017:2015/10.1.1"), std::string::npos);
  EXPECT_NE(changes.find("class=\"worse\""), std::string::npos);

  // Findings: failing first, each with its file:line:col.
  ASSERT_EQ(data.findings.size(), 5u);
  EXPECT_EQ(data.findings[0].verdict, "fail");
  EXPECT_EQ(data.findings[1].verdict, "fail");
  EXPECT_EQ(data.findings[2].verdict, "unknown");
  EXPECT_EQ(data.findings_left_out, 0u);
  EXPECT_NE(section(html, "findings").find("main.tf:12:3"), std::string::npos);
  EXPECT_EQ(html.find("left out"), std::string::npos);

  // Same store, same date, same clock: the same bytes.
  EXPECT_EQ(report_html(fixture.collect({})), html);
}

TEST_P(BackendTest, ReportCapsFindingsAndSaysHowManyWereLeftOut) {
  ReportProgram fixture(*db_);
  ASSERT_NO_FATAL_FAILURE(fixture.build());
  ReportOptions options;
  options.max_findings = 3;
  const ReportData data = fixture.collect(options);
  ASSERT_EQ(data.findings.size(), 3u);
  EXPECT_EQ(data.findings[0].verdict, "fail");
  EXPECT_EQ(data.findings[1].verdict, "fail");
  EXPECT_EQ(data.findings[2].verdict, "unknown") << "passing findings are the first to go";
  EXPECT_EQ(data.findings_left_out, 2u);
  const std::string html = report_html(data);
  EXPECT_NE(section(html, "findings").find("2 findings are left out</strong> by the limit of 3"),
            std::string::npos);

  options.max_findings = 1;
  EXPECT_EQ(fixture.collect(options).findings_left_out, 4u);
}

TEST_P(BackendTest, ReportOnAnOlderRunJudgesControlsOnThatRun) {
  ReportProgram fixture(*db_);
  ASSERT_NO_FATAL_FAILURE(fixture.build());
  const ReportData newest = fixture.collect({});
  ReportOptions options;
  options.run = 1;
  const ReportData older = fixture.collect(options);
  auto state_of = [](const ReportData& d, std::string_view ref) {
    for (const auto& c : d.status.controls)
      if (c.ref == ref) return c.state;
    return ControlState::NotAssessed;
  };
  EXPECT_EQ(state_of(newest, "iso27017:2015/10.1.1"), ControlState::NotImplemented);
  EXPECT_EQ(state_of(older, "iso27017:2015/10.1.1"), ControlState::Implemented);
  EXPECT_EQ(state_of(older, "iso27017:2015/11.1.1"), ControlState::NotApplicable);
  ASSERT_EQ(older.trend.size(), 1u) << "the trend ends at the reported run";
  EXPECT_FALSE(older.previous_run);
  EXPECT_NE(section(report_html(older), "changes").find("first saved run"), std::string::npos);

  auto missing = collect_report(*fixture.program, fixture.catalog,
                                {"2026-02-15", "2026-02-15T10:00:00Z", "9.9.9", 99, 2000, 50, 20});
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind, store::Error::Kind::NotFound);
}

TEST_P(BackendTest, ReportOscalHasTheRequiredFieldsAndStableUuids) {
  ReportProgram fixture(*db_);
  ASSERT_NO_FATAL_FAILURE(fixture.build());
  const ReportData data = fixture.collect({});
  auto failing = failing_rules(*fixture.program, data.run->id, 20);
  ASSERT_TRUE(failing) << failing.error().message;
  ASSERT_EQ(failing->size(), 1u);
  EXPECT_EQ((*failing)[0].rule_id, "AWS-S3-001");
  EXPECT_EQ((*failing)[0].count, 2);

  const std::string text = report_oscal(data, *failing);
  auto doc = nlohmann::json::parse(text, nullptr, false);
  ASSERT_FALSE(doc.is_discarded());
  const auto& ar = doc.at("assessment-results");
  const auto& meta = ar.at("metadata");
  for (const char* field : {"title", "last-modified", "version", "oscal-version"})
    EXPECT_TRUE(meta.contains(field)) << field;
  EXPECT_EQ(meta["oscal-version"], "1.1.2");
  EXPECT_EQ(meta["last-modified"], "2026-02-15T10:00:00Z");
  EXPECT_EQ(ar.at("import-ap").at("href").get<std::string>(),
            "#" + ar.at("back-matter").at("resources")[0].at("uuid").get<std::string>());
  ASSERT_EQ(ar.at("results").size(), 1u);
  const auto& result = ar["results"][0];
  for (const char* field : {"uuid", "title", "description", "start", "reviewed-controls"})
    EXPECT_TRUE(result.contains(field)) << field;
  EXPECT_EQ(result["start"], "2026-02-08T09:00:00Z");
  EXPECT_EQ(result["end"], "2026-02-08T09:00:00Z");
  EXPECT_EQ(result["reviewed-controls"]["control-selections"][0]["include-controls"].size(), 121u);

  ASSERT_EQ(result.at("observations").size(), 1u);
  const auto& observation = result["observations"][0];
  ASSERT_EQ(observation.at("relevant-evidence").size(), 2u);
  EXPECT_EQ(observation["relevant-evidence"][0]["href"], "main.tf#L12");
  EXPECT_EQ(observation["relevant-evidence"][1]["href"], "storage/data%20bucket.tf#L4");

  const nlohmann::json* encryption = nullptr;
  std::set<std::string> uuids;
  for (const auto& f : result.at("findings")) {
    uuids.insert(f["uuid"].get<std::string>());
    if (f["target"]["target-id"] == "c-10.1.1_obj") encryption = &f;
  }
  EXPECT_EQ(uuids.size(), result["findings"].size()) << "every finding has its own uuid";
  ASSERT_NE(encryption, nullptr);
  EXPECT_EQ((*encryption)["target"]["type"], "objective-id");
  EXPECT_EQ((*encryption)["target"]["status"]["state"], "not-satisfied");
  EXPECT_EQ((*encryption)["related-observations"][0]["observation-uuid"], observation["uuid"]);
  EXPECT_NE((*encryption)["description"].get<std::string>().find("2 failing findings"),
            std::string::npos);

  // A second report of the same store, run and date carries the same uuids.
  EXPECT_EQ(report_oscal(fixture.collect({}), *failing), text);
  ReportOptions other_day;
  other_day.as_of = "2026-02-16";
  auto again = nlohmann::json::parse(report_oscal(fixture.collect(other_day), *failing));
  EXPECT_NE(again["assessment-results"]["uuid"], ar["uuid"])
      << "another date is another assessment";
}

TEST(ReportOscal, NameUuidsAreVersionFiveAndStable) {
  const std::regex shape("^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
  EXPECT_TRUE(std::regex_match(name_uuid("finding/iso27017:2015/10.1.1"), shape));
  EXPECT_TRUE(std::regex_match(name_uuid(""), shape));
  EXPECT_EQ(name_uuid("a"), name_uuid("a"));
  EXPECT_NE(name_uuid("a"), name_uuid("b"));
}

TEST(ReportChart, ChartsCarryTextAlternativesAndEscapeLabels) {
  EXPECT_EQ(axis_top(0), 1);
  EXPECT_EQ(axis_top(7), 10);
  EXPECT_EQ(axis_top(101), 200);
  EXPECT_EQ(axis_top(100000), 100000);
  const std::string bars =
      stacked_bar_chart({"c1", "Per family", "Two bars"},
                        {{"failing", "#cf222e", false}, {"passing", "#1a7f37", false}},
                        {{"A <&> family", {2, 3}}, {"B", {0, 1}}});
  EXPECT_NE(bars.find("<title id=\"c1-title\">Per family</title>"), std::string::npos);
  EXPECT_NE(bars.find("<desc id=\"c1-desc\">Two bars</desc>"), std::string::npos);
  EXPECT_NE(bars.find("A &lt;&amp;&gt; family: 5 controls"), std::string::npos);
  EXPECT_EQ(bars.find("A <&>"), std::string::npos);
  EXPECT_EQ(count_of(bars, "<rect x=\"300.0\""), 2u) << "bars start at the label column";
  EXPECT_EQ(count_of(bars, "<title>B: "), 2u)
      << "the bar and its one drawn segment; the empty one is not drawn";
  const std::string line = line_chart({"c2", "Trend", "Runs"}, {"run 1", "run 2", "run 3"},
                                      {{{"failing", "#cf222e", false}, {4, 2, 0}}});
  EXPECT_EQ(count_of(line, "<circle "), 3u);
  EXPECT_EQ(count_of(line, "<polyline "), 1u);
  EXPECT_NE(line.find("<title>failing run 2: 2</title>"), std::string::npos);
}

}  // namespace
}  // namespace cc::program
