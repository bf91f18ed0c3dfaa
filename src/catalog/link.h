#pragma once
// A crosswalk link between two controls of different frameworks, with where it comes
// from and how far it can be trusted. Links are stored once and found from both ends.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cc::catalog {

struct Control;

// official: published by the owner of either standard (ISO Annex B, CSA, NIST OLIR).
// derived: inferred by us from published material (for example via a category).
// asserted: our own judgement with no published basis.
enum class Confidence : uint8_t { Official, Derived, Asserted };

const char* to_string(Confidence c);
std::optional<Confidence> parse_confidence(std::string_view text);

struct Link {
  std::string from;          // control ref, e.g. "iso27017:2015/12.4.1"
  std::string to;            // control ref, e.g. "iso27001:2022/A.8.15"
  std::string relationship;  // "corresponds", "primary", "related", "successor", "intersect"
  std::string source;        // the publication or reasoning the link rests on
  Confidence confidence = Confidence::Asserted;
  std::string remarks;
};

// A link seen from one of its ends: `other` is the control at the far end. It points into
// the Catalog that returned it and is valid as long as that Catalog lives.
struct MappedControl {
  const Link* link = nullptr;
  std::string_view other;            // ref of the far end
  std::string_view framework;        // framework of the far end
  bool reverse = false;              // true when the query matched the link's `to` end
  const Control* control = nullptr;  // far end when the catalog holds that framework
};

}  // namespace cc::catalog
