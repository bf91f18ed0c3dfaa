#pragma once
// The verdict of one rule on one resource.
#include <string>

#include "core/span.h"

namespace cc {

enum class Verdict : uint8_t { Pass, Fail, Unknown };
enum class Severity : uint8_t { Info, Low, Medium, High, Critical };

struct Finding {
  std::string rule_id;
  std::string resource_address;
  std::string resource_kind;
  Verdict verdict = Verdict::Unknown;
  Severity severity = Severity::Medium;
  std::string message;
  Span span;
  bool suppressed = false;
  std::string suppression_reason;
};

const char* to_string(Verdict v);
const char* to_string(Severity s);
// Parses "info|low|medium|high|critical" (any case); false if not one of them.
bool parse_severity(std::string_view text, Severity& out);

}  // namespace cc
