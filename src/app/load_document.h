#pragma once
// One file's text → parsed documents → format detected by content → raw resources →
// canonical resources. The unit of work a scan runs in parallel.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "collect/doc/limits.h"
#include "core/resource.h"
#include "model/base/adapt.h"
#include "model/base/schema.h"

namespace cc::app {

struct LoadOptions {
  collect::Limits limits;
  std::map<std::string, std::string> cfn_parameters;  // --param Name=Value
  bool json_hint = false;                              // file name ends in .json
  const model::kubernetes::FileFacts* kubernetes_scope = nullptr;  // see gather_kubernetes_scope
};

struct LoadedFile {
  std::string format;               // "cloudformation", "kubernetes", or empty if neither
  std::vector<Resource> resources;  // raw resources first, then canonical ones
};

// Parses every document of `text` (JSON or YAML). Documents read before a syntax
// error are kept; returns false after an error.
bool parse_documents(std::string_view text, uint32_t file, const LoadOptions& options,
                     std::vector<Value>& docs, Diagnostics& diags);

LoadedFile load_document(std::string_view text, uint32_t file, const LoadOptions& options,
                         const model::SchemaRegistry& schemas, Diagnostics& diags);

}  // namespace cc::app
