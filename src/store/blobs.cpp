#include "store/blobs.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "store/sha256.h"

namespace cc::store {
namespace {

struct Fd {
  int fd = -1;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

Error io_error(const std::filesystem::path& path, std::string_view what) {
  return Error{Error::Kind::Invalid,
               fmt::format("{}: {}: {}", path.string(), what, std::strerror(errno))};
}

// Reads the open file from its start in chunks; `each` gets every chunk.
Status for_each_chunk(int fd, const std::filesystem::path& path,
                      const std::function<Status(std::string_view)>& each) {
  if (::lseek(fd, 0, SEEK_SET) != 0) return unexpected(io_error(path, "cannot read"));
  std::string buf(kBlobChunkBytes, '\0');
  for (;;) {
    size_t got = 0;
    while (got < buf.size()) {
      ssize_t n = ::read(fd, buf.data() + got, buf.size() - got);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) return unexpected(io_error(path, "cannot read"));
      if (n == 0) break;
      got += static_cast<size_t>(n);
    }
    if (got == 0) return Done{};
    if (auto s = each(std::string_view(buf.data(), got)); !s) return s;
    if (got < buf.size()) return Done{};
  }
}

}  // namespace

Result<BlobRef, Error> put_blob(Database& db, const std::filesystem::path& path, uint64_t max_bytes,
                                std::string_view now) {
  Fd in{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
  if (in.fd < 0) return unexpected(io_error(path, "cannot open"));
  struct stat st {};
  if (::fstat(in.fd, &st) != 0) return unexpected(io_error(path, "cannot read"));
  if (!S_ISREG(st.st_mode))
    return unexpected(
        Error{Error::Kind::Invalid, fmt::format("{}: not a regular file", path.string())});
  if (static_cast<uint64_t>(st.st_size) > max_bytes)
    return unexpected(Error{Error::Kind::Invalid,
                            fmt::format("{} is {} bytes, over the evidence size limit of {} bytes "
                                        "(--max-evidence-size)",
                                        path.string(), st.st_size, max_bytes)});
  Sha256 first;
  uint64_t size = 0;
  auto hashed = for_each_chunk(in.fd, path, [&](std::string_view chunk) -> Status {
    first.update(chunk);
    size += chunk.size();
    if (size > max_bytes)
      return unexpected(
          Error{Error::Kind::Invalid,
                fmt::format("{} grew past the evidence size limit of {} bytes while it was read",
                            path.string(), max_bytes)});
    return Done{};
  });
  if (!hashed) return unexpected(hashed.error());
  BlobRef ref{first.hex(), size};
  auto existing = db.query("SELECT size FROM blob WHERE sha256 = $1", {ref.sha256});
  if (!existing) return unexpected(existing.error());
  if (!existing->empty()) return ref;

  const int64_t chunks = static_cast<int64_t>((size + kBlobChunkBytes - 1) / kBlobChunkBytes);
  if (auto s =
          db.exec("INSERT INTO blob (sha256, size, chunks, created_at) VALUES ($1, $2, $3, $4)",
                  {ref.sha256, static_cast<int64_t>(size), chunks, std::string(now)});
      !s)
    return unexpected(s.error());
  Sha256 second;
  int64_t seq = 0;
  uint64_t again = 0;
  auto stored = for_each_chunk(in.fd, path, [&](std::string_view chunk) -> Status {
    second.update(chunk);
    again += chunk.size();
    return db.exec("INSERT INTO blob_chunk (sha256, seq, data) VALUES ($1, $2, $3)",
                   {ref.sha256, seq++, Bytes{std::string(chunk)}});
  });
  if (!stored) return unexpected(stored.error());
  if (again != size || second.hex() != ref.sha256)
    return unexpected(
        Error{Error::Kind::Invalid,
              fmt::format("{} changed while it was being stored; add it again", path.string())});
  return ref;
}

Status read_blob(Database& db, std::string_view sha256,
                 const std::function<bool(std::string_view)>& sink) {
  auto head = db.query("SELECT chunks FROM blob WHERE sha256 = $1", {std::string(sha256)});
  if (!head) return unexpected(head.error());
  if (head->empty())
    return unexpected(Error{Error::Kind::NotFound, fmt::format("no stored file {}", sha256)});
  const int64_t chunks = head->front().integer(0);
  for (int64_t seq = 0; seq < chunks; ++seq) {
    auto rows = db.query("SELECT data FROM blob_chunk WHERE sha256 = $1 AND seq = $2",
                         {std::string(sha256), seq});
    if (!rows) return unexpected(rows.error());
    if (rows->empty())
      return unexpected(
          Error{Error::Kind::NotFound, fmt::format("stored file {} lacks chunk {}", sha256, seq)});
    if (!sink(rows->front().text(0))) break;
  }
  return Done{};
}

Result<std::string, Error> check_blob(Database& db, std::string_view sha256) {
  auto head = db.query("SELECT size, chunks FROM blob WHERE sha256 = $1", {std::string(sha256)});
  if (!head) return unexpected(head.error());
  if (head->empty()) return std::string("missing");
  const auto size = static_cast<uint64_t>(head->front().integer(0));
  auto count = db.query("SELECT COUNT(*) FROM blob_chunk WHERE sha256 = $1", {std::string(sha256)});
  if (!count) return unexpected(count.error());
  if (count->front().integer(0) != head->front().integer(1))
    return fmt::format("has {} chunks, {} recorded", count->front().integer(0),
                       head->front().integer(1));
  Sha256 h;
  uint64_t seen = 0;
  auto read = read_blob(db, sha256, [&](std::string_view chunk) {
    h.update(chunk);
    seen += chunk.size();
    return true;
  });
  if (!read)
    return read.error().kind == Error::Kind::NotFound
               ? Result<std::string, Error>(read.error().message)
               : unexpected(read.error());
  if (seen != size) return fmt::format("holds {} bytes, {} recorded", seen, size);
  if (std::string digest = h.hex(); digest != sha256)
    return fmt::format("content digest is {}", digest);
  return std::string();
}

}  // namespace cc::store
