#include "model/azure/common.h"

#include <fmt/format.h>

#include "model/aws/common.h"
#include "model/base/terraform.h"

namespace cc::model::azure {

const Value* arg(const Resource& raw, std::initializer_list<std::string_view> names) {
  for (std::string_view n : names) {
    const Value* v = tf::attr(raw, n);
    if (v && !v->is_null()) return v;
  }
  return nullptr;
}

const Value* member(const Value* block, std::initializer_list<std::string_view> names) {
  if (!block) return nullptr;
  if (block->is_unknown()) return block;
  for (std::string_view n : names) {
    const Value* v = block;
    std::string_view rest = n;
    while (v && !rest.empty()) {
      size_t dot = rest.find('.');
      std::string_view part = rest.substr(0, dot);
      rest = dot == std::string_view::npos ? std::string_view{} : rest.substr(dot + 1);
      while (v && v->is_list()) v = v->as_list().empty() ? nullptr : &v->as_list().front();
      if (v && v->is_unknown()) break;
      v = v && v->is_map() ? v->find(part) : nullptr;
    }
    if (v && !v->is_null()) return v;
  }
  return nullptr;
}

namespace {

// The azurerm adapters read arguments with the AWS adapters' converters, reporting a
// value of the wrong type under their own code.
aws::Convert converter(Diagnostics& diags) { return aws::Convert(diags, "azure.argument_type"); }

Value wrong_type(const Value& v, std::string_view expected, Diagnostics& diags) {
  converter(diags).type_warning(v, expected);
  return Value::unknown(fmt::format("expected {}, found {}", expected, Value::type_name(v.type())),
                        v.span());
}

}  // namespace

Value to_bool(const Value& v, Diagnostics& diags) { return aws::to_bool(v, converter(diags)); }

Value to_number(const Value& v, Diagnostics& diags) { return aws::to_number(v, converter(diags)); }

Value to_string(const Value& v, Diagnostics& diags) { return aws::to_string(v, converter(diags)); }

Value to_string_list(const Value& v, Diagnostics& diags) {
  if (v.is_unknown()) return v;
  if (v.is_list()) {
    List items;
    items.reserve(v.as_list().size());
    for (const auto& item : v.as_list())
      if (!item.is_null()) items.push_back(to_string(item, diags));
    return Value::list(std::move(items), v.span());
  }
  if (v.is_string() || v.is_number() || v.is_bool())
    return Value::list({to_string(v, diags)}, v.span());
  return wrong_type(v, "a list of strings", diags);
}

namespace {

template <class Conv>
bool set_with(Value& out, std::string_view dotted, const Value* src, Diagnostics& diags,
              Conv conv) {
  if (!src || src->is_null()) return false;
  out.set_path(dotted, conv(*src, diags));
  return true;
}

}  // namespace

bool set_bool(Value& out, std::string_view dotted, const Value* src, Diagnostics& diags) {
  return set_with(out, dotted, src, diags, to_bool);
}
bool set_number(Value& out, std::string_view dotted, const Value* src, Diagnostics& diags) {
  return set_with(out, dotted, src, diags, to_number);
}
bool set_string(Value& out, std::string_view dotted, const Value* src, Diagnostics& diags) {
  return set_with(out, dotted, src, diags, to_string);
}
bool set_string_list(Value& out, std::string_view dotted, const Value* src, Diagnostics& diags) {
  return set_with(out, dotted, src, diags, to_string_list);
}

Value provider_default(Value v, Span span) {
  v.set_span(span);
  v.set_provenance(Provenance::Default);
  return v;
}

Value is_set(const Value* v, Span fallback) {
  if (!v || v->is_null()) return Value::boolean(false, fallback);
  if (v->is_unknown()) {
    const Unknown& u = v->as_unknown();
    if (!u.ref.empty() || !u.shape.empty()) return Value::boolean(true, v->span());
    return Value::unknown(u.reason, v->span());
  }
  if (v->is_string()) return Value::boolean(!v->as_string().empty(), v->span());
  return Value::boolean(true, v->span());
}

Value reference_name(const Value& v) {
  if (v.is_unknown()) {
    std::string_view ref = tf::ref_of(v);
    if (!ref.empty())
      return Value::string("${" + std::string(tf::ref_address(ref)) + "}", v.span());
    return v;
  }
  if (v.is_string()) return v;
  Diagnostics ignored;
  return to_string(v, ignored);
}

Value reference_names(const Value& v) {
  if (v.is_unknown()) return v;
  List items;
  if (v.is_list()) {
    for (const auto& e : v.as_list())
      if (!e.is_null()) items.push_back(reference_name(e));
  } else if (!v.is_null()) {
    items.push_back(reference_name(v));
  }
  return Value::list(std::move(items), v.span());
}

Value tags_of(const Resource& raw, Diagnostics& diags) {
  const Value* t = raw.attributes.find("tags");
  if (!t || t->is_null()) return Value::null();
  if (t->is_unknown()) return *t;
  if (!t->is_map()) return wrong_type(*t, "a map of tags", diags);
  Value out = Value::map({}, t->span());
  for (const auto& m : t->as_map()) out.set(m.key, to_string(m.value, diags));
  return out;
}

Value firewall_rule(const Resource& rule, Diagnostics& diags) {
  Value out = Value::map({}, rule.span);
  set_string(out, "name", arg(rule, {"name"}), diags);
  const Value* start = arg(rule, {"start_ip_address"});
  const Value* end = arg(rule, {"end_ip_address"});
  set_string(out, "start_ip", start, diags);
  set_string(out, "end_ip", end, diags);
  out.set("source", Value::string(rule.address, rule.span));
  if (!start || !end) return out;
  auto known = [](const Value* v, std::string_view text) {
    return v->is_string() && v->as_string() == text;
  };
  Span span = start->span().known() ? start->span() : rule.span;
  if (start->is_unknown() || end->is_unknown()) {
    Value u = Value::unknown("the address range is not known", span);
    out.set("allows_azure_services", u);
    out.set("open_to_internet", u);
    return out;
  }
  out.set("allows_azure_services",
          Value::boolean(known(start, "0.0.0.0") && known(end, "0.0.0.0"), span));
  out.set("open_to_internet",
          Value::boolean(known(start, "0.0.0.0") && known(end, "255.255.255.255"), span));
  return out;
}

Value either(const Value& a, const Value& b) {
  if (a.is_bool() && a.as_bool()) return a;
  if (b.is_bool() && b.as_bool()) return b;
  if (a.is_unknown()) return a;
  if (b.is_unknown()) return b;
  return a.is_bool() ? a : b;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool points_at(const Value& v, const Resource& parent, std::string_view parent_name_attr) {
  if (v.is_unknown()) return tf::refers_to(v, parent);
  if (!v.is_string() || parent_name_attr.empty()) return false;
  const Value* name = parent.attributes.find(parent_name_attr);
  if (!name || !name->is_string() || name->as_string().empty()) return false;
  std::string_view id = v.as_string();
  while (!id.empty() && id.back() == '/') id.remove_suffix(1);
  size_t slash = id.rfind('/');
  std::string_view last = slash == std::string_view::npos ? id : id.substr(slash + 1);
  return lower(last) == lower(name->as_string());
}

std::vector<const Resource*> children(const AdaptContext& ctx, std::string_view type,
                                      std::initializer_list<std::string_view> link_args,
                                      const Resource& parent) {
  std::vector<const Resource*> out;
  for (const Resource* r : tf::resources_of_type(ctx, type)) {
    const Value* link = arg(*r, link_args);
    if (link && points_at(*link, parent)) out.push_back(r);
  }
  return out;
}

std::vector<const Resource*> children_by_name(const AdaptContext& ctx, std::string_view type,
                                              std::string_view name_arg, const Resource& parent) {
  std::vector<const Resource*> out;
  const Value* parent_name = parent.attributes.find("name");
  for (const Resource* r : tf::resources_of_type(ctx, type)) {
    const Value* link = r->attributes.find(name_arg);
    if (!link) continue;
    bool match = link->is_unknown()
                     ? tf::refers_to(*link, parent)
                     : (link->is_string() && parent_name && parent_name->is_string() &&
                        lower(link->as_string()) == lower(parent_name->as_string()));
    if (match) out.push_back(r);
  }
  return out;
}

const Resource* target_of(const AdaptContext& ctx, const Value& v,
                          std::initializer_list<std::string_view> types) {
  for (std::string_view t : types)
    if (const Resource* r = tf::referenced(ctx, v, t)) return r;
  return nullptr;
}

}  // namespace cc::model::azure
