#include "catalog/catalog.h"

#include <fmt/format.h>

#include <algorithm>
#include <utility>

#include "catalog/json_file.h"
#include "catalog/mapping_reader.h"
#include "catalog/oscal_reader.h"
#include "catalog/ref.h"

namespace cc::catalog {
namespace fs = std::filesystem;

namespace {

// *.json files directly in `dir`, sorted so that load order (and so the order of
// controls, links and diagnostics) does not depend on the file system.
std::vector<fs::path> json_files(const fs::path& dir) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() == ".json" && it->is_regular_file(ec)) files.push_back(it->path());
  }
  std::ranges::sort(files);
  return files;
}

}  // namespace

struct Catalog::Loader {
  static void add_framework(Catalog& catalog, FrameworkData data, const JsonFile& file,
                            Diagnostics& diags) {
    if (catalog.framework(data.framework.id) != nullptr) {
      file.report(diags, DiagLevel::Error, "catalog.duplicate",
                  fmt::format("framework {} is already loaded from {}; file skipped",
                              data.framework.id, catalog.framework(data.framework.id)->file),
                  data.framework.id);
      return;
    }
    Framework framework = std::move(data.framework);
    framework.first = static_cast<uint32_t>(catalog.controls_.size());
    for (Control& control : data.controls) {
      auto index = static_cast<uint32_t>(catalog.controls_.size());
      if (!catalog.control_index_.emplace(control.ref, index).second) {
        file.report(diags, DiagLevel::Error, "catalog.duplicate",
                    fmt::format("control {} appears twice; the first is kept", control.ref),
                    control.id);
        continue;
      }
      catalog.controls_.push_back(std::move(control));
    }
    framework.count = static_cast<uint32_t>(catalog.controls_.size()) - framework.first;
    catalog.frameworks_.push_back(std::move(framework));
  }

  static void add_links(Catalog& catalog, std::vector<Link> links, const JsonFile& file,
                        Diagnostics& diags) {
    for (Link& link : links) {
      // A link into a framework the catalog holds must name one of its controls: this
      // catches mistyped ids. Links into frameworks without a file (CSA CCM) are kept.
      bool known_ends = true;
      for (const std::string* end : {&link.from, &link.to}) {
        auto parts = split_ref(*end);
        if (parts && catalog.framework(parts->framework) != nullptr && !catalog.exists(*end)) {
          file.report(diags, DiagLevel::Warning, "mapping.unknown-control",
                      fmt::format("link names {}, which the catalog does not have; skipped", *end),
                      *end);
          known_ends = false;
        }
      }
      if (!known_ends) continue;
      auto index = static_cast<uint32_t>(catalog.links_.size());
      catalog.link_index_[link.from].push_back(index);
      if (link.to != link.from) catalog.link_index_[link.to].push_back(index);
      catalog.links_.push_back(std::move(link));
    }
  }
};

Catalog Catalog::load(const fs::path& dir, SourceTable& sources, Diagnostics& diags) {
  Catalog catalog;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    diags.push_back({DiagLevel::Error, "catalog.io",
                     fmt::format("catalog directory {} does not exist", dir.string()),
                     Span{sources.add(dir.string()), 0, 0}});
    return catalog;
  }
  // Frameworks first: the link check needs to know which controls exist.
  for (const fs::path& path : json_files(dir)) {
    auto file = JsonFile::open(path, sources, diags);
    if (!file) continue;
    if (auto data = read_oscal_catalog(*file, diags)) {
      Loader::add_framework(catalog, std::move(*data), *file, diags);
    }
  }
  for (const fs::path& path : json_files(dir / "mappings")) {
    auto file = JsonFile::open(path, sources, diags);
    if (!file) continue;
    Loader::add_links(catalog, read_mapping_file(*file, diags), *file, diags);
  }
  return catalog;
}

const Framework* Catalog::framework(std::string_view id) const {
  auto it = std::ranges::find(frameworks_, id, &Framework::id);
  return it == frameworks_.end() ? nullptr : &*it;
}

std::span<const Control> Catalog::controls(std::string_view framework_id) const {
  const Framework* fw = framework(framework_id);
  if (fw == nullptr) return {};
  return std::span<const Control>(controls_).subspan(fw->first, fw->count);
}

const Control* Catalog::find(std::string_view ref) const {
  auto it = control_index_.find(ref);
  return it == control_index_.end() ? nullptr : &controls_[it->second];
}

const Control* Catalog::resolve(std::string_view input) const {
  if (const Control* exact = find(input)) return exact;
  return find(normalize_ref(input));
}

std::vector<MappedControl> Catalog::map(std::string_view ref,
                                        std::optional<std::string_view> target_framework) const {
  std::vector<MappedControl> out;
  auto it = link_index_.find(ref);
  if (it == link_index_.end()) return out;
  std::string target = target_framework ? normalize_framework(*target_framework) : std::string();
  for (uint32_t index : it->second) {
    const Link& link = links_[index];
    bool reverse = link.from != ref;
    std::string_view other = reverse ? link.from : link.to;
    auto parts = split_ref(other);
    std::string_view framework = parts ? parts->framework : std::string_view();
    if (target_framework && framework != target) continue;
    out.push_back(MappedControl{&link, other, framework, reverse, find(other)});
  }
  std::ranges::stable_sort(
      out, {}, [](const MappedControl& m) { return std::pair(m.link->confidence, m.framework); });
  return out;
}

}  // namespace cc::catalog
