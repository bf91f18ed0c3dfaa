// Where a module call's code lives: a local directory, or what `terraform init`
// downloaded and recorded in .terraform/modules/modules.json.
#include "collect/doc/json_reader.h"
#include "collect/terraform/terraform.h"

namespace cc::terraform {

ModuleDirs read_installed_modules(const std::filesystem::path& root_dir, const std::string& text) {
  ModuleDirs out;
  out.root_dir = root_dir;
  if (text.empty()) return out;
  Value doc;
  Diagnostics ignored;  // a damaged modules.json only means registry modules stay unknown
  if (!collect::parse_json(text, 0, collect::Limits{}, doc, ignored)) return out;
  const Value* mods = doc.find("Modules");
  if (!mods || !mods->is_list()) return out;
  for (const auto& m : mods->as_list()) {
    const Value* key = m.find("Key");
    const Value* dir = m.find("Dir");
    if (!key || !dir || !key->is_string() || !dir->is_string() || key->as_string().empty()) continue;
    out.installed[key->as_string()] = normal_dir(root_dir / dir->as_string());
  }
  return out;
}

std::optional<std::filesystem::path> resolve_source(const ModuleCall& call,
                                                    const std::filesystem::path& caller_dir,
                                                    const std::string& call_key, const ModuleDirs& dirs) {
  const std::string& s = call.source;
  if (s.rfind("./", 0) == 0 || s.rfind("../", 0) == 0 || s == "." || s == "..")
    return std::filesystem::path(normal_dir(caller_dir / s));
  auto it = dirs.installed.find(call_key);
  if (it != dirs.installed.end()) return it->second;
  return std::nullopt;
}

}  // namespace cc::terraform
