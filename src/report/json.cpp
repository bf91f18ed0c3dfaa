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
bool needs_escape(char c) { return c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20; }

void append_string(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  // Runs of plain characters are appended whole: most text needs no escape at all.
  size_t run = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (!needs_escape(c)) continue;
    out.append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        out += "\\u00";
        out += kHex[(c >> 4) & 0xf];
        out += kHex[c & 0xf];
    }
  }
  out.append(s.data() + run, s.size() - run);
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

namespace {

// {"tool", "framework", "rules", "findings": [...streamed...], "stats", "controls",
// "diagnostics"}: everything known before the first finding comes first.
class JsonStream final : public ReportStream {
 public:
  explicit JsonStream(std::ostream& out) : out_(out) {}

  void begin(const ScanReport& head) override {
    sources_ = head.sources;
    J root;
    root["tool"] = {{"name", "cloudcomply"}, {"version", CC_VERSION}};
    root["framework"] = head.framework;
    J rules = J::array();
    for (const auto& rule : head.rules) {
      rules.push_back({{"id", rule.id},
                       {"title", rule.title},
                       {"kind", rule.kind},
                       {"severity", to_string(rule.severity)},
                       {"controls", rule.controls}});
    }
    root["rules"] = std::move(rules);
    std::string text = root.dump(2);
    text.resize(text.rfind('}'));  // keep the object open
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    out_ << text << ",\n  \"findings\": [";
  }

  void add(const Finding& f) override {
    line_.assign(first_ ? "\n    " : ",\n    ");
    append_finding(line_, f, *sources_);
    out_ << line_;
    first_ = false;
  }

  void end(const ScanReport& r) override {
    out_ << (first_ ? "]" : "\n  ]");
    J tail;
    tail["stats"] = {{"files", r.stats.files},         {"documents", r.stats.documents},
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
    tail["controls"] = std::move(controls);
    J diags = J::array();
    for (const auto& d : r.diagnostics) {
      diags.push_back({{"level", to_string(d.level)},
                       {"code", d.code},
                       {"message", d.message},
                       {"location", span_json(*r.sources, d.span)}});
    }
    tail["diagnostics"] = std::move(diags);
    std::string text = tail.dump(2);  // "{\n  \"stats\": ...}"
    out_ << ",\n" << text.substr(text.find('\n') + 1) << "\n";
  }

 private:
  using J = nlohmann::ordered_json;
  std::ostream& out_;
  const SourceTable* sources_ = nullptr;
  std::string line_;
  bool first_ = true;
};

}  // namespace

std::unique_ptr<ReportStream> make_json_stream(std::ostream& out) {
  return std::make_unique<JsonStream>(out);
}

}  // namespace cc::report
