// JUnit XML: one test suite per rule, one test case per resource it evaluated, so
// CI systems that read test reports show failing controls as failing tests.
#include <fmt/format.h>

#include <map>
#include <ostream>

#include "report/scan_report.h"
#include "report/xml_escape.h"

namespace cc::report {

std::string xml_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        // Control characters are not allowed in XML 1.0.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t' && c != '\r') out += ' ';
        else out += c;
    }
  }
  return out;
}

void write_junit(const ScanReport& r, std::ostream& out) {
  std::map<std::string, std::vector<const Finding*>> by_rule;
  for (const auto& f : r.findings) by_rule[f.rule_id].push_back(&f);
  size_t tests = 0, failures = 0, skipped = 0;
  for (const auto& f : r.findings) {
    ++tests;
    if (f.suppressed || f.verdict == Verdict::Unknown) ++skipped;
    else if (f.verdict == Verdict::Fail) ++failures;
  }
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << fmt::format("<testsuites name=\"cloudcomply\" tests=\"{}\" failures=\"{}\" skipped=\"{}\" time=\"{:.3f}\">\n",
                     tests, failures, skipped, r.stats.seconds);
  for (const auto& [rule_id, list] : by_rule) {
    int idx = rule_index(r, rule_id);
    std::string title = idx >= 0 ? r.rules[static_cast<size_t>(idx)].title : rule_id;
    size_t f_count = 0, s_count = 0;
    for (const Finding* f : list) {
      if (f->suppressed || f->verdict == Verdict::Unknown) ++s_count;
      else if (f->verdict == Verdict::Fail) ++f_count;
    }
    out << fmt::format("  <testsuite name=\"{} {}\" tests=\"{}\" failures=\"{}\" skipped=\"{}\">\n",
                       xml_escape(rule_id), xml_escape(title), list.size(), f_count, s_count);
    for (const Finding* f : list) {
      out << fmt::format("    <testcase classname=\"{}\" name=\"{}\" file=\"{}\" line=\"{}\">", xml_escape(rule_id),
                         xml_escape(f->resource_address), xml_escape(r.sources->path(f->span.file)),
                         f->span.line);
      if (f->suppressed) {
        out << fmt::format("<skipped message=\"suppressed: {}\"/>", xml_escape(f->suppression_reason));
      } else if (f->verdict == Verdict::Fail) {
        out << fmt::format("<failure type=\"{}\" message=\"{}\">{}</failure>", to_string(f->severity),
                           xml_escape(f->message), xml_escape(location(*r.sources, f->span)));
      } else if (f->verdict == Verdict::Unknown) {
        out << fmt::format("<skipped message=\"unknown: {}\"/>", xml_escape(f->message));
      }
      out << "</testcase>\n";
    }
    out << "  </testsuite>\n";
  }
  out << "</testsuites>\n";
}

}  // namespace cc::report
