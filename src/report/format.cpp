#include <fmt/format.h>

#include <ostream>

#include "report/scan_report.h"

namespace cc::report {

bool parse_format(std::string_view name, Format& out) {
  if (name == "text") out = Format::Text;
  else if (name == "json") out = Format::Json;
  else if (name == "sarif") out = Format::Sarif;
  else if (name == "junit") out = Format::Junit;
  else if (name == "csv") out = Format::Csv;
  else return false;
  return true;
}

std::unique_ptr<ReportStream> make_json_stream(std::ostream& out);
std::unique_ptr<ReportStream> make_sarif_stream(std::ostream& out);
std::unique_ptr<ReportStream> make_csv_stream(std::ostream& out);

namespace {

// Formats that group or sort findings keep them until the end.
class BufferedStream final : public ReportStream {
 public:
  BufferedStream(Format f, const TextOptions& o, std::ostream& out) : format_(f), options_(o), out_(out) {}
  void begin(const ScanReport&) override {}
  void add(const Finding& f) override {
    // The text report lists passing findings only when asked to.
    if (format_ == Format::Text && f.verdict == Verdict::Pass && !f.suppressed && !options_.show_passed) {
      ++passed_;
      return;
    }
    findings_.push_back(f);
  }
  void end(const ScanReport& summary) override {
    ScanReport r = summary;
    r.findings = std::move(findings_);
    r.unlisted_passes = passed_;
    if (format_ == Format::Text) write_text(r, options_, out_);
    else write_junit(r, out_);
  }

 private:
  Format format_;
  TextOptions options_;
  std::ostream& out_;
  std::vector<Finding> findings_;
  size_t passed_ = 0;
};

void replay(const ScanReport& r, ReportStream& s) {
  ScanReport head = r;
  head.findings.clear();
  s.begin(head);
  for (const auto& f : r.findings) s.add(f);
  s.end(head);
}

}  // namespace

std::unique_ptr<ReportStream> make_stream(Format f, const TextOptions& o, std::ostream& out) {
  switch (f) {
    case Format::Json: return make_json_stream(out);
    case Format::Sarif: return make_sarif_stream(out);
    case Format::Csv: return make_csv_stream(out);
    default: return std::make_unique<BufferedStream>(f, o, out);
  }
}

void write(const ScanReport& r, Format f, const TextOptions& o, std::ostream& out) {
  switch (f) {
    case Format::Text: write_text(r, o, out); break;
    case Format::Junit: write_junit(r, out); break;
    default: replay(r, *make_stream(f, o, out)); break;
  }
}

void write_json(const ScanReport& r, std::ostream& out) { replay(r, *make_json_stream(out)); }
void write_sarif(const ScanReport& r, std::ostream& out) { replay(r, *make_sarif_stream(out)); }
void write_csv(const ScanReport& r, std::ostream& out) { replay(r, *make_csv_stream(out)); }

std::string location(const SourceTable& sources, const Span& s) {
  const std::string& p = sources.path(s.file);
  if (!s.known()) return p;
  return fmt::format("{}:{}:{}", p, s.line, s.col);
}

int rule_index(const ScanReport& r, const std::string& id) {
  for (size_t i = 0; i < r.rules.size(); ++i)
    if (r.rules[i].id == id) return static_cast<int>(i);
  return -1;
}

}  // namespace cc::report
