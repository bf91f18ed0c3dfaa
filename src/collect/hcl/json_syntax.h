#pragma once
// The JSON syntax of HCL (Terraform's .tf.json files) read into the same syntax tree
// as the native syntax, so the evaluator does not care which one a file used.
//
// JSON cannot say whether `"x": {...}` is a block or an attribute holding an object,
// nor how many of its nesting levels are block labels; a BodySpec tells the reader.
// Strings are templates (`"${var.name}-logs"`), except for properties the spec names as
// expressions (`"type": "list(string)"`, `"depends_on": ["aws_s3_bucket.b"]`), which
// hold native-syntax expressions. A property named "//" in a body is a comment.
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>

#include "collect/hcl/ast.h"
#include "collect/hcl/parser.h"
#include "core/diagnostic.h"

namespace cc::hcl {

struct BodySpec;

struct BlockSpec {
  uint32_t labels = 0;  // how many nested object levels are labels
  // How to read the block's body; nullptr reads every property as an attribute. The
  // pointee must outlive every parse that uses it (specs are usually static).
  const BodySpec* body = nullptr;
};

struct BodySpec {
  std::map<std::string, BlockSpec, std::less<>> blocks;
  // Properties whose strings (at any depth of the value) are native expressions.
  std::set<std::string, std::less<>> expression_attributes;
  // An object-valued property that names no block type is an attribute holding an
  // object when true; when false it is a block without labels whose body is read by
  // the same rule.
  bool unknown_objects_are_attributes = true;
};

// Parses `text` (a JSON object, or an array of objects, for the root body) into `out`.
// Malformed JSON gives the JSON reader's diagnostics ("json.syntax", "limit.*");
// JSON that does not fit the spec or holds a bad template gives "hcl.syntax" at the
// offending value. What converts cleanly is kept. True when no error was reported.
bool parse_hcl_json(std::string_view text, uint32_t file, const ParseLimits& limits,
                    const BodySpec& spec, Body& out, Diagnostics& diags);

}  // namespace cc::hcl
