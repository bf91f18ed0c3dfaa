#include "app/terraform_project.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "app/discover.h"
#include "app/parallel.h"
#include "app/read_file.h"
#include "model/canonical/canonicalize.h"

namespace cc::app {
namespace fs = std::filesystem;

namespace {

std::string key_of(const fs::path& dir) { return terraform::normal_dir(dir); }

fs::path dir_of(const fs::path& file) {
  return fs::path(terraform::normal_dir(file.parent_path()));
}

struct Parsed {
  std::shared_ptr<const terraform::Module> module;
  std::map<uint32_t, std::vector<assess::Suppression>> marks;
  size_t unreadable = 0;
  size_t bytes = 0;
  Diagnostics read_diags;
};

Parsed parse_dir(const ModuleFiles& mf, const std::vector<uint32_t>& ids, const TerraformSettings& settings) {
  Parsed out;
  std::vector<terraform::SourceFile> sources;
  Diagnostics read_diags;
  for (size_t i = 0; i < mf.files.size(); ++i) {
    auto text = read_input(mf.files[i], ids[i], settings.limits, read_diags);
    if (!text) {
      ++out.unreadable;
      continue;
    }
    out.bytes += text->size();
    if (text->find("cloudcomply:ignore") != std::string::npos) {
      auto marks = assess::find_inline_suppressions(*text, ids[i], read_diags);
      if (!marks.empty()) out.marks[ids[i]] = std::move(marks);
    }
    sources.push_back(terraform::SourceFile{mf.files[i], ids[i], std::move(*text)});
  }
  hcl::ParseLimits limits;
  limits.max_bytes = settings.limits.max_file_bytes;
  limits.max_depth = settings.limits.max_depth;
  auto module = terraform::parse_module(mf.dir, std::move(sources), limits);
  out.module = std::move(module);
  out.read_diags = std::move(read_diags);
  return out;
}

// The configuration files of a directory Terraform would read (not recursive).
ModuleFiles list_module_dir(const fs::path& dir) {
  ModuleFiles mf{dir, {}};
  std::error_code ec;
  for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec))
    if (it->is_regular_file(ec) && terraform::is_configuration_file(it->path())) mf.files.push_back(it->path());
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

}  // namespace

std::vector<ModuleFiles> group_module_files(const std::vector<fs::path>& files) {
  std::map<std::string, ModuleFiles> by_dir;
  for (const auto& f : files) {
    fs::path d = dir_of(f);
    auto& mf = by_dir[key_of(d)];
    mf.dir = d;
    mf.files.push_back(f);
  }
  std::vector<ModuleFiles> out;
  for (auto& [k, mf] : by_dir) out.push_back(std::move(mf));
  return out;
}

TerraformProject prepare_terraform(const std::vector<ModuleFiles>& modules, SourceTable& sources,
                                   const TerraformSettings& settings, unsigned threads) {
  TerraformProject project;
  auto parse_all = [&](const std::vector<ModuleFiles>& batch) {
    std::vector<std::vector<uint32_t>> ids(batch.size());
    for (size_t i = 0; i < batch.size(); ++i)
      for (const auto& f : batch[i].files) ids[i].push_back(sources.add(f.string()));
    std::vector<Parsed> parsed(batch.size());
    parallel_for(batch.size(), threads, [&](size_t i) { parsed[i] = parse_dir(batch[i], ids[i], settings); });
    for (auto& p : parsed) {
      project.diagnostics.insert(project.diagnostics.end(), p.read_diags.begin(), p.read_diags.end());
      project.diagnostics.insert(project.diagnostics.end(), p.module->diagnostics.begin(),
                                 p.module->diagnostics.end());
      project.unreadable += p.unreadable;
      for (auto& [id, m] : p.marks) project.inline_marks[id] = std::move(m);
      project.modules.by_dir[key_of(p.module->dir)] = p.module;
    }
    return parsed;
  };
  auto given = parse_all(modules);

  // A directory another scanned module calls by a local path is a module, not a root.
  std::set<std::string> called;
  for (const auto& [k, m] : project.modules.by_dir)
    for (const auto& c : m->calls) {
      terraform::ModuleDirs none;
      if (auto d = terraform::resolve_source(c, m->dir, c.name, none)) {
        if (key_of(*d) != k) called.insert(key_of(*d));
      }
    }
  std::vector<std::pair<std::string, size_t>> root_bytes;
  for (size_t i = 0; i < modules.size(); ++i) {
    std::string k = key_of(modules[i].dir);
    if (called.count(k)) continue;
    TerraformRoot root;
    root.dir = modules[i].dir;
    root.module = project.modules.by_dir[k].get();
    root.bytes = given[i].bytes;
    std::string modules_json = read_small_file(root.dir / ".terraform" / "modules" / "modules.json");
    root.module_dirs = terraform::read_installed_modules(root.dir, modules_json);
    project.roots.push_back(std::move(root));
  }

  // Load what the roots call from outside the scanned paths, until nothing is missing.
  for (auto& root : project.roots) {
    std::vector<std::pair<const terraform::Module*, std::string>> stack{{root.module, ""}};
    std::set<std::string> seen;
    while (!stack.empty()) {
      auto [m, key] = stack.back();
      stack.pop_back();
      if (!seen.insert(key_of(m->dir)).second && key.empty()) continue;
      if (std::find(root.tree.begin(), root.tree.end(), m) == root.tree.end()) root.tree.push_back(m);
      if (key.size() > 512) continue;  // a module calling itself; the evaluator reports it
      for (const auto& c : m->calls) {
        std::string ck = key.empty() ? c.name : key + "." + c.name;
        auto d = terraform::resolve_source(c, m->dir, ck, root.module_dirs);
        if (!d) continue;
        const terraform::Module* child = project.modules.find(*d);
        if (!child) {
          ModuleFiles mf = list_module_dir(*d);
          if (mf.files.empty()) continue;
          parse_all({mf});
          child = project.modules.find(*d);
        }
        if (child && std::find(root.tree.begin(), root.tree.end(), child) == root.tree.end())
          stack.emplace_back(child, ck);
      }
    }
    // Variables files: terraform.tfvars, *.auto.tfvars (name order), then --var-file.
    std::vector<fs::path> auto_files;
    std::error_code ec;
    for (auto it = fs::directory_iterator(root.dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec))
      if (terraform::is_auto_variables_file(it->path())) auto_files.push_back(it->path());
    std::sort(auto_files.begin(), auto_files.end(), [](const fs::path& a, const fs::path& b) {
      bool ta = a.filename().string().rfind("terraform.tfvars", 0) == 0;
      bool tb = b.filename().string().rfind("terraform.tfvars", 0) == 0;
      if (ta != tb) return ta;
      return a.filename() < b.filename();
    });
    auto_files.insert(auto_files.end(), settings.variable_files.begin(), settings.variable_files.end());
    for (const auto& f : auto_files) {
      uint32_t id = sources.add(f.string());
      auto text = read_input(f, id, settings.limits, project.diagnostics);
      if (text) root.variable_files.push_back(terraform::SourceFile{f, id, std::move(*text)});
    }
  }
  std::sort(project.roots.begin(), project.roots.end(),
            [](const TerraformRoot& a, const TerraformRoot& b) { return a.dir < b.dir; });
  return project;
}

LoadedRoot load_terraform_root(const TerraformProject& project, const TerraformRoot& root,
                               const TerraformSettings& settings, const model::SchemaRegistry& schemas,
                               Diagnostics& diags) {
  LoadedRoot out;
  terraform::EvalOptions eo;
  eo.variable_files = root.variable_files;
  eo.variables = settings.variables;
  eo.module_dirs = root.module_dirs;
  eo.confine_dir = settings.confine_dir.empty() ? root.dir : settings.confine_dir;
  eo.limits.max_bytes = settings.limits.max_file_bytes;
  eo.limits.max_depth = settings.limits.max_depth;
  Document doc = terraform::evaluate(*root.module, project.modules, eo, diags);
  for (const auto* m : root.tree) {
    out.files += m->files.size();
    for (const auto& f : m->files) {
      auto it = project.inline_marks.find(f.id);
      if (it != project.inline_marks.end()) out.marks.insert(out.marks.end(), it->second.begin(), it->second.end());
    }
  }
  std::vector<Resource> canonical = model::canonicalize(doc, schemas, diags);
  out.resources = std::move(doc.resources);
  out.resources.insert(out.resources.end(), std::make_move_iterator(canonical.begin()),
                       std::make_move_iterator(canonical.end()));
  return out;
}

}  // namespace cc::app
