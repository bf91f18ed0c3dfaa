#pragma once
// Reads a template text with the project's own readers and collects it, so the tests
// exercise the same path a scan takes.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "collect/cloudformation/cloudformation.h"
#include "collect/doc/json_reader.h"
#include "collect/doc/yaml_reader.h"

namespace cc::collect::testing {

constexpr uint32_t kFile = 4;

inline Document collect_json(std::string_view text, Diagnostics& diags,
                             const CfnOptions& options = {}) {
  Value doc;
  EXPECT_TRUE(parse_json(text, kFile, Limits{}, doc, diags))
      << (diags.empty() ? "" : diags[0].message);
  return collect_cloudformation(doc, kFile, options, diags);
}

inline Document collect_yaml(std::string_view text, Diagnostics& diags,
                             const CfnOptions& options = {}) {
  std::vector<Value> docs;
  EXPECT_TRUE(parse_yaml(text, kFile, Limits{}, docs, diags))
      << (diags.empty() ? "" : diags[0].message);
  EXPECT_EQ(docs.size(), 1u);
  if (docs.empty()) return {};
  return collect_cloudformation(docs[0], kFile, options, diags);
}

inline const Resource* find_resource(const Document& doc, std::string_view address) {
  for (const auto& r : doc.resources)
    if (r.address == address) return &r;
  return nullptr;
}

// The evaluated property `dotted` (inside Properties) of resource `address`.
inline const Value* prop(const Document& doc, std::string_view address, std::string_view dotted) {
  const Resource* r = find_resource(doc, address);
  if (!r) return nullptr;
  const Value* props = r->attributes.find("Properties");
  return props ? props->at_path(dotted) : nullptr;
}

inline bool has_diag(const Diagnostics& diags, std::string_view code) {
  for (const auto& d : diags)
    if (d.code == code) return true;
  return false;
}

inline const Diagnostic* diag(const Diagnostics& diags, std::string_view code) {
  for (const auto& d : diags)
    if (d.code == code) return &d;
  return nullptr;
}

inline std::string read_data(const std::string& name) {
  std::ifstream in(std::string(CC_TEST_DATA) + "/cloudformation/" + name, std::ios::binary);
  EXPECT_TRUE(in.good()) << name;
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace cc::collect::testing
