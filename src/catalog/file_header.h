#pragma once
// The few fields at the top of a catalog data file, read without parsing the rest: the
// framework id, title and version of an OSCAL catalog, or the two frameworks a mapping
// file links. They let the catalog parse a large file (NIST SP 800-53 is close to 1 MB)
// only when something asks for its content.
#include <optional>
#include <string>
#include <string_view>

namespace cc::catalog {

struct CatalogHeader {
  std::string framework_id;
  std::string title;
  std::string version;
};

struct MappingHeader {
  std::string from_framework;
  std::string to_framework;
};

// nullopt when `text` (the whole file or its beginning) does not show the fields before
// the body starts, or is not JSON as far as it was read. Never throws.
std::optional<CatalogHeader> read_catalog_header(std::string_view text);
std::optional<MappingHeader> read_mapping_header(std::string_view text);

}  // namespace cc::catalog
