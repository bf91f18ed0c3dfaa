#include "app/save_run.h"

#include <fcntl.h>
#include <unistd.h>

#include <set>

#include "catalog/catalog.h"
#include "core/data_dir.h"
#include "program/scope.h"
#include "store/sha256.h"

namespace cc::app {
namespace {

// The digest and size of a file, read in blocks; empty digest when it cannot be read.
program::RunInput hash_file(const std::string& path) {
  program::RunInput in{path, "", 0};
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return in;
  store::Sha256 h;
  std::string buf(1 << 16, '\0');
  for (;;) {
    ssize_t n = ::read(fd, buf.data(), buf.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    h.update(std::string_view(buf.data(), static_cast<size_t>(n)));
    in.bytes += static_cast<uint64_t>(n);
  }
  ::close(fd);
  in.sha256 = h.hex();
  return in;
}

program::RunControl run_control(const assess::ControlResult& c, const assess::Tallies& tallies) {
  std::vector<std::string> failing;
  for (const auto& r : c.rules)
    if (auto it = tallies.find(r); it != tallies.end() && it->second.fail > 0) failing.push_back(r);
  return program::RunControl{c.ref,
                             c.title,
                             assess::to_string(c.status),
                             static_cast<int64_t>(c.pass),
                             static_cast<int64_t>(c.fail),
                             static_cast<int64_t>(c.unknown),
                             static_cast<int64_t>(c.suppressed),
                             c.fail ? to_string(c.worst) : "",
                             c.rules,
                             failing};
}

}  // namespace

std::string rules_digest(const std::vector<assess::RuleInfo>& rules) {
  std::set<std::string> packs;
  for (const auto& r : rules) packs.insert(r.source);
  store::Sha256 h;
  for (const auto& p : packs) {
    program::RunInput in = hash_file(p);
    h.update(p);
    h.update(std::string_view("\n", 1));
    h.update(in.sha256);
    h.update(std::string_view("\n", 1));
  }
  return h.hex();
}

SavingStream::SavingStream(report::ReportStream& inner, std::string label, program::Change started)
    : inner_(inner), writer_([&] {
        program::RunSummary header;
        header.started_at = started.at;
        header.actor = started.actor;
        header.tool_version = CC_VERSION;
        header.label = std::move(label);
        return header;
      }()) {}

void SavingStream::begin(const report::ScanReport& head) {
  sources_ = head.sources;
  writer_.set_rules(rules_digest(head.rules), static_cast<int64_t>(head.rules.size()),
                    head.framework);
  inner_.begin(head);
}

void SavingStream::add(const Finding& f) {
  program::StoredFinding s;
  s.rule_id = f.rule_id;
  s.resource = f.resource_address;
  s.kind = f.resource_kind;
  s.verdict = to_string(f.verdict);
  s.severity = to_string(f.severity);
  s.message = f.message;
  s.file = sources_ ? sources_->path(f.span.file) : std::string();
  s.line = f.span.line;
  s.col = f.span.col;
  s.suppressed = f.suppressed;
  assess::count(tallies_, f);
  (void)writer_.add(std::move(s));  // an error is kept and reported by save()
  inner_.add(f);
}

void SavingStream::end(const report::ScanReport& summary) {
  for (const auto& c : summary.controls) controls_.push_back(run_control(c, tallies_));
  inner_.end(summary);
}

Result<int64_t, store::Error> SavingStream::save(const program::Program& program,
                                                 const report::ScanReport& report,
                                                 const std::string& finished_at) {
  // The roll-up for the other frameworks the program answers to, so its status covers
  // every control in scope.
  if (auto scope = program::load_scope(program); scope && scope->has_value()) {
    SourceTable sources;
    Diagnostics ignored;
    auto catalog = catalog::Catalog::load(data_dir() / "catalog", sources, ignored, catalog::LoadMode::OnDemand);
    for (const auto& framework : (*scope)->frameworks) {
      if (framework == report.framework) continue;
      assess::RollupOptions ro;
      ro.framework = framework;
      ro.map = [&catalog](const std::string& ref, const std::string& fw) {
        std::vector<std::string> refs;
        for (const auto& m : catalog.map(ref, fw)) refs.emplace_back(m.other);
        return refs;
      };
      ro.title = [&catalog](const std::string& ref) {
        const auto* c = catalog.find(ref);
        return c ? c->title : std::string{};
      };
      for (const auto& c : assess::rollup(tallies_, report.rules, ro)) controls_.push_back(run_control(c, tallies_));
    }
  }
  std::vector<program::RunInput> inputs;
  if (report.sources)
    for (uint32_t id = report.first_input; id < report.end_input; ++id)
      inputs.push_back(hash_file(report.sources->path(id)));
  return writer_.finish(program, controls_, inputs, finished_at);
}

}  // namespace cc::app
