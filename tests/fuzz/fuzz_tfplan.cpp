// libFuzzer target: `terraform show -json` documents on arbitrary bytes, read as JSON
// and then as a plan whether or not they look like one.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "collect/doc/json_reader.h"
#include "collect/tfplan/tfplan.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  cc::collect::Limits limits;
  limits.max_depth = 64;
  limits.max_file_bytes = 1 << 20;
  cc::Value doc;
  cc::Diagnostics diags;
  if (!cc::collect::parse_json(std::string_view(reinterpret_cast<const char*>(data), size), 1,
                               limits, doc, diags)) {
    return 0;
  }
  cc::Document out = cc::collect::collect_terraform_plan(doc, 1, diags);
  for (const auto& d : diags) {
    if (d.span.line == 0) __builtin_trap();  // every problem must point somewhere
  }
  for (const auto& r : out.resources) {
    if (r.address.empty() || r.kind.size() <= 3 || !r.attributes.is_map()) __builtin_trap();
  }
  return 0;
}
