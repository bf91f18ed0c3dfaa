#pragma once
// Terraform's address syntax, shared by the plan reader and the configuration evaluator.
#include <string>

#include "core/value.h"

namespace cc::collect {

// `[0]` for a count index, `["eu"]` for a for_each key (quotes and backslashes
// escaped); "" for anything else.
std::string terraform_instance_key(const Value& key);

}  // namespace cc::collect
