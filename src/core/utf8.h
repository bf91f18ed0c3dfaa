#pragma once
// UTF-8 encoding of a code point, for readers that decode \u escapes.
#include <cstdint>
#include <string>

namespace cc {

// Appends the UTF-8 bytes of `cp` (callers pass valid scalar values, <= 0x10FFFF).
void append_utf8(std::string& out, uint32_t cp);

}  // namespace cc
