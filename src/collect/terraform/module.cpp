// Parsing a module directory: files in name order, override files merged, module
// calls listed so a scan can find the directories it needs before evaluating.
#include <algorithm>

#include "collect/terraform/internal.h"
#include "collect/terraform/terraform.h"

namespace cc::terraform {
namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string_view stem_of_config(std::string_view name) {
  if (ends_with(name, ".tf.json")) return name.substr(0, name.size() - 8);
  if (ends_with(name, ".tf")) return name.substr(0, name.size() - 3);
  return name;
}

bool is_override_file(const std::filesystem::path& p) {
  std::string name = p.filename().string();
  std::string_view stem = stem_of_config(name);
  return stem == "override" || ends_with(stem, "_override");
}

bool same_block(const hcl::Block& a, const hcl::Block& b) {
  if (a.type != b.type || a.labels.size() != b.labels.size()) return false;
  for (size_t i = 0; i < a.labels.size(); ++i)
    if (a.labels[i].value != b.labels[i].value) return false;
  return true;
}

// Terraform's override rule: each attribute of the override replaces the original's;
// nested blocks of a type the override names replace all original blocks of that type.
void merge_override(hcl::Body& target, hcl::Body&& over) {
  for (auto& a : over.attributes) {
    auto it = std::find_if(target.attributes.begin(), target.attributes.end(),
                           [&](const hcl::Attribute& t) { return t.name == a.name; });
    if (it != target.attributes.end())
      *it = std::move(a);
    else
      target.attributes.push_back(std::move(a));
  }
  std::vector<std::string> replaced;
  for (const auto& b : over.blocks)
    if (std::find(replaced.begin(), replaced.end(), b.type) == replaced.end())
      replaced.push_back(b.type);
  std::erase_if(target.blocks, [&](const hcl::Block& b) {
    return std::find(replaced.begin(), replaced.end(), b.type) != replaced.end();
  });
  for (auto& b : over.blocks) target.blocks.push_back(std::move(b));
}

void list_calls(Module& m) {
  for (const auto& f : m.files)
    for (const auto& b : f.body.blocks) {
      if (b.type != "module" || b.labels.size() != 1) continue;
      ModuleCall call{b.labels[0].value, {}, b.span};
      for (const auto& a : b.body.attributes)
        if (a.name == "source" && a.expr && a.expr->kind == hcl::ExprKind::Literal &&
            a.expr->literal == hcl::LiteralKind::String)
          call.source = a.expr->text;
      m.calls.push_back(std::move(call));
    }
}

}  // namespace

bool is_configuration_file(const std::filesystem::path& p) {
  return is_configuration_file_name(p.native());
}

bool is_auto_variables_file(const std::filesystem::path& p) {
  return is_auto_variables_file_name(p.native());
}

bool is_configuration_file_name(std::string_view path) {
  // The file name is what follows the last separator; a path that ends in one names a
  // directory, whose file name is empty.
  const std::string_view name = path.substr(path.rfind('/') + 1);
  return ends_with(name, ".tf") || ends_with(name, ".tf.json");
}

bool is_auto_variables_file_name(std::string_view path) {
  const std::string_view name = path.substr(path.rfind('/') + 1);
  return name == "terraform.tfvars" || name == "terraform.tfvars.json" ||
         ends_with(name, ".auto.tfvars") || ends_with(name, ".auto.tfvars.json");
}

std::shared_ptr<const Module> parse_module(std::filesystem::path dir, std::vector<SourceFile> files,
                                           const hcl::ParseLimits& limits) {
  auto m = std::make_shared<Module>();
  m->dir = std::move(dir);
  std::sort(files.begin(), files.end(), [](const SourceFile& a, const SourceFile& b) {
    return a.path.filename() < b.path.filename();
  });
  std::vector<Module::File> overrides;
  for (auto& sf : files) {
    Module::File f{sf.path, sf.id, {}};
    if (ends_with(sf.path.filename().string(), ".json")) {
      if (!parse_json_configuration(sf.text, sf.id, limits, f.body, m->diagnostics)) {
        // What parsed is kept; the diagnostics say what did not.
      }
    } else {
      hcl::parse_hcl(sf.text, sf.id, limits, f.body, m->diagnostics);
    }
    if (is_override_file(sf.path))
      overrides.push_back(std::move(f));
    else
      m->files.push_back(std::move(f));
  }
  for (auto& o : overrides) {
    for (auto& block : o.body.blocks) {
      hcl::Block* target = nullptr;
      for (auto& f : m->files)
        for (auto& b : f.body.blocks)
          if (!target && same_block(b, block)) target = &b;
      if (target) {
        merge_override(target->body, std::move(block.body));
      } else {
        m->diagnostics.push_back(Diagnostic{
            DiagLevel::Warning, "terraform.override",
            "override block '" + block.type + "' matches no block of the module, so it is ignored",
            block.span});
      }
    }
  }
  list_calls(*m);
  return m;
}

namespace {

// True when lexically_normal() would return `dir` unchanged and it has no trailing
// separator: no empty, "." or ".." components. Directory names found by walking a tree
// are nearly always so, and normalising each through std::filesystem showed in profiles.
bool already_normal(std::string_view dir) {
  if (dir.empty() || dir.back() == '/') return false;
  size_t start = 0;
  for (;;) {
    const size_t end = std::min(dir.find('/', start), dir.size());
    const std::string_view part = dir.substr(start, end - start);
    if (part == "." || part == "..") return false;
    if (part.empty() && start != 0) return false;  // "//", except the root's own separator
    if (end == dir.size()) return true;
    start = end + 1;
  }
}

}  // namespace

std::string normal_dir(const std::filesystem::path& dir) {
  if (already_normal(dir.native())) return dir.native();
  std::filesystem::path p = dir.lexically_normal();
  if (!p.has_filename() && p.has_parent_path() && p != p.root_path()) p = p.parent_path();
  std::string s = p.string();
  return s.empty() ? std::string(".") : s;
}

std::string normal_dir(const std::string& dir) {
  return already_normal(dir) ? dir : normal_dir(std::filesystem::path(dir));
}

const Module* ModuleSet::find(const std::filesystem::path& dir) const {
  auto it = by_dir.find(normal_dir(dir));
  return it == by_dir.end() ? nullptr : it->second.get();
}

}  // namespace cc::terraform
