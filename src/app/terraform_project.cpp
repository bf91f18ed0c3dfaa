#include "app/terraform_project.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "app/parallel.h"
#include "app/read_file.h"
#include "model/canonical/canonicalize.h"

namespace cc::app {
namespace fs = std::filesystem;

namespace {

std::string key_of(const fs::path& dir) { return terraform::normal_dir(dir); }

hcl::ParseLimits parse_limits(const collect::Limits& limits) {
  hcl::ParseLimits out;
  out.max_bytes = limits.max_file_bytes;
  out.max_depth = limits.max_depth;
  return out;
}

bool is_json(std::string_view p) { return p.size() >= 5 && p.substr(p.size() - 5) == ".json"; }

struct Outlined {
  std::unique_ptr<ModuleOutline> outline;
  std::map<uint32_t, std::vector<assess::Suppression>> marks;
  Diagnostics diags;
  size_t unreadable = 0;
};

// Texts read here are kept for parsing while the settings' budget lasts; past it, each
// file is read again when its root is loaded.
Outlined outline_dir(const ModuleFiles& mf, const std::vector<uint32_t>& ids,
                     const TerraformSettings& settings, std::atomic<size_t>& budget) {
  Outlined out;
  out.outline = std::make_unique<ModuleOutline>();
  ModuleOutline& o = *out.outline;
  o.dir = fs::path(key_of(mf.dir));
  const hcl::ParseLimits limits = parse_limits(settings.limits);
  DirectoryReader reader;
  for (size_t i = 0; i < mf.files.size(); ++i) {
    auto text = reader.read(mf.files[i], ids[i], settings.limits, out.diags);
    if (!text) {
      ++out.unreadable;
      continue;
    }
    o.files.push_back(mf.files[i]);
    o.ids.push_back(ids[i]);
    o.bytes += text->size();
    if (text->find("cloudcomply:ignore") != std::string::npos) {
      auto marks = assess::find_inline_suppressions(*text, ids[i], out.diags);
      if (!marks.empty()) out.marks[ids[i]] = std::move(marks);
    }
    auto calls = terraform::outline_module_calls(*text, ids[i], is_json(mf.files[i]), limits);
    o.calls.insert(o.calls.end(), std::make_move_iterator(calls.begin()),
                   std::make_move_iterator(calls.end()));
    o.texts.push_back(std::move(*text));
  }
  // A directory's texts are kept whole or not at all.
  size_t left = budget.load(std::memory_order_relaxed);
  while (left >= o.bytes && !budget.compare_exchange_weak(left, left - o.bytes)) {
  }
  if (left < o.bytes) o.texts = {};
  return out;
}

// The texts of `o`'s files for one root: the kept ones, or read again.
std::vector<terraform::SourceFile> module_texts(const ModuleOutline& o,
                                                const collect::Limits& limits) {
  std::vector<terraform::SourceFile> files;
  files.reserve(o.files.size());
  if (!o.texts.empty()) {
    // The only root that parses `o` takes the texts; with several, each copies them and
    // the last to finish frees them (no other root reads them after it counts itself out).
    const bool only = o.users.load(std::memory_order_acquire) == 1;
    for (size_t f = 0; f < o.files.size(); ++f)
      files.push_back(
          terraform::SourceFile{o.files[f], o.ids[f], only ? std::move(o.texts[f]) : o.texts[f]});
    if (o.users.fetch_sub(1, std::memory_order_acq_rel) == 1) o.texts = {};
    return files;
  }
  DirectoryReader reader;
  Diagnostics reread;  // reading problems were reported when the scan outlined the module
  for (size_t f = 0; f < o.files.size(); ++f) {
    auto text = reader.read(o.files[f], o.ids[f], limits, reread);
    if (text) files.push_back(terraform::SourceFile{o.files[f], o.ids[f], std::move(*text)});
  }
  return files;
}

// The configuration files of a directory Terraform would read (not recursive).
ModuleFiles list_module_dir(const fs::path& dir) {
  ModuleFiles mf{dir, {}};
  std::error_code ec;
  for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator();
       it.increment(ec))
    if (it->is_regular_file(ec) && terraform::is_configuration_file(it->path()))
      mf.files.push_back(it->path().string());
  std::sort(mf.files.begin(), mf.files.end());
  return mf;
}

std::string read_small_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return {};
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<fs::path> variables_files(const fs::path& dir, const TerraformSettings& settings) {
  // terraform.tfvars[.json] first, then *.auto.tfvars[.json] in name order, then --var-file.
  std::vector<fs::path> files;
  const auto* known = settings.known_variables_files;
  const std::string key = key_of(dir);
  if (known && known->count(key)) {
    const auto& listed = known->at(key);
    files.assign(listed.begin(), listed.end());
  } else {
    std::error_code ec;
    for (auto it2 = fs::directory_iterator(dir, ec); !ec && it2 != fs::directory_iterator();
         it2.increment(ec))
      if (terraform::is_auto_variables_file(it2->path())) files.push_back(it2->path());
  }
  std::sort(files.begin(), files.end(), [](const fs::path& a, const fs::path& b) {
    bool ta = a.filename().string().rfind("terraform.tfvars", 0) == 0;
    bool tb = b.filename().string().rfind("terraform.tfvars", 0) == 0;
    if (ta != tb) return ta;
    return a.filename() < b.filename();
  });
  files.insert(files.end(), settings.variable_files.begin(), settings.variable_files.end());
  return files;
}

}  // namespace

std::vector<ModuleFiles> group_module_files(const std::vector<std::string>& files) {
  std::map<std::string, ModuleFiles> by_dir;
  for (const auto& f : files) {
    // The parent directory by text: a std::filesystem::path per file showed in profiles.
    const size_t slash = f.rfind('/');
    std::string k = terraform::normal_dir(slash == std::string::npos ? std::string()
                                          : slash == 0               ? std::string("/")
                                                                     : f.substr(0, slash));
    auto& mf = by_dir[k];
    mf.dir = k;
    mf.files.push_back(f);
  }
  std::vector<ModuleFiles> out;
  for (auto& [k, mf] : by_dir) out.push_back(std::move(mf));
  return out;
}

TerraformProject prepare_terraform(const std::vector<ModuleFiles>& modules, SourceTable& sources,
                                   const TerraformSettings& settings, unsigned threads) {
  TerraformProject project;
  std::atomic<size_t> budget{settings.kept_text_bytes};
  auto outline_all = [&](const std::vector<ModuleFiles>& batch) {
    std::vector<std::vector<uint32_t>> ids(batch.size());
    for (size_t i = 0; i < batch.size(); ++i)
      for (const auto& f : batch[i].files) ids[i].push_back(sources.add(f));
    std::vector<Outlined> done(batch.size());
    parallel_for(batch.size(), threads,
                 [&](size_t i) { done[i] = outline_dir(batch[i], ids[i], settings, budget); });
    for (auto& d : done) {
      project.diagnostics.insert(project.diagnostics.end(), d.diags.begin(), d.diags.end());
      project.unreadable += d.unreadable;
      for (auto& [id, m] : d.marks) project.inline_marks[id] = std::move(m);
      std::string k = key_of(d.outline->dir);
      project.outlines[k] = std::move(d.outline);
    }
  };
  outline_all(modules);

  // A directory another scanned module calls by a local path is a module, not a root.
  std::set<std::string> called;
  for (const auto& [k, m] : project.outlines)
    for (const auto& c : m->calls) {
      terraform::ModuleDirs none;
      if (auto d = terraform::resolve_source(c, m->dir, c.name, none); d && key_of(*d) != k)
        called.insert(key_of(*d));
    }
  for (const auto& mf : modules) {
    std::string k = key_of(mf.dir);
    if (called.count(k)) continue;
    TerraformRoot root;
    root.dir = fs::path(k);
    root.dir_name = k;
    root.module_dirs = terraform::read_installed_modules(
        root.dir, read_small_file(root.dir / ".terraform" / "modules" / "modules.json"));
    project.roots.push_back(std::move(root));
  }
  std::sort(project.roots.begin(), project.roots.end(),
            [](const TerraformRoot& a, const TerraformRoot& b) { return a.dir < b.dir; });

  // Each root's tree: what it calls, outlined from outside the scanned paths when needed.
  std::set<const ModuleOutline*> reported;
  for (auto& root : project.roots) {
    std::vector<std::pair<const ModuleOutline*, std::string>> stack{
        {project.outlines[key_of(root.dir)].get(), ""}};
    while (!stack.empty()) {
      auto [m, key] = stack.back();
      stack.pop_back();
      if (std::find(root.tree.begin(), root.tree.end(), m) != root.tree.end()) continue;
      root.tree.push_back(m);
      m->users.fetch_add(1, std::memory_order_relaxed);
      root.report.push_back(reported.insert(m).second);
      if (root.report.back()) root.bytes += m->bytes;
      for (const auto& c : m->calls) {
        std::string ck = key.empty() ? c.name : key + "." + c.name;
        auto d = terraform::resolve_source(c, m->dir, ck, root.module_dirs);
        if (!d) continue;
        auto it = project.outlines.find(key_of(*d));
        if (it == project.outlines.end()) {
          ModuleFiles mf = list_module_dir(*d);
          if (mf.files.empty()) continue;
          outline_all({mf});
          it = project.outlines.find(key_of(*d));
        }
        stack.emplace_back(it->second.get(), ck);
      }
    }
    for (const auto& f : variables_files(root.dir, settings)) {
      uint32_t id = sources.add(f.string());
      auto text = read_input(f, id, settings.limits, project.diagnostics);
      if (text) root.variable_files.push_back(terraform::SourceFile{f, id, std::move(*text)});
    }
  }
  // Texts that no root will parse go now.
  for (auto& [k, o] : project.outlines)
    if (o->users.load(std::memory_order_relaxed) == 0) o->texts = {};
  return project;
}

LoadedRoot load_terraform_root(const TerraformProject& project, const TerraformRoot& root,
                               const TerraformSettings& settings,
                               const model::SchemaRegistry& schemas, Diagnostics& diags) {
  LoadedRoot out;
  const hcl::ParseLimits limits = parse_limits(settings.limits);
  terraform::ModuleSet modules;
  for (size_t i = 0; i < root.tree.size(); ++i) {
    const ModuleOutline& o = *root.tree[i];
    std::vector<terraform::SourceFile> files = module_texts(o, settings.limits);
    for (size_t f = 0; f < o.files.size(); ++f) {
      auto it = project.inline_marks.find(o.ids[f]);
      if (it != project.inline_marks.end())
        out.marks.insert(out.marks.end(), it->second.begin(), it->second.end());
    }
    out.files += o.files.size();
    auto parsed = terraform::parse_module(o.dir, std::move(files), limits);
    if (root.report[i])
      diags.insert(diags.end(), parsed->diagnostics.begin(), parsed->diagnostics.end());
    modules.by_dir[key_of(o.dir)] = std::move(parsed);
  }
  terraform::EvalOptions eo;
  eo.variable_files = root.variable_files;
  eo.variables = settings.variables;
  eo.module_dirs = root.module_dirs;
  eo.confine_dir = settings.confine_dir.empty() ? root.dir : settings.confine_dir;
  eo.limits = limits;
  Document doc = terraform::evaluate(*modules.find(root.dir), modules, eo, diags);
  std::vector<Resource> canonical = model::canonicalize(doc, schemas, diags);
  out.resources = std::move(doc.resources);
  out.resources.insert(out.resources.end(), std::make_move_iterator(canonical.begin()),
                       std::make_move_iterator(canonical.end()));
  return out;
}

}  // namespace cc::app
