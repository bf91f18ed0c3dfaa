// The name -> function table and the one entry point the evaluator calls: arity checks
// and unknown propagation happen here once, so each function sees checked arguments.
#include <fmt/format.h>

#include <algorithm>
#include <exception>
#include <new>

#include "collect/tffunc/functions.h"
#include "collect/tffunc/internal.h"

namespace cc::terraform {
namespace {

using detail::FunctionSpec;

std::vector<FunctionSpec> build_table() {
  std::vector<FunctionSpec> all;
  for (auto family :
       {detail::string_functions(), detail::format_functions(), detail::regex_functions(),
        detail::collection_functions(), detail::set_functions(), detail::encoding_functions(),
        detail::json_functions(), detail::yaml_functions(), detail::numeric_functions(),
        detail::ipnet_functions(), detail::conversion_functions(), detail::hash_functions(),
        detail::datetime_functions(), detail::file_functions(), detail::sensitivity_functions()})
    all.insert(all.end(), family.begin(), family.end());
  std::sort(all.begin(), all.end(),
            [](const FunctionSpec& a, const FunctionSpec& b) { return a.name < b.name; });
  return all;
}

const std::vector<FunctionSpec>& table() {
  static const std::vector<FunctionSpec> t = build_table();
  return t;
}

const FunctionSpec* lookup(std::string_view name) {
  const auto& t = table();
  auto it = std::lower_bound(t.begin(), t.end(), name,
                             [](const FunctionSpec& s, std::string_view n) { return s.name < n; });
  return it != t.end() && it->name == name ? &*it : nullptr;
}

std::string arity_text(const FunctionSpec& s) {
  if (s.max_args == detail::kVariadic) return fmt::format("at least {}", s.min_args);
  if (s.min_args == s.max_args) return fmt::format("{}", s.min_args);
  return fmt::format("{} to {}", s.min_args, s.max_args);
}

// Terraform accepts the provider-namespaced spelling of every built-in.
std::string_view without_namespace(std::string_view name) {
  constexpr std::string_view kNamespace = "core::";
  if (name.starts_with(kNamespace)) name.remove_prefix(kNamespace.size());
  return name;
}

}  // namespace

bool is_function(std::string_view name) { return lookup(without_namespace(name)) != nullptr; }

std::vector<std::string_view> function_names() {
  std::vector<std::string_view> names;
  for (const auto& s : table()) names.push_back(s.name);
  return names;
}

Result<Value, std::string> call_function(std::string_view name, std::vector<Value> args,
                                         const FunctionContext& ctx) {
  name = without_namespace(name);
  const FunctionSpec* spec = lookup(name);
  if (!spec) return unexpected(fmt::format("there is no function named \"{}\"", name));
  if (args.size() < spec->min_args ||
      (spec->max_args != detail::kVariadic && args.size() > spec->max_args))
    return unexpected(fmt::format(
        "{}: expects {} argument{}, got {}", name, arity_text(*spec),
        spec->min_args == 1 && (spec->max_args == 1 || spec->max_args == detail::kVariadic) ? ""
                                                                                            : "s",
        args.size()));
  detail::Call call{spec->name, args, ctx};
  if (spec->unknowns == detail::UnknownArgs::Propagate) {
    for (const auto& a : args)
      if (a.contains_unknown()) return detail::unknown_result(call);
  }
  // The functions report bad input as errors; this guard only turns an allocation
  // failure on an absurd input into an error instead of ending the scan.
  try {
    return spec->impl(call);
  } catch (const std::bad_alloc&) {
    return unexpected(fmt::format("{}: result too large", name));
  } catch (const std::exception& e) {
    return unexpected(fmt::format("{}: {}", name, e.what()));
  }
}

}  // namespace cc::terraform
