#include "collect/tfplan/configuration_index.h"

namespace cc::collect::tfplan {
namespace {

std::string key(std::string_view module_path, bool data, std::string_view type,
                std::string_view name) {
  std::string k(module_path);
  if (!k.empty()) k += '.';
  if (data) k += "data.";
  k += type;
  k += '.';
  k += name;
  return k;
}

std::string_view string_member(const Value& v, std::string_view name) {
  const Value* m = v.find(name);
  return m && m->is_string() ? std::string_view(m->as_string()) : std::string_view();
}

}  // namespace

std::string strip_instance_keys(std::string_view address) {
  std::string out;
  out.reserve(address.size());
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < address.size(); ++i) {
    const char c = address[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"' && depth > 0) {
      in_string = true;
    } else if (c == '[') {
      ++depth;
    } else if (c == ']') {
      if (depth > 0) --depth;
    } else if (depth == 0) {
      out += c;
    }
  }
  return out;
}

ConfigurationIndex::ConfigurationIndex(const Value* configuration, uint32_t max_depth)
    : max_depth_(max_depth) {
  if (!configuration || !configuration->is_map()) return;
  if (const Value* root = configuration->find("root_module"); root && root->is_map()) {
    add_module(*root, "", 0);
  }
}

void ConfigurationIndex::add_module(const Value& module, const std::string& prefix,
                                    uint32_t depth) {
  if (depth > max_depth_) return;
  if (const Value* resources = module.find("resources"); resources && resources->is_list()) {
    for (const Value& r : resources->as_list()) {
      if (!r.is_map()) continue;
      const Value* exprs = r.find("expressions");
      if (!exprs || !exprs->is_map()) continue;
      const std::string_view type = string_member(r, "type");
      const std::string_view name = string_member(r, "name");
      if (type.empty() || name.empty()) continue;
      const bool data = string_member(r, "mode") == "data";
      expressions_.emplace(key(prefix, data, type, name), exprs);
    }
  }
  if (const Value* calls = module.find("module_calls"); calls && calls->is_map()) {
    for (const Member& call : calls->as_map()) {
      if (!call.value.is_map()) continue;
      const Value* child = call.value.find("module");
      if (!child || !child->is_map()) continue;
      std::string child_prefix = prefix;
      if (!child_prefix.empty()) child_prefix += '.';
      child_prefix += "module." + call.key;
      add_module(*child, child_prefix, depth + 1);
    }
  }
}

const Value* ConfigurationIndex::expressions(std::string_view module_address, bool data,
                                             std::string_view type, std::string_view name) const {
  const auto it = expressions_.find(key(strip_instance_keys(module_address), data, type, name));
  return it == expressions_.end() ? nullptr : it->second;
}

}  // namespace cc::collect::tfplan
