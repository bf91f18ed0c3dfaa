// Fn::Cidr: split an address block into `count` consecutive subnets, each with
// `host_bits` bits for hosts, for IPv4 and IPv6 alike.
#include <arpa/inet.h>
#include <fmt/format.h>

#include <charconv>
#include <cstring>

#include "collect/cloudformation/evaluator.h"

namespace cc::collect::cfn {
namespace {

using Address = unsigned __int128;  // both families fit; IPv4 uses the low 32 bits

}  // namespace

bool cidr_subnets(std::string_view block, long count, long host_bits, std::vector<std::string>& out,
                  std::string& error) {
  size_t slash = block.find('/');
  if (slash == std::string_view::npos) {
    error = fmt::format("'{}' is not an address block such as 10.0.0.0/16", block);
    return false;
  }
  std::string address_text(block.substr(0, slash));
  std::string_view prefix_text = block.substr(slash + 1);
  int prefix = -1;
  auto [end, ec] =
      std::from_chars(prefix_text.data(), prefix_text.data() + prefix_text.size(), prefix);
  bool v6 = address_text.find(':') != std::string::npos;
  int total_bits = v6 ? 128 : 32;
  unsigned char bytes[16] = {};
  if (ec != std::errc{} || end != prefix_text.data() + prefix_text.size() || prefix < 0 ||
      prefix > total_bits || inet_pton(v6 ? AF_INET6 : AF_INET, address_text.c_str(), bytes) != 1) {
    error = fmt::format("'{}' is not a valid address block", block);
    return false;
  }
  if (count < 1 || count > 256) {
    error = fmt::format("the subnet count must be between 1 and 256, not {}", count);
    return false;
  }
  int subnet_prefix = total_bits - static_cast<int>(host_bits);
  if (host_bits < 0 || host_bits > total_bits || subnet_prefix < prefix) {
    error = fmt::format("{} host bits do not fit in a /{} block", host_bits, prefix);
    return false;
  }
  int subnet_bits = subnet_prefix - prefix;
  if (subnet_bits < 9 && (1L << subnet_bits) < count) {
    error = fmt::format("a /{} block holds only {} subnets of /{}", prefix, 1L << subnet_bits,
                        subnet_prefix);
    return false;
  }

  Address base = 0;
  for (int i = 0; i < total_bits / 8; ++i) base = (base << 8) | bytes[i];
  if (prefix < total_bits) {
    Address host_mask = (Address{1} << (total_bits - prefix)) - 1;
    base &= ~host_mask;
  }
  for (long i = 0; i < count; ++i) {
    Address subnet = base + (host_bits == 128 ? 0 : (static_cast<Address>(i) << host_bits));
    for (int b = total_bits / 8 - 1; b >= 0; --b) {
      bytes[b] = static_cast<unsigned char>(subnet & 0xff);
      subnet >>= 8;
    }
    char text[INET6_ADDRSTRLEN] = {};
    inet_ntop(v6 ? AF_INET6 : AF_INET, bytes, text, sizeof text);
    out.push_back(fmt::format("{}/{}", text, subnet_prefix));
  }
  return true;
}

}  // namespace cc::collect::cfn
