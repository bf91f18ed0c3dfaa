// The program store under load: writes RUNS saved runs of FINDINGS findings each (as a
// CI pipeline saving every scan would), then times what people run every day against
// that history — `status`, `diff` of the two newest runs, and the HTML and OSCAL
// reports — and prints the figures.
//
//   bench_store --db URL [--runs 100] [--findings 100000] [--repeat 5]
//
// URL is a SQLite file or postgres://…; the store must be new (the program is created).
#include <fmt/format.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <random>

#include "catalog/catalog.h"
#include "core/data_dir.h"
#include "program/control_status.h"
#include "program/report_data.h"
#include "program/report_html.h"
#include "program/report_oscal.h"
#include "program/run_diff.h"
#include "program/runs.h"
#include "program/scope.h"
#include "program/soa.h"
#include "store/migrations.h"

namespace {

using namespace cc;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

long peak_rss_kb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

[[noreturn]] void die(const std::string& what) {
  fmt::print(stderr, "bench_store: {}\n", what);
  std::exit(1);
}

template <class T>
T must(Result<T, store::Error> r, const char* what) {
  if (!r) die(fmt::format("{}: {}", what, r.error().message));
  return std::move(*r);
}

// The median of `repeat` timings of `f`.
template <class F>
double median_seconds(int repeat, F&& f) {
  std::vector<double> t;
  for (int i = 0; i < repeat; ++i) {
    auto start = Clock::now();
    f();
    t.push_back(seconds_since(start));
  }
  std::sort(t.begin(), t.end());
  return t[t.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  std::string url;
  int runs = 100;
  int findings = 100000;
  int repeat = 5;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string_view k = argv[i];
    if (k == "--db")
      url = argv[i + 1];
    else if (k == "--runs")
      runs = std::atoi(argv[i + 1]);
    else if (k == "--findings")
      findings = std::atoi(argv[i + 1]);
    else if (k == "--repeat")
      repeat = std::atoi(argv[i + 1]);
    else
      die(fmt::format("unknown option {}", k));
  }
  if (url.empty() || runs < 2 || findings < 1 || repeat < 1)
    die("usage: bench_store --db URL [--runs N>=2] [--findings N] [--repeat N]");

  auto db = must(store::open_database(url), "open");
  must(store::migrate(*db), "migrate");
  auto program = must(program::Program::open(*db, "bench"), "program");
  SourceTable sources;
  Diagnostics diags;
  auto catalog =
      catalog::Catalog::load(data_dir() / "catalog", sources, diags, catalog::LoadMode::OnDemand);
  program::Scope scope;
  scope.organisation = "Bench Ltd";
  scope.role = program::Role::Both;
  scope.models = {program::ServiceModel::IaaS, program::ServiceModel::SaaS};
  scope.frameworks = {"iso27001:2022", "iso27017:2015"};
  const program::Change who{"bench", "2026-01-01T00:00:00Z"};
  must(program::save_scope(program, scope, who), "scope");
  must(program::seed_soa(program, catalog, who), "soa");

  // Findings: 235 rules over findings/4 resources in findings/40 files; each run flips
  // about 1% of verdicts, as day-to-day changes do.
  std::vector<const catalog::Control*> controls = program::controls_in_scope(catalog, scope);
  std::mt19937 rng(7);
  std::vector<program::StoredFinding> base(static_cast<size_t>(findings));
  for (int i = 0; i < findings; ++i) {
    auto& f = base[static_cast<size_t>(i)];
    f.rule_id = fmt::format("BENCH-{:03}", i % 235);
    f.resource = fmt::format("module.app[\"{}\"].aws_s3_bucket.b{}", i % 50, i / 4);
    f.kind = "aws.s3.bucket";
    f.verdict = rng() % 100 < 40 ? "fail" : (rng() % 100 < 3 ? "unknown" : "pass");
    f.severity = std::array{"low", "medium", "high", "critical"}[rng() % 4];
    f.message =
        fmt::format("Bucket b{} of module app[{}] does not meet {}", i / 4, i % 50, f.rule_id);
    f.file = fmt::format("stacks/team{}/main.tf", i / 40);
    f.line = 1 + i % 400;
    f.col = 1;
  }
  std::vector<program::RunControl> run_controls;
  for (size_t c = 0; c < controls.size(); ++c)
    run_controls.push_back(program::RunControl{
        controls[c]->ref,
        controls[c]->title,
        c % 3 ? "passing" : "failing",
        40,
        c % 3 ? 0 : 7,
        1,
        0,
        c % 3 ? "" : "high",
        {"BENCH-001", "BENCH-002"},
        c % 3 ? std::vector<std::string>{} : std::vector<std::string>{"BENCH-001"}});

  auto write_start = Clock::now();
  for (int r = 0; r < runs; ++r) {
    for (int k = 0; k < findings / 100; ++k) {
      auto& f = base[rng() % base.size()];
      f.verdict = f.verdict == "fail" ? "pass" : "fail";
    }
    program::RunSummary header;
    header.started_at = fmt::format("2026-01-{:02}T{:02}:00:00Z", 1 + r / 24 % 28, r % 24);
    header.actor = "ci";
    header.tool_version = CC_VERSION;
    program::RunWriter w(header);
    w.set_rules(std::string(64, 'b'), 235, "iso27017:2015");
    for (const auto& f : base)
      if (auto s = w.add(f); !s) die("add: " + s.error().message);
    must(w.finish(program, run_controls, {{"stacks", std::string(64, 'c'), 1}}, header.started_at),
         "finish");
    if ((r + 1) % 10 == 0)
      fmt::print(stderr, "  {} runs written, {:.0f} findings/s\n", r + 1,
                 double(findings) * (r + 1) / seconds_since(write_start));
  }
  const double write_seconds = seconds_since(write_start);

  const int64_t newest = must(program::recent_run(program, 0), "newest");
  const int64_t before = must(program::recent_run(program, 1), "before");
  size_t changes = 0, controls_shown = 0, failing_listed = 0;
  const double status_s = median_seconds(repeat, [&] {
    controls_shown =
        must(program::program_status(program, catalog, "2026-02-01"), "status").controls.size();
  });
  const double diff_s = median_seconds(repeat, [&] {
    changes = must(program::diff_runs(program, before, newest), "diff").findings.size();
  });
  size_t html_bytes = 0, oscal_bytes = 0;
  program::ReportOptions ro;
  ro.as_of = "2026-02-01";
  ro.generated_at = "2026-02-01T00:00:00Z";
  ro.tool_version = CC_VERSION;
  const double report_s = median_seconds(repeat, [&] {
    auto data = must(program::collect_report(program, catalog, ro), "report");
    failing_listed = data.findings.size();
    html_bytes = program::report_html(data).size();
  });
  const double oscal_s = median_seconds(repeat, [&] {
    auto data = must(program::collect_report(program, catalog, ro), "report");
    auto failing = must(program::failing_rules(program, newest, ro.locations_per_rule), "failing rules");
    oscal_bytes = program::report_oscal(data, failing).size();
  });
  std::string size = "-";
  if (!store::is_postgres_url(url)) {
    std::error_code ec;
    size = fmt::format("{:.0f} MB", double(std::filesystem::file_size(url, ec)) / 1e6);
  }
  fmt::print(
      "backend\truns\tfindings/run\twrite s\twrite findings/s\tstatus s\tdiff s\treport html s\treport "
      "oscal s\tstore size\tpeak RSS MB\n");
  fmt::print("{}\t{}\t{}\t{:.1f}\t{:.0f}\t{:.3f}\t{:.3f}\t{:.3f}\t{:.3f}\t{}\t{:.1f}\n",
             store::to_string(db->backend()), runs, findings, write_seconds,
             double(findings) * runs / write_seconds, status_s, diff_s, report_s, oscal_s, size,
             peak_rss_kb() / 1024.0);
  fmt::print(stderr,
             "  status: {} controls; diff: {} changed findings; report: {} findings listed, {} KB "
             "HTML, {} KB OSCAL\n",
             controls_shown, changes, failing_listed, html_bytes / 1024, oscal_bytes / 1024);
  return 0;
}
