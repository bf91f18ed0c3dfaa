#include "app/scan.h"

#include <fmt/format.h>

#include <chrono>
#include <mutex>
#include <thread>

#include "app/discover.h"
#include "app/environment.h"
#include "app/evaluate.h"
#include "app/kubernetes_scope.h"
#include "app/load_document.h"
#include "app/parallel.h"
#include "model/kubernetes/facts.h"
#include "app/read_file.h"
#include "app/terraform_project.h"
#include "assess/rollup.h"
#include "assess/suppress.h"
#include "collect/doc/yaml_reader.h"

namespace cc::app {
namespace {

// What one worker produces for one file; merged in file order so output is stable.
struct FileOutcome {
  std::vector<Finding> findings;
  Diagnostics diagnostics;
  std::vector<Resource> resources;
  size_t raw_resources = 0;
  size_t bytes = 0;
  size_t files = 1;
  bool recognised = false;
  bool unreadable = false;
};

bool is_json_name(std::string_view p) { return p.size() >= 5 && p.substr(p.size() - 5) == ".json"; }

std::vector<assess::Suppression> load_suppressions_file(const std::filesystem::path& path,
                                                        SourceTable& sources, Diagnostics& diags,
                                                        bool& failed) {
  uint32_t id = sources.add(path.string());
  Diagnostics local;
  auto text = read_input(path, id, collect::Limits{}, local);
  std::vector<Value> docs;
  if (!text || !collect::parse_yaml(*text, id, collect::Limits{}, docs, local) || docs.empty()) {
    if (local.empty())
      local.push_back(
          Diagnostic{DiagLevel::Error, "suppress.file", "empty suppressions file", Span{id, 0, 0}});
    diags.insert(diags.end(), local.begin(), local.end());
    failed = true;
    return {};
  }
  auto out = assess::parse_suppressions(docs[0], local);
  for (const auto& d : local) failed = failed || d.level == DiagLevel::Error;
  diags.insert(diags.end(), local.begin(), local.end());
  return out;
}

}  // namespace

ScanOutcome run_scan(const ScanOptions& o) {
  auto started = std::chrono::steady_clock::now();
  ScanOutcome out;
  auto env = load_environment({o.data_dir, o.rule_dirs, o.builtin_rules});
  Diagnostics& diags = out.report.diagnostics;
  diags = env->diagnostics;
  out.report.framework = o.framework;
  out.report.rules = env->rule_infos;

  bool setup_failed = !env->ok;
  if (!env->catalog.framework(o.framework)) {
    diags.push_back(Diagnostic{
        DiagLevel::Error, "usage", fmt::format("unknown framework '{}'", o.framework), {}});
    setup_failed = true;
  }
  std::vector<std::string> only_controls;
  for (const auto& c : o.controls) {
    if (const auto* control = env->catalog.resolve(c)) {
      only_controls.push_back(control->ref);
    } else {
      diags.push_back(
          Diagnostic{DiagLevel::Error, "usage", fmt::format("unknown control '{}'", c), {}});
      setup_failed = true;
    }
  }
  std::vector<assess::Suppression> file_suppressions;
  if (!o.suppressions_file.empty())
    file_suppressions =
        load_suppressions_file(o.suppressions_file, *env->sources, diags, setup_failed);
  if (setup_failed) {
    out.setup_failed = true;
    out.sources = std::move(env->sources);
    out.report.sources = out.sources.get();
    return out;
  }

  out.report.first_input = static_cast<uint32_t>(env->sources->size());
  std::map<std::string, std::vector<std::string>> variables_files;
  DiscoverOptions discover_options;
  discover_options.variables_files = &variables_files;
  auto discovered = discover(o.paths, discover_options, diags);
  std::vector<std::string> files;
  std::vector<std::string> terraform_files;
  for (auto& f : discovered)
    (terraform::is_configuration_file_name(f) ? terraform_files : files).push_back(std::move(f));
  std::vector<uint32_t> ids;
  ids.reserve(files.size());
  for (const auto& f : files) ids.push_back(env->sources->add(f));

  const std::string today = o.today.empty() ? assess::today_utc() : o.today;
  unsigned threads = o.threads ? o.threads : std::max(1u, std::thread::hardware_concurrency());
  TerraformSettings tf_settings{o.terraform_variables, o.terraform_variable_files, o.limits, {},
                                &variables_files};
  TerraformProject terraform =
      prepare_terraform(group_module_files(terraform_files), *env->sources, tf_settings, threads);
  diags.insert(diags.end(), terraform.diagnostics.begin(), terraform.diagnostics.end());
  out.unreadable += terraform.unreadable;

  // Units of work in path order: single files, then Terraform root modules among them.
  struct Unit {
    bool terraform;
    size_t index;
    const std::string* path;
  };
  std::vector<Unit> units;
  for (size_t i = 0; i < files.size(); ++i) units.push_back({false, i, &files[i]});
  for (size_t i = 0; i < terraform.roots.size(); ++i) units.push_back({true, i, &terraform.roots[i].dir_name});
  std::stable_sort(units.begin(), units.end(), [](const Unit& a, const Unit& b) { return *a.path < *b.path; });
  threads = static_cast<unsigned>(std::min<size_t>(threads, std::max<size_t>(1, units.size())));
  const std::vector<Resource> k8s_objects = gather_kubernetes_scope(files, ids, o.limits, threads);
  const auto k8s_scope = model::kubernetes::FileFacts::gather_scope(k8s_objects);

  auto process_terraform = [&](const TerraformRoot& root, FileOutcome& fo) {
    LoadedRoot loaded = load_terraform_root(terraform, root, tf_settings, env->schemas, fo.diagnostics);
    fo.recognised = true;
    fo.bytes = root.bytes;
    fo.files = loaded.files;
    for (const auto& r : loaded.resources) {
      if (model::is_raw_kind(r.kind)) ++fo.raw_resources;
      if (o.evaluate) evaluate_resource(env->rules, r, o.only_rules, fo.findings);
    }
    if (!loaded.marks.empty() || !file_suppressions.empty())
      assess::apply_suppressions(fo.findings, loaded.resources, loaded.marks, file_suppressions,
                                 root.dir.string(), today, fo.diagnostics);
    if (o.keep_resources) fo.resources = std::move(loaded.resources);
  };

  // One file: read, parse, collect, canonicalise, evaluate, suppress.
  std::vector<FileOutcome> outcomes(units.size());
  auto process = [&](size_t u) {
    FileOutcome& fo = outcomes[u];
    if (units[u].terraform) {
      process_terraform(terraform.roots[units[u].index], fo);
      return;
    }
    const size_t i = units[u].index;
    auto text = read_input(files[i], ids[i], o.limits, fo.diagnostics);
    if (!text) {
      fo.unreadable = true;
      return;
    }
    fo.bytes = text->size();
    LoadOptions lo;
    lo.limits = o.limits;
    lo.cfn_parameters = o.cfn_parameters;
    lo.json_hint = is_json_name(files[i]);
    lo.kubernetes_scope = &k8s_scope;
    size_t diag_count = fo.diagnostics.size();
    LoadedFile loaded = load_document(*text, ids[i], lo, env->schemas, fo.diagnostics);
    if (loaded.format.empty()) {
      // A parse error means the file could not be read; a file that parsed but is
      // neither format is simply not ours (a package.json, a values file).
      for (size_t d = diag_count; d < fo.diagnostics.size(); ++d)
        if (fo.diagnostics[d].level == DiagLevel::Error) fo.unreadable = true;
      return;
    }
    fo.recognised = true;
    for (const auto& r : loaded.resources) {
      if (model::is_raw_kind(r.kind)) ++fo.raw_resources;
      if (o.evaluate) evaluate_resource(env->rules, r, o.only_rules, fo.findings);
    }
    std::vector<assess::Suppression> marks;
    if (text->find("cloudcomply:ignore") != std::string::npos)
      marks = assess::find_inline_suppressions(*text, ids[i], fo.diagnostics);
    if (!marks.empty() || !file_suppressions.empty())
      assess::apply_suppressions(fo.findings, loaded.resources, marks, file_suppressions,
                                 files[i], today, fo.diagnostics);
    if (o.keep_resources) fo.resources = std::move(loaded.resources);
  };

  auto& stats = out.report.stats;
  stats.threads = threads;
  assess::Tallies tallies;
  if (o.stream) {
    out.report.sources = env->sources.get();
    o.stream->begin(out.report);
  }
  // Outcomes are merged in file order as soon as every earlier file is done, so the
  // report is the same on any number of threads and finished files free their memory.
  auto merge = [&](FileOutcome& fo) {
    stats.files += fo.files;
    stats.bytes += fo.bytes;
    stats.resources += fo.raw_resources;
    if (fo.recognised) ++stats.documents;
    if (fo.unreadable) ++out.unreadable;
    diags.insert(diags.end(), std::make_move_iterator(fo.diagnostics.begin()),
                 std::make_move_iterator(fo.diagnostics.end()));
    for (auto& f : fo.findings) {
      assess::count(tallies, f);
      if (f.verdict == Verdict::Fail && !f.suppressed &&
          (!out.report.worst_failure || f.severity > *out.report.worst_failure))
        out.report.worst_failure = f.severity;
      if (o.stream) o.stream->add(f);
      else out.report.findings.push_back(std::move(f));
    }
    if (o.keep_resources)
      out.resources.insert(out.resources.end(), std::make_move_iterator(fo.resources.begin()),
                           std::make_move_iterator(fo.resources.end()));
    fo = FileOutcome{};
  };
  std::vector<char> done(units.size(), 0);
  size_t next_merge = 0;
  std::mutex merge_mutex;
  parallel_for(units.size(), threads, [&](size_t i) {
    process(i);
    std::lock_guard lock(merge_mutex);
    done[i] = 1;
    while (next_merge < units.size() && done[next_merge]) merge(outcomes[next_merge++]);
  });

  out.report.end_input = static_cast<uint32_t>(env->sources->size());
  assess::RollupOptions ro;
  ro.framework = o.framework;
  ro.only_controls = only_controls;
  const catalog::Catalog& cat = env->catalog;
  ro.map = [&cat](const std::string& ref, const std::string& framework) {
    std::vector<std::string> refs;
    for (const auto& m : cat.map(ref, framework)) refs.emplace_back(m.other);
    return refs;
  };
  ro.title = [&cat](const std::string& ref) {
    const auto* c = cat.find(ref);
    return c ? c->title : std::string{};
  };
  out.report.controls = assess::rollup(tallies, out.report.rules, ro);
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  out.sources = std::move(env->sources);
  out.report.sources = out.sources.get();
  if (o.stream) o.stream->end(out.report);
  return out;
}

}  // namespace cc::app
