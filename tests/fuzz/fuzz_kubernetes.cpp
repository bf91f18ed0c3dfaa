// Arbitrary bytes through the Kubernetes path: YAML and JSON readers, the collector and
// every adapter. Any input must end in resources or diagnostics, never a crash.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "collect/doc/json_reader.h"
#include "collect/doc/yaml_reader.h"
#include "collect/kubernetes/kubernetes.h"
#include "model/kubernetes/kubernetes.h"

namespace {

void collect_and_adapt(const std::vector<cc::Value>& docs) {
  cc::Diagnostics diags;
  cc::Document doc;
  cc::collect::collect_kubernetes(docs, 1, doc, diags);
  std::vector<cc::Resource> canonical;
  cc::model::AdaptContext ctx{doc, canonical, diags};
  cc::model::kubernetes::adapt(ctx);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  cc::collect::Limits limits;
  limits.max_nodes = 100'000;  // keeps alias expansion cheap per input
  cc::Diagnostics diags;

  std::vector<cc::Value> yaml_docs;
  cc::collect::parse_yaml(text, 1, limits, yaml_docs, diags);
  collect_and_adapt(yaml_docs);

  cc::Value json;
  if (cc::collect::parse_json(text, 1, limits, json, diags)) collect_and_adapt({json});
  return 0;
}
