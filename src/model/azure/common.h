#pragma once
// Helpers every azurerm adapter shares: reading arguments under their current and
// previous provider names, converting loosely typed values while keeping source spans,
// and joining sub-resources to the resource they configure.
//
// Conventions (every adapter follows them):
// * An absent argument stays absent, so the schema default is applied later with
//   Provenance::Default. Where the provider's default differs between the resource
//   types folded into one kind, the adapter sets it explicitly with provider_default().
// * An unknown argument stays unknown (keeping its reference), never a guess.
// * An argument of the wrong type becomes unknown and adds a warning diagnostic
//   "azure.argument_type" at its span; it is never a crash.
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "model/base/adapt.h"

namespace cc::model::azure {

// The first of `names` the resource sets (current provider name first, then the names
// older major versions used), or nullptr. Dotted paths go through nested blocks.
const Value* arg(const Resource& raw, std::initializer_list<std::string_view> names);
// The same inside a block map (one element of tf::blocks()).
const Value* member(const Value* block, std::initializer_list<std::string_view> names);

// ---- conversions (each keeps the source span; unknown stays unknown) -----------------

Value to_bool(const Value& v, Diagnostics& diags);
Value to_number(const Value& v, Diagnostics& diags);
Value to_string(const Value& v, Diagnostics& diags);
// One string becomes a one-element list; an unknown element stays unknown.
Value to_string_list(const Value& v, Diagnostics& diags);

// Set `out[dotted]` from `src`, converted, only when `src` is not nullptr (or null).
bool set_bool(Value& out, std::string_view dotted, const Value* src, Diagnostics& diags);
bool set_number(Value& out, std::string_view dotted, const Value* src, Diagnostics& diags);
bool set_string(Value& out, std::string_view dotted, const Value* src, Diagnostics& diags);
bool set_string_list(Value& out, std::string_view dotted, const Value* src, Diagnostics& diags);

// A value the provider fills in when the argument is absent, marked as a default and
// placed at `span` (the resource's declaration).
Value provider_default(Value v, Span span);

// Whether an identifier argument (a key id, a subnet id) is effectively set: a
// non-empty string or a reference to another resource -> true; "" or absent -> false;
// an unknown without a reference (a variable without value) -> unknown.
Value is_set(const Value* v, Span fallback);

// A string naming another resource: the known string as written, or "${<address>}"
// for a reference to a resource of the configuration (its id is a fact even before
// apply), else the unknown itself.
Value reference_name(const Value& v);
Value reference_names(const Value& v);

// Resource tags as map<string>; an unknown tags value stays unknown.
Value tags_of(const Resource& raw, Diagnostics& diags);

// ---- joins -----------------------------------------------------------------------------

// True when `v` points at `parent`: a reference to its address, or a known Azure
// resource id whose last segment is the parent's known name (case-insensitive, as Azure
// compares names).
bool points_at(const Value& v, const Resource& parent, std::string_view parent_name_attr = "name");

// Raw resources of `type` whose argument (any of `link_args`) points at `parent`.
std::vector<const Resource*> children(const AdaptContext& ctx, std::string_view type,
                                      std::initializer_list<std::string_view> link_args,
                                      const Resource& parent);

// Raw resources of `type` naming `parent` by its name in `name_arg` (the older
// "server_name" / "virtual_network_name" style), by reference or known string.
std::vector<const Resource*> children_by_name(const AdaptContext& ctx, std::string_view type,
                                              std::string_view name_arg, const Resource& parent);

// The raw resource of the configuration that `v` references (any of `types`), or
// nullptr when `v` is not a reference or the target is not in the configuration.
const Resource* target_of(const AdaptContext& ctx, const Value& v,
                          std::initializer_list<std::string_view> types);

// A firewall rule resource (SQL, PostgreSQL, MySQL: start_ip_address / end_ip_address)
// as an azure.firewall_rule.
Value firewall_rule(const Resource& rule, Diagnostics& diags);

// Three-valued "or" of two bools: true when either is true, unknown when neither is true
// and one is unknown, else false. The result keeps the deciding value's span.
Value either(const Value& a, const Value& b);

// Lower-case ASCII copy, for comparing Azure names and enum spellings.
std::string lower(std::string_view s);

}  // namespace cc::model::azure
