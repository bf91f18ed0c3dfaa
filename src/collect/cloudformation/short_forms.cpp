// YAML templates write intrinsics as local tags (`!Ref X`), which the YAML reader
// keeps as one-member maps keyed by the tag. Evaluation only knows the long forms.
#include <fmt/format.h>

#include <array>
#include <string_view>
#include <utility>

#include "collect/cloudformation/cloudformation.h"

namespace cc::collect {
namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 22> kShortForms{{
    {"!Ref", "Ref"},
    {"!Condition", "Condition"},
    {"!GetAtt", "Fn::GetAtt"},
    {"!Sub", "Fn::Sub"},
    {"!If", "Fn::If"},
    {"!Join", "Fn::Join"},
    {"!Select", "Fn::Select"},
    {"!Split", "Fn::Split"},
    {"!FindInMap", "Fn::FindInMap"},
    {"!Equals", "Fn::Equals"},
    {"!And", "Fn::And"},
    {"!Or", "Fn::Or"},
    {"!Not", "Fn::Not"},
    {"!Base64", "Fn::Base64"},
    {"!Cidr", "Fn::Cidr"},
    {"!GetAZs", "Fn::GetAZs"},
    {"!ImportValue", "Fn::ImportValue"},
    {"!Length", "Fn::Length"},
    {"!ToJsonString", "Fn::ToJsonString"},
    {"!Transform", "Fn::Transform"},
    {"!ForEach", "Fn::ForEach"},
    {"!Contains", "Fn::Contains"},
}};

std::string_view long_form(std::string_view tag) {
  for (const auto& [short_name, long_name] : kShortForms)
    if (short_name == tag) return long_name;
  return {};
}

// `!GetAtt Res.Attr` names the attribute after the first dot; the attribute itself may
// contain dots ("Endpoint.Address").
Value split_get_att(const Value& v) {
  if (!v.is_string()) return v;
  const std::string& s = v.as_string();
  size_t dot = s.find('.');
  if (dot == std::string::npos) return v;
  List parts;
  parts.push_back(Value::string(s.substr(0, dot), v.span()));
  parts.push_back(Value::string(s.substr(dot + 1), v.span()));
  return Value::list(std::move(parts), v.span());
}

void normalize(Value& v, Diagnostics& diags, uint32_t depth) {
  // Reader output is depth-limited already; this guards trees built elsewhere.
  if (depth > 1000) return;
  if (v.is_list()) {
    for (Value& item : v.as_list()) normalize(item, diags, depth + 1);
    return;
  }
  if (!v.is_map()) return;
  Map& members = v.as_map();
  for (Member& m : members) normalize(m.value, diags, depth + 1);
  if (members.size() != 1 || members[0].key.empty() || members[0].key[0] != '!') return;

  Member& only = members[0];
  std::string_view name = long_form(only.key);
  if (name.empty()) {
    diags.push_back(
        Diagnostic{DiagLevel::Warning, "cfn.tag",
                   fmt::format("unknown YAML tag '{}' in a CloudFormation template", only.key),
                   only.key_span});
    v = Value::unknown(fmt::format("value under unknown tag {}", only.key), v.span());
    return;
  }
  if (name == "Fn::GetAtt") only.value = split_get_att(only.value);
  only.key = std::string(name);
}

}  // namespace

void normalize_short_forms(Value& doc, Diagnostics& diags) { normalize(doc, diags, 0); }

}  // namespace cc::collect
