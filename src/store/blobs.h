#pragma once
// Files kept in the store by content: stored once however often they are added, read
// back and checked chunk by chunk.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

#include "store/database.h"

namespace cc::store {

inline constexpr size_t kBlobChunkBytes = 1 << 20;

struct BlobRef {
  std::string sha256;
  uint64_t size = 0;
};

// Stores the file at `path` unless a blob with its digest is already there. Reads the
// file twice (digest first, then the chunks, checking the digest again so a file that
// changes meanwhile is refused), never whole. Files over `max_bytes` are refused with
// Error::Kind::Invalid. Call inside a write transaction.
Result<BlobRef, Error> put_blob(Database& db, const std::filesystem::path& path, uint64_t max_bytes,
                                std::string_view now);

// Hands the blob's bytes to `sink` in order, one chunk at a time; `sink` returns false
// to stop. NotFound when there is no such blob.
Status read_blob(Database& db, std::string_view sha256,
                 const std::function<bool(std::string_view)>& sink);

// Recomputes the blob's digest and size from its chunks. An empty string means intact;
// otherwise what is wrong.
Result<std::string, Error> check_blob(Database& db, std::string_view sha256);

}  // namespace cc::store
