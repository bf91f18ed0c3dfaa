#pragma once
// Glob patterns as fileset() reads them: * and ? within one path segment, ** across
// segments, [a-z] / [!a-z] classes, {a,b} alternatives and \ escapes.
#include <optional>
#include <string_view>

namespace cc::terraform::detail {

// Whether `path` (segments separated by '/') matches `pattern`; nullopt when the
// pattern is malformed or too costly to evaluate.
std::optional<bool> glob_match(std::string_view pattern, std::string_view path);
// Whether escapes, classes and alternatives in `pattern` are complete.
bool glob_valid(std::string_view pattern);

}  // namespace cc::terraform::detail
