#pragma once
#include <string>
#include <string_view>

namespace cc::report {

// Escapes text for XML attribute values and character data.
std::string xml_escape(std::string_view s);

}  // namespace cc::report
