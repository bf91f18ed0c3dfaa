// Security groups (inline ingress/egress blocks plus aws_security_group_rule and
// aws_vpc_security_group_ingress_rule/_egress_rule resources), VPCs (flow logs and the
// default security group joined) and flow logs.
//
// Unlike CloudFormation, Terraform deletes the allow-all egress rule AWS adds to a new
// group, so a group's egress is exactly what the configuration declares.
#include <functional>
#include <string>
#include <utility>

#include "model/aws/ec2_parts.h"
#include "model/aws_tf/ec2_parts.h"

namespace cc::model::aws_tf::ec2 {
namespace {

// Appends the reference strings of `v` (one value or a list) to `into`.
void add_strings(List& into, const Value* v, const Convert& c) {
  if (!present(v)) return;
  Value list = aws::to_reference_list(*v, c);
  if (list.is_list())
    for (const auto& item : list.as_list()) into.push_back(item);
  else
    into.push_back(list);
}

// What a rule admits or reaches, whatever the resource spells it.
struct RuleSpelling {
  std::string_view protocol;
  std::initializer_list<std::string_view> cidrs;
  std::initializer_list<std::string_view> groups;
  std::initializer_list<std::string_view> prefix_lists;
};

const RuleSpelling kInlineBlock{
    "protocol", {"cidr_blocks", "ipv6_cidr_blocks"}, {"security_groups"}, {"prefix_list_ids"}};
const RuleSpelling kRuleResource{"protocol",
                                 {"cidr_blocks", "ipv6_cidr_blocks"},
                                 {"source_security_group_id"},
                                 {"prefix_list_ids"}};
const RuleSpelling kVpcRuleResource{"ip_protocol",
                                    {"cidr_ipv4", "cidr_ipv6"},
                                    {"referenced_security_group_id"},
                                    {"prefix_list_id"}};

// One rule in the aws.ec2.sg_rule shape. Protocol and port handling is the
// CloudFormation adapter's (given the same values under its names); what the rule
// admits is read here. `self_ref` names the group itself for `self = true`.
Value tf_sg_rule(const Value& entry, const RuleSpelling& spelling, bool ingress,
                 std::string_view self_ref, Span span, const Convert& c) {
  if (entry.is_unknown()) return entry;
  if (!entry.is_map()) {
    c.type_warning(entry, "a security group rule block");
    return Value::unknown("security group rule is not a block", entry.span());
  }
  Map cfn;
  auto put = [&](std::string key, const Value* v) {
    if (present(v)) cfn.push_back(Member{std::move(key), *v, v->span()});
  };
  put("IpProtocol", entry.find(spelling.protocol));
  put("FromPort", entry.find("from_port"));
  put("ToPort", entry.find("to_port"));
  put("Description", entry.find("description"));
  Value rule = aws::ec2::sg_rule(Value::map(std::move(cfn), span), ingress, c);
  if (!rule.is_map()) return rule;
  List cidrs;
  for (auto attr : spelling.cidrs) add_strings(cidrs, entry.find(attr), c);
  rule.set("cidrs", Value::list(std::move(cidrs), span));
  List groups;
  for (auto attr : spelling.groups) add_strings(groups, entry.find(attr), c);
  if (const Value* self = entry.find("self"); present(self)) {
    if (self->is_bool() && self->as_bool())
      groups.push_back(Value::string("${" + std::string(self_ref) + "}", self->span()));
    else if (self->is_unknown())
      groups.push_back(*self);
  }
  rule.set("source_groups", Value::list(std::move(groups), span));
  List prefixes;
  for (auto attr : spelling.prefix_lists) add_strings(prefixes, entry.find(attr), c);
  rule.set("prefix_lists", Value::list(std::move(prefixes), span));
  return rule;
}

// Inline rule blocks of a group (aws_security_group or aws_default_security_group).
Value inline_rules(const Resource& group, std::string_view block, bool ingress, List separate,
                   const Convert& c) {
  const Value* v = group.attributes.find(block);
  if (v && v->is_unknown()) return *v;
  List rules;
  for (const Value* b : tf::blocks(v))
    rules.push_back(tf_sg_rule(*b, kInlineBlock, ingress, group.address, b->span(), c));
  for (auto& r : separate) rules.push_back(std::move(r));
  return Value::list(std::move(rules), present(v) ? v->span() : group.span);
}

// Rules of separate rule resources whose security_group_id satisfies `targets`.
void separate_rules(const AdaptContext& ctx, const std::function<bool(const Value&)>& targets,
                    std::string_view self_ref, List& ingress, List& egress, const Convert& c) {
  for (const Resource* r : tf::resources_of_type(ctx, "aws_security_group_rule")) {
    const Value* id = r->attributes.find("security_group_id");
    const Value* type = r->attributes.find("type");
    if (!id || !targets(*id)) continue;
    if (!type || !type->is_string()) {
      // Unknown direction: it may open either way, so both lists become uncertain.
      ingress.push_back(Value::unknown("the rule's direction is unknown", r->span));
      egress.push_back(Value::unknown("the rule's direction is unknown", r->span));
      continue;
    }
    bool in = type->as_string() == "ingress";
    (in ? ingress : egress)
        .push_back(tf_sg_rule(r->attributes, kRuleResource, in, self_ref, r->span, c));
  }
  for (auto [type, in] : {std::pair{"aws_vpc_security_group_ingress_rule", true},
                          std::pair{"aws_vpc_security_group_egress_rule", false}})
    for (const Resource* r : tf::resources_of_type(ctx, type)) {
      const Value* id = r->attributes.find("security_group_id");
      if (!id || !targets(*id)) continue;
      (in ? ingress : egress)
          .push_back(tf_sg_rule(r->attributes, kVpcRuleResource, in, self_ref, r->span, c));
    }
}

void adapt_security_groups(AdaptContext& ctx, const Convert& c) {
  for (const Resource* raw : tf::resources_of_type(ctx, "aws_security_group")) {
    Resource r = make_named(*raw, "aws.ec2.security_group", "name");
    Value& a = r.attributes;
    copy_attrs(*raw, a, {{"description", "description", aws::As::String}}, c);
    if (const Value* vpc = raw->attributes.find("vpc_id"); present(vpc))
      a.set("vpc", aws::to_reference_string(*vpc, c));
    std::string known_id = known_string(*raw, "id");
    List ingress;
    List egress;
    separate_rules(
        ctx, [&](const Value& id) { return tf::refers_to(id, *raw, known_id); }, raw->address,
        ingress, egress, c);
    a.set("ingress", inline_rules(*raw, "ingress", true, std::move(ingress), c));
    a.set("egress", inline_rules(*raw, "egress", false, std::move(egress), c));
    set_tags(*raw, a, c);
    ctx.out.push_back(std::move(r));
  }
}

// True when some value inside `v` references `address` (optionally only its `attribute`).
bool mentions(const Value& v, std::string_view address, std::string_view attribute = {}) {
  if (v.is_unknown()) {
    std::string_view ref = v.as_unknown().ref;
    // The address is a prefix of the reference: checking that first spares splitting
    // every reference of every resource into parts.
    return !ref.empty() && ref.starts_with(address) && tf::ref_address(ref) == address &&
           (attribute.empty() || tf::ref_attribute(ref) == attribute);
  }
  if (v.is_list())
    for (const auto& i : v.as_list())
      if (mentions(i, address, attribute)) return true;
  if (v.is_map())
    for (const auto& m : v.as_map())
      if (mentions(m.value, address, attribute)) return true;
  return false;
}

Value flow_logs_for(const AdaptContext& ctx, const Resource& vpc, Value& traffic_types) {
  Value enabled = Value::boolean(false, vpc.span);
  List types;
  for (const Resource* fl : tf::resources_of_type(ctx, "aws_flow_log")) {
    const Value* id = fl->attributes.find("vpc_id");
    if (!present(id)) continue;
    if (id->is_unknown() && tf::ref_of(*id).empty()) {
      // A flow log on a VPC the configuration cannot name: it may be this one.
      if (enabled.is_bool() && !enabled.as_bool())
        enabled = Value::unknown("a flow log names a VPC that is not known", id->span());
      continue;
    }
    if (!tf::refers_to(*id, vpc, known_string(vpc, "id"))) continue;
    enabled = Value::boolean(true, fl->span);
    if (const Value* t = fl->attributes.find("traffic_type"); present(t)) types.push_back(*t);
  }
  traffic_types = Value::list(std::move(types), vpc.span);
  return enabled;
}

void adapt_vpcs(AdaptContext& ctx, const Convert& c) {
  for (const Resource* raw : tf::resources_of_type(ctx, "aws_vpc")) {
    Resource r = make_named(*raw, "aws.ec2.vpc");
    Value& a = r.attributes;
    copy_attrs(*raw, a, {{"cidr_block", "cidr", aws::As::String}}, c);
    Value traffic;
    a.set("flow_logs_enabled", flow_logs_for(ctx, *raw, traffic));
    a.set("flow_log_traffic_types", std::move(traffic));

    // The VPC's default security group: adopted by an aws_default_security_group naming
    // the VPC (which strips every rule it does not declare), or referenced through the
    // VPC's default_security_group_id attribute.
    const Resource* adopted = nullptr;
    for (const Resource* d : tf::resources_of_type(ctx, "aws_default_security_group"))
      if (const Value* vpc = d->attributes.find("vpc_id");
          present(vpc) && tf::refers_to(*vpc, *raw))
        adopted = d;
    auto is_default = [&](const Value& v) {
      return mentions(v, raw->address, "default_security_group_id") ||
             (adopted && mentions(v, adopted->address));
    };
    List ingress;
    List egress;
    std::string self_ref = adopted ? adopted->address : raw->address + ".default_security_group_id";
    separate_rules(ctx, is_default, self_ref, ingress, egress, c);
    if (adopted) {
      a.set_path("default_security_group.ingress",
                 inline_rules(*adopted, "ingress", true, std::move(ingress), c));
      a.set_path("default_security_group.egress",
                 inline_rules(*adopted, "egress", false, std::move(egress), c));
    } else {
      a.set_path("default_security_group.ingress", Value::list(std::move(ingress), raw->span));
      a.set_path("default_security_group.egress", Value::list(std::move(egress), raw->span));
    }
    Value in_use = Value::boolean(false, raw->span);
    for (const auto& other : ctx.doc.resources) {
      if (&other == adopted || tf::is_type(other, "aws_security_group_rule") ||
          tf::is_type(other, "aws_vpc_security_group_ingress_rule") ||
          tf::is_type(other, "aws_vpc_security_group_egress_rule"))
        continue;
      if (is_default(other.attributes)) in_use = Value::boolean(true, other.span);
    }
    a.set_path("default_security_group.in_use", in_use);
    set_tags_and_name(r, *raw, c);
    ctx.out.push_back(std::move(r));
  }
}

void adapt_flow_logs(AdaptContext& ctx, const Convert& c) {
  static constexpr std::pair<std::string_view, std::string_view> kTargets[] = {
      {"vpc_id", "VPC"},
      {"subnet_id", "Subnet"},
      {"eni_id", "NetworkInterface"},
      {"transit_gateway_id", "TransitGateway"},
      {"transit_gateway_attachment_id", "TransitGatewayAttachment"}};
  for (const Resource* raw : tf::resources_of_type(ctx, "aws_flow_log")) {
    Resource r = tf::make_canonical(*raw, "aws.ec2.flow_log");  // the kind has no name field
    Value& a = r.attributes;
    for (auto [attr, type] : kTargets)
      if (const Value* id = raw->attributes.find(attr); present(id)) {
        a.set("resource_type", Value::string(std::string(type), id->span()));
        a.set("resource_id", aws::to_reference_string(*id, c));
        break;
      }
    copy_attrs(*raw, a,
               {{"traffic_type", "traffic_type", aws::As::String},
                {"log_destination_type", "destination_type", aws::As::String}},
               c);
    const Value* dest = raw->attributes.find("log_destination");
    if (!present(dest)) dest = raw->attributes.find("log_group_name");
    if (present(dest)) a.set("destination", aws::to_reference_string(*dest, c));
    set_tags(*raw, a, c);
    ctx.out.push_back(std::move(r));
  }
}

}  // namespace

void adapt_network(AdaptContext& ctx, const Convert& c) {
  adapt_security_groups(ctx, c);
  adapt_vpcs(ctx, c);
  adapt_flow_logs(ctx, c);
}

}  // namespace cc::model::aws_tf::ec2
