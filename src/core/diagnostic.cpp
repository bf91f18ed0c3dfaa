#include "core/diagnostic.h"

namespace cc {

const char* to_string(DiagLevel l) {
  switch (l) {
    case DiagLevel::Error: return "error";
    case DiagLevel::Warning: return "warning";
    case DiagLevel::Note: return "note";
  }
  return "error";
}

}  // namespace cc
