#include "app/discover.h"

#include "collect/terraform/terraform.h"

#include <dirent.h>
#include <fmt/format.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <memory>

#include <algorithm>
#include <set>

namespace cc::app {
namespace fs = std::filesystem;

namespace {

// Extensions worth opening while walking a tree. Other files are read only when named
// explicitly, so a walk over a repository does not open every binary in it.
bool has_candidate_extension(std::string_view name) {
  static const std::set<std::string, std::less<>> exts = {".yaml", ".yml", ".json", ".template",
                                                          ".tpl",  ".cfn", ".tf"};
  size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return false;
  std::string e(name.substr(dot));
  std::transform(e.begin(), e.end(), e.begin(), [](unsigned char c) { return std::tolower(c); });
  return exts.count(e) > 0;
}

using DirId = std::pair<dev_t, ino_t>;

struct Entry {
  std::string name;
  unsigned char type;  // d_type; DT_UNKNOWN on file systems that do not report it
};

// The walk uses readdir on plain strings: std::filesystem paths store every component
// separately, which made listing and sorting large trees several times slower.
void walk(const std::string& dir, std::set<DirId>& seen, std::vector<std::string>& out,
          const DiscoverOptions& options, Diagnostics& diags) {
  struct stat st{};
  if (::stat(dir.c_str(), &st) != 0) return;
  if (!seen.insert({st.st_dev, st.st_ino}).second) return;  // symlink loop or repeat
  std::unique_ptr<DIR, int (*)(DIR*)> d(::opendir(dir.c_str()), ::closedir);
  if (!d) {
    diags.push_back(Diagnostic{DiagLevel::Warning, "io.directory",
                               fmt::format("cannot read directory {}: {}", dir, std::strerror(errno)), {}});
    return;
  }
  std::vector<Entry> entries;
  while (const dirent* e = ::readdir(d.get())) {
    std::string_view name = e->d_name;
    if (name == "." || name == "..") continue;
    entries.push_back(Entry{std::string(name), e->d_type});
  }
  d.reset();
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.name < b.name; });
  std::vector<std::string>* variables = nullptr;
  if (options.variables_files) variables = &(*options.variables_files)[terraform::normal_dir(dir)];
  const std::string prefix = dir.empty() || dir.back() == '/' ? dir : dir + "/";
  for (const auto& e : entries) {
    if (out.size() >= options.max_files) return;
    std::string path = prefix + e.name;
    unsigned char type = e.type;
    if (type == DT_UNKNOWN || type == DT_LNK) {
      // Follow links (a linked directory is walked; a loop is caught by `seen`).
      struct stat target{};
      if (::stat(path.c_str(), &target) != 0) {
        if (type == DT_LNK && has_candidate_extension(e.name))
          diags.push_back(Diagnostic{DiagLevel::Warning, "io.dangling",
                                     fmt::format("{}: symbolic link to a missing file", path), {}});
        continue;
      }
      type = S_ISDIR(target.st_mode) ? DT_DIR : S_ISREG(target.st_mode) ? DT_REG : DT_UNKNOWN;
    }
    if (type == DT_DIR) {
      if (!is_skipped_directory(e.name)) walk(path, seen, out, options, diags);
    } else if (type != DT_REG) {
      continue;
    } else if (variables && terraform::is_auto_variables_file_name(e.name)) {
      variables->push_back(std::move(path));
    } else if (has_candidate_extension(e.name)) {
      out.push_back(std::move(path));
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
      walk(root, seen, out, options, diags);
    } else {
      out.push_back(root);
    }
  }
  return out;
}

}  // namespace cc::app
