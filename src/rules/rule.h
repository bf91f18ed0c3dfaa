#pragma once
// One compiled rule of a rule pack (format: see pack_loader.h).
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/finding.h"
#include "core/span.h"
#include "rules/expr.h"
#include "rules/message_template.h"

namespace cc::rules {

struct Rule {
  std::string id;  // "AWS-S3-001"
  std::string title;
  std::string kind;  // canonical ("aws.s3.bucket") or raw ("cfn:AWS::S3::Bucket")
  Severity severity = Severity::Medium;
  std::vector<std::string> controls;  // "iso27017:2015/10.1.1", "iso27001:2022/A.8.24"
  std::optional<Expr> when;           // precondition; false: the rule does not apply
  Expr assertion;                     // the pack's `assert`: true pass, false fail, else unknown
  MessageTemplate message;
  std::string description;
  std::map<std::string, std::string> remediation;  // "text", "cloudformation", ...
  std::vector<std::string> references;
  std::vector<std::string> tags;
  std::string source;  // path of the pack file
  Span span;           // where the rule starts in it
};

}  // namespace cc::rules
