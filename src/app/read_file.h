#pragma once
// Reads one input file under the size limit, telling text from binary.
#include <filesystem>
#include <optional>
#include <string>

#include "collect/doc/limits.h"
#include "core/diagnostic.h"

namespace cc::app {

// The file's bytes, or nullopt with a diagnostic (unreadable, over the size limit,
// binary content). `file` is the file's id in the scan's SourceTable.
std::optional<std::string> read_input(const std::filesystem::path& path, uint32_t file,
                                      const collect::Limits& limits, Diagnostics& diags);

// Reads files as read_input does, opening each by its name relative to its directory,
// which stays open while the files read one after another share it: resolving every
// component of each full path again showed in profiles of scans of many small files.
class DirectoryReader {
 public:
  DirectoryReader() = default;
  ~DirectoryReader();
  DirectoryReader(const DirectoryReader&) = delete;
  DirectoryReader& operator=(const DirectoryReader&) = delete;

  std::optional<std::string> read(const std::string& path, uint32_t file,
                                  const collect::Limits& limits, Diagnostics& diags);

 private:
  std::string dir_;  // the directory part of the last path read, as written
  int dir_fd_ = -1;  // open on dir_, or -1 when it could not be opened
};

}  // namespace cc::app
