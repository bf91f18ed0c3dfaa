#pragma once
// Three-valued truth: rules reason about configurations with values nobody can know at
// scan time, and "unknown" must never collapse into "false" (or into a pass).
#include <cstdint>

namespace cc::rules {

enum class Tri : uint8_t { False, True, Unknown };

inline Tri tri(bool b) { return b ? Tri::True : Tri::False; }

// Kleene conjunction and disjunction: a decided side wins over an unknown one.
inline Tri tri_and(Tri a, Tri b) {
  if (a == Tri::False || b == Tri::False) return Tri::False;
  if (a == Tri::Unknown || b == Tri::Unknown) return Tri::Unknown;
  return Tri::True;
}
inline Tri tri_or(Tri a, Tri b) {
  if (a == Tri::True || b == Tri::True) return Tri::True;
  if (a == Tri::Unknown || b == Tri::Unknown) return Tri::Unknown;
  return Tri::False;
}
inline Tri tri_not(Tri a) {
  if (a == Tri::Unknown) return a;
  return a == Tri::True ? Tri::False : Tri::True;
}

}  // namespace cc::rules
