#pragma once
// Typing of plain YAML scalars. Kubernetes and CloudFormation both read YAML with
// YAML 1.1 parsers, so the 1.1 booleans (yes/no/on/off) are booleans here too, as
// the tools that will deploy the file would see them.
#include <string_view>

#include "core/value.h"

namespace cc::collect {

// Resolves an untagged plain scalar to null, bool, number or string.
Value resolve_plain_scalar(std::string_view text, Span span);

// Resolves a scalar with a standard tag (!!str, !!int, !!float, !!bool, !!null);
// returns false if the text does not fit the tag.
bool resolve_tagged_scalar(std::string_view tag, std::string_view text, Span span, Value& out);

}  // namespace cc::collect
