// IP network functions for IPv4 and IPv6 prefixes. Addresses are held as 128-bit
// integers; IPv4 uses the low 32 bits.
#include <arpa/inet.h>
#include <fmt/format.h>

#include <cmath>

#include "collect/tffunc/internal.h"

namespace cc::terraform::detail {
namespace {

using U128 = unsigned __int128;

struct Prefix {
  U128 address = 0;  // network address, host bits cleared
  int length = 0;
  int bits = 32;  // 32 for IPv4, 128 for IPv6
};

U128 all_ones(int bits) { return bits >= 128 ? ~U128{0} : (U128{1} << bits) - 1; }
U128 host_mask(const Prefix& p, int length) { return all_ones(p.bits - length); }
U128 net_mask(const Prefix& p, int length) { return all_ones(p.bits) & ~host_mask(p, length); }

std::optional<U128> parse_ipv4(std::string_view s) {
  U128 out = 0;
  int parts = 0;
  size_t pos = 0;
  while (parts < 4) {
    size_t start = pos;
    unsigned v = 0;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9' && pos - start < 3)
      v = v * 10 + static_cast<unsigned>(s[pos++] - '0');
    if (pos == start || v > 255) return std::nullopt;
    out = (out << 8) | v;
    ++parts;
    if (parts < 4) {
      if (pos >= s.size() || s[pos] != '.') return std::nullopt;
      ++pos;
    }
  }
  if (pos != s.size()) return std::nullopt;
  return out;
}

std::optional<U128> parse_ipv6(const std::string& s) {
  unsigned char bytes[16];
  if (inet_pton(AF_INET6, s.c_str(), bytes) != 1) return std::nullopt;
  U128 out = 0;
  for (unsigned char b : bytes) out = (out << 8) | b;
  return out;
}

Checked<Prefix> parse_prefix(const Call& c, size_t i) {
  auto text = arg_string(c, i);
  if (!text) return forward(text);
  size_t slash = text->find('/');
  auto bad = [&] { return fail(c, fmt::format("invalid CIDR prefix \"{}\"", *text)); };
  if (slash == std::string::npos) return bad();
  std::string addr = text->substr(0, slash);
  std::string len = text->substr(slash + 1);
  if (len.empty() || len.size() > 3 || len.find_first_not_of("0123456789") != std::string::npos)
    return bad();
  Prefix p;
  p.length = std::stoi(len);
  if (auto v4 = parse_ipv4(addr)) {
    p.bits = 32;
    p.address = *v4;
  } else if (auto v6 = parse_ipv6(addr)) {
    p.bits = 128;
    p.address = *v6;
  } else {
    return bad();
  }
  if (p.length > p.bits) return bad();
  p.address &= net_mask(p, p.length);
  return p;
}

std::string address_text(U128 a, int bits) {
  if (bits == 32)
    return fmt::format("{}.{}.{}.{}", static_cast<unsigned>((a >> 24) & 0xFF),
                       static_cast<unsigned>((a >> 16) & 0xFF),
                       static_cast<unsigned>((a >> 8) & 0xFF), static_cast<unsigned>(a & 0xFF));
  unsigned groups[8];
  for (int g = 0; g < 8; ++g) groups[g] = static_cast<unsigned>((a >> (112 - 16 * g)) & 0xFFFF);
  // The longest run of two or more zero groups becomes "::" (the first one on a tie).
  int best = -1, best_len = 0;
  for (int g = 0; g < 8;) {
    if (groups[g] != 0) {
      ++g;
      continue;
    }
    int start = g;
    while (g < 8 && groups[g] == 0) ++g;
    if (g - start > best_len) {
      best = start;
      best_len = g - start;
    }
  }
  if (best_len < 2) best = -1;
  std::string out;
  for (int g = 0; g < 8; ++g) {
    if (g == best) {
      out += "::";
      g += best_len - 1;
      continue;
    }
    if (!out.empty() && out.back() != ':') out += ':';
    out += fmt::format("{:x}", groups[g]);
  }
  return out;
}

std::string prefix_text(U128 a, int length, int bits) {
  return fmt::format("{}/{}", address_text(a, bits), length);
}

// A whole number of any sign that fits in 127 bits.
Checked<std::pair<bool, U128>> arg_big_integer(const Call& c, size_t i) {
  auto d = arg_number(c, i);
  if (!d) return forward(d);
  if (*d != std::floor(*d))
    return fail(c, fmt::format("argument {} must be a whole number", i + 1));
  if (std::fabs(*d) >= 1.7e38) return fail(c, fmt::format("argument {} is out of range", i + 1));
  return std::pair<bool, U128>{*d < 0, static_cast<U128>(std::fabs(*d))};
}

Outcome fn_cidrhost(Call& c) {
  auto p = parse_prefix(c, 0);
  if (!p) return forward(p);
  auto host = arg_big_integer(c, 1);
  if (!host) return forward(host);
  U128 size_minus_one = host_mask(*p, p->length);
  auto [negative, magnitude] = *host;
  bool fits =
      negative ? (magnitude != 0 && magnitude - 1 <= size_minus_one) : magnitude <= size_minus_one;
  if (!fits)
    return fail(c, fmt::format("a prefix of {} bits has no host numbered {}", p->length,
                               format_number(c.args[1].is_number() ? c.args[1].as_number() : 0)));
  U128 offset = negative ? size_minus_one - (magnitude - 1) : magnitude;
  return Value::string(address_text(p->address | offset, p->bits));
}

Outcome fn_cidrnetmask(Call& c) {
  auto p = parse_prefix(c, 0);
  if (!p) return forward(p);
  if (p->bits != 32) return fail(c, "IPv6 prefixes have no netmask");
  return Value::string(address_text(net_mask(*p, p->length), 32));
}

Checked<int> new_length(const Call& c, const Prefix& p, size_t arg) {
  auto nb = arg_integer(c, arg);
  if (!nb) return forward(nb);
  if (*nb < 0) return fail(c, "the number of new bits must not be negative");
  if (*nb > p.bits - p.length)
    return fail(c, fmt::format("not enough address space to extend a prefix of {} bits by {}",
                               p.length, *nb));
  return p.length + static_cast<int>(*nb);
}

Outcome fn_cidrsubnet(Call& c) {
  auto p = parse_prefix(c, 0);
  if (!p) return forward(p);
  auto len = new_length(c, *p, 1);
  if (!len) return forward(len);
  auto net = arg_big_integer(c, 2);
  if (!net) return forward(net);
  int newbits = *len - p->length;
  auto [negative, num] = *net;
  if (negative || num > all_ones(newbits))
    return fail(
        c,
        fmt::format("{} new bits cannot hold a subnet numbered {}{}", newbits, negative ? "-" : "",
                    format_number(std::fabs(c.args[2].is_number() ? c.args[2].as_number() : 0))));
  U128 shifted = newbits == 0 ? 0 : num << (p->bits - *len);
  return Value::string(prefix_text(p->address | shifted, *len, p->bits));
}

Outcome fn_cidrsubnets(Call& c) {
  auto p = parse_prefix(c, 0);
  if (!p) return forward(p);
  U128 width_mask = all_ones(p->bits);
  // Consecutive aligned blocks: the first starts at the prefix, each next one starts
  // after the end of the previous one, aligned up to its own size.
  U128 current = p->address;
  int current_len = p->length;
  List out;
  for (size_t i = 1; i < c.args.size(); ++i) {
    auto len = new_length(c, *p, i);
    if (!len) return forward(len);
    U128 next = p->address;
    if (i > 1) {
      U128 current_last = current | host_mask(*p, current_len);
      U128 aligned = current_last & net_mask(*p, *len);
      next = ((aligned | host_mask(*p, *len)) + 1) & width_mask;
      bool rollover = next == 0;
      if (rollover || (next & net_mask(*p, p->length)) != p->address)
        return fail(c, fmt::format("not enough address space left for a /{} after {}", *len,
                                   prefix_text(current, current_len, p->bits)));
    }
    current = next;
    current_len = *len;
    out.push_back(Value::string(prefix_text(current, current_len, p->bits)));
  }
  return Value::list(std::move(out));
}

constexpr FunctionSpec kFunctions[] = {
    {"cidrhost", fn_cidrhost, 2, 2},
    {"cidrnetmask", fn_cidrnetmask, 1, 1},
    {"cidrsubnet", fn_cidrsubnet, 3, 3},
    {"cidrsubnets", fn_cidrsubnets, 1, kVariadic},
};

}  // namespace

std::span<const FunctionSpec> ipnet_functions() { return kFunctions; }

}  // namespace cc::terraform::detail
