#pragma once
// JSON to a Value tree on simdjson, with each value's file:line:col. Used for
// CloudFormation JSON templates, Kubernetes JSON manifests and any JSON input.
#include <string_view>

#include "collect/doc/limits.h"
#include "core/diagnostic.h"
#include "core/value.h"

namespace cc::collect {

// Parses one JSON document. On error adds a diagnostic with file:line:col (as close
// to the fault as can be found) and returns false; `out` is then unspecified.
bool parse_json(std::string_view text, uint32_t file, const Limits& limits, Value& out,
                Diagnostics& diags);

}  // namespace cc::collect
