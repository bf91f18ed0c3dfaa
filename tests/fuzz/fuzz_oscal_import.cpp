// libFuzzer target: licensed control text delivered as an OSCAL catalog, read into the
// importer's table. Any bytes: an error that points somewhere, or rows with an id each.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "program/oscal_import.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  cc::program::TableLimits limits;
  limits.max_file_bytes = 1 << 20;
  limits.max_rows = 1000;
  auto t = cc::program::read_oscal_catalog(bytes, "fuzz.json", limits);
  if (!t) {
    if (t.error().message.empty()) __builtin_trap();
    return 0;
  }
  if (t->rows.empty() || t->rows.size() > limits.max_rows + 1) __builtin_trap();
  for (size_t i = 1; i < t->rows.size(); ++i)
    if (t->rows[i].text(1).empty()) __builtin_trap();  // every control row has its id
  return 0;
}
