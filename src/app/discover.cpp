#include "app/discover.h"

#include "collect/terraform/terraform.h"

#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <set>

namespace cc::app {
namespace fs = std::filesystem;

namespace {

// Extensions worth opening while walking a tree. Other files are read only when named
// explicitly, so a walk over a repository does not open every binary in it.
bool has_candidate_extension(const fs::path& p) {
  static const std::set<std::string> exts = {".yaml", ".yml", ".json", ".template", ".tpl", ".cfn", ".tf"};
  std::string e = p.extension().string();
  std::transform(e.begin(), e.end(), e.begin(), [](unsigned char c) { return std::tolower(c); });
  return exts.count(e) > 0;
}

using DirId = std::pair<dev_t, ino_t>;

void walk(const fs::path& dir, std::set<DirId>& seen, std::vector<std::string>& out,
          const DiscoverOptions& options, Diagnostics& diags) {
  struct stat st{};
  if (::stat(dir.c_str(), &st) != 0) return;
  if (!seen.insert({st.st_dev, st.st_ino}).second) return;  // symlink loop or repeat
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) {
    diags.push_back(Diagnostic{DiagLevel::Warning, "io.directory",
                               fmt::format("cannot read directory {}: {}", dir.string(), ec.message()),
                               {}});
    return;
  }
  std::vector<fs::directory_entry> entries;
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) break;
    entries.push_back(*it);
  }
  std::sort(entries.begin(), entries.end(),
            [](const auto& a, const auto& b) { return a.path() < b.path(); });
  std::vector<std::string>* variables = nullptr;
  if (options.variables_files) variables = &(*options.variables_files)[terraform::normal_dir(dir)];
  for (const auto& e : entries) {
    if (out.size() >= options.max_files) return;
    std::error_code e2;
    if (e.is_directory(e2)) {
      if (!is_skipped_directory(e.path().filename().string())) walk(e.path(), seen, out, options, diags);
    } else if (variables && terraform::is_auto_variables_file(e.path()) && e.is_regular_file(e2)) {
      variables->push_back(e.path().string());
    } else if (e.is_regular_file(e2) && has_candidate_extension(e.path())) {
      out.push_back(e.path().string());
    } else if (e.is_symlink(e2) && !e.exists(e2) && has_candidate_extension(e.path())) {
      diags.push_back(Diagnostic{DiagLevel::Warning, "io.dangling",
                                 fmt::format("{}: symbolic link to a missing file", e.path().string()),
                                 {}});
    }
  }
}

}  // namespace

bool is_skipped_directory(const std::string& name) {
  static const std::set<std::string> skipped = {".git", ".hg", ".svn", "node_modules", "vendor",
                                                ".terraform", "__pycache__", ".venv", ".tox",
                                                ".idea", ".vscode", "cdk.out"};
  return skipped.count(name) > 0;
}

std::vector<std::string> discover(const std::vector<std::string>& roots, const DiscoverOptions& options,
                                 Diagnostics& diags) {
  std::vector<std::string> out;
  std::set<DirId> seen;
  for (const auto& root : roots) {
    std::error_code ec;
    fs::path p(root);
    auto status = fs::status(p, ec);
    if (ec || !fs::exists(status)) {
      diags.push_back(Diagnostic{DiagLevel::Error, "io.missing",
                                 fmt::format("{}: no such file or directory", root), {}});
      continue;
    }
    if (fs::is_directory(status)) {
      walk(p, seen, out, options, diags);
    } else {
      out.push_back(root);
    }
  }
  return out;
}

}  // namespace cc::app
