#include "collect/tfplan/address.h"

#include <fmt/format.h>

#include <cmath>

namespace cc::collect {

std::string terraform_instance_key(const Value& key) {
  if (key.is_number()) {
    const double d = key.as_number();
    if (!std::isfinite(d)) return {};
    if (d == std::floor(d) && std::fabs(d) < 9.007199254740992e15)
      return fmt::format("[{}]", static_cast<long long>(d));
    return fmt::format("[{}]", d);
  }
  if (!key.is_string()) return {};
  std::string out = "[\"";
  for (char c : key.as_string()) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  out += "\"]";
  return out;
}

}  // namespace cc::collect
