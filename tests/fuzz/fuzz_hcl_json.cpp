// libFuzzer target: the HCL JSON syntax reader on arbitrary bytes, with the Terraform
// spec and with a spec that reads every object as a block; the same bytes also go
// through the template and expression entry points that JSON strings use.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "collect/hcl/json_syntax.h"
#include "collect/hcl/json_terraform_spec.h"
#include "collect/hcl/parser.h"

namespace {

void check(const cc::Diagnostics& diags) {
  for (const auto& d : diags) {
    if (d.span.line == 0) __builtin_trap();  // every problem must point somewhere
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  cc::hcl::ParseLimits limits;
  limits.max_depth = 64;
  limits.max_bytes = 1 << 20;

  static const cc::hcl::BodySpec all_blocks = [] {
    cc::hcl::BodySpec spec;
    spec.unknown_objects_are_attributes = false;
    return spec;
  }();
  for (const cc::hcl::BodySpec* spec : {&cc::hcl::terraform_json_spec(), &all_blocks}) {
    cc::hcl::Body body;
    cc::Diagnostics diags;
    cc::hcl::parse_hcl_json(text, 1, limits, *spec, body, diags);
    check(diags);
  }

  cc::Diagnostics diags;
  const cc::Span start{1, 2, 5};
  cc::hcl::parse_template(text, 1, start, limits, diags);
  cc::hcl::parse_expression(text, 1, start, limits, diags);
  check(diags);
  return 0;
}
