// CSV (RFC 4180): one row per finding, for spreadsheets and ticket imports.
#include <map>
#include <ostream>

#include "report/scan_report.h"

namespace cc::report {
namespace {

std::string field(std::string_view s) {
  // Cells starting with these are formulas in spreadsheet programs; a leading
  // apostrophe keeps user-controlled text inert.
  bool formula = !s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@');
  std::string out = "\"";
  if (formula) out += '\'';
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}


class CsvStream final : public ReportStream {
 public:
  explicit CsvStream(std::ostream& out) : out_(out) {}

  void begin(const ScanReport& r) override {
    sources_ = r.sources;
    for (const auto& rule : r.rules) {
      std::string joined;
      for (const auto& c : rule.controls) joined += (joined.empty() ? "" : " ") + c;
      controls_[rule.id] = field(joined);
    }
    out_ << "rule,severity,verdict,suppressed,suppression_reason,resource,kind,file,line,column,"
            "message,controls\n";
  }

  void add(const Finding& f) override {
    auto it = controls_.find(f.rule_id);
    out_ << field(f.rule_id) << ',' << to_string(f.severity) << ',' << to_string(f.verdict) << ','
         << (f.suppressed ? "true" : "false") << ',' << field(f.suppression_reason) << ','
         << field(f.resource_address) << ',' << field(f.resource_kind) << ','
         << field(sources_->path(f.span.file)) << ',' << f.span.line << ',' << f.span.col << ','
         << field(f.message) << ',' << (it == controls_.end() ? "\"\"" : it->second) << '\n';
  }

  void end(const ScanReport&) override {}

 private:
  std::ostream& out_;
  const SourceTable* sources_ = nullptr;
  std::map<std::string, std::string, std::less<>> controls_;  // rule id -> quoted cell
};

}  // namespace

std::unique_ptr<ReportStream> make_csv_stream(std::ostream& out) {
  return std::make_unique<CsvStream>(out);
}

}  // namespace cc::report
