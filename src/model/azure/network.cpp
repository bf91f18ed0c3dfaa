// Network security groups (inline rules and separate rule resources, flow logs, subnet
// associations), virtual networks and subnets.
#include <charconv>
#include <set>

#include "model/azure/common.h"
#include "model/azure/services.h"
#include "model/base/terraform.h"

namespace cc::model::azure {

namespace {

// "22", "1000-2000" or "*" as an azure.port_range; unknown when it cannot be read.
Value port_range(const Value& v, Diagnostics& d) {
  Value text = to_string(v, d);
  if (!text.is_string()) return text;
  std::string_view s = text.as_string();
  Span span = text.span();
  if (s == "*")
    return Value::map(
        {{"from", Value::number(0, span), {}}, {"to", Value::number(65535, span), {}}}, span);
  auto number = [](std::string_view t, double& out) {
    int n = 0;
    auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), n);
    out = n;
    return ec == std::errc{} && p == t.data() + t.size() && !t.empty();
  };
  double from = 0, to = 0;
  size_t dash = s.find('-');
  bool ok = dash == std::string_view::npos
                ? (number(s, from) && (to = from, true))
                : (number(s.substr(0, dash), from) && number(s.substr(dash + 1), to));
  if (!ok) {
    d.push_back(Diagnostic{DiagLevel::Warning, "azure.port_range",
                           "port range \"" + std::string(s) + "\" is not a port, a range or *",
                           span});
    return Value::unknown("unreadable port range", span);
  }
  return Value::map({{"from", Value::number(from, span), {}}, {"to", Value::number(to, span), {}}},
                    span);
}

bool is_internet(std::string_view prefix) {
  std::string p = lower(prefix);
  return p == "*" || p == "any" || p == "internet" || p == "0.0.0.0/0" || p == "0.0.0.0" ||
         p == "::/0";
}

// Adds the single and plural spellings of a prefix or port argument to `out`.
void collect(List& out, const Value* single, const Value* plural, Diagnostics& d) {
  if (single && !single->is_null()) out.push_back(to_string(*single, d));
  if (plural && !plural->is_null()) {
    Value list = to_string_list(*plural, d);
    if (list.is_list())
      for (auto& e : list.as_list()) out.push_back(std::move(e));
    else
      out.push_back(std::move(list));
  }
}

Value nsg_rule(const Value& block, std::string source, Span span, Diagnostics& d) {
  if (block.is_unknown()) return block;
  Span at = block.span().known() ? block.span() : span;
  Value r = Value::map({}, at);
  set_string(r, "name", member(&block, {"name"}), d);
  set_number(r, "priority", member(&block, {"priority"}), d);
  set_string(r, "direction", member(&block, {"direction"}), d);
  set_string(r, "access", member(&block, {"access"}), d);
  set_string(r, "protocol", member(&block, {"protocol"}), d);

  List sources;
  collect(sources, member(&block, {"source_address_prefix"}),
          member(&block, {"source_address_prefixes"}), d);
  if (const Value* asgs = member(&block, {"source_application_security_group_ids"})) {
    Value names = reference_names(*asgs);
    if (names.is_list())
      for (const auto& n : names.as_list())
        sources.push_back(n.is_string() ? Value::string("asg:" + n.as_string(), n.span()) : n);
  }
  bool internet = false, unknown = false;
  for (const auto& s : sources) {
    if (s.is_string() && is_internet(s.as_string())) internet = true;
    if (s.is_unknown()) unknown = true;
  }
  r.set("from_internet", internet || !unknown ? Value::boolean(internet, at)
                                              : Value::unknown("a source prefix is not known", at));
  r.set("sources", Value::list(std::move(sources), at));

  List destinations;
  collect(destinations, member(&block, {"destination_address_prefix"}),
          member(&block, {"destination_address_prefixes"}), d);
  r.set("destinations", Value::list(std::move(destinations), at));

  List texts;
  collect(texts, member(&block, {"destination_port_range"}),
          member(&block, {"destination_port_ranges"}), d);
  List ports;
  for (const auto& t : texts) ports.push_back(t.is_unknown() ? t : port_range(t, d));
  r.set("ports", Value::list(std::move(ports), at));
  r.set("source", Value::string(std::move(source), at));
  return r;
}

// Flow logs name their target by network_security_group_id (older) or
// target_resource_id (newer, also for virtual networks).
Value flow_log(const AdaptContext& ctx, const Resource& target, Diagnostics& d) {
  Value out = Value::null();
  for (const Resource* r : children(ctx, "azurerm_network_watcher_flow_log",
                                    {"network_security_group_id", "target_resource_id"}, target)) {
    Value f = Value::map({}, r->span);
    if (!set_bool(f, "enabled", arg(*r, {"enabled"}), d))
      f.set("enabled", provider_default(Value::boolean(true), r->span));
    if (const Value* retention = tf::first_block(*r, "retention_policy")) {
      const Value* on = member(retention, {"enabled"});
      Value enabled = on ? to_bool(*on, d) : Value::boolean(false, retention->span());
      if (enabled.is_bool() && enabled.as_bool())
        set_number(f, "retention_days", member(retention, {"days"}), d);
    }
    if (const Value* analytics = tf::first_block(*r, "traffic_analytics"))
      set_bool(f, "traffic_analytics", member(analytics, {"enabled"}), d);
    // Several flow logs: any enabled one is enough.
    const Value* prev = out.is_map() ? out.find("enabled") : nullptr;
    if (!prev || !(prev->is_bool() && prev->as_bool())) out = std::move(f);
  }
  return out;
}

void adapt_security_group(AdaptContext& ctx, const Resource& raw) {
  Resource out = tf::make_canonical(raw, "azure.network.security_group", "name");
  Value& a = out.attributes;
  Diagnostics& d = ctx.diags;
  set_string(a, "name", arg(raw, {"name"}), d);

  List rules;
  const Value* inline_rules = raw.attributes.find("security_rule");
  for (const Value* b : tf::blocks(inline_rules))
    rules.push_back(nsg_rule(*b, "inline", raw.span, d));
  for (const Resource* r :
       children_by_name(ctx, "azurerm_network_security_rule", "network_security_group_name", raw))
    rules.push_back(nsg_rule(r->attributes, r->address, r->span, d));
  if (inline_rules && inline_rules->is_unknown())
    a.set("rules", *inline_rules);
  else if (!rules.empty())
    a.set("rules", Value::list(std::move(rules), raw.span));

  List subnets;
  for (const Resource* r : children(ctx, "azurerm_subnet_network_security_group_association",
                                    {"network_security_group_id"}, raw))
    if (const Value* s = arg(*r, {"subnet_id"})) subnets.push_back(reference_name(*s));
  if (!subnets.empty()) a.set("subnets", Value::list(std::move(subnets), raw.span));

  Value flow = flow_log(ctx, raw, d);
  if (!flow.is_null()) a.set("flow_log", std::move(flow));
  Value tags = tags_of(raw, d);
  if (!tags.is_null()) a.set("tags", std::move(tags));
  ctx.out.push_back(std::move(out));
}

bool special_purpose(const Value* name) {
  static const std::set<std::string, std::less<>> kReserved = {
      "gatewaysubnet", "azurefirewallsubnet", "azurefirewallmanagementsubnet", "azurebastionsubnet",
      "routeserversubnet"};
  return name && name->is_string() && kReserved.contains(lower(name->as_string()));
}

void set_subnet_common(Value& a, const Value& block, Span span, Diagnostics& d) {
  const Value* name = member(&block, {"name"});
  set_string(a, "name", name, d);
  if (special_purpose(name)) a.set("special_purpose", Value::boolean(true, name->span()));
  List prefixes;
  collect(prefixes, member(&block, {"address_prefix"}), member(&block, {"address_prefixes"}), d);
  if (!prefixes.empty()) a.set("address_prefixes", Value::list(std::move(prefixes), span));
  set_string_list(a, "service_endpoints", member(&block, {"service_endpoints"}), d);
  if (const Value* delegation = member(&block, {"delegation"}))
    a.set("delegated", is_set(delegation, span));
  set_bool(a, "default_outbound_access", member(&block, {"default_outbound_access_enabled"}), d);
}

void adapt_subnet(AdaptContext& ctx, const Resource& raw) {
  Resource out = tf::make_canonical(raw, "azure.network.subnet", "name");
  Value& a = out.attributes;
  Diagnostics& d = ctx.diags;
  set_subnet_common(a, raw.attributes, raw.span, d);
  if (const Value* vnet = arg(raw, {"virtual_network_name"}))
    a.set("virtual_network", reference_name(*vnet));
  // Older providers took the group on the subnet itself (network_security_group_id).
  const Value* nsg = arg(raw, {"network_security_group_id"});
  for (const Resource* r :
       children(ctx, "azurerm_subnet_network_security_group_association", {"subnet_id"}, raw))
    nsg = arg(*r, {"network_security_group_id"});
  if (nsg) {
    a.set("network_security_group", reference_name(*nsg));
    a.set("has_network_security_group", is_set(nsg, raw.span));
  }
  ctx.out.push_back(std::move(out));
}

void adapt_virtual_network(AdaptContext& ctx, const Resource& raw) {
  Resource out = tf::make_canonical(raw, "azure.network.virtual_network", "name");
  Value& a = out.attributes;
  Diagnostics& d = ctx.diags;
  set_string(a, "name", arg(raw, {"name"}), d);
  set_string_list(a, "address_space", arg(raw, {"address_space"}), d);
  if (const Value* plan = tf::first_block(raw, "ddos_protection_plan")) {
    const Value* enable = member(plan, {"enable"});
    a.set("ddos_protection", enable ? to_bool(*enable, d) : Value::boolean(true, plan->span()));
  }

  // Inline subnet blocks become subnets of their own, so subnet rules see them too.
  List names;
  const Value* inline_subnets = raw.attributes.find("subnet");
  for (const Value* b : tf::blocks(inline_subnets)) {
    if (b->is_unknown()) continue;
    Resource subnet = tf::make_canonical(raw, "azure.network.subnet");
    const Value* name = member(b, {"name"});
    if (name && name->is_string()) {
      subnet.name = name->as_string();
      subnet.address = raw.address + ".subnet[\"" + name->as_string() + "\"]";
      names.push_back(*name);
    }
    if (b->span().known()) {
      subnet.span = b->span();
      subnet.attributes.set_span(b->span());
    }
    Value& s = subnet.attributes;
    set_subnet_common(s, *b, subnet.span, d);
    if (const Value* vname = arg(raw, {"name"})) s.set("virtual_network", to_string(*vname, d));
    if (const Value* nsg = member(b, {"security_group", "network_security_group_id"})) {
      s.set("network_security_group", reference_name(*nsg));
      s.set("has_network_security_group", is_set(nsg, subnet.span));
    }
    ctx.out.push_back(std::move(subnet));
  }
  for (const Resource* r : children_by_name(ctx, "azurerm_subnet", "virtual_network_name", raw))
    if (const Value* n = arg(*r, {"name"})) names.push_back(to_string(*n, d));
  if (!names.empty()) a.set("subnets", Value::list(std::move(names), raw.span));

  Value flow = flow_log(ctx, raw, d);
  if (const Value* enabled = flow.is_map() ? flow.find("enabled") : nullptr)
    a.set_path("flow_log.enabled", *enabled);
  Value tags = tags_of(raw, d);
  if (!tags.is_null()) a.set("tags", std::move(tags));
  ctx.out.push_back(std::move(out));
}

}  // namespace

void adapt_network(AdaptContext& ctx) {
  for (const Resource* r : tf::resources_of_type(ctx, "azurerm_network_security_group"))
    adapt_security_group(ctx, *r);
  for (const Resource* r : tf::resources_of_type(ctx, "azurerm_virtual_network"))
    adapt_virtual_network(ctx, *r);
  for (const Resource* r : tf::resources_of_type(ctx, "azurerm_subnet")) adapt_subnet(ctx, *r);
}

}  // namespace cc::model::azure
