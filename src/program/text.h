#pragma once
// Small text helpers shared by the program's parsers of user input.
#include <string>
#include <string_view>

namespace cc::program {

// ASCII letters lower-cased, everything else as it is: keywords on the command line and
// in imported files are compared case-insensitively.
inline std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

}  // namespace cc::program
