#pragma once
// The `configuration` section of a plan, indexed so a resource instance
// (`module.net[0].aws_subnet.private["a"]`) finds the expressions it was declared with.
// Internal to the plan reader.
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/value.h"

namespace cc::collect::tfplan {

// "module.net[0].module.db" -> "module.net.module.db": configuration is per module
// call, not per module instance.
std::string strip_instance_keys(std::string_view address);

class ConfigurationIndex {
 public:
  // `configuration` may be null or malformed; lookups then find nothing.
  explicit ConfigurationIndex(const Value* configuration, uint32_t max_depth = 200);

  // The `expressions` object of the resource `type.name` (`data.type.name` when
  // `data`) declared in the module instance at `module_address` ("" for the root), or
  // nullptr.
  [[nodiscard]] const Value* expressions(std::string_view module_address, bool data,
                                         std::string_view type, std::string_view name) const;

 private:
  void add_module(const Value& module, const std::string& prefix, uint32_t depth);

  uint32_t max_depth_;
  std::unordered_map<std::string, const Value*> expressions_;
};

}  // namespace cc::collect::tfplan
