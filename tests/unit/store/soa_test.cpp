#include "program/soa.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/data_dir.h"
#include "program/control_text.h"
#include "program/export_soa.h"
#include "program/report_data.h"
#include "program/report_html.h"
#include "program/table_import.h"
#include "program_catalog.h"
#include "store_fixture.h"

namespace cc::program {
namespace {

using store::testing::BackendTest;

using testing::test_catalog;

Change by(std::string actor, std::string at = "2026-11-23T10:00:00Z") {
  return Change{std::move(actor), std::move(at)};
}

Scope scope_of(std::vector<std::string> frameworks) {
  Scope s;
  s.organisation = "Acme Analytics";
  s.role = Role::Customer;
  s.models = {ServiceModel::IaaS};
  s.frameworks = std::move(frameworks);
  return s;
}

std::string read_all(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A program with a scope of ISO/IEC 27017:2015 on the test's store, and a directory
// for exports that goes with it.
class SoaWorld {
 public:
  explicit SoaWorld(store::Database& db) {
    if (auto p = Program::open(db)) program_.emplace(*p);
    saved_ = program_ && save_scope(*program_, scope_of({"iso27017:2015"}), by("alice"));
    static int counter = 0;
    out_dir_ = std::filesystem::temp_directory_path() /
               ("cc-soa-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::create_directories(out_dir_);
  }
  ~SoaWorld() { std::filesystem::remove_all(out_dir_); }
  SoaWorld(const SoaWorld&) = delete;
  SoaWorld& operator=(const SoaWorld&) = delete;

  [[nodiscard]] bool ready() const { return saved_; }
  [[nodiscard]] const Program& program() const { return *program_; }
  [[nodiscard]] const std::filesystem::path& out_dir() const { return out_dir_; }

  size_t changes(std::string_view key = "") const {
    auto log = history(*program_, {"soa", std::string(key), 100000});
    EXPECT_TRUE(log);
    return log ? log->size() : 0;
  }

  SoaEntry entry(const std::string& ref) const {
    auto all = load_soa(*program_);
    EXPECT_TRUE(all);
    auto it = all->find(ref);
    EXPECT_NE(it, all->end()) << ref;
    return it == all->end() ? SoaEntry{} : it->second;
  }

 private:
  std::optional<Program> program_;
  bool saved_ = false;
  std::filesystem::path out_dir_;
};

TEST_P(BackendTest, SoaSeedAddsEveryControlOfTheScopeOnce) {
  SoaWorld w(*db_);
  ASSERT_TRUE(w.ready());
  auto seeded = seed_soa(w.program(), test_catalog(), by("alice"));
  ASSERT_TRUE(seeded) << seeded.error().message;
  EXPECT_EQ(seeded->added, 121u);
  EXPECT_EQ(seeded->total, 121u);
  EXPECT_EQ(w.changes(), 121u);
  const SoaEntry e = w.entry("iso27017:2015/CLD.9.5.2");
  EXPECT_TRUE(e.applicable);
  EXPECT_EQ(e.status, ImplementationStatus::NotAssessed);
  EXPECT_EQ(e.revision, 1);

  auto again = seed_soa(w.program(), test_catalog(), by("bob"));
  ASSERT_TRUE(again);
  EXPECT_EQ(again->added, 0u);
  EXPECT_EQ(again->total, 121u);
  EXPECT_EQ(w.changes(), 121u);

  // A framework added to the scope brings only its own controls.
  ASSERT_TRUE(save_scope(w.program(), scope_of({"iso27001:2022", "iso27017:2015"}), by("alice")));
  auto more = seed_soa(w.program(), test_catalog(), by("alice"));
  ASSERT_TRUE(more);
  const size_t iso27001 = test_catalog().controls("iso27001:2022").size();
  EXPECT_GT(iso27001, 90u);
  EXPECT_EQ(more->added, iso27001);
  EXPECT_EQ(more->total, 121u + iso27001);
}

TEST_P(BackendTest, SoaSeedNeverOverwritesADecision) {
  SoaWorld w(*db_);
  ASSERT_TRUE(w.ready());
  ASSERT_TRUE(seed_soa(w.program(), test_catalog(), by("alice")));
  SoaEdit edit;
  edit.applicable = false;
  edit.justification = "No virtual machines: the service runs on managed containers only";
  ASSERT_TRUE(set_soa_entry(w.program(), test_catalog(), "CLD.9.5.1", edit, by("bob")));
  auto again = seed_soa(w.program(), test_catalog(), by("carol"));
  ASSERT_TRUE(again);
  EXPECT_EQ(again->added, 0u);
  const SoaEntry e = w.entry("iso27017:2015/CLD.9.5.1");
  EXPECT_FALSE(e.applicable);
  EXPECT_EQ(e.updated_by, "bob");
  EXPECT_EQ(e.revision, 2);
}

TEST_P(BackendTest, SoaNotApplicableNeedsAJustification) {
  SoaWorld w(*db_);
  ASSERT_TRUE(w.ready());
  ASSERT_TRUE(seed_soa(w.program(), test_catalog(), by("alice")));
  const size_t before = w.changes();
  SoaEdit no;
  no.applicable = false;
  auto refused = set_soa_entry(w.program(), test_catalog(), "iso27017:2015/12.4.1", no, by("bob"));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, Error::Kind::Invalid);
  EXPECT_NE(refused.error().message.find("justification"), std::string::npos);
  no.justification = "   ";  // white space is no reason
  EXPECT_FALSE(set_soa_entry(w.program(), test_catalog(), "iso27017:2015/12.4.1", no, by("bob")));
  EXPECT_TRUE(w.entry("iso27017:2015/12.4.1").applicable);
  EXPECT_EQ(w.entry("iso27017:2015/12.4.1").revision, 1);
  EXPECT_EQ(w.changes(), before);

  no.justification = "Event logging is run by the platform team's SIEM, outside this scope";
  auto saved = set_soa_entry(w.program(), test_catalog(), "12.4.1", no, by("bob"));
  ASSERT_TRUE(saved) << saved.error().message;
  EXPECT_FALSE(saved->applicable);
  EXPECT_EQ(saved->revision, 2);
  // Clearing the justification of a control that still does not apply is refused too.
  SoaEdit clear;
  clear.justification = "";
  EXPECT_FALSE(set_soa_entry(w.program(), test_catalog(), "12.4.1", clear, by("bob")));
  // Back to applicable: no justification needed.
  SoaEdit yes;
  yes.applicable = true;
  yes.justification = "";
  auto back = set_soa_entry(w.program(), test_catalog(), "12.4.1", yes, by("bob"));
  ASSERT_TRUE(back);
  EXPECT_TRUE(back->applicable);
  EXPECT_EQ(w.changes(), before + 2);
}

TEST_P(BackendTest, SoaBadInputIsRefusedAndChangesNothing) {
  SoaWorld w(*db_);
  ASSERT_TRUE(w.ready());
  ASSERT_TRUE(seed_soa(w.program(), test_catalog(), by("alice")));
  const size_t before = w.changes();
  SoaEdit edit;
  edit.status = ImplementationStatus::Implemented;
  auto unknown = set_soa_entry(w.program(), test_catalog(), "CLD.99.9", edit, by("bob"));
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().kind, Error::Kind::Invalid);
  EXPECT_NE(unknown.error().message.find("unknown control"), std::string::npos);
  auto outside =
      set_soa_entry(w.program(), test_catalog(), "iso27001:2022/A.8.15", edit, by("bob"));
  ASSERT_FALSE(outside);
  EXPECT_NE(outside.error().message.find("not in the program's scope"), std::string::npos);
  SoaEdit stamp;
  stamp.last_assessed = "yesterday";
  EXPECT_FALSE(set_soa_entry(w.program(), test_catalog(), "12.4.1", stamp, by("bob")));
  EXPECT_EQ(w.changes(), before);

  EXPECT_FALSE(parse_implementation_status("done"));
  EXPECT_EQ(parse_implementation_status("Partially-Implemented"),
            ImplementationStatus::PartiallyImplemented);
  EXPECT_EQ(parse_implementation_status("not_assessed"), ImplementationStatus::NotAssessed);
  EXPECT_EQ(parse_yes_no("No"), false);
  EXPECT_FALSE(parse_yes_no("maybe"));
}

TEST_P(BackendTest, SoaEditsAreRecordedWithBeforeAndAfter) {
  SoaWorld w(*db_);
  ASSERT_TRUE(w.ready());
  ASSERT_TRUE(seed_soa(w.program(), test_catalog(), by("alice", "2026-11-01T09:00:00Z")));
  SoaEdit edit;
  edit.status = ImplementationStatus::PartiallyImplemented;
  edit.owner = "Platform team";
  edit.last_assessed = "2026-11-02T08:00:00Z";
  auto saved = set_soa_entry(w.program(), test_catalog(), "CLD.9.5.2", edit,
                             by("bob", "2026-11-02T09:00:00Z"));
  ASSERT_TRUE(saved) << saved.error().message;
  EXPECT_EQ(saved->last_assessed, "2026-11-02T08:00:00Z");

  // The same values again: nothing written, nothing recorded.
  auto same = set_soa_entry(w.program(), test_catalog(), "CLD.9.5.2", edit, by("carol"));
  ASSERT_TRUE(same);
  EXPECT_EQ(same->revision, 2);
  EXPECT_EQ(same->updated_by, "bob");

  auto log = history(w.program(), {"soa", "iso27017:2015/CLD.9.5.2", 10});
  ASSERT_TRUE(log);
  ASSERT_EQ(log->size(), 2u);
  const ChangeRecord& latest = log->front();
  EXPECT_EQ(latest.action, "update");
  EXPECT_EQ(latest.actor, "bob");
  EXPECT_EQ(latest.at, "2026-11-02T09:00:00Z");
  auto before = nlohmann::json::parse(latest.before);
  auto after = nlohmann::json::parse(latest.after);
  EXPECT_EQ(before["status"], "not assessed");
  EXPECT_EQ(after["status"], "partially implemented");
  EXPECT_EQ(after["owner"], "Platform team");
  EXPECT_TRUE(before["last_assessed"].is_null());
  EXPECT_EQ(log->back().action, "seed");

  // A stale revision is a conflict.
  SoaEdit later;
  later.status = ImplementationStatus::Implemented;
  auto stale = set_soa_entry(w.program(), test_catalog(), "CLD.9.5.2", later, by("dave"), 1);
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().kind, Error::Kind::Conflict);
}

TEST_P(BackendTest, SoaRowsCarryEvidenceAndRules) {
  SoaWorld w(*db_);
  ASSERT_TRUE(w.ready());
  ASSERT_TRUE(seed_soa(w.program(), test_catalog(), by("alice")));
  // Three evidence items linked to 12.4.1: one current, one removed, one superseded.
  ASSERT_TRUE(db_->exec(
      "INSERT INTO blob (sha256, size, chunks, created_at) VALUES ('abc', 1, 1, '2026-11-01')"));
  const std::string insert =
      "INSERT INTO evidence (tenant_id, title, kind, file_name, sha256, size, collected_on, "
      "effective_on, removed_at, superseded_by, created_at, created_by) "
      "VALUES ($1, $2, 'record', 'f.txt', 'abc', 1, '2026-11-01', '2026-11-01', $3, $4, "
      "'2026-11-01T00:00:00Z', 'alice') RETURNING id";
  auto current = db_->query(
      insert, {w.program().tenant_id(), std::string("Log retention export"), nullptr, nullptr});
  ASSERT_TRUE(current) << current.error().message;
  const int64_t current_id = current->front().integer(0);
  auto removed = db_->query(insert, {w.program().tenant_id(), std::string("Old screenshot"),
                                     std::string("2026-11-02T00:00:00Z"), nullptr});
  auto superseded = db_->query(
      insert, {w.program().tenant_id(), std::string("2025 export"), nullptr, current_id});
  ASSERT_TRUE(removed && superseded);
  for (int64_t id : {current_id, removed->front().integer(0), superseded->front().integer(0)})
    ASSERT_TRUE(db_->exec("INSERT INTO evidence_control (evidence_id, control_ref) VALUES ($1, $2)",
                          {id, std::string("iso27017:2015/12.4.1")}));

  auto count = linked_evidence_count(w.program(), "iso27017:2015/12.4.1");
  ASSERT_TRUE(count) << count.error().message;
  EXPECT_EQ(*count, 1u);
  EXPECT_EQ(*linked_evidence_count(w.program(), "iso27017:2015/12.4.3"), 0u);

  RulesByControl rules{{"iso27017:2015/12.4.1", {"AWS-CT-001", "K8S-AUDIT-001"}}};
  auto rows = soa_rows(w.program(), test_catalog(), rules);
  ASSERT_TRUE(rows) << rows.error().message;
  ASSERT_EQ(rows->size(), 121u);
  auto it = std::find_if(rows->begin(), rows->end(),
                         [](const SoaRow& r) { return r.control_ref == "iso27017:2015/12.4.1"; });
  ASSERT_NE(it, rows->end());
  EXPECT_EQ(it->evidence, std::vector<std::string>{"Log retention export"});
  EXPECT_EQ(it->rules.size(), 2u);
  EXPECT_EQ(it->title, "Event logging");

  auto filtered = soa_rows(w.program(), test_catalog(), rules, "iso27001:2022");
  ASSERT_FALSE(filtered);
  EXPECT_EQ(filtered.error().kind, Error::Kind::Invalid);
}

TEST_P(BackendTest, SoaExportsCsvXlsxAndOscal) {
  SoaWorld w(*db_);
  ASSERT_TRUE(w.ready());
  ASSERT_TRUE(seed_soa(w.program(), test_catalog(), by("alice")));
  SoaEdit edit;
  edit.applicable = false;
  edit.justification = "=HYPERLINK(\"x\") is not a reason, but says \"why\"";
  ASSERT_TRUE(set_soa_entry(w.program(), test_catalog(), "CLD.9.5.1", edit, by("bob")));
  auto rows = soa_rows(w.program(), test_catalog(), {});
  ASSERT_TRUE(rows);
  auto scope = require_scope(w.program());
  ASSERT_TRUE(scope);

  const auto csv = w.out_dir() / "soa.csv";
  ASSERT_TRUE(export_soa(*rows, *scope, SoaFormat::Csv, csv, "2026-11-23T10:00:00Z"));
  const std::string text = read_all(csv);
  EXPECT_EQ(text.substr(0, text.find("\r\n")),
            "\"Framework\",\"Control\",\"Title\",\"Applicable\",\"Justification\",\"Status\","
            "\"Owner\",\"Evidence\",\"Rules\",\"Last assessed\"");
  EXPECT_NE(text.find("\"iso27017:2015\",\"CLD.9.5.1\",\"Segregation in virtual computing "
                      "environments\",\"no\",\"'=HYPERLINK(\"\"x\"\") is not a reason, but says "
                      "\"\"why\"\"\",\"not assessed\""),
            std::string::npos);
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 122);

  const auto xlsx = w.out_dir() / "soa.xlsx";
  auto written = export_soa(*rows, *scope, SoaFormat::Xlsx, xlsx, "2026-11-23T10:00:00Z");
  ASSERT_TRUE(written) << written.error();
  const std::string zip = read_all(xlsx);
  EXPECT_GT(zip.size(), 1000u);
  EXPECT_EQ(zip.substr(0, 4), std::string("PK\x03\x04", 4));
  EXPECT_EQ(*written, zip.size());

  const auto oscal = w.out_dir() / "soa.json";
  ASSERT_TRUE(export_soa(*rows, *scope, SoaFormat::Oscal, oscal, "2026-11-23T10:00:00Z"));
  auto doc = nlohmann::json::parse(read_all(oscal));
  const auto& reqs =
      doc["system-security-plan"]["control-implementation"]["implemented-requirements"];
  ASSERT_EQ(reqs.size(), 121u);
  EXPECT_EQ(doc["system-security-plan"]["metadata"]["oscal-version"], "1.1.2");
  auto req = std::find_if(reqs.begin(), reqs.end(),
                          [](const nlohmann::json& r) { return r["control-id"] == "cld-9.5.1"; });
  ASSERT_NE(req, reqs.end());
  EXPECT_EQ((*req)["remarks"], edit.justification);
  EXPECT_EQ((*req)["uuid"].get<std::string>().size(), 36u);
  bool saw_applicable = false;
  for (const auto& p : (*req)["props"])
    if (p["name"] == "applicable") {
      saw_applicable = true;
      EXPECT_EQ(p["value"], "no");
      EXPECT_EQ(p["ns"], "urn:cloudcomply:oscal");
    }
  EXPECT_TRUE(saw_applicable);
  // Controls carry the catalog's OSCAL id; a label becomes a token only without one.
  EXPECT_EQ(oscal_control_id("cl-6.1.2", "clause 6.1.2"), "cl-6.1.2");
  EXPECT_EQ(oscal_control_id("", "5.1.1"), "c-5.1.1");
  EXPECT_EQ(oscal_control_id("", "AC-2(1)"), "ac-2.1");
  EXPECT_EQ(oscal_control_id("", "clause 6.1.2"), "clause-6.1.2");

  // A directory or a path in a missing directory is refused, with the reason.
  auto dir = export_soa(*rows, *scope, SoaFormat::Csv, w.out_dir(), "2026-11-23T10:00:00Z");
  ASSERT_FALSE(dir);
  EXPECT_NE(dir.error().find("is a directory"), std::string::npos);
  auto xdir = export_soa(*rows, *scope, SoaFormat::Xlsx, w.out_dir(), "2026-11-23T10:00:00Z");
  ASSERT_FALSE(xdir);
  auto missing = export_soa(*rows, *scope, SoaFormat::Xlsx, w.out_dir() / "no" / "such.xlsx",
                            "2026-11-23T10:00:00Z");
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().find("does not exist"), std::string::npos);

  // Nothing seeded: every format refuses and says how to seed, writing no file.
  for (SoaFormat f : {SoaFormat::Csv, SoaFormat::Xlsx, SoaFormat::Oscal}) {
    const auto empty_path = w.out_dir() / "empty-soa";
    auto empty = export_soa({}, *scope, f, empty_path, "2026-11-23T10:00:00Z");
    ASSERT_FALSE(empty);
    EXPECT_NE(empty.error().find("soa seed"), std::string::npos);
    EXPECT_FALSE(std::filesystem::exists(empty_path));
  }
}

TEST_P(BackendTest, SoaWithoutAScopeThereIsNothingToSeed) {
  SoaWorld w(*db_);
  ASSERT_TRUE(w.ready());
  auto other = Program::open(*db_, "globex");
  ASSERT_TRUE(other);
  auto seeded = seed_soa(*other, test_catalog(), by("alice"));
  ASSERT_FALSE(seeded);
  EXPECT_EQ(seeded.error().kind, Error::Kind::NotFound);
}

// The organisation's licensed text of a control, once imported, shows in the SoA
// exports (its own column, after the title) and under the control in the HTML report.
TEST_P(BackendTest, SoaExportsAndTheReportShowTheLicensedText) {
  SoaWorld w(*db_);
  ASSERT_TRUE(w.ready());
  ASSERT_TRUE(seed_soa(w.program(), test_catalog(), by("alice")));
  const std::string text = "Keep logs, \"all\" of them <b>;\nline two\n\nsecond paragraph";
  const std::string long_text(40000, 'x');
  const std::string csv_in =
      "Control,Control text\n12.4.1,\"Keep logs, \"\"all\"\" of them <b>;\nline two\n\n"
      "second paragraph\"\nCLD.9.5.2," +
      long_text + "\n";
  auto plan = plan_import(csv_in, "texts.csv", test_catalog(), {});
  ASSERT_TRUE(plan.ok()) << (plan.errors.empty() ? "" : plan.errors.front());
  ASSERT_TRUE(import_control_texts(w.program(), plan, by("alice")));

  auto rows = soa_rows(w.program(), test_catalog(), {});
  ASSERT_TRUE(rows);
  auto row = std::find_if(rows->begin(), rows->end(),
                          [](const SoaRow& r) { return r.control_id == "12.4.1"; });
  ASSERT_NE(row, rows->end());
  EXPECT_EQ(row->licensed_text, text);

  const auto csv = w.out_dir() / "soa.csv";
  ASSERT_TRUE(
      export_soa(*rows, scope_of({"iso27017:2015"}), SoaFormat::Csv, csv, "2026-11-23T10:00:00Z"));
  const std::string csv_text = read_all(csv);
  EXPECT_EQ(csv_text.substr(0, csv_text.find("\r\n")),
            "\"Framework\",\"Control\",\"Title\",\"Control text (licensed)\",\"Applicable\","
            "\"Justification\",\"Status\",\"Owner\",\"Evidence\",\"Rules\",\"Last assessed\"");
  EXPECT_NE(csv_text.find("\"Keep logs, \"\"all\"\" of them <b>;\nline two\n\nsecond paragraph\""),
            std::string::npos);

  // XLSX, read back: the text is whole, and a text past a cell's 32,767 characters is cut
  // and says so.
  const auto xlsx = w.out_dir() / "soa.xlsx";
  ASSERT_TRUE(export_soa(*rows, scope_of({"iso27017:2015"}), SoaFormat::Xlsx, xlsx,
                         "2026-11-23T10:00:00Z"));
  auto sheet = read_xlsx(read_all(xlsx), "soa.xlsx");
  ASSERT_TRUE(sheet);
  ASSERT_FALSE(sheet->rows.empty());
  EXPECT_EQ(sheet->rows.front().text(4), "Control text (licensed)");
  bool saw_text = false, saw_cut = false;
  for (const auto& r : sheet->rows) {
    if (r.text(2) == "12.4.1") saw_text = r.text(4) == text;
    if (r.text(2) == "CLD.9.5.2") {
      saw_cut = r.text(4).size() <= 32767 && r.text(4).starts_with("xxxx") &&
                r.text(4).ends_with("the full text is in the program store]");
    }
  }
  EXPECT_TRUE(saw_text);
  EXPECT_TRUE(saw_cut);

  // The report: escaped, with its paragraphs and line breaks.
  ReportOptions options;
  options.as_of = "2026-11-23";
  options.generated_at = "2026-11-23T10:00:00Z";
  auto data = collect_report(w.program(), test_catalog(), options);
  ASSERT_TRUE(data) << data.error().message;
  const std::string html = report_html(*data);
  EXPECT_NE(html.find("<p>Keep logs, &quot;all&quot; of them &lt;b&gt;;<br>\nline two</p><p>second "
                      "paragraph</p>"),
            std::string::npos);
  EXPECT_EQ(html.find("of them <b>"), std::string::npos);
}

}  // namespace
}  // namespace cc::program
