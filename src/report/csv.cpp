// CSV (RFC 4180): one row per finding, for spreadsheets and ticket imports.
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

}  // namespace

void write_csv(const ScanReport& r, std::ostream& out) {
  out << "rule,severity,verdict,suppressed,suppression_reason,resource,kind,file,line,column,message,controls\n";
  for (const auto& f : r.findings) {
    std::string controls;
    if (int idx = rule_index(r, f.rule_id); idx >= 0) {
      for (const auto& c : r.rules[static_cast<size_t>(idx)].controls) {
        if (!controls.empty()) controls += ' ';
        controls += c;
      }
    }
    out << field(f.rule_id) << ',' << to_string(f.severity) << ',' << to_string(f.verdict) << ','
        << (f.suppressed ? "true" : "false") << ',' << field(f.suppression_reason) << ','
        << field(f.resource_address) << ',' << field(f.resource_kind) << ','
        << field(r.sources->path(f.span.file)) << ',' << f.span.line << ',' << f.span.col << ','
        << field(f.message) << ',' << field(controls) << '\n';
  }
}

}  // namespace cc::report
