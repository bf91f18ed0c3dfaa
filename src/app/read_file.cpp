#include "app/read_file.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace cc::app {
namespace {

// Closes the descriptor however the read ends.
struct Fd {
  int fd = -1;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

Diagnostic io_error(uint32_t file, std::string_view what) {
  return Diagnostic{DiagLevel::Error, "io.read", fmt::format("{}: {}", what, std::strerror(errno)),
                    Span{file, 0, 0}};
}

// The bytes of the open file `in`, checked as read_input describes.
std::optional<std::string> read_open_file(Fd& in, uint32_t file, const collect::Limits& limits,
                                          Diagnostics& diags) {
  if (in.fd < 0) {
    diags.push_back(io_error(file, "cannot open"));
    return std::nullopt;
  }
  struct stat st {};
  if (::fstat(in.fd, &st) != 0) {
    diags.push_back(io_error(file, "cannot read"));
    return std::nullopt;
  }
  if (S_ISDIR(st.st_mode)) {
    errno = EISDIR;
    diags.push_back(io_error(file, "cannot read"));
    return std::nullopt;
  }
  const auto size = static_cast<uint64_t>(st.st_size);
  if (size > limits.max_file_bytes) {
    diags.push_back(
        Diagnostic{DiagLevel::Error, "limit.size",
                   fmt::format("file is {} bytes, over the {} byte limit (--max-file-size)", size,
                               limits.max_file_bytes),
                   Span{file, 0, 0}});
    return std::nullopt;
  }
  std::string text(size, '\0');
  size_t got = 0;
  while (got < text.size()) {
    ssize_t n = ::read(in.fd, text.data() + got, text.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      diags.push_back(io_error(file, "cannot read"));
      return std::nullopt;
    }
    if (n == 0) break;  // the file shrank while it was read
    got += static_cast<size_t>(n);
  }
  text.resize(got);
  // NUL bytes in the first block mean binary content; no configuration format holds them.
  if (text.find('\0', 0) < std::min<size_t>(text.size(), 8192)) {
    diags.push_back(
        Diagnostic{DiagLevel::Warning, "input.binary", "binary file skipped", Span{file, 0, 0}});
    return std::nullopt;
  }
  return text;
}

}  // namespace

// One path lookup (open), then fstat and read on the descriptor: scans read tens of
// thousands of small files, and resolving each path twice showed in profiles.
std::optional<std::string> read_input(const std::filesystem::path& path, uint32_t file,
                                      const collect::Limits& limits, Diagnostics& diags) {
  Fd in{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
  return read_open_file(in, file, limits, diags);
}

DirectoryReader::~DirectoryReader() {
  if (dir_fd_ >= 0) ::close(dir_fd_);
}

std::optional<std::string> DirectoryReader::read(const std::string& path, uint32_t file,
                                                 const collect::Limits& limits,
                                                 Diagnostics& diags) {
  const size_t slash = path.rfind('/');
  // A bare name or a file at the file system root: nothing to gain from a directory.
  if (slash == std::string::npos || slash == 0) return read_input(path, file, limits, diags);
  const std::string_view dir(path.data(), slash);
  if (dir != dir_ || dir_.empty()) {
    if (dir_fd_ >= 0) ::close(dir_fd_);
    dir_.assign(dir);
    dir_fd_ = ::open(dir_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  }
  // Without the directory, the full path gives the same diagnostics as read_input.
  if (dir_fd_ < 0) return read_input(path, file, limits, diags);
  Fd in{::openat(dir_fd_, path.c_str() + slash + 1, O_RDONLY | O_CLOEXEC)};
  return read_open_file(in, file, limits, diags);
}

}  // namespace cc::app
