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

}  // namespace cc::app
