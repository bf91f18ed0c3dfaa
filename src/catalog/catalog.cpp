#include "catalog/catalog.h"

#include <fmt/format.h>

#include <algorithm>
#include <mutex>
#include <utility>

#include "catalog/file_header.h"
#include "catalog/json_file.h"
#include "catalog/mapping_reader.h"
#include "catalog/oscal_reader.h"
#include "catalog/ref.h"

namespace cc::catalog {
namespace fs = std::filesystem;

namespace {

// The header of every file we write sits in its first kilobyte; a generous prefix also
// covers hand-written files. A file whose header is not in it is read whole at load.
constexpr size_t kHeaderPrefix = 16 * 1024;

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

// Lookups by std::string_view without building a std::string each time.
struct RefHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <class T>
using RefMap = std::unordered_map<std::string, T, RefHash, std::equal_to<>>;

struct FrameworkFile {
  fs::path path;
  uint32_t file = 0;
  bool loaded = false;
  std::vector<Control> controls;
  RefMap<uint32_t> index;  // ref -> position in `controls`
};

struct MappingFile {
  fs::path path;
  uint32_t file = 0;
  bool loaded = false;
  // The two frameworks the file links; unset when its header could not be read, and then
  // the file is read for any question about links.
  std::optional<MappingHeader> header;

  [[nodiscard]] bool touches(std::string_view framework) const {
    return !header || header->from_framework == framework || header->to_framework == framework;
  }
};

}  // namespace

struct Catalog::State {
  LoadMode mode = LoadMode::Eager;
  std::vector<Framework> frameworks;  // frameworks[i] describes files[i]
  std::vector<FrameworkFile> files;
  std::vector<MappingFile> mappings;
  std::deque<Link> links;  // a deque: references stay valid while more files are read
  RefMap<std::vector<uint32_t>> link_index;  // ref -> every link with that ref at either end
  Diagnostics late;
  // Reading on demand changes the state behind const accessors; one reader at a time.
  // Recursive because reading a mapping file reads the frameworks it links.
  std::recursive_mutex mutex;

  [[nodiscard]] std::optional<size_t> slot(std::string_view framework_id) const {
    auto it = std::ranges::find(frameworks, framework_id, &Framework::id);
    if (it == frameworks.end()) return std::nullopt;
    return static_cast<size_t>(it - frameworks.begin());
  }
};

struct Catalog::Loader {
  static void add_framework(State& state, FrameworkData data, const JsonFile& file,
                            Diagnostics& diags) {
    if (state.slot(data.framework.id)) {
      file.report(
          diags, DiagLevel::Error, "catalog.duplicate",
          fmt::format("framework {} is already loaded from {}; file skipped", data.framework.id,
                      state.frameworks[*state.slot(data.framework.id)].file),
          data.framework.id);
      return;
    }
    state.frameworks.push_back(std::move(data.framework));
    state.files.push_back(FrameworkFile{fs::path(file.path()), file.file(), false, {}, {}});
    fill(state, state.files.size() - 1, std::move(data.controls), file, diags);
  }

  // Stores a framework's controls in its slot and counts them.
  static void fill(State& state, size_t index, std::vector<Control> controls, const JsonFile& file,
                   Diagnostics& diags) {
    FrameworkFile& slot = state.files[index];
    slot.loaded = true;
    slot.controls.reserve(controls.size());
    for (Control& control : controls) {
      auto position = static_cast<uint32_t>(slot.controls.size());
      if (!slot.index.emplace(control.ref, position).second) {
        file.report(diags, DiagLevel::Error, "catalog.duplicate",
                    fmt::format("control {} appears twice; the first is kept", control.ref),
                    control.id);
        continue;
      }
      slot.controls.push_back(std::move(control));
    }
    state.frameworks[index].count = static_cast<uint32_t>(slot.controls.size());
  }

  // Reads the body of a framework registered from its header alone.
  static void ensure_framework(State& state, size_t index) {
    FrameworkFile& slot = state.files[index];
    if (slot.loaded) return;
    slot.loaded = true;  // even when it fails: a broken file is reported once
    auto file = JsonFile::open(slot.path, slot.file, state.late);
    if (!file) return;
    auto data = read_oscal_catalog(*file, state.late);
    if (!data) return;
    if (data->framework.id != state.frameworks[index].id) {
      file->report(state.late, DiagLevel::Error, "catalog.format",
                   fmt::format("framework id {} differs from {} read from the header; file skipped",
                               data->framework.id, state.frameworks[index].id),
                   data->framework.id);
      return;
    }
    fill(state, index, std::move(data->controls), *file, state.late);
  }

  static const Control* find(State& state, std::string_view ref) {
    auto parts = split_ref(ref);
    if (!parts) return nullptr;
    auto index = state.slot(parts->framework);
    if (!index) return nullptr;
    ensure_framework(state, *index);
    const FrameworkFile& slot = state.files[*index];
    auto it = slot.index.find(ref);
    return it == slot.index.end() ? nullptr : &slot.controls[it->second];
  }

  static void add_links(State& state, std::vector<Link> links, const JsonFile& file,
                        Diagnostics& diags) {
    for (Link& link : links) {
      // A link into a framework the catalog holds must name one of its controls: this
      // catches mistyped ids. Links into frameworks without a file are kept.
      bool known_ends = true;
      for (const std::string* end : {&link.from, &link.to}) {
        auto parts = split_ref(*end);
        if (parts && state.slot(parts->framework) && find(state, *end) == nullptr) {
          file.report(diags, DiagLevel::Warning, "mapping.unknown-control",
                      fmt::format("link names {}, which the catalog does not have; skipped", *end),
                      *end);
          known_ends = false;
        }
      }
      if (!known_ends) continue;
      auto index = static_cast<uint32_t>(state.links.size());
      state.link_index[link.from].push_back(index);
      if (link.to != link.from) state.link_index[link.to].push_back(index);
      state.links.push_back(std::move(link));
    }
  }

  static void read_mapping(State& state, MappingFile& mapping, Diagnostics& diags) {
    mapping.loaded = true;
    auto file = JsonFile::open(mapping.path, mapping.file, diags);
    if (!file) return;
    add_links(state, read_mapping_file(*file, diags), *file, diags);
  }

  // Reads the mapping files that can hold links between `framework` and `other` (any
  // framework when `other` is empty), in file order.
  static void ensure_mappings(State& state, std::string_view framework, std::string_view other) {
    for (MappingFile& mapping : state.mappings) {
      if (mapping.loaded || !mapping.touches(framework)) continue;
      if (!other.empty() && !mapping.touches(other)) continue;
      read_mapping(state, mapping, state.late);
    }
  }

  static void ensure_everything(State& state) {
    for (size_t i = 0; i < state.files.size(); ++i) ensure_framework(state, i);
    for (MappingFile& mapping : state.mappings) {
      if (!mapping.loaded) read_mapping(state, mapping, state.late);
    }
  }

  // OnDemand: registers a framework from its header; false when the file has to be read
  // whole now (no readable header, or a framework id seen before, which is reported then).
  static bool register_framework(State& state, const fs::path& path, uint32_t file) {
    auto header = read_catalog_header(read_prefix(path, kHeaderPrefix));
    if (!header || state.slot(header->framework_id)) return false;
    state.frameworks.push_back(
        Framework{header->framework_id, header->title, header->version, path.string(), 0});
    state.files.push_back(FrameworkFile{path, file, false, {}, {}});
    return true;
  }
};

Catalog::Catalog() : state_(std::make_unique<State>()) {}
Catalog::~Catalog() = default;
Catalog::Catalog(Catalog&&) noexcept = default;
Catalog& Catalog::operator=(Catalog&&) noexcept = default;

Catalog Catalog::load(const fs::path& dir, SourceTable& sources, Diagnostics& diags,
                      LoadMode mode) {
  Catalog catalog;
  State& state = *catalog.state_;
  state.mode = mode;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    diags.push_back({DiagLevel::Error, "catalog.io",
                     fmt::format("catalog directory {} does not exist", dir.string()),
                     Span{sources.add(dir.string()), 0, 0}});
    return catalog;
  }
  // Frameworks first: the link check needs to know which controls exist.
  for (const fs::path& path : json_files(dir)) {
    uint32_t file_id = sources.add(path.string());
    if (mode == LoadMode::OnDemand && Loader::register_framework(state, path, file_id)) continue;
    auto file = JsonFile::open(path, file_id, diags);
    if (!file) continue;
    if (auto data = read_oscal_catalog(*file, diags)) {
      Loader::add_framework(state, std::move(*data), *file, diags);
    }
  }
  for (const fs::path& path : json_files(dir / "mappings")) {
    MappingFile mapping{path, sources.add(path.string()), false, std::nullopt};
    if (mode == LoadMode::OnDemand) {
      mapping.header = read_mapping_header(read_prefix(path, kHeaderPrefix));
    } else {
      Loader::read_mapping(state, mapping, diags);
    }
    state.mappings.push_back(std::move(mapping));
  }
  return catalog;
}

std::span<const Framework> Catalog::frameworks() const {
  if (!state_) return {};
  std::lock_guard lock(state_->mutex);
  for (size_t i = 0; i < state_->files.size(); ++i) Loader::ensure_framework(*state_, i);
  return state_->frameworks;
}

std::vector<std::string> Catalog::framework_ids() const {
  std::vector<std::string> ids;
  if (!state_) return ids;
  std::lock_guard lock(state_->mutex);
  for (const Framework& fw : state_->frameworks) ids.push_back(fw.id);
  return ids;
}

const Framework* Catalog::framework(std::string_view id) const {
  if (!state_) return nullptr;
  std::lock_guard lock(state_->mutex);
  auto index = state_->slot(id);
  if (!index) return nullptr;
  Loader::ensure_framework(*state_, *index);
  return &state_->frameworks[*index];
}

std::span<const Control> Catalog::controls(std::string_view framework_id) const {
  if (!state_) return {};
  std::lock_guard lock(state_->mutex);
  auto index = state_->slot(framework_id);
  if (!index) return {};
  Loader::ensure_framework(*state_, *index);
  return state_->files[*index].controls;
}

const Control* Catalog::find(std::string_view ref) const {
  if (!state_) return nullptr;
  std::lock_guard lock(state_->mutex);
  return Loader::find(*state_, ref);
}

const Control* Catalog::resolve(std::string_view input) const {
  if (const Control* exact = find(input)) return exact;
  return find(normalize_ref(input));
}

std::vector<MappedControl> Catalog::map(std::string_view ref,
                                        std::optional<std::string_view> target_framework) const {
  std::vector<MappedControl> out;
  if (!state_) return out;
  std::lock_guard lock(state_->mutex);
  State& state = *state_;
  std::string target = target_framework ? normalize_framework(*target_framework) : std::string();
  if (auto parts = split_ref(ref)) Loader::ensure_mappings(state, parts->framework, target);
  auto it = state.link_index.find(ref);
  if (it == state.link_index.end()) return out;
  for (uint32_t index : it->second) {
    const Link& link = state.links[index];
    bool reverse = link.from != ref;
    std::string_view other = reverse ? link.from : link.to;
    auto parts = split_ref(other);
    std::string_view framework = parts ? parts->framework : std::string_view();
    if (target_framework && framework != target) continue;
    out.push_back(MappedControl{&link, other, framework, reverse, Loader::find(state, other)});
  }
  std::ranges::stable_sort(
      out, {}, [](const MappedControl& m) { return std::pair(m.link->confidence, m.framework); });
  return out;
}

const std::deque<Link>& Catalog::links() const {
  static const std::deque<Link> kNone;
  if (!state_) return kNone;
  std::lock_guard lock(state_->mutex);
  Loader::ensure_everything(*state_);
  return state_->links;
}

const Diagnostics& Catalog::late_diagnostics() const {
  static const Diagnostics kNone;
  if (!state_) return kNone;
  return state_->late;
}

}  // namespace cc::catalog
