#pragma once
// A pod spec (of a Pod or of any controller's pod template) in the one canonical shape
// every workload kind shares.
#include "core/value.h"

namespace cc::model::kubernetes {

// `spec` is the PodSpec, `metadata` the pod's (or template's) metadata. Returns an
// unknown value when the spec is missing or not a mapping.
Value normalise_pod(const Value* spec, const Value* metadata, Span at);

}  // namespace cc::model::kubernetes
