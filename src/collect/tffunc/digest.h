#pragma once
// Message digests on OpenSSL, shared by the hash functions and their file* twins.
#include <string>
#include <string_view>

namespace cc::terraform::detail {

enum class Digest { Md5, Sha1, Sha256, Sha512 };

// Raw digest bytes of `data`.
std::string digest_bytes(Digest d, std::string_view data);
std::string hex(std::string_view bytes);

}  // namespace cc::terraform::detail
