#pragma once
// Kubernetes manifests (YAML or JSON, one or many documents per file) to raw resources
// of kind "k8s:<apiVersion>/<Kind>", one per object, with `List` objects expanded.
#include <cstdint>
#include <vector>

#include "core/resource.h"

namespace cc::collect {

// True when `doc` is a map whose apiVersion and kind are strings: the shape of a
// Kubernetes object (or a List of them).
bool looks_like_kubernetes(const Value& doc);

// Appends one raw resource per Kubernetes object found in `docs` (the documents of one
// file) to `out`, and sets out.format to "kubernetes". Empty documents are skipped;
// an object without kind, apiVersion or metadata.name is reported with its position
// and the remaining objects are still collected.
void collect_kubernetes(const std::vector<Value>& docs, uint32_t file, Document& out,
                        Diagnostics& diags);

}  // namespace cc::collect
