#pragma once
// Everything a scan produced, in the shape every output format reads.
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "assess/rollup.h"
#include "assess/rule_info.h"
#include "core/diagnostic.h"
#include "core/finding.h"
#include "core/span.h"

namespace cc::report {

struct ScanStats {
  size_t files = 0;       // files read
  size_t documents = 0;   // files recognised as CloudFormation or Kubernetes
  size_t resources = 0;   // canonical and raw resources evaluated
  size_t bytes = 0;
  double seconds = 0;
  unsigned threads = 1;
};

struct ScanReport {
  const SourceTable* sources = nullptr;
  // Ids [first_input, end_input) in `sources` are the scan's inputs (files, variable
  // files and modules it read); the others are its rules and catalog.
  uint32_t first_input = 0;
  uint32_t end_input = 0;
  std::vector<Finding> findings;
  Diagnostics diagnostics;
  std::vector<assess::RuleInfo> rules;
  std::vector<assess::ControlResult> controls;
  std::string framework;
  ScanStats stats;
  // Worst severity among unsuppressed failing findings (decides --fail-on), kept even
  // when findings were streamed out rather than kept.
  std::optional<Severity> worst_failure;
  // Passing findings the text report counts in its totals but does not list.
  size_t unlisted_passes = 0;
};

struct TextOptions {
  bool color = false;
  bool show_passed = false;
};

enum class Format : uint8_t { Text, Json, Sarif, Junit, Csv };

// A report written while the scan runs, so a scan of many files never holds every
// finding in memory: begin() with the rules and framework (findings, controls and stats
// still empty), add() for each finding in file order, end() with the finished summary
// (controls, stats, diagnostics; findings empty). JSON, SARIF and CSV stream; the text
// and JUnit reports group findings and keep them until end().
class ReportStream {
 public:
  virtual ~ReportStream() = default;
  virtual void begin(const ScanReport& head) = 0;
  virtual void add(const Finding& f) = 0;
  virtual void end(const ScanReport& summary) = 0;
};
std::unique_ptr<ReportStream> make_stream(Format f, const TextOptions& o, std::ostream& out);
bool parse_format(std::string_view name, Format& out);

void write_text(const ScanReport& r, const TextOptions& o, std::ostream& out);
void write_json(const ScanReport& r, std::ostream& out);
void write_sarif(const ScanReport& r, std::ostream& out);
void write_junit(const ScanReport& r, std::ostream& out);
void write_csv(const ScanReport& r, std::ostream& out);
void write(const ScanReport& r, Format f, const TextOptions& o, std::ostream& out);

// "path:line:col" of a span, or the path alone when the position is unknown.
std::string location(const SourceTable& sources, const Span& s);
// The index of a rule in r.rules, or -1.
int rule_index(const ScanReport& r, const std::string& id);

}  // namespace cc::report
