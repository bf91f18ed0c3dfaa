// sensitive(), nonsensitive() and issensitive(). Values here carry no sensitivity
// marks: the first two pass their argument through unchanged (a scan still needs to see
// the configuration), and issensitive() cannot tell, so its answer is unknown.
#include "collect/tffunc/internal.h"

namespace cc::terraform::detail {
namespace {

Outcome pass_through(Call& c) { return c.args[0]; }

Outcome fn_issensitive(Call&) {
  return Value::unknown("issensitive() needs sensitivity marks, which a scan does not track");
}

constexpr FunctionSpec kFunctions[] = {
    {"issensitive", fn_issensitive, 1, 1, UnknownArgs::Handle},
    {"nonsensitive", pass_through, 1, 1, UnknownArgs::Handle},
    {"sensitive", pass_through, 1, 1, UnknownArgs::Handle},
};

}  // namespace

std::span<const FunctionSpec> sensitivity_functions() { return kFunctions; }

}  // namespace cc::terraform::detail
