#include "collect/cloudformation/evaluator.h"

#include <fmt/format.h>

#include <array>

namespace cc::collect::cfn {
namespace {

const Value* section(const Value& doc, std::string_view name) {
  const Value* v = doc.find(name);
  return v && v->is_map() ? v : nullptr;
}

}  // namespace

Evaluator::Evaluator(const Value& doc, uint32_t file, const CfnOptions& options, Diagnostics& diags)
    : parameters_(section(doc, "Parameters")),
      mappings_(section(doc, "Mappings")),
      conditions_(section(doc, "Conditions")),
      resources_(section(doc, "Resources")),
      file_(file),
      options_(options),
      diags_(diags) {}

const Evaluator::Intrinsic* Evaluator::find_intrinsic(std::string_view name) {
  static constexpr std::array<Intrinsic, 23> kIntrinsics{{
      {"Ref", &Evaluator::fn_ref},
      {"Fn::GetAtt", &Evaluator::fn_get_att},
      {"Fn::If", &Evaluator::fn_if},
      {"Fn::Sub", &Evaluator::fn_sub},
      {"Fn::Join", &Evaluator::fn_join},
      {"Fn::Select", &Evaluator::fn_select},
      {"Fn::Split", &Evaluator::fn_split},
      {"Fn::FindInMap", &Evaluator::fn_find_in_map},
      {"Fn::Equals", &Evaluator::fn_equals},
      {"Fn::And", &Evaluator::fn_and},
      {"Fn::Or", &Evaluator::fn_or},
      {"Fn::Not", &Evaluator::fn_not},
      {"Fn::Base64", &Evaluator::fn_base64},
      {"Fn::Cidr", &Evaluator::fn_cidr},
      {"Fn::GetAZs", &Evaluator::fn_get_azs},
      {"Fn::ImportValue", &Evaluator::fn_import_value},
      {"Fn::Length", &Evaluator::fn_length},
      {"Fn::ToJsonString", &Evaluator::fn_to_json_string},
      {"Fn::Transform", &Evaluator::fn_transform},
      {"Fn::ForEach", &Evaluator::fn_unsupported},
      {"Fn::Contains", &Evaluator::fn_unsupported},
      {"Fn::EachMemberEquals", &Evaluator::fn_unsupported},
      {"Fn::ValueOf", &Evaluator::fn_unsupported},
  }};
  for (const auto& intrinsic : kIntrinsics)
    if (intrinsic.name == name) return &intrinsic;
  return nullptr;
}

bool Evaluator::too_deep(Span at) {
  if (depth_ <= kMaxDepth) return false;
  if (!depth_reported_) {
    depth_reported_ = true;
    diags_.push_back(Diagnostic{
        DiagLevel::Error, "limit.depth",
        fmt::format("template nests values or conditions deeper than {} levels", kMaxDepth), at});
  }
  return true;
}

Evaluated Evaluator::eval(const Value& node) {
  DepthGuard guard(depth_);
  if (too_deep(node.span())) return Value::unknown("nested too deeply to evaluate", node.span());
  switch (node.type()) {
    case Value::Type::Map:
      return eval_map(node);
    case Value::Type::List:
      return eval_list(node);
    default:
      return node;
  }
}

Evaluated Evaluator::eval_map(const Value& node) {
  const Map& members = node.as_map();
  if (members.size() == 1) {
    if (const Intrinsic* fn = find_intrinsic(members[0].key))
      return (this->*fn->handler)(members[0].value, node.span());
  }
  Map out;
  out.reserve(members.size());
  for (const Member& m : members) {
    Evaluated v = eval(m.value);
    if (v) out.push_back(Member{m.key, std::move(*v), m.key_span});
  }
  Value result = Value::map(std::move(out), node.span());
  result.set_provenance(node.provenance());
  return result;
}

Evaluated Evaluator::eval_list(const Value& node) {
  List out;
  out.reserve(node.as_list().size());
  for (const Value& item : node.as_list()) {
    Evaluated v = eval(item);
    if (v) out.push_back(std::move(*v));
  }
  Value result = Value::list(std::move(out), node.span());
  result.set_provenance(node.provenance());
  return result;
}

Value Evaluator::eval_required(const Value& node, std::string_view function) {
  Evaluated v = eval(node);
  if (v) return std::move(*v);
  return malformed(node.span(), function, "AWS::NoValue cannot be used as an argument here");
}

bool Evaluator::is_resource(std::string_view logical_id) const {
  return resources_ && resources_->find(logical_id) != nullptr;
}

Span Evaluator::located(Span at) const {
  if (at.file == 0) at.file = file_;
  return at;
}

Value Evaluator::malformed(Span at, std::string_view function, std::string_view problem) {
  diags_.push_back(Diagnostic{DiagLevel::Error, "cfn.intrinsic",
                              fmt::format("malformed {}: {}", function, problem), located(at)});
  return Value::unknown(fmt::format("malformed {}", function), at);
}

void Evaluator::warn(Span at, std::string code, std::string message) {
  diags_.push_back(
      Diagnostic{DiagLevel::Warning, std::move(code), std::move(message), located(at)});
}

// ---- Ref, Fn::GetAtt, Fn::If -----------------------------------------------------------

Value Evaluator::pseudo_parameter(std::string_view name, Span at, bool& removes) {
  removes = false;
  if (name == "AWS::NoValue") {
    removes = true;
    return {};
  }
  static constexpr std::array<std::string_view, 7> kDeployTime{
      "AWS::Region",           "AWS::AccountId", "AWS::StackName", "AWS::StackId",
      "AWS::NotificationARNs", "AWS::Partition", "AWS::URLSuffix"};
  for (auto known : kDeployTime)
    if (known == name)
      return Value::unknown(fmt::format("{} is known only at deployment", name), at);
  warn(at, "cfn.ref", fmt::format("'{}' is not a CloudFormation pseudo parameter", name));
  return Value::unknown(fmt::format("unknown pseudo parameter {}", name), at);
}

// What a name in Ref or ${...} stands for: a parameter, a pseudo parameter or a
// resource. AWS::NoValue is handled by the callers, which know whether it may appear.
Value Evaluator::resolve_name(std::string_view name, Span at) {
  if (parameters_ && parameters_->find(name)) return parameter(name, at);
  if (is_resource(name))
    return Value::unknown(fmt::format("physical id of {}", name), at, std::string(name));
  if (name.substr(0, 5) == "AWS::") {
    bool removes = false;
    Value v = pseudo_parameter(name, at, removes);
    if (removes) return Value::unknown("AWS::NoValue used inside a value", at);
    return v;
  }
  warn(at, "cfn.ref",
       fmt::format("'{}' is neither a parameter nor a resource of this template", name));
  return Value::unknown(fmt::format("reference to undefined {}", name), at);
}

Evaluated Evaluator::fn_ref(const Value& arg, Span at) {
  if (!arg.is_string()) return malformed(at, "Ref", "expects the name of a parameter or resource");
  const std::string& name = arg.as_string();
  if (name == "AWS::NoValue") return std::nullopt;
  return resolve_name(name, at);
}

Evaluated Evaluator::fn_get_att(const Value& arg, Span at) {
  std::string resource;
  Value attribute;
  if (arg.is_string()) {
    // "Res.Attr", which CloudFormation also accepts outside YAML short forms.
    size_t dot = arg.as_string().find('.');
    if (dot == std::string::npos)
      return malformed(at, "Fn::GetAtt", "expects [resource, attribute]");
    resource = arg.as_string().substr(0, dot);
    attribute = Value::string(arg.as_string().substr(dot + 1));
  } else if (arg.is_list() && arg.as_list().size() == 2 && arg.as_list()[0].is_string()) {
    resource = arg.as_list()[0].as_string();
    attribute = eval_required(arg.as_list()[1], "Fn::GetAtt");
  } else {
    return malformed(at, "Fn::GetAtt", "expects [resource, attribute]");
  }
  if (!is_resource(resource)) {
    warn(at, "cfn.ref",
         fmt::format("Fn::GetAtt names '{}', which is not a resource of this template", resource));
    return Value::unknown(fmt::format("attribute of undefined resource {}", resource), at);
  }
  if (attribute.is_unknown())
    return Value::unknown(fmt::format("an attribute of {}", resource), at, resource);
  if (!attribute.is_string() || attribute.as_string().empty())
    return malformed(at, "Fn::GetAtt", "the attribute name must be a string");
  std::string ref = resource + "." + attribute.as_string();
  return Value::unknown(fmt::format("attribute {} of {}", attribute.as_string(), resource), at,
                        std::move(ref));
}

Evaluated Evaluator::fn_if(const Value& arg, Span at) {
  if (!arg.is_list() || arg.as_list().size() != 3 || !arg.as_list()[0].is_string())
    return malformed(at, "Fn::If", "expects [condition name, value if true, value if false]");
  const List& parts = arg.as_list();
  Value chosen = condition(parts[0].as_string(), parts[0].span());
  if (chosen.is_bool()) return eval(chosen.as_bool() ? parts[1] : parts[2]);
  // Both branches alike means the answer does not depend on the condition.
  Evaluated when_true = eval(parts[1]);
  Evaluated when_false = eval(parts[2]);
  if (when_true && when_false && *when_true == *when_false) return when_true;
  return Value::unknown(
      fmt::format("depends on condition {}, which is unknown", parts[0].as_string()), at);
}

}  // namespace cc::collect::cfn
