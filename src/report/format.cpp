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

void write(const ScanReport& r, Format f, const TextOptions& o, std::ostream& out) {
  switch (f) {
    case Format::Text: write_text(r, o, out); break;
    case Format::Json: write_json(r, out); break;
    case Format::Sarif: write_sarif(r, out); break;
    case Format::Junit: write_junit(r, out); break;
    case Format::Csv: write_csv(r, out); break;
  }
}

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
