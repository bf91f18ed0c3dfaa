// libFuzzer target: a Terraform module (one file of arbitrary bytes) parsed and
// evaluated, with a child module calling itself so recursion limits are exercised.
// Evaluation must finish within the limits whatever the input: instance counts,
// module depth, reference cycles and function results are bounded.
#include <cstddef>
#include <cstdint>
#include <string>

#include "collect/terraform/terraform.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  cc::hcl::ParseLimits limits;
  limits.max_depth = 64;
  limits.max_bytes = 1 << 20;
  cc::terraform::ModuleSet modules;
  auto root = cc::terraform::parse_module("root", {{"root/main.tf", 1, text}}, limits);
  modules.by_dir["root"] = root;
  // "./self" resolves to a module whose text is the same input.
  modules.by_dir["root/self"] = cc::terraform::parse_module("root/self", {{"root/self/main.tf", 2, text}}, limits);
  cc::terraform::EvalOptions options;
  options.limits = limits;
  options.max_instances = 64;
  options.max_module_depth = 4;
  options.max_resources = 10'000;
  options.max_module_instances = 40;
  options.max_steps = 200'000;
  options.confine_dir = "/nonexistent-fuzz-root";
  cc::Diagnostics diags;
  cc::Document doc = cc::terraform::evaluate(*root, modules, options, diags);
  if (doc.resources.size() > options.max_resources) __builtin_trap();
  return 0;
}
