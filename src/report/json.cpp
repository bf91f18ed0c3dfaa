#include <nlohmann/json.hpp>

#include <ostream>

#include "report/scan_report.h"

namespace cc::report {
namespace {

nlohmann::ordered_json span_json(const SourceTable& sources, const Span& s) {
  nlohmann::ordered_json j;
  j["file"] = sources.path(s.file);
  if (s.known()) {
    j["line"] = s.line;
    j["column"] = s.col;
  }
  return j;
}

// Findings are the bulk of a large report; they are written directly rather than
// through a JSON tree (RFC 8259 string escaping).
void append_string(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += "\\u00";
          out += kHex[(c >> 4) & 0xf];
          out += kHex[c & 0xf];
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

void append_finding(std::string& out, const Finding& f, const SourceTable& sources) {
  out += "{\"rule\":";
  append_string(out, f.rule_id);
  out += ",\"verdict\":\"";
  out += to_string(f.verdict);
  out += "\",\"severity\":\"";
  out += to_string(f.severity);
  out += "\",\"resource\":";
  append_string(out, f.resource_address);
  out += ",\"kind\":";
  append_string(out, f.resource_kind);
  out += ",\"message\":";
  append_string(out, f.message);
  out += ",\"location\":{\"file\":";
  append_string(out, sources.path(f.span.file));
  if (f.span.known()) {
    out += ",\"line\":" + std::to_string(f.span.line);
    out += ",\"column\":" + std::to_string(f.span.col);
  }
  out += '}';
  if (f.suppressed) {
    out += ",\"suppressed\":{\"reason\":";
    append_string(out, f.suppression_reason);
    out += '}';
  }
  out += '}';
}

}  // namespace

void write_json(const ScanReport& r, std::ostream& out) {
  using J = nlohmann::ordered_json;
  J root;
  root["tool"] = {{"name", "cloudcomply"}, {"version", "0.1.0"}};
  root["framework"] = r.framework;
  root["stats"] = {{"files", r.stats.files},         {"documents", r.stats.documents},
                   {"resources", r.stats.resources}, {"bytes", r.stats.bytes},
                   {"seconds", r.stats.seconds},     {"threads", r.stats.threads}};
  J controls = J::array();
  for (const auto& c : r.controls) {
    controls.push_back({{"control", c.ref},
                        {"title", c.title},
                        {"status", assess::to_string(c.status)},
                        {"fail", c.fail},
                        {"pass", c.pass},
                        {"unknown", c.unknown},
                        {"suppressed", c.suppressed},
                        {"worst_severity", c.fail ? J(to_string(c.worst)) : J(nullptr)},
                        {"rules", c.rules}});
  }
  root["controls"] = std::move(controls);
  J rules = J::array();
  for (const auto& rule : r.rules) {
    rules.push_back({{"id", rule.id},
                     {"title", rule.title},
                     {"kind", rule.kind},
                     {"severity", to_string(rule.severity)},
                     {"controls", rule.controls}});
  }
  root["rules"] = std::move(rules);
  J diags = J::array();
  for (const auto& d : r.diagnostics) {
    diags.push_back({{"level", to_string(d.level)},
                     {"code", d.code},
                     {"message", d.message},
                     {"location", span_json(*r.sources, d.span)}});
  }
  root["diagnostics"] = std::move(diags);
  // Findings are written one per line as they are converted: a large scan has
  // hundreds of thousands, and building them all as one JSON tree first would cost
  // more memory than the scan itself.
  root["findings"] = J::array();
  std::string head = root.dump(2);
  const std::string marker = "\"findings\": []";
  size_t at = head.rfind(marker);
  out << head.substr(0, at) << "\"findings\": [";
  bool first = true;
  std::string line;
  for (const auto& f : r.findings) {
    line.assign(first ? "\n    " : ",\n    ");
    append_finding(line, f, *r.sources);
    out << line;
    first = false;
  }
  out << (first ? "]" : "\n  ]") << head.substr(at + marker.size()) << "\n";
}

}  // namespace cc::report
