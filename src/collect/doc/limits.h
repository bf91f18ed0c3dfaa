#pragma once
// Explicit limits every reader enforces; exceeding one is a diagnostic, never a crash.
#include <cstddef>
#include <cstdint>

namespace cc::collect {

// Deeper trees would need more stack than a worker thread has to build, copy and
// free (values are recursive); --max-depth cannot go beyond this.
inline constexpr uint32_t kMaxDepthCeiling = 1000;

struct Limits {
  size_t max_file_bytes = 64u << 20;   // files larger than this are skipped with a diagnostic
  uint32_t max_depth = 200;            // nesting of maps/lists; at most kMaxDepthCeiling
  size_t max_nodes = 20'000'000;       // nodes per file, after YAML alias expansion
};

}  // namespace cc::collect
