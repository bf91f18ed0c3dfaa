#pragma once
// The little Unicode the string functions need: UTF-8 decoding, user-perceived
// characters (an approximation of grapheme clusters: a base character with its
// combining marks, emoji modifiers and joiner sequences), white space as Go defines it,
// and simple case mapping for the Latin, Greek, Cyrillic and Armenian alphabets.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cc::terraform::detail {

bool valid_utf8(std::string_view s);
// Decodes one code point at `pos`, advancing it; invalid bytes decode as U+FFFD.
char32_t next_code_point(std::string_view s, size_t& pos);
void append_utf8(std::string& out, char32_t cp);
// The characters of `s` (grapheme-cluster approximation), as views into `s`.
std::vector<std::string_view> characters(std::string_view s);
bool is_space(char32_t cp);
char32_t to_upper(char32_t cp);
char32_t to_lower(char32_t cp);

}  // namespace cc::terraform::detail
