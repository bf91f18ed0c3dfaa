#include "catalog/mapping_reader.h"

#include <fmt/format.h>

#include "catalog/ref.h"

namespace cc::catalog {

std::vector<Link> read_mapping_file(const JsonFile& file, Diagnostics& diags) {
  using nlohmann::json;
  std::vector<Link> out;
  const json* collection = member(file.root(), "mapping-collection");
  const json* links = collection ? member(*collection, "links") : nullptr;
  if (links == nullptr || !links->is_array()) {
    file.report(diags, DiagLevel::Error, "mapping.format",
                "not a mapping file: expected \"mapping-collection\" with a \"links\" array",
                "mapping-collection");
    return out;
  }
  out.reserve(links->size());
  for (const json& entry : *links) {
    std::string_view from = string_member(entry, "from");
    std::string_view to = string_member(entry, "to");
    std::string_view source = string_member(entry, "source");
    std::string_view confidence_text = string_member(entry, "confidence");
    // The first field that is present names the entry in the diagnostic's position.
    std::string_view near = !from.empty() ? from : (!to.empty() ? to : std::string_view("links"));
    if (!split_ref(from) || !split_ref(to)) {
      file.report(diags, DiagLevel::Error, "mapping.format",
                  fmt::format("link needs \"from\" and \"to\" as <framework>/<control> (got \"{}\" "
                              "and \"{}\"); skipped",
                              from, to),
                  near);
      continue;
    }
    auto confidence = parse_confidence(confidence_text);
    if (!confidence) {
      file.report(diags, DiagLevel::Error, "mapping.format",
                  fmt::format("link {} -> {}: confidence \"{}\" is not official, derived or "
                              "asserted; skipped",
                              from, to, confidence_text),
                  near);
      continue;
    }
    if (source.empty()) {
      file.report(diags, DiagLevel::Error, "mapping.format",
                  fmt::format("link {} -> {} has no source; skipped", from, to), near);
      continue;
    }
    out.push_back(Link{std::string(from), std::string(to),
                       std::string(string_member(entry, "relationship")), std::string(source),
                       *confidence, std::string(string_member(entry, "remarks"))});
  }
  return out;
}

}  // namespace cc::catalog
