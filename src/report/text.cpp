// The terminal report: a control table, then what to fix, worst first.
#include <fmt/format.h>

#include <algorithm>
#include <ostream>

#include "report/scan_report.h"

namespace cc::report {
namespace {

const char* paint(bool color, const char* code) { return color ? code : ""; }

const char* status_color(assess::ControlStatus s) {
  switch (s) {
    case assess::ControlStatus::Failing: return "\033[31m";
    case assess::ControlStatus::Unknown: return "\033[33m";
    case assess::ControlStatus::Passing: return "\033[32m";
    case assess::ControlStatus::NotAssessed: return "\033[90m";
  }
  return "";
}

std::string upper(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

std::string clip(const std::string& s, size_t n) {
  return s.size() <= n ? s : s.substr(0, n - 1) + "…";
}

}  // namespace

void write_text(const ScanReport& r, const TextOptions& o, std::ostream& out) {
  const char* reset = paint(o.color, "\033[0m");
  const char* bold = paint(o.color, "\033[1m");
  out << fmt::format("{}cloudcomply scan{} — {} files, {} resources, {} rules, framework {}\n\n", bold,
                     reset, r.stats.files, r.stats.resources, r.rules.size(), r.framework);

  out << fmt::format("{}{:<30} {:<13} {:>5} {:>5} {:>7} {:>10}  {}{}\n", bold, "CONTROL", "STATUS",
                     "FAIL", "PASS", "UNKNOWN", "SUPPRESSED", "TITLE", reset);
  for (const auto& c : r.controls) {
    out << fmt::format("{:<30} {}{:<13}{} {:>5} {:>5} {:>7} {:>10}  {}\n", c.ref,
                       paint(o.color, status_color(c.status)), assess::to_string(c.status), reset,
                       c.fail, c.pass, c.unknown, c.suppressed, clip(c.title, 60));
  }

  std::vector<const Finding*> shown;
  for (const auto& f : r.findings) {
    if (f.verdict == Verdict::Fail || f.verdict == Verdict::Unknown || f.suppressed ||
        o.show_passed)
      shown.push_back(&f);
  }
  std::stable_sort(shown.begin(), shown.end(), [](const Finding* a, const Finding* b) {
    auto rank = [](const Finding* f) {
      return f->suppressed ? 3 : f->verdict == Verdict::Fail ? 0 : f->verdict == Verdict::Unknown ? 1 : 2;
    };
    if (rank(a) != rank(b)) return rank(a) < rank(b);
    return a->severity > b->severity;
  });
  if (!shown.empty()) out << fmt::format("\n{}FINDINGS{}\n", bold, reset);
  for (const Finding* f : shown) {
    std::string label = f->suppressed ? "SUPPRESSED" : upper(to_string(f->verdict));
    const char* col = f->suppressed ? "\033[90m"
                      : f->verdict == Verdict::Fail ? "\033[31m"
                      : f->verdict == Verdict::Unknown ? "\033[33m" : "\033[32m";
    out << fmt::format("{}{:<10}{} {:<8} {:<14} {}\n", paint(o.color, col), label, reset,
                       to_string(f->severity), f->rule_id, f->message);
    out << fmt::format("           {} ({})\n", location(*r.sources, f->span), f->resource_address);
    if (f->suppressed) out << fmt::format("           reason: {}\n", f->suppression_reason);
  }

  if (!r.diagnostics.empty()) {
    out << fmt::format("\n{}INPUT PROBLEMS{}\n", bold, reset);
    for (const auto& d : r.diagnostics) {
      out << fmt::format("{}: {}: {} [{}]\n", location(*r.sources, d.span), to_string(d.level),
                         d.message, d.code);
    }
  }

  size_t fail = 0, unknown = 0, pass = r.unlisted_passes, suppressed = 0;
  for (const auto& f : r.findings) {
    if (f.suppressed) ++suppressed;
    else if (f.verdict == Verdict::Fail) ++fail;
    else if (f.verdict == Verdict::Unknown) ++unknown;
    else ++pass;
  }
  out << fmt::format("\n{} failed, {} unknown, {} passed, {} suppressed — {:.2f}s on {} thread{}\n",
                     fail, unknown, pass, suppressed, r.stats.seconds, r.stats.threads,
                     r.stats.threads == 1 ? "" : "s");
}

}  // namespace cc::report
