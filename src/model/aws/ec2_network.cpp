// Security groups (inline rules plus separate AWS::EC2::SecurityGroupIngress/Egress
// resources), VPCs (flow logs and default security group use joined) and flow logs.
#include <functional>
#include <string>
#include <tuple>

#include "model/aws/ec2_parts.h"

namespace cc::model::aws::ec2 {
namespace {

constexpr double kLastPort = 65535;

// "-1", "6", "tcp", "TCP" ... -> "all", "tcp", ...; other protocol numbers stay as text.
Value protocol_name(const Value& v, const Convert& c) {
  Value s = to_string(v, c);
  if (!s.is_string()) return s;
  std::string p = s.as_string();
  for (auto& ch : p) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  if (p == "-1" || p == "all")
    p = "all";
  else if (p == "6")
    p = "tcp";
  else if (p == "17")
    p = "udp";
  else if (p == "1")
    p = "icmp";
  else if (p == "58")
    p = "icmpv6";
  return Value::string(p, s.span());
}

void add_strings(List& into, const Value* v, const Convert& c) {
  if (!v) return;
  into.push_back(to_reference_string(*v, c));
}

// The rule entries of a template that target `group` (by ref, GetAtt or GroupName).
void separate_rules(const AdaptContext& ctx, std::string_view cfn_type, bool ingress,
                    const std::function<bool(const Resource&)>& targets, List& into,
                    const Convert& c) {
  for (const Resource* rule : resources_of_type(ctx, cfn_type)) {
    if (!targets(*rule)) continue;
    if (const Value* props = properties(*rule)) {
      Value entry = sg_rule(*props, ingress, c);
      entry.set_span(rule->span);
      into.push_back(std::move(entry));
    }
  }
}

// AWS adds this rule to every group whose template declares no egress.
Value default_egress(Span at) {
  Value rule = Value::map({}, at);
  rule.set("protocol", Value::string("all", at));
  rule.set("from_port", Value::number(0, at));
  rule.set("to_port", Value::number(kLastPort, at));
  rule.set("cidrs", Value::list({Value::string("0.0.0.0/0", at)}, at));
  rule.set("source_groups", Value::list({}, at));
  rule.set("prefix_lists", Value::list({}, at));
  rule.set("description", Value::string("default egress rule added by AWS", at));
  rule.set_provenance(Provenance::Default);
  return rule;
}

Value rule_list(const Value* inline_rules, bool ingress, List separate, Span fallback,
                const Convert& c) {
  if (inline_rules && !inline_rules->is_list()) {
    if (inline_rules->is_unknown()) return *inline_rules;
    c.type_warning(*inline_rules, "a list of security group rules");
    return Value::unknown("security group rules are not a list", inline_rules->span());
  }
  List rules;
  if (inline_rules)
    for (const auto& e : inline_rules->as_list()) rules.push_back(sg_rule(e, ingress, c));
  for (auto& e : separate) rules.push_back(std::move(e));
  return Value::list(std::move(rules), inline_rules ? inline_rules->span() : fallback);
}

void adapt_security_groups(AdaptContext& ctx, const Convert& c) {
  for (const Resource* raw : resources_of_type(ctx, "AWS::EC2::SecurityGroup")) {
    Resource r = make_canonical(*raw, "aws.ec2.security_group", "GroupName");
    Value& a = r.attributes;
    if (const Value* n = property(*raw, "GroupName"))
      set_string(a, "name", n, c);
    else
      a.set("name", Value::string(raw->address, raw->span));
    set_string(a, "description", property(*raw, "GroupDescription"), c);
    set_reference(a, "vpc", property(*raw, "VpcId"), c);
    std::string physical = physical_name(*raw, "GroupName");
    auto targets_this = [&](const Resource& rule) {
      const Value* id = property(rule, "GroupId");
      const Value* name = property(rule, "GroupName");
      return (id && refers_to(*id, *raw)) || (name && refers_to(*name, *raw, physical));
    };
    List ingress;
    List egress;
    separate_rules(ctx, "AWS::EC2::SecurityGroupIngress", true, targets_this, ingress, c);
    separate_rules(ctx, "AWS::EC2::SecurityGroupEgress", false, targets_this, egress, c);
    const Value* inline_egress = property(*raw, "SecurityGroupEgress");
    a.set("ingress", rule_list(property(*raw, "SecurityGroupIngress"), true, std::move(ingress),
                               raw->span, c));
    // CloudFormation drops AWS's allow-all egress rule only when the group declares
    // egress inline; separate AWS::EC2::SecurityGroupEgress resources add to it.
    if (!inline_egress) egress.insert(egress.begin(), default_egress(raw->span));
    a.set("egress", rule_list(inline_egress, false, std::move(egress), raw->span, c));
    if (const Value* tags = property(*raw, "Tags")) a.set("tags", tags_map(*tags, c));
    ctx.out.push_back(std::move(r));
  }
}

// True when some value inside `v` is the reference `ref` ("MyVpc.DefaultSecurityGroup").
bool mentions(const Value& v, std::string_view ref) {
  if (v.is_unknown()) return v.as_unknown().ref == ref;
  if (v.is_list())
    for (const auto& i : v.as_list())
      if (mentions(i, ref)) return true;
  if (v.is_map())
    for (const auto& m : v.as_map())
      if (mentions(m.value, ref)) return true;
  return false;
}

Value flow_logs_for(const AdaptContext& ctx, const Resource& vpc, Value& traffic_types) {
  Value enabled = Value::boolean(false, vpc.span);
  List types;
  for (const Resource* fl : resources_of_type(ctx, "AWS::EC2::FlowLog")) {
    const Value* type = property(*fl, "ResourceType");
    const Value* id = property(*fl, "ResourceId");
    if (!type || !id) continue;
    if (type->is_string() && type->as_string() != "VPC") continue;
    if (id->is_unknown() && ref_target(*id).empty()) {
      // A flow log on a VPC the template cannot name: it may be this one.
      if (enabled.is_bool() && !enabled.as_bool())
        enabled = Value::unknown("a flow log names a VPC that is not known", id->span());
      continue;
    }
    if (!refers_to(*id, vpc)) continue;
    if (type->is_unknown()) {
      if (!(enabled.is_bool() && enabled.as_bool())) enabled = *type;
      continue;
    }
    enabled = Value::boolean(true, fl->span);
    if (const Value* t = property(*fl, "TrafficType")) types.push_back(*t);
  }
  traffic_types = Value::list(std::move(types), vpc.span);
  return enabled;
}

void adapt_vpcs(AdaptContext& ctx, const Convert& c) {
  for (const Resource* raw : resources_of_type(ctx, "AWS::EC2::VPC")) {
    Resource r = make_canonical(*raw, "aws.ec2.vpc");
    Value& a = r.attributes;
    a.set("name", Value::string(raw->address, raw->span));
    set_string(a, "cidr", property(*raw, "CidrBlock"), c);
    Value traffic;
    a.set("flow_logs_enabled", flow_logs_for(ctx, *raw, traffic));
    a.set("flow_log_traffic_types", std::move(traffic));

    // The default security group exists outside the template; templates can only add
    // rules to it or use it through the DefaultSecurityGroup attribute.
    std::string ref = raw->address + ".DefaultSecurityGroup";
    auto targets_default = [&](const Resource& rule) {
      const Value* id = property(rule, "GroupId");
      return id && ref_of(*id) == ref;
    };
    List ingress;
    List egress;
    separate_rules(ctx, "AWS::EC2::SecurityGroupIngress", true, targets_default, ingress, c);
    separate_rules(ctx, "AWS::EC2::SecurityGroupEgress", false, targets_default, egress, c);
    Span dsg = raw->span;
    a.set_path("default_security_group.ingress", Value::list(std::move(ingress), dsg));
    a.set_path("default_security_group.egress", Value::list(std::move(egress), dsg));
    Value in_use = Value::boolean(false, dsg);
    for (const auto& other : ctx.doc.resources) {
      if (is_type(other, "AWS::EC2::SecurityGroupIngress") ||
          is_type(other, "AWS::EC2::SecurityGroupEgress"))
        continue;
      if (const Value* props = properties(other); props && mentions(*props, ref))
        in_use = Value::boolean(true, other.span);
    }
    a.set_path("default_security_group.in_use", in_use);

    set_tags_and_name(r, *raw, c);
    ctx.out.push_back(std::move(r));
  }
}

void adapt_flow_logs(AdaptContext& ctx, const Convert& c) {
  for (const Resource* raw : resources_of_type(ctx, "AWS::EC2::FlowLog")) {
    Resource r = make_canonical(*raw, "aws.ec2.flow_log");
    Value& a = r.attributes;
    set_string(a, "resource_type", property(*raw, "ResourceType"), c);
    set_reference(a, "resource_id", property(*raw, "ResourceId"), c);
    set_string(a, "traffic_type", property(*raw, "TrafficType"), c);
    set_string(a, "destination_type", property(*raw, "LogDestinationType"), c);
    if (!set_reference(a, "destination", property(*raw, "LogDestination"), c))
      set_reference(a, "destination", property(*raw, "LogGroupName"), c);
    if (const Value* tags = property(*raw, "Tags")) a.set("tags", tags_map(*tags, c));
    ctx.out.push_back(std::move(r));
  }
}

}  // namespace

Value sg_rule(const Value& entry, bool ingress, const Convert& c) {
  if (entry.is_unknown()) return entry;
  if (!entry.is_map()) {
    c.type_warning(entry, "a security group rule map");
    return Value::unknown("security group rule is not a map", entry.span());
  }
  Span s = entry.span();
  Value rule = Value::map({}, s);
  const Value* proto = entry.find("IpProtocol");
  Value protocol = proto ? protocol_name(*proto, c) : Value::unknown("rule has no IpProtocol", s);
  rule.set("protocol", protocol);
  bool all_protocols = protocol.is_string() && protocol.as_string() == "all";
  for (auto [cfn, field, all_value] :
       {std::tuple{"FromPort", "from_port", 0.0}, std::tuple{"ToPort", "to_port", kLastPort}}) {
    const Value* port = entry.find(cfn);
    Value n = port ? to_number(*port, c) : Value::null();
    if (all_protocols || !port || (n.is_number() && n.as_number() < 0))
      rule.set(field, Value::number(all_value, port ? port->span() : (proto ? proto->span() : s)));
    else
      rule.set(field, n);
  }
  List cidrs;
  add_strings(cidrs, entry.find("CidrIp"), c);
  add_strings(cidrs, entry.find("CidrIpv6"), c);
  rule.set("cidrs", Value::list(std::move(cidrs), s));
  List groups;
  if (ingress) {
    add_strings(groups, entry.find("SourceSecurityGroupId"), c);
    add_strings(groups, entry.find("SourceSecurityGroupName"), c);
  } else {
    add_strings(groups, entry.find("DestinationSecurityGroupId"), c);
  }
  rule.set("source_groups", Value::list(std::move(groups), s));
  List prefixes;
  add_strings(prefixes, entry.find(ingress ? "SourcePrefixListId" : "DestinationPrefixListId"), c);
  rule.set("prefix_lists", Value::list(std::move(prefixes), s));
  set_string(rule, "description", entry.find("Description"), c);
  return rule;
}

void adapt_network(AdaptContext& ctx, const Convert& c) {
  adapt_security_groups(ctx, c);
  adapt_vpcs(ctx, c);
  adapt_flow_logs(ctx, c);
}

}  // namespace cc::model::aws::ec2
