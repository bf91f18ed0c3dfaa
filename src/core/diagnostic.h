#pragma once
// A problem with the input (not with the cloud configuration): a file that does not
// parse, a limit exceeded, an unresolvable reference. The scan goes on after one.
#include <string>
#include <vector>

#include "core/span.h"

namespace cc {

enum class DiagLevel : uint8_t { Error, Warning, Note };

struct Diagnostic {
  DiagLevel level = DiagLevel::Error;
  std::string code;     // stable identifier, e.g. "yaml.syntax", "limit.depth"
  std::string message;  // for people
  Span span;
};

using Diagnostics = std::vector<Diagnostic>;

const char* to_string(DiagLevel l);

}  // namespace cc
