#pragma once
// Kubernetes label selectors (matchLabels and matchExpressions).
#include <optional>

#include "core/value.h"

namespace cc::model::kubernetes {

// True when `selector` (a LabelSelector as written in a manifest) selects an object
// with `labels`; nullopt when the selector is malformed or not known at scan time.
// An absent or empty selector selects everything, as in NetworkPolicy.podSelector.
std::optional<bool> selector_matches(const Value* selector, const Value* labels);

// True when the selector is absent or has no requirements.
bool selector_is_empty(const Value* selector);

}  // namespace cc::model::kubernetes
