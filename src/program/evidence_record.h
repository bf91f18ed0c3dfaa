#pragma once
// The fields of an evidence record that the ledger vouches for, as canonical JSON:
// written into add/supersede entries and compared with the stored record on verify.
#include <nlohmann/json.hpp>

#include "program/evidence.h"

namespace cc::program {

nlohmann::json evidence_record_json(const Evidence& e);

}  // namespace cc::program
