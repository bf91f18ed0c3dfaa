#pragma once
// The control catalog: frameworks, their controls and the crosswalk links between them,
// loaded from a data directory that holds OSCAL catalog files (<framework>.json) and
// mapping files (mappings/*.json). See catalog/README.md for the formats.
#include <deque>
#include <filesystem>
#include <functional>
#include <memory>
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

// Eager reads and checks every file in load(): what the `catalog` commands and CI use, so
// every problem in the data is reported at once. OnDemand reads only the first lines of
// each file in load() and the rest when something first asks for a framework's controls or
// for links touching it, so a scan that needs two frameworks does not pay for NIST SP
// 800-53. Problems found after load() returned are kept in late_diagnostics().
enum class LoadMode : uint8_t { Eager, OnDemand };

class Catalog {
 public:
  // Reads every *.json in `dir` as a framework and every *.json in `dir`/mappings as
  // links. A malformed file or entry becomes a diagnostic (file:line:col as close to the
  // fault as can be found, file ids from `sources`) and loading goes on with the rest.
  static Catalog load(const std::filesystem::path& dir, SourceTable& sources, Diagnostics& diags,
                      LoadMode mode = LoadMode::Eager);

  Catalog();
  ~Catalog();
  Catalog(Catalog&&) noexcept;
  Catalog& operator=(Catalog&&) noexcept;
  Catalog(const Catalog&) = delete;
  Catalog& operator=(const Catalog&) = delete;

  // Every framework with a file; reads them all first, so counts are right in any mode.
  [[nodiscard]] std::span<const Framework> frameworks() const;
  // The ids of every framework with a file, without reading any of them.
  [[nodiscard]] std::vector<std::string> framework_ids() const;
  [[nodiscard]] const Framework* framework(std::string_view id) const;
  // The framework's controls in the order of the standard (a nested control follows its
  // parent); empty for an unknown id.
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

  // Every link of every mapping file (reads them all first). References stay valid as
  // long as the catalog lives.
  [[nodiscard]] const std::deque<Link>& links() const;

  // OnDemand mode: problems in files read after load() returned, with file ids of the
  // SourceTable given to load(). Always empty in Eager mode.
  [[nodiscard]] const Diagnostics& late_diagnostics() const;

 private:
  struct State;
  struct Loader;
  // Behind a pointer so that controls and links keep their addresses when the catalog
  // moves and while files are read on demand.
  std::unique_ptr<State> state_;
};

}  // namespace cc::catalog
