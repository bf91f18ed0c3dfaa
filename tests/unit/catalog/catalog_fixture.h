#pragma once
// Shared helpers for the catalog tests: the project's own catalog, loaded once, and a
// scratch directory for hand-written (often broken) catalog files.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "catalog/catalog.h"

namespace cc::catalog::testing {

inline std::filesystem::path project_catalog_dir() {
  return std::filesystem::path(CC_DATA_DIR) / "catalog";
}

struct LoadedCatalog {
  SourceTable sources;
  Diagnostics diags;
  Catalog catalog;
};

// Loading is cheap, but every test reading the same data once keeps the suite quick.
inline const LoadedCatalog& project_catalog() {
  static const LoadedCatalog loaded = [] {
    LoadedCatalog l;
    l.catalog = Catalog::load(project_catalog_dir(), l.sources, l.diags);
    return l;
  }();
  return loaded;
}

class ScratchDir {
 public:
  ScratchDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() /
            ("cc-catalog-test-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(path_ / "mappings");
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  void write(const std::string& relative, const std::string& text) const {
    std::ofstream(path_ / relative, std::ios::binary) << text;
  }
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace cc::catalog::testing
