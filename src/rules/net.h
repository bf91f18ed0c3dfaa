#pragma once
// IPv4 and IPv6 networks in CIDR notation, for the rule helpers that ask whether a
// firewall rule admits the whole internet or only private address space.
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace cc::rules {

struct Cidr {
  bool v6 = false;
  std::array<uint8_t, 16> addr{};  // network byte order; IPv4 uses the first 4 bytes
  int prefix = 0;                  // 0..32 (IPv4) or 0..128 (IPv6)
  [[nodiscard]] int bits() const { return v6 ? 128 : 32; }
};

// Parses "10.0.0.0/8", "2001:db8::/32", or a bare address (a single host).
// Returns nullopt for anything else, including prefixes out of range.
std::optional<Cidr> parse_cidr(std::string_view text);

// True when `outer` holds every address of `inner`; networks of different families
// never contain each other.
bool cidr_contains(const Cidr& outer, const Cidr& inner);

// A /0 network of either family: every address.
inline bool open_to_internet(const Cidr& c) { return c.prefix == 0; }

// Entirely inside private, shared, loopback or link-local space: RFC 1918, 100.64/10,
// 127/8, 169.254/16, fc00::/7, fe80::/10 and ::1.
bool is_private_cidr(const Cidr& c);

}  // namespace cc::rules
