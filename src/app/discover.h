#pragma once
// Finds the files a scan reads: directories are walked (skipping VCS and vendored
// folders, never following a symlink loop), files named on the command line are
// always read. Which format a file holds is decided later, by its content.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/diagnostic.h"

namespace cc::app {

struct DiscoverOptions {
  size_t max_files = 1'000'000;
  // When set, receives every directory the walk listed, each with the Terraform
  // variables files it holds (terraform.tfvars, *.auto.tfvars): root modules load them
  // by themselves, and listing each directory a second time costs as much as the walk.
  std::map<std::string, std::vector<std::string>>* variables_files = nullptr;
};

// Appends candidate files under `roots` in a stable (sorted) order. Unreadable or
// missing paths become diagnostics.
// Paths are kept as strings: a std::filesystem::path also stores each of its
// components, which costs about a kilobyte per file on scans of many files.
std::vector<std::string> discover(const std::vector<std::string>& roots,
                                  const DiscoverOptions& options, Diagnostics& diags);

// Directory names a walk never enters.
bool is_skipped_directory(const std::string& name);

}  // namespace cc::app
