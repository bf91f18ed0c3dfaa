#include "app/read_file.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>

namespace cc::app {

std::optional<std::string> read_input(const std::filesystem::path& path, uint32_t file,
                                      const collect::Limits& limits, Diagnostics& diags) {
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  if (ec) {
    diags.push_back(Diagnostic{DiagLevel::Error, "io.read",
                               fmt::format("cannot read: {}", ec.message()), Span{file, 0, 0}});
    return std::nullopt;
  }
  if (size > limits.max_file_bytes) {
    diags.push_back(Diagnostic{DiagLevel::Error, "limit.size",
                               fmt::format("file is {} bytes, over the {} byte limit (--max-file-size)",
                                           size, limits.max_file_bytes),
                               Span{file, 0, 0}});
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diags.push_back(Diagnostic{DiagLevel::Error, "io.read",
                               fmt::format("cannot open: {}", std::strerror(errno)), Span{file, 0, 0}});
    return std::nullopt;
  }
  std::string text(size, '\0');
  in.read(text.data(), static_cast<std::streamsize>(size));
  text.resize(static_cast<size_t>(in.gcount()));
  // NUL bytes in the first block mean binary content; YAML and JSON never hold them.
  if (text.find('\0', 0) < std::min<size_t>(text.size(), 8192)) {
    diags.push_back(Diagnostic{DiagLevel::Warning, "input.binary",
                               "binary file skipped", Span{file, 0, 0}});
    return std::nullopt;
  }
  return text;
}

}  // namespace cc::app
