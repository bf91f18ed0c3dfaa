// libFuzzer target: the HCL native-syntax parser on arbitrary bytes, with a small depth
// limit so the nesting guard is reached often.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "collect/hcl/parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  cc::hcl::ParseLimits limits;
  limits.max_depth = 64;
  limits.max_bytes = 1 << 20;
  cc::hcl::Body body;
  cc::Diagnostics diags;
  cc::hcl::parse_hcl(std::string_view(reinterpret_cast<const char*>(data), size), 1, limits, body,
                     diags);
  for (const auto& d : diags) {
    if (d.span.line == 0) __builtin_trap();  // every problem must point somewhere
  }
  return 0;
}
