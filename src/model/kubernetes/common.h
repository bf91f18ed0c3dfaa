#pragma once
// Helpers every Kubernetes adapter uses: reading loosely typed manifest values into
// canonical ones (keeping their spans), and the identity of a canonical resource.
#include <optional>
#include <string>
#include <string_view>

#include "core/resource.h"

namespace cc::model::kubernetes {

// "k8s:apps/v1/Deployment" -> "Deployment"; "" for kinds that are not Kubernetes ones.
std::string_view object_kind(const Resource& raw);

// The object's namespace: metadata.namespace, else "default" marked as a default.
Value namespace_of(const Resource& raw);

// A canonical resource with the raw one's identity and position and `name`,
// `namespace` (unless cluster-scoped), `labels` and `annotations` already set.
Resource canonical_from(const Resource& raw, std::string kind, bool cluster_scoped);

// Member lookup that tolerates a missing parent; nullptr for absent or null members.
const Value* member(const Value* parent, std::string_view key);

// Copies of manifest values converted to the canonical type. Absent or null input
// gives nullopt (the field stays unset); a value of the wrong shape gives unknown.
std::optional<Value> to_bool(const Value* src, std::string_view field);
std::optional<Value> to_string(const Value* src, std::string_view field);
std::optional<Value> to_number(const Value* src, std::string_view field);

// A list of strings: each element converted as to_string(); absent input gives an
// empty list marked as a default.
Value to_string_list(const Value* src, std::string_view field);

// A map of strings (labels, annotations, selectors); absent input gives an empty map.
Value to_string_map(const Value* src, std::string_view field);

// Sets `key` when `v` holds a value.
void set_if(Value& dst, std::string key, std::optional<Value> v);

// A value filled in by the adapter from a documented Kubernetes default.
Value defaulted(Value v);

// An empty list or map the adapter creates so rules can iterate without null checks.
Value empty_list(Span span);
Value empty_map(Span span);

}  // namespace cc::model::kubernetes
