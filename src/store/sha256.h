#pragma once
// SHA-256 fed piece by piece (OpenSSL), so files of any size hash in constant memory.
#include <memory>
#include <string>
#include <string_view>

namespace cc::store {

class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  void update(std::string_view bytes);
  // Lowercase hex of the digest; the object is spent afterwards.
  std::string hex();

 private:
  struct Ctx;
  std::unique_ptr<Ctx> ctx_;
};

// The hex SHA-256 of `bytes`.
std::string sha256_hex(std::string_view bytes);
// True for 64 lowercase hex digits.
bool is_sha256_hex(std::string_view text);

}  // namespace cc::store
