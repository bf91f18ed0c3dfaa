#pragma once
// Pieces of the Terraform stage shared between its files, not part of its interface.
#include <string_view>

#include "collect/hcl/ast.h"
#include "collect/hcl/parser.h"
#include "core/diagnostic.h"

namespace cc::terraform {

// A .tf.json or .tfvars.json file, read with Terraform's JSON-syntax block schema.
// The attribute of that name in a body, or nullptr.
inline const hcl::Attribute* find_attribute(const hcl::Body& body, std::string_view name) {
  for (const auto& a : body.attributes)
    if (a.name == name) return &a;
  return nullptr;
}

bool parse_json_configuration(std::string_view text, uint32_t file, const hcl::ParseLimits& limits,
                              hcl::Body& out, Diagnostics& diags);

}  // namespace cc::terraform
