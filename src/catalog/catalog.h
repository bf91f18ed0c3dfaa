#pragma once
// The control catalog: frameworks, their controls and the crosswalk links between them,
// loaded from a data directory that holds OSCAL catalog files (<framework>.json) and
// mapping files (mappings/*.json). See catalog/README.md for the formats.
#include <filesystem>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "catalog/control.h"
#include "catalog/link.h"
#include "core/diagnostic.h"
#include "core/span.h"

namespace cc::catalog {

class Catalog {
 public:
  // Reads every *.json in `dir` as a framework and every *.json in `dir`/mappings as
  // links. A malformed file or entry becomes a diagnostic (file:line:col as close to the
  // fault as can be found, file ids from `sources`) and loading goes on with the rest.
  static Catalog load(const std::filesystem::path& dir, SourceTable& sources, Diagnostics& diags);

  Catalog() = default;
  Catalog(Catalog&&) noexcept = default;
  Catalog& operator=(Catalog&&) noexcept = default;
  Catalog(const Catalog&) = delete;
  Catalog& operator=(const Catalog&) = delete;

  [[nodiscard]] std::span<const Framework> frameworks() const { return frameworks_; }
  [[nodiscard]] const Framework* framework(std::string_view id) const;
  // The framework's controls in the order of the standard; empty for an unknown id.
  [[nodiscard]] std::span<const Control> controls(std::string_view framework) const;

  // Exact canonical ref ("iso27017:2015/CLD.9.5.2"); nullptr when unknown.
  [[nodiscard]] const Control* find(std::string_view ref) const;
  [[nodiscard]] bool exists(std::string_view ref) const { return find(ref) != nullptr; }
  // Reads user input with normalize_ref() first, then finds.
  [[nodiscard]] const Control* resolve(std::string_view input) const;

  // Every link touching `ref`, stored in either direction, optionally only those whose
  // far end is in `target_framework` (aliases accepted). Official links come first, then
  // derived, then asserted; within a level grouped by framework, in the order of the files.
  [[nodiscard]] std::vector<MappedControl> map(
      std::string_view ref, std::optional<std::string_view> target_framework = {}) const;

  [[nodiscard]] std::span<const Link> links() const { return links_; }

 private:
  struct Loader;

  std::vector<Framework> frameworks_;
  std::vector<Control> controls_;
  std::vector<Link> links_;
  // Lookups by std::string_view without building a std::string each time.
  struct RefHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  template <class T>
  using RefMap = std::unordered_map<std::string, T, RefHash, std::equal_to<>>;

  RefMap<uint32_t> control_index_;
  // ref -> indices into links_ of every link with that ref at either end.
  RefMap<std::vector<uint32_t>> link_index_;
};

}  // namespace cc::catalog
