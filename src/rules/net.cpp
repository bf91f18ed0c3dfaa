#include "rules/net.h"

#include <arpa/inet.h>

#include <charconv>
#include <string>

namespace cc::rules {

std::optional<Cidr> parse_cidr(std::string_view text) {
  size_t slash = text.find('/');
  std::string_view address = text.substr(0, slash);
  if (address.empty() || address.size() > 64) return std::nullopt;
  Cidr c;
  // inet_pton needs a terminated string; the address is short, so this copy is cheap.
  std::string addr(address);
  if (addr.find(':') != std::string::npos) {
    c.v6 = true;
    if (inet_pton(AF_INET6, addr.c_str(), c.addr.data()) != 1) return std::nullopt;
  } else if (inet_pton(AF_INET, addr.c_str(), c.addr.data()) != 1) {
    return std::nullopt;
  }
  c.prefix = c.bits();
  if (slash != std::string_view::npos) {
    std::string_view digits = text.substr(slash + 1);
    if (digits.empty() || digits.size() > 3) return std::nullopt;
    int prefix = -1;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), prefix);
    if (ec != std::errc{} || end != digits.data() + digits.size()) return std::nullopt;
    if (prefix < 0 || prefix > c.bits()) return std::nullopt;
    c.prefix = prefix;
  }
  return c;
}

namespace {

// Whether the first `prefix` bits of two addresses agree.
bool same_prefix(const std::array<uint8_t, 16>& a, const std::array<uint8_t, 16>& b, int prefix) {
  int full = prefix / 8;
  for (int i = 0; i < full; ++i)
    if (a[i] != b[i]) return false;
  int rest = prefix % 8;
  if (rest == 0) return true;
  auto mask = static_cast<uint8_t>(0xFFu << (8 - rest));
  return (a[full] & mask) == (b[full] & mask);
}

Cidr literal(std::string_view text) { return *parse_cidr(text); }

}  // namespace

bool cidr_contains(const Cidr& outer, const Cidr& inner) {
  if (outer.v6 != inner.v6 || outer.prefix > inner.prefix) return false;
  return same_prefix(outer.addr, inner.addr, outer.prefix);
}

bool is_private_cidr(const Cidr& c) {
  static const std::array<Cidr, 6> v4 = {literal("10.0.0.0/8"),     literal("172.16.0.0/12"),
                                         literal("192.168.0.0/16"), literal("100.64.0.0/10"),
                                         literal("127.0.0.0/8"),    literal("169.254.0.0/16")};
  static const std::array<Cidr, 3> v6 = {literal("fc00::/7"), literal("fe80::/10"),
                                         literal("::1/128")};
  if (c.v6) {
    for (const auto& range : v6)
      if (cidr_contains(range, c)) return true;
    return false;
  }
  for (const auto& range : v4)
    if (cidr_contains(range, c)) return true;
  return false;
}

}  // namespace cc::rules
