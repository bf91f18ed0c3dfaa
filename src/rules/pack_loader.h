#pragma once
// Loads rule packs: YAML files holding a top-level list of rules.
//
//   - id: AWS-S3-001            # required; ^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*-[0-9]{3}$, unique
//     title: ...                # required
//     kind: aws.s3.bucket       # required; a kind with a schema, or a raw kind
//     severity: high            # required; info | low | medium | high | critical
//     controls: [iso27017:2015/10.1.1, iso27001:2022/A.8.24]   # required, at least one
//     when: <expression>        # optional precondition
//     assert: <expression>      # required
//     message: "... {{expr}} ..."  # optional; defaults to the title
//     description: ...          # optional
//     remediation: {text: ..., cloudformation: ..., kubernetes: ..., terraform: ...}
//     references: [url, ...]    # optional
//     tags: [word, ...]         # optional
//
// Every problem is a diagnostic with file:line:col (an expression error points inside
// the YAML scalar); a rule with a problem is skipped and the others still load.
#include <filesystem>
#include <functional>
#include <string_view>

#include "collect/doc/limits.h"
#include "core/diagnostic.h"
#include "model/base/schema.h"
#include "rules/rule_set.h"

namespace cc::rules {

struct PackOptions {
  // Schemas of the canonical kinds; a kind must be found here unless it is raw.
  const model::SchemaRegistry* schemas = nullptr;
  // Whether a control reference ("iso27017:2015/12.4.1") exists; unset: any is accepted.
  std::function<bool(std::string_view)> control_exists;
  collect::Limits limits;
};

// Loads the pack in `text` (file id `file`, shown as `path`). Returns false when any
// error was reported.
bool load_pack_text(std::string_view text, uint32_t file, std::string_view path,
                    const PackOptions& options, RuleSet& rules, Diagnostics& diags);

// Reads and loads one pack file, registering it in `sources`.
bool load_pack_file(const std::filesystem::path& path, SourceTable& sources,
                    const PackOptions& options, RuleSet& rules, Diagnostics& diags);

// Loads every *.yaml / *.yml under `dir`, recursively, in path order, skipping
// `fixtures` folders (they hold scan inputs, not packs).
bool load_pack_dir(const std::filesystem::path& dir, SourceTable& sources,
                   const PackOptions& options, RuleSet& rules, Diagnostics& diags);

// The file position of byte `offset` of a YAML scalar's decoded text, given the span
// where the scalar starts in `file_text` (plain, quoted or block style).
Span scalar_offset_span(std::string_view file_text, Span scalar, std::string_view decoded,
                        size_t offset);

}  // namespace cc::rules
