#pragma once
// Where the data directories (catalog/, rules/, schemas/) are: $CLOUDCOMPLY_DATA when
// set, else the source tree the binary was built from.
#include <cstdlib>
#include <filesystem>

namespace cc {

inline std::filesystem::path data_dir() {
  if (const char* env = std::getenv("CLOUDCOMPLY_DATA"); env && *env) return env;
  return CC_DATA_DIR;
}

}  // namespace cc
