// From a template to raw resources: one per entry of Resources, attributes evaluated.
#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "collect/cloudformation/cloudformation.h"
#include "collect/cloudformation/evaluator.h"

namespace cc::collect {
namespace {

bool has_resource_type_prefix(const Value& entry) {
  static constexpr std::array<std::string_view, 3> kPrefixes{"AWS::", "Custom::", "Alexa::"};
  const Value* type = entry.find("Type");
  if (!type || !type->is_string()) return false;
  std::string_view t = type->as_string();
  return std::any_of(kPrefixes.begin(), kPrefixes.end(),
                     [&](std::string_view p) { return t.substr(0, p.size()) == p; });
}

// The last source line inside a resource entry, for "lines 12-40" in reports.
uint32_t last_line(const Value& v, uint32_t depth = 0) {
  uint32_t line = v.span().line;
  if (depth > cfn::Evaluator::kMaxDepth) return line;
  if (v.is_list()) {
    for (const Value& item : v.as_list()) line = std::max(line, last_line(item, depth + 1));
  } else if (v.is_map()) {
    for (const Member& m : v.as_map())
      line = std::max({line, m.key_span.line, last_line(m.value, depth + 1)});
  }
  return line;
}

}  // namespace

bool looks_like_cloudformation(const Value& doc) {
  if (!doc.is_map()) return false;
  if (doc.find("AWSTemplateFormatVersion")) return true;
  const Value* resources = doc.find("Resources");
  if (!resources || !resources->is_map()) return false;
  const Map& entries = resources->as_map();
  return std::any_of(entries.begin(), entries.end(),
                     [](const Member& m) { return has_resource_type_prefix(m.value); });
}

Document collect_cloudformation(const Value& doc, uint32_t file, const CfnOptions& options,
                                Diagnostics& diags) {
  Document out;
  out.file = file;
  out.format = "cloudformation";
  if (!doc.is_map()) {
    diags.push_back(Diagnostic{DiagLevel::Error, "cfn.template",
                               "a CloudFormation template must be a map of sections",
                               doc.span().known() ? doc.span() : Span{file, 1, 1}});
    return out;
  }
  Value tmpl = doc;
  normalize_short_forms(tmpl, diags);

  const Value* resources = tmpl.find("Resources");
  if (!resources || !resources->is_map()) {
    diags.push_back(
        Diagnostic{DiagLevel::Error, "cfn.template",
                   resources ? "Resources must be a map of logical ids to resources"
                             : "the template has no Resources section",
                   resources && resources->span().known() ? resources->span() : Span{file, 1, 1}});
    return out;
  }

  cfn::Evaluator evaluator(tmpl, file, options, diags);
  for (const Member& entry : resources->as_map()) {
    const std::string& logical_id = entry.key;
    if (logical_id.rfind("Fn::ForEach::", 0) == 0) {
      diags.push_back(Diagnostic{
          DiagLevel::Warning, "cfn.unsupported",
          fmt::format("{} (AWS::LanguageExtensions) is not expanded; its resources are not scanned",
                      logical_id),
          entry.key_span});
      continue;
    }
    const Value& body = entry.value;
    const Value* type = body.find("Type");
    if (!body.is_map() || !type || !type->is_string() || type->as_string().empty()) {
      diags.push_back(Diagnostic{
          DiagLevel::Error, "cfn.resource",
          fmt::format("resource {} needs a map with a Type string; it is skipped", logical_id),
          entry.key_span});
      continue;
    }
    if (const Value* condition = body.find("Condition")) {
      if (!condition->is_string()) {
        diags.push_back(Diagnostic{
            DiagLevel::Error, "cfn.resource",
            fmt::format("the Condition of resource {} must name a condition", logical_id),
            condition->span()});
      } else {
        Value active = evaluator.condition(condition->as_string(), condition->span());
        // Only a condition known to be false removes the resource; unknown keeps it.
        if (active.is_bool() && !active.as_bool()) continue;
      }
    }

    Resource r;
    r.kind = "cfn:" + type->as_string();
    r.address = logical_id;
    r.name = logical_id;
    r.provider = "aws";
    r.format = "cloudformation";
    r.span = entry.key_span;
    r.end_line = std::max(entry.key_span.line, last_line(body));
    cfn::Evaluated attributes = evaluator.eval(body);
    r.attributes =
        attributes && attributes->is_map() ? std::move(*attributes) : Value::map({}, body.span());
    out.resources.push_back(std::move(r));
  }
  return out;
}

}  // namespace cc::collect
