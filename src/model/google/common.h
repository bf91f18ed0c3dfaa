#pragma once
// Helpers the Google Cloud adapters share: copying arguments into canonical fields with
// their spans, reading the provider's string-typed booleans and durations, and the
// metadata keys that decide OS Login, project SSH keys and the serial console.
#include <optional>
#include <string>
#include <string_view>

#include "model/base/terraform.h"

namespace cc::model::google {

// Copies the argument at `dotted` (see tf::attr) into `out` at `path`, span included.
// Absent and null arguments leave the field absent so the schema default applies;
// unknown ones stay unknown.
void copy_attr(const Resource& raw, std::string_view dotted, Value& out, std::string_view path);

// As copy_attr, but reads loosely typed booleans ("true", "TRUE", 1) as bool.
void copy_bool(const Resource& raw, std::string_view dotted, Value& out, std::string_view path);

// Sets a boolean with a span; a convenience for facts derived from a block's presence.
void set_bool(Value& out, std::string_view path, bool b, Span span);

// Known true/false of a loosely typed boolean, nullopt when absent, null or unknown.
std::optional<bool> bool_of(const Value* v);

// The known string, or "" when `v` is absent, not a string or unknown.
std::string_view str_of(const Value* v);

// A duration written the way Google APIs take it ("7776000s", "86400.5s") in days;
// nullopt when it does not parse.
std::optional<double> duration_days(std::string_view text);

// Converts a duration argument into a number of days at `path`; unknown stays unknown,
// an unparseable string becomes unknown with a reason.
void copy_duration_days(const Resource& raw, std::string_view dotted, Value& out,
                        std::string_view path);

// A value naming something specific that is only known after apply (another
// resource's attribute, or a string built from such attributes) as the string that
// says so: the shape "serviceAccount:${google_service_account.ci.email}" or
// "${google_service_account.ci.member}". Other values are returned unchanged; an
// unknown with nothing behind it (a variable without a value) stays unknown.
Value named_or_unknown(const Value& v);

// A list argument as a canonical list of strings (single strings become one-element
// lists; elements pass through named_or_unknown). Absent gives nullopt.
std::optional<Value> string_list(const Value* v);

// Looks a metadata key up in the `metadata` map of an instance, template or node
// config, tolerating both spellings GCE accepts for booleans.
const Value* metadata_value(const Value* metadata, std::string_view key);

// Sets `encryption.kms_key` and `encryption.customer_managed_key` from a key argument
// (a KMS key name, written out or referenced). Absent leaves both to their defaults; a
// value with nothing known behind it makes customer_managed_key unknown.
void customer_key(const Value* key, Value& out);

}  // namespace cc::model::google
