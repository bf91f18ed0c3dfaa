// Arbitrary bytes through both readers and the CloudFormation collector: whatever the
// input, reading and collecting must end with diagnostics, never a crash or a hang.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "collect/cloudformation/cloudformation.h"
#include "collect/doc/json_reader.h"
#include "collect/doc/yaml_reader.h"

namespace {

void collect(const cc::Value& doc) {
  cc::Diagnostics diags;
  (void)cc::collect::looks_like_cloudformation(doc);
  cc::collect::CfnOptions options;
  options.parameter_overrides = {{"Env", "prod"}, {"Size", "3"}};
  cc::Document out = cc::collect::collect_cloudformation(doc, 1, options, diags);
  for (const auto& r : out.resources) (void)r.attributes.contains_unknown();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  cc::collect::Limits limits;
  limits.max_nodes = 100'000;  // keeps alias expansion quick enough for fuzzing

  cc::Diagnostics diags;
  cc::Value json;
  if (cc::collect::parse_json(text, 1, limits, json, diags)) collect(json);

  std::vector<cc::Value> docs;
  cc::collect::parse_yaml(text, 1, limits, docs, diags);
  for (const auto& doc : docs) collect(doc);
  return 0;
}
