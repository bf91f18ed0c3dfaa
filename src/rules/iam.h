#pragma once
// IAM policy questions over statements in the canonical shape (schemas/types/iam.yaml):
// {effect, actions, not_actions, resources, not_resources, principals, conditions}.
// Answers are three-valued: a statement field that is unknown at scan time can make
// the answer unknown, never silently false.
#include <string_view>

#include "core/value.h"
#include "rules/tri.h"

namespace cc::rules {

// AWS-style wildcard match: `*` any run of characters, `?` exactly one; ASCII case is
// ignored, as IAM does for action names.
bool glob_match(std::string_view pattern, std::string_view text);

// Some Allow statement covers `action` on `resource` (NotAction / NotResource honoured,
// an absent resource list covers every resource, as in trust policies) and no Deny
// statement without conditions covers it. Statements that are not maps are ignored.
Tri iam_allows(const Value& statements, std::string_view action, std::string_view resource);

// Some Allow statement without conditions names the principal "*" or "AWS:*".
Tri iam_public_principal(const Value& statements);

}  // namespace cc::rules
