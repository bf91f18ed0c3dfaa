// Hash and UUID functions. The impure ones (uuid, bcrypt, timestamp, plantimestamp)
// give a different answer on every run, so a scan treats their results as unknown.
#include <fmt/format.h>
#include <openssl/evp.h>

#include "collect/tffunc/base64.h"
#include "collect/tffunc/digest.h"
#include "collect/tffunc/internal.h"

namespace cc::terraform::detail {

std::string digest_bytes(Digest d, std::string_view data) {
  const EVP_MD* md = d == Digest::Md5      ? EVP_md5()
                     : d == Digest::Sha1   ? EVP_sha1()
                     : d == Digest::Sha256 ? EVP_sha256()
                                           : EVP_sha512();
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (EVP_Digest(data.data(), data.size(), out, &len, md, nullptr) != 1) return {};
  return std::string(reinterpret_cast<const char*>(out), len);
}

std::string hex(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char b : bytes) {
    out += kDigits[b >> 4];
    out += kDigits[b & 0xF];
  }
  return out;
}

namespace {

template <Digest D, bool Base64>
Outcome hash_of_string(Call& c) {
  auto s = arg_string(c, 0);
  if (!s) return forward(s);
  std::string raw = digest_bytes(D, *s);
  return Value::string(Base64 ? base64_encode(raw) : hex(raw));
}

std::optional<std::string> parse_uuid(std::string_view s) {
  std::string bytes;
  std::string digits;
  for (char ch : s)
    if (ch != '-') digits += ch;
  if (digits.size() != 32 || s.size() != 36 || s[8] != '-' || s[13] != '-' || s[18] != '-' ||
      s[23] != '-')
    return std::nullopt;
  for (size_t i = 0; i < 32; i += 2) {
    auto nibble = [](char ch) -> int {
      if (ch >= '0' && ch <= '9') return ch - '0';
      if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
      if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
      return -1;
    };
    int hi = nibble(digits[i]), lo = nibble(digits[i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    bytes += static_cast<char>(hi << 4 | lo);
  }
  return bytes;
}

Outcome fn_uuidv5(Call& c) {
  auto ns = arg_string(c, 0);
  auto name = arg_string(c, 1);
  if (!ns) return forward(ns);
  if (!name) return forward(name);
  // The well-known namespaces of RFC 4122, appendix C.
  std::string ns_text = *ns == "dns"    ? "6ba7b810-9dad-11d1-80b4-00c04fd430c8"
                        : *ns == "url"  ? "6ba7b811-9dad-11d1-80b4-00c04fd430c8"
                        : *ns == "oid"  ? "6ba7b812-9dad-11d1-80b4-00c04fd430c8"
                        : *ns == "x500" ? "6ba7b814-9dad-11d1-80b4-00c04fd430c8"
                                        : *ns;
  auto ns_bytes = parse_uuid(ns_text);
  if (!ns_bytes)
    return fail(c, fmt::format("\"{}\" is neither dns, url, oid, x500 nor a UUID", *ns));
  std::string h = digest_bytes(Digest::Sha1, *ns_bytes + *name).substr(0, 16);
  h[6] = static_cast<char>((h[6] & 0x0F) | 0x50);  // version 5
  h[8] = static_cast<char>((h[8] & 0x3F) | 0x80);  // RFC 4122 variant
  std::string x = hex(h);
  return Value::string(fmt::format("{}-{}-{}-{}-{}", x.substr(0, 8), x.substr(8, 4),
                                   x.substr(12, 4), x.substr(16, 4), x.substr(20)));
}

Outcome impure(Call& c) {
  return Value::unknown(fmt::format("{}() returns a different value on every run", c.name));
}

// rsadecrypt() yields a secret (a password); a scan has no use for its plaintext and does
// not hold the private keys, so the result is left unknown.
Outcome fn_rsadecrypt(Call&) {
  return Value::unknown("rsadecrypt() results are secrets a scan does not decrypt");
}

constexpr FunctionSpec kFunctions[] = {
    {"base64sha256", hash_of_string<Digest::Sha256, true>, 1, 1},
    {"base64sha512", hash_of_string<Digest::Sha512, true>, 1, 1},
    {"bcrypt", impure, 1, 2, UnknownArgs::Handle},
    {"md5", hash_of_string<Digest::Md5, false>, 1, 1},
    {"plantimestamp", impure, 0, 0},
    {"rsadecrypt", fn_rsadecrypt, 2, 2, UnknownArgs::Handle},
    {"sha1", hash_of_string<Digest::Sha1, false>, 1, 1},
    {"sha256", hash_of_string<Digest::Sha256, false>, 1, 1},
    {"sha512", hash_of_string<Digest::Sha512, false>, 1, 1},
    {"timestamp", impure, 0, 0},
    {"uuid", impure, 0, 0},
    {"uuidv5", fn_uuidv5, 2, 2},
};

}  // namespace

std::span<const FunctionSpec> hash_functions() { return kFunctions; }

}  // namespace cc::terraform::detail
