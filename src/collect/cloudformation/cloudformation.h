#pragma once
// CloudFormation (and SAM) templates to raw resources. The collector takes a template
// already read by the JSON or YAML reader, turns YAML short-form tags into intrinsic
// functions, evaluates every intrinsic it can (parameters, mappings, conditions,
// Fn::Sub, Fn::Join, ...) and emits one resource per entry of Resources, kind
// "cfn:" + Type. What cannot be known before deployment (a resource's physical id, a
// pseudo parameter, a parameter without default) becomes an unknown value that keeps
// what it refers to.
#include <cstdint>
#include <map>
#include <string>

#include "core/diagnostic.h"
#include "core/resource.h"
#include "core/value.h"

namespace cc::collect {

struct CfnOptions {
  // Parameter values given by the user, by parameter name; they win over Default.
  std::map<std::string, std::string> parameter_overrides;
};

// True when `doc` has AWSTemplateFormatVersion, or a Resources map with an entry whose
// Type starts with "AWS::", "Custom::" or "Alexa::".
bool looks_like_cloudformation(const Value& doc);

// One raw resource per entry of Resources whose Condition is not false. Problems with
// the template (a malformed intrinsic, a condition cycle) become diagnostics and
// unknown values; collection goes on.
Document collect_cloudformation(const Value& doc, uint32_t file, const CfnOptions& options,
                                Diagnostics& diags);

// Rewrites YAML short forms ({"!Ref": x}, {"!GetAtt": "A.B"}, ...) into their long
// forms ({"Ref": x}, {"Fn::GetAtt": ["A", "B"]}, ...), in place, at every depth. An
// unrecognised tag becomes an unknown value with a warning.
void normalize_short_forms(Value& doc, Diagnostics& diags);

}  // namespace cc::collect
