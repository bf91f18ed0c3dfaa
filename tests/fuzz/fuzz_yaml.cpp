// libFuzzer target: the YAML reader on arbitrary bytes, with small limits so alias
// expansion and nesting limits are reached often.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "collect/doc/yaml_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  cc::collect::Limits limits;
  limits.max_depth = 64;
  limits.max_nodes = 100000;
  std::vector<cc::Value> docs;
  cc::Diagnostics diags;
  cc::collect::parse_yaml(std::string_view(reinterpret_cast<const char*>(data), size), 1, limits, docs, diags);
  for (const auto& d : docs) (void)d.contains_unknown();
  return 0;
}
