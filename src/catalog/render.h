#pragma once
// Text tables and JSON documents for catalog entries, as the `catalog` command prints
// them. Kept here so the command file only handles arguments and so output is tested.
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/catalog.h"

namespace cc::catalog {

// Ordered JSON keeps fields in reading order (ref, title, ...) for people and diffs.
using Json = nlohmann::ordered_json;

Json to_json(const Framework& framework, std::span<const Control> controls);
Json to_json(const Control& control);
Json to_json(const MappedControl& mapped);

// One row per framework: id, controls, with cloud guidance, title.
std::string frameworks_table(const Catalog& catalog);
// One row per control: id, party, cloud guidance, automation, title.
std::string controls_table(std::span<const Control* const> controls);
// The control's details followed by its mappings.
std::string control_text(const Control& control, std::span<const MappedControl> mappings);
// One row per link: far end, relationship, confidence, source, title where known.
std::string mappings_table(std::span<const MappedControl> mappings);

// Columns padded to the widest cell (counting UTF-8 code points), two spaces apart.
std::string format_table(const std::vector<std::string>& header,
                         const std::vector<std::vector<std::string>>& rows);

}  // namespace cc::catalog
