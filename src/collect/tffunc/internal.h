#pragma once
// Plumbing shared by the function families: the call record, argument readers that
// apply Terraform's automatic conversions (a number where a string is wanted becomes
// its decimal text, a numeric string where a number is wanted becomes the number), the
// set model, and the limits that keep hostile configurations from exhausting memory.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "collect/tffunc/functions.h"
#include "core/result.h"
#include "core/value.h"

namespace cc::terraform::detail {

using Outcome = Result<Value, std::string>;
template <class T>
using Checked = Result<T, std::string>;

// A result with more elements than this is an error rather than a memory blow-up.
inline constexpr size_t kMaxElements = 1'000'000;
// A string result longer than this is an error.
inline constexpr size_t kMaxStringBytes = size_t{64} << 20;
// Recursion over nested values stops here (matches the readers' depth ceiling).
inline constexpr int kMaxDepth = 1000;

struct Call {
  std::string_view name;
  std::vector<Value>& args;
  const FunctionContext& ctx;
};

enum class UnknownArgs : uint8_t {
  Propagate,  // any unknown anywhere in the arguments makes the whole result unknown
  Handle,     // the function inspects unknowns itself (keeps refs, partial results)
};

inline constexpr uint8_t kVariadic = 255;

struct FunctionSpec {
  std::string_view name;
  Outcome (*impl)(Call&);
  uint8_t min_args;
  uint8_t max_args;  // kVariadic: no upper bound
  UnknownArgs unknowns = UnknownArgs::Propagate;
};

// One table per family; registry.cpp merges them.
std::span<const FunctionSpec> string_functions();
std::span<const FunctionSpec> format_functions();
std::span<const FunctionSpec> regex_functions();
std::span<const FunctionSpec> collection_functions();
std::span<const FunctionSpec> set_functions();
std::span<const FunctionSpec> encoding_functions();
std::span<const FunctionSpec> json_functions();
std::span<const FunctionSpec> yaml_functions();
std::span<const FunctionSpec> numeric_functions();
std::span<const FunctionSpec> ipnet_functions();
std::span<const FunctionSpec> conversion_functions();
std::span<const FunctionSpec> hash_functions();
std::span<const FunctionSpec> datetime_functions();
std::span<const FunctionSpec> file_functions();
std::span<const FunctionSpec> sensitivity_functions();

// "name: message" as the error of a call.
Unexpected<std::string> fail(const Call& c, std::string_view message);
template <class T>
Unexpected<std::string> forward(const Checked<T>& r) {
  return {r.error()};
}

// The unknown a function returns when its result depends on something not yet known.
Value unknown_result(const Call& c);
// First unknown found in `v` (depth-first), or nullptr.
const Value* first_unknown(const Value& v);

// Terraform's number text: no exponent, no trailing ".0" ("3", "1.5", "1e+21" -> digits).
std::string format_number(double d);
// A primitive as text the way Terraform converts it to string; nullopt for others.
std::optional<std::string> to_text(const Value& v);
// A number, or a string that parses completely as a decimal number.
std::optional<double> to_number(const Value& v);

Checked<std::string> arg_string(const Call& c, size_t i);
Checked<double> arg_number(const Call& c, size_t i);
// A whole number that fits in int64 (indexes, counts, bit widths).
Checked<int64_t> arg_integer(const Call& c, size_t i);
Checked<bool> arg_bool(const Call& c, size_t i);
Checked<const List*> arg_list(const Call& c, size_t i);
Checked<const Map*> arg_map(const Call& c, size_t i);

// Equality as Terraform sees it: maps compare regardless of member order, numbers by
// value, and a string equals a number or bool whose text it is.
bool same_value(const Value& a, const Value& b);
// A text key equal for values Terraform considers equal (map order ignored); for
// hashing in sets and distinct().
std::string identity_key(const Value& v);
// A set as this library models it: a list without duplicates; all-string sets sorted
// lexically and all-number sets numerically, as Terraform orders them.
Value make_set(List items);
// Compact JSON with keys sorted, strings escaped as Terraform's jsonencode does. With
// `keep_references`, an unknown that names a reference or keeps a shape is written as
// the string "${ref}" (or its shape); any other unknown makes the result nullopt.
std::optional<std::string> json_text(const Value& v, bool keep_references = false);
// Gives `v` and everything inside it the span `s` (decoded documents point at the
// call that decoded them, not at lines of the embedded text).
void set_spans(Value& v, Span s);
// Builds a map where a later value for a key replaces the earlier one, in time linear in
// the number of members (merge, zipmap and transpose can be fed very large inputs).
class MapBuilder {
 public:
  // The value stored under `key`, created as `initial` when absent.
  Value& slot(const std::string& key, Value initial);
  void set(const std::string& key, Value v) { slot(key, Value::null()) = std::move(v); }
  // The members sorted by key.
  Value finish() &&;

 private:
  Map members_;
  std::unordered_map<std::string, size_t> index_;
};
// Members sorted by key, as Terraform orders map keys.
Value sorted_map(Map members);

}  // namespace cc::terraform::detail
