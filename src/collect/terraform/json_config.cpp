#include "collect/hcl/json_syntax.h"
#include "collect/hcl/json_terraform_spec.h"
#include "collect/terraform/internal.h"

namespace cc::terraform {

bool parse_json_configuration(std::string_view text, uint32_t file, const hcl::ParseLimits& limits,
                              hcl::Body& out, Diagnostics& diags) {
  return hcl::parse_hcl_json(text, file, limits, hcl::terraform_json_spec(), out, diags);
}

}  // namespace cc::terraform
