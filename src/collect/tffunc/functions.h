#pragma once
// Terraform's built-in pure functions over cc::Value: string, collection, encoding,
// numeric, IP network, type conversion, date/time formatting, hashing, and the file
// functions confined to the module directory. `try` and `can` are not here: they take
// unevaluated expressions, so the evaluator implements them.
//
// Unknown values: a function whose result depends on an unknown part of its arguments
// returns unknown; one that does not (length of a list with unknown elements, concat,
// merge, lookup of a known key) keeps the unknown elements where they are, as Terraform
// does. An unknown result keeps the Unknown::ref of the argument it came from when the
// function passes that value through (tostring, element, lookup, coalesce...).
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "core/value.h"

namespace cc::terraform {

struct FunctionContext {
  // file(), fileexists(), templatefile(), filebase64(), filesha256()...: paths are
  // resolved against this directory and may not leave `confine_dir` (the scanned root).
  std::filesystem::path base_dir;
  std::filesystem::path confine_dir;
  size_t max_file_bytes = size_t{16} << 20;
  // Renders template text with the given variables (a map); templatefile() needs the
  // evaluator for this. When empty, templatefile() returns unknown.
  std::function<Value(std::string_view text, const std::string& path, const Value& vars)>
      render_template;
};

// True for a function this library implements (with or without the "core::" prefix).
bool is_function(std::string_view name);

// Calls `name` with evaluated arguments; `name` may carry Terraform's "core::" prefix. A known function given arguments it cannot
// accept returns an error message a person understands ("element: index must be a
// number, got string"); the evaluator reports it at the call's position.
Result<Value, std::string> call_function(std::string_view name, std::vector<Value> args,
                                         const FunctionContext& ctx);

// A primitive as Terraform writes it in a string (numbers in full decimal, "true"),
// nullopt for null, lists, maps and unknowns. tostring() and string templates share it.
std::optional<std::string> primitive_text(const Value& v);

// Every supported function name, sorted (for the README and `--help`).
std::vector<std::string_view> function_names();

}  // namespace cc::terraform
