#include "model/google/iam_bindings.h"

#include "collect/doc/json_reader.h"
#include "model/base/terraform.h"
#include "model/google/common.h"

namespace cc::model::google {

namespace {

constexpr std::string_view kSuffixes[] = {"_iam_policy", "_iam_binding", "_iam_member"};

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string_view type_of(const Resource& raw) {
  std::string_view k = raw.kind;
  return k.starts_with("tf:") ? k.substr(3) : k;
}

Value condition_value(const Value* block) {
  Value c = Value::map();
  if (!block) return c;
  c.set_span(block->span());
  if (block->is_unknown()) return *block;
  for (const char* key : {"title", "expression", "description"})
    if (const Value* v = block->find(key); v && !v->is_null()) c.set(key, *v);
  return c;
}

// {role, members, condition} from a binding-shaped map (a block, or an _iam_binding /
// _iam_member resource's attributes, where `member` holds the single member).
Value binding_value(const Value& src, Span span) {
  Value b = Value::map();
  b.set_span(span);
  if (src.is_unknown()) return src;
  if (const Value* role = src.find("role"); role && !role->is_null())
    b.set("role", named_or_unknown(*role));
  if (auto members = string_list(src.find("members"))) {
    b.set("members", *members);
  } else if (const Value* member = src.find("member"); member && !member->is_null()) {
    // One member, even when only known after apply, is still a one-element list.
    b.set("members", Value::list({named_or_unknown(*member)}, member->span()));
  } else {
    b.set("members", Value::list({}, span));
  }
  auto conditions = tf::blocks(src.find("condition"));
  if (!conditions.empty()) b.set("condition", condition_value(conditions.front()));
  return b;
}

// Every value of a parsed JSON document points at the argument it came from.
void respan(Value& v, Span span) {
  v.set_span(span);
  if (v.is_list())
    for (auto& e : v.as_list()) respan(e, span);
  if (v.is_map())
    for (auto& m : v.as_map()) {
      m.key_span = span;
      respan(m.value, span);
    }
}

// A policy document in the API's JSON form: {"bindings": [...], "auditConfigs": [...]}.
IamContent from_json(std::string_view text, Span span) {
  IamContent c;
  Value doc;
  Diagnostics ignored;
  if (!collect::parse_json(text, span.file, collect::Limits{}, doc, ignored) || !doc.is_map()) {
    c.bindings = Value::unknown("policy document is not JSON", span);
    c.audit_configs = c.bindings;
    return c;
  }
  respan(doc, span);
  if (const Value* bs = doc.find("bindings"); bs && bs->is_list())
    for (const auto& b : bs->as_list()) c.bindings.as_list().push_back(binding_value(b, span));
  if (const Value* acs = doc.find("auditConfigs"); acs && acs->is_list())
    for (const auto& ac : acs->as_list())
      c.audit_configs.as_list().push_back(audit_config_value(ac, "auditLogConfigs"));
  return c;
}

// A google_iam_policy data source.
IamContent from_data_source(const Resource& data) {
  IamContent c;
  for (const Value* b : tf::blocks(data, "binding"))
    c.bindings.as_list().push_back(binding_value(*b, b->span()));
  for (const Value* ac : tf::blocks(data, "audit_config"))
    c.audit_configs.as_list().push_back(audit_config_value(*ac, "audit_log_configs"));
  return c;
}

IamContent from_policy_data(const AdaptContext& ctx, const Resource& raw) {
  const Value* pd = raw.attributes.find("policy_data");
  IamContent c;
  if (!pd || pd->is_null()) return c;  // the provider rejects this; nothing is granted
  if (pd->is_string()) return from_json(pd->as_string(), pd->span());
  if (pd->is_unknown()) {
    if (const Resource* data = tf::referenced(ctx, *pd, "google_iam_policy"))
      return from_data_source(*data);
    if (!pd->as_unknown().shape.empty()) return from_json(pd->as_unknown().shape, pd->span());
  }
  c.bindings = Value::unknown("the policy document is not in the configuration", pd->span(),
                              std::string(tf::ref_of(*pd)));
  c.audit_configs = c.bindings;
  return c;
}

}  // namespace

bool is_iam_type(std::string_view type) { return !iam_mode(type).empty(); }

std::string_view iam_mode(std::string_view type) {
  for (std::string_view s : kSuffixes)
    if (ends_with(type, s)) return s.substr(5);
  return {};
}

Value audit_config_value(const Value& block, std::string_view log_configs_key) {
  if (block.is_unknown()) return block;
  Value ac = Value::map();
  ac.set_span(block.span());
  if (const Value* service = block.find("service"); service && !service->is_null())
    ac.set("service", *service);
  List types;
  List exempted;
  for (const Value* lc : tf::blocks(block.find(log_configs_key))) {
    if (lc->is_unknown()) {
      types.push_back(*lc);
      continue;
    }
    const Value* t = lc->find("log_type");
    if (!t) t = lc->find("logType");
    if (t && !t->is_null()) types.push_back(*t);
    const Value* ex = lc->find("exempted_members");
    if (!ex) ex = lc->find("exemptedMembers");
    if (auto list = string_list(ex)) {
      if (list->is_list()) {
        for (auto& m : list->as_list()) exempted.push_back(m);
      } else {
        exempted.push_back(*list);
      }
    }
  }
  ac.set("log_types", Value::list(std::move(types), block.span()));
  ac.set("exempted_members", Value::list(std::move(exempted), block.span()));
  return ac;
}

IamContent iam_content(const AdaptContext& ctx, const Resource& raw) {
  std::string_view mode = iam_mode(type_of(raw));
  if (mode == "policy") return from_policy_data(ctx, raw);
  IamContent c;
  c.bindings.as_list().push_back(binding_value(raw.attributes, raw.span));
  return c;
}

void join_iam(const AdaptContext& ctx, const Resource& parent, std::string_view known_name,
              std::string_view type_prefix, std::string_view link_attr, Value& out) {
  Value bindings = Value::list();
  bool any = false;
  for (const auto& r : ctx.doc.resources) {
    std::string_view type = type_of(r);
    std::string_view mode = iam_mode(type);
    // The prefix must be the whole target part: google_storage_bucket_iam_member, not
    // google_storage_bucket_access_control or another target sharing the prefix.
    if (mode.empty() || type.size() != type_prefix.size() + 5 + mode.size() ||
        !type.starts_with(type_prefix))
      continue;
    const Value* link = r.attributes.find(link_attr);
    if (!link || !tf::refers_to(*link, parent, known_name)) continue;
    any = true;
    IamContent c = iam_content(ctx, r);
    if (c.bindings.is_unknown()) {
      bindings = c.bindings;
      break;
    }
    for (auto& b : c.bindings.as_list()) bindings.as_list().push_back(std::move(b));
  }
  if (!any) return;
  bindings.set_span(parent.span);
  out.set("public_access", public_access(bindings, parent.span));
  out.set("iam_bindings", std::move(bindings));
}

bool is_public_member(std::string_view member) {
  return member == "allUsers" || member == "allAuthenticatedUsers";
}

Value public_access(const Value& bindings, Span span) {
  if (bindings.is_unknown()) return Value::unknown("IAM policy not known", span);
  bool unknown = false;
  for (const auto& b : bindings.as_list()) {
    const Value* members = b.is_map() ? b.find("members") : nullptr;
    if (!members || members->is_unknown() || b.is_unknown()) {
      unknown = true;
      continue;
    }
    for (const auto& m : members->as_list()) {
      if (m.is_unknown())
        unknown = true;
      else if (m.is_string() && is_public_member(m.as_string()))
        return Value::boolean(true, m.span());
    }
  }
  if (unknown) return Value::unknown("an IAM member is not known", span);
  return Value::boolean(false, span);
}

}  // namespace cc::model::google
