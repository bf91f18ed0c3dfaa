#pragma once
// An evidence pack: the evidence, its files and the whole ledger in one ZIP file that an
// auditor can check without the store.
//
//   manifest.json   what the pack holds: tenant, export time, ledger length and head
//                   hash, every evidence record with its controls and state, every file
//   ledger.jsonl    the ledger entries, one JSON object per line, in order
//   files/<sha256>  each stored file, named by its digest
#include <filesystem>

#include "program/ledger.h"

namespace cc::program {

struct PackLimits {
  uint64_t max_index_bytes = uint64_t{256} << 20;  // manifest.json and ledger.jsonl each
};

// Writes the pack; an existing file at `zip` is refused, not replaced.
Status export_pack(const Program& program, const std::filesystem::path& zip, const Change& who);

// Checks a pack on its own: the chain, the manifest against the replayed ledger, and
// every file against its digest (streamed).
Result<Verification, Error> verify_pack(const std::filesystem::path& zip,
                                        const PackLimits& limits = {});

}  // namespace cc::program
