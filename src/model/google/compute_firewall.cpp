// google_compute_firewall -> gcp.compute.firewall, with each allow/deny block flattened
// to one entry per protocol and port range.
#include <charconv>

#include "model/base/terraform.h"
#include "model/google/adapters.h"
#include "model/google/common.h"

namespace cc::model::google {

namespace {

std::string protocol_name(std::string_view p) {
  // The API accepts IP protocol numbers for the common protocols too.
  if (p == "6") return "tcp";
  if (p == "17") return "udp";
  if (p == "1") return "icmp";
  return std::string(p);
}

bool parse_port(std::string_view s, double& out) {
  int n = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
  if (ec != std::errc{} || end != s.data() + s.size() || n < 0 || n > 65535) return false;
  out = n;
  return true;
}

Value rule_entry(const Value& protocol, double from, double to, Span span) {
  Value e = Value::map();
  e.set_span(span);
  e.set("protocol", protocol);
  e.set("from_port", Value::number(from, span));
  e.set("to_port", Value::number(to, span));
  return e;
}

// One allow or deny block -> entries; a block without ports covers every port.
void rule_entries(const Value& block, List& out) {
  if (block.is_unknown()) {
    out.push_back(block);
    return;
  }
  Value protocol = Value::unknown("protocol not known", block.span());
  if (const Value* p = block.find("protocol"); p && p->is_string())
    protocol = Value::string(protocol_name(p->as_string()), p->span());
  else if (p && p->is_unknown())
    protocol = *p;
  const Value* ports = block.find("ports");
  if (!ports || ports->is_null() || (ports->is_list() && ports->as_list().empty())) {
    out.push_back(rule_entry(protocol, 0, 65535, block.span()));
    return;
  }
  if (ports->is_unknown()) {
    Value e = rule_entry(protocol, 0, 65535, ports->span());
    e.set("from_port", Value::unknown("ports not known", ports->span()));
    e.set("to_port", Value::unknown("ports not known", ports->span()));
    out.push_back(std::move(e));
    return;
  }
  for (const Value* port : tf::blocks(ports)) {
    std::string text;
    if (port->is_string())
      text = port->as_string();
    else if (port->is_number())
      text = std::to_string(static_cast<int>(port->as_number()));
    double from = 0;
    double to = 0;
    size_t dash = text.find('-');
    bool ok = dash == std::string::npos
                  ? parse_port(text, from) && parse_port(text, to)
                  : parse_port(std::string_view(text).substr(0, dash), from) &&
                        parse_port(std::string_view(text).substr(dash + 1), to);
    Value e = rule_entry(protocol, from, to, port->span());
    if (!ok) {
      e.set("from_port", Value::unknown("port not known", port->span()));
      e.set("to_port", Value::unknown("port not known", port->span()));
    }
    out.push_back(std::move(e));
  }
}

void rules_of(const Resource& raw, std::string_view block, Value& a) {
  const Value* v = raw.attributes.find(block);
  if (!v || v->is_null()) return;
  List entries;
  for (const Value* b : tf::blocks(v)) rule_entries(*b, entries);
  a.set(std::string(block), Value::list(std::move(entries), v->span()));
}

void copy_list(const Resource& raw, std::string_view key, Value& a) {
  if (auto list = string_list(raw.attributes.find(key))) a.set(std::string(key), *list);
}

bool has_entries(const Value& a, std::string_view key) {
  const Value* v = a.find(key);
  return v && (v->is_unknown() || (v->is_list() && !v->as_list().empty()));
}

void adapt_firewall(AdaptContext& ctx, const Resource& raw) {
  Resource out = tf::make_canonical(raw, "gcp.compute.firewall", "name");
  Value& a = out.attributes;
  copy_attr(raw, "name", a, "name");
  copy_attr(raw, "network", a, "network");
  if (const Value* n = a.find("network")) a.set("network", named_or_unknown(*n));
  copy_attr(raw, "direction", a, "direction");
  copy_bool(raw, "disabled", a, "disabled");
  copy_attr(raw, "priority", a, "priority");
  for (const char* key : {"source_ranges", "destination_ranges", "source_tags", "target_tags",
                          "source_service_accounts", "target_service_accounts"})
    copy_list(raw, key, a);
  rules_of(raw, "allow", a);
  rules_of(raw, "deny", a);
  // An ingress rule naming no source at all admits every address (the API fills in
  // 0.0.0.0/0), which is the documented default rather than something the user wrote.
  const Value* direction = a.find("direction");
  bool ingress = !direction || (direction->is_string() && direction->as_string() == "INGRESS");
  if (ingress && !has_entries(a, "source_ranges") && !has_entries(a, "source_tags") &&
      !has_entries(a, "source_service_accounts")) {
    Value all = Value::list({Value::string("0.0.0.0/0", raw.span)}, raw.span);
    all.set_provenance(Provenance::Default);
    a.set("source_ranges", std::move(all));
  }
  // enable_logging is the argument's name before provider version 4.
  copy_bool(raw, "enable_logging", a, "logging");
  if (const Value* lc = tf::first_block(raw, "log_config")) {
    if (lc->is_unknown())
      a.set("logging", *lc);
    else
      set_bool(a, "logging", true, lc->span());
  }
  ctx.out.push_back(std::move(out));
}

}  // namespace

void adapt_firewalls(AdaptContext& ctx) {
  for (const Resource* raw : tf::resources_of_type(ctx, "google_compute_firewall"))
    adapt_firewall(ctx, *raw);
}

}  // namespace cc::model::google
