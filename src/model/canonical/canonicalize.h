#pragma once
// Raw resources of one document → canonical resources, defaults applied.
#include <vector>

#include "core/resource.h"
#include "model/base/adapt.h"
#include "model/base/schema.h"

namespace cc::model {

// Returns the canonical resources the adapters derive from `doc`, each with its
// schema's defaults applied. Raw resources are not included. `kubernetes_scope`: see AdaptContext.
std::vector<Resource> canonicalize(const Document& doc, const SchemaRegistry& schemas,
                                   Diagnostics& diags,
                                   const kubernetes::FileFacts* kubernetes_scope = nullptr);

}  // namespace cc::model
