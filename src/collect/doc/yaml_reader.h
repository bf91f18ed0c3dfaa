#pragma once
// YAML (1.1/1.2 core schema) to Value trees, one per document, on libyaml.
// Plain scalars are typed (null, bool, int, float) as YAML's core schema says; quoted
// scalars stay strings. A local tag such as `!Ref x` or `!GetAtt a.b` becomes a
// one-member map {"!Ref": x}: readers stay format-agnostic, and the CloudFormation
// collector turns those into intrinsic functions. Anchors and aliases are expanded
// within Limits::max_nodes (so alias bombs end in a diagnostic).
#include <string_view>
#include <vector>

#include "collect/doc/limits.h"
#include "core/diagnostic.h"
#include "core/value.h"

namespace cc::collect {

// Parses every document of `text` into `docs`. On a syntax error a diagnostic with
// file:line:col is added, documents parsed before it are kept, and false is returned.
bool parse_yaml(std::string_view text, uint32_t file, const Limits& limits,
                std::vector<Value>& docs, Diagnostics& diags);

}  // namespace cc::collect
