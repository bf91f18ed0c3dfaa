#pragma once
// Accepted risks: findings a team has decided not to fix now, with a reason and
// optionally an expiry. They stay in every report, marked suppressed with the reason.
//
// Inline, in a comment inside or directly above the resource:
//   # cloudcomply:ignore AWS-S3-004 logs bucket is private by account policy expires=2027-01-31
// From a file (`--suppressions FILE`, YAML):
//   suppressions:
//     - rule: AWS-S3-004          # rule id, or * for every rule
//       resource: "Logs*"         # optional glob on the resource address
//       path: "infra/**"          # optional glob on the file path
//       reason: why this is accepted    (required)
//       expires: 2027-01-31       # optional; after it the finding counts again
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "core/finding.h"
#include "core/resource.h"

namespace cc::assess {

struct Suppression {
  std::string rule;        // rule id or "*"
  std::string resource;    // glob on address; empty = any
  std::string path;        // glob on file path; empty = any
  std::string reason;
  std::string expires;     // YYYY-MM-DD or empty
  uint32_t file = 0;       // inline: the file and line of the comment
  uint32_t line = 0;
  Span origin;             // where it was declared, for diagnostics
};

// Finds `cloudcomply:ignore` markers in a file's text.
std::vector<Suppression> find_inline_suppressions(std::string_view text, uint32_t file,
                                                  Diagnostics& diags);

// Reads the suppressions file format above from a parsed YAML document.
std::vector<Suppression> parse_suppressions(const Value& doc, Diagnostics& diags);

// Marks matching findings suppressed. `resources` are the resources the findings of one
// file were produced from (their line ranges place inline markers); `path` is that file.
// Expired suppressions do not apply and produce a warning.
void apply_suppressions(std::vector<Finding>& findings, const std::vector<Resource>& resources,
                        const std::vector<Suppression>& inline_marks,
                        const std::vector<Suppression>& file_rules, const std::string& path,
                        const std::string& today, Diagnostics& diags);

// Today's date as YYYY-MM-DD (UTC).
std::string today_utc();

}  // namespace cc::assess
