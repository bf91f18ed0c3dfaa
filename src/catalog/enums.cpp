// Text forms of the catalog's small enumerations, as written in the data files.
#include "catalog/control.h"
#include "catalog/link.h"

namespace cc::catalog {

const char* to_string(Party p) {
  switch (p) {
    case Party::Both:
      return "both";
    case Party::Customer:
      return "CSC";
    case Party::Provider:
      return "CSP";
  }
  return "both";
}

std::optional<Party> parse_party(std::string_view text) {
  if (text == "both") return Party::Both;
  if (text == "CSC") return Party::Customer;
  if (text == "CSP") return Party::Provider;
  return std::nullopt;
}

const char* to_string(Automatable a) {
  switch (a) {
    case Automatable::Manual:
      return "manual";
    case Automatable::Partial:
      return "partial";
    case Automatable::Automated:
      return "automated";
  }
  return "manual";
}

std::optional<Automatable> parse_automatable(std::string_view text) {
  if (text == "manual") return Automatable::Manual;
  if (text == "partial") return Automatable::Partial;
  if (text == "automated") return Automatable::Automated;
  return std::nullopt;
}

const char* to_string(Confidence c) {
  switch (c) {
    case Confidence::Official:
      return "official";
    case Confidence::Derived:
      return "derived";
    case Confidence::Asserted:
      return "asserted";
  }
  return "asserted";
}

std::optional<Confidence> parse_confidence(std::string_view text) {
  if (text == "official") return Confidence::Official;
  if (text == "derived") return Confidence::Derived;
  if (text == "asserted") return Confidence::Asserted;
  return std::nullopt;
}

}  // namespace cc::catalog
