#include "model/aws/derive.h"

#include <cctype>
#include <string>
#include <utility>

namespace cc::model::aws {
namespace {

bool equals_ignore_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

// True / false / unknown for one Deny statement's conditions.
Value denies_without_tls(const Value& statement) {
  const Value* conds = statement.find("conditions");
  if (!conds) return Value::boolean(false, statement.span());
  if (conds->is_unknown()) return *conds;
  if (!conds->is_list()) return Value::boolean(false, statement.span());
  bool uncertain = false;
  for (const auto& cond : conds->as_list()) {
    if (cond.is_unknown()) {
      uncertain = true;
      continue;
    }
    const Value* op = cond.find("operator");
    const Value* key = cond.find("key");
    const Value* values = cond.find("values");
    if (!op || !key || !values || !op->is_string() || !key->is_string()) continue;
    if (!equals_ignore_case(key->as_string(), "aws:SecureTransport")) continue;
    if (op->as_string() != "Bool" && op->as_string() != "BoolIfExists") continue;
    if (!values->is_list()) {
      uncertain = true;
      continue;
    }
    for (const auto& v : values->as_list()) {
      if (v.is_string() && equals_ignore_case(v.as_string(), "false"))
        return Value::boolean(true, statement.span());
      uncertain = uncertain || v.is_unknown();
    }
  }
  if (uncertain) return Value::unknown("a condition of the policy is unknown", statement.span());
  return Value::boolean(false, statement.span());
}

}  // namespace

Value denies_insecure_transport(const Value& statements, Span fallback) {
  if (statements.is_unknown())
    return Value::unknown("the policy is unknown", statements.span(), statements.as_unknown().ref);
  if (!statements.is_list()) return Value::boolean(false, fallback);
  bool uncertain = false;
  for (const auto& st : statements.as_list()) {
    const Value* effect = st.is_map() ? st.find("effect") : nullptr;
    if (!effect || !effect->is_string()) {
      uncertain = true;
      continue;
    }
    if (effect->as_string() != "Deny") continue;
    Value verdict = denies_without_tls(st);
    if (verdict.is_bool() && verdict.as_bool()) return verdict;
    uncertain = uncertain || verdict.is_unknown();
  }
  if (uncertain) return Value::unknown("part of the policy is unknown", statements.span());
  return Value::boolean(false, statements.span().known() ? statements.span() : fallback);
}

bool requires_mfa(const Value& statement) {
  const Value* effect = statement.find("effect");
  const Value* conds = statement.find("conditions");
  if (!effect || !effect->is_string() || effect->as_string() != "Deny" || !conds ||
      !conds->is_list())
    return false;
  for (const auto& cond : conds->as_list()) {
    const Value* key = cond.find("key");
    const Value* values = cond.find("values");
    if (!key || !key->is_string() || !values || !values->is_list()) continue;
    if (!equals_ignore_case(key->as_string(), "aws:MultiFactorAuthPresent")) continue;
    for (const auto& v : values->as_list())
      if (v.is_string() && (v.as_string() == "false" || v.as_string() == "False")) return true;
  }
  return false;
}

Value maybe_attached(const Resource& policy) {
  return Value::unknown(
      "policy " + policy.address + " is attached to principals that are not known", policy.span);
}

void set_permissions(Value& attributes, Permissions p) {
  attributes.set("inline_policies", std::move(p.inline_policies));
  attributes.set("managed_policy_arns", std::move(p.managed_policy_arns));
  attributes.set("managed_policies", std::move(p.managed_policies));
}

void collect_statements(const Value& policies, List& into) {
  if (!policies.is_list()) return;
  for (const auto& p : policies.as_list())
    if (const Value* st = p.is_map() ? p.find("statements") : nullptr; st && st->is_list())
      for (const auto& s : st->as_list()) into.push_back(s);
}

void set_mfa(Value& attributes, const Value& device, const List& statements, Span user_span) {
  Value enforced = Value::boolean(false, user_span);
  for (const auto& s : statements)
    if (requires_mfa(s)) enforced = Value::boolean(true, s.span());
  bool has_device = device.is_bool() && device.as_bool();
  bool signal = has_device || enforced.as_bool();
  Span signal_span = has_device ? device.span() : enforced.span();
  attributes.set_path("mfa.device", device);
  attributes.set_path("mfa.enforced_by_policy", enforced);
  attributes.set_path("mfa.signal", Value::boolean(signal, signal_span));
}

EventSelectorFacts::EventSelectorFacts(Span span)
    : data_(Value::boolean(false, span)), management_(Value::boolean(false, span)) {}

void EventSelectorFacts::add_basic(Span selector, const Value& include_management,
                                   const Value& data_events, const Value& read_write) {
  count_ += 1;
  Value inc = include_management.is_null() ? Value::boolean(true, selector) : include_management;
  if (inc.is_unknown() && management_.is_bool() && !management_.as_bool()) management_ = inc;
  if (inc.is_bool() && inc.as_bool()) management_ = inc;
  if (!data_events.is_null()) data_ = data_events;
  Value rw = read_write.is_null() ? Value::string("All", selector) : read_write;
  if (read_write_.is_null())
    read_write_ = rw;
  else if (!(rw == read_write_))
    read_write_ = Value::string("Mixed", selector);
}

void EventSelectorFacts::add_categories(const Value& equals) {
  if (!equals.is_list()) return;
  for (const auto& v : equals.as_list()) {
    if (v.is_string() && v.as_string() == "Data") data_ = Value::boolean(true, v.span());
    if (v.is_string() && v.as_string() == "Management")
      management_ = Value::boolean(true, v.span());
  }
}

void EventSelectorFacts::write(Value& attributes) const {
  attributes.set_path("event_selectors.count", Value::number(count_, data_.span()));
  attributes.set_path("event_selectors.data_events", data_);
  attributes.set_path("event_selectors.management_events", management_);
  if (!read_write_.is_null()) attributes.set_path("event_selectors.read_write_type", read_write_);
}

Value cloudwatch_logs_enabled(const Value& group, const Value* role) {
  Value has_group = is_set(group);
  Value has_role = is_set(role, group.span());
  if (has_group.is_bool() && !has_group.as_bool()) return has_group;
  if (has_role.is_bool() && !has_role.as_bool()) return has_role;
  if (has_group.is_unknown()) return has_group;
  if (has_role.is_unknown()) return has_role;
  return Value::boolean(true, group.span());
}

void set_recording_scope(Value& out, const Value* all, const Value* strategy, const Value* types,
                         const Convert& c) {
  set_string(out, "recording_strategy", strategy, c);
  if (all) {
    out.set("all_supported", to_bool(*all, c));
  } else if (strategy && strategy->is_string()) {
    out.set("all_supported", Value::boolean(strategy->as_string() == "ALL_SUPPORTED_RESOURCE_TYPES",
                                            strategy->span()));
  } else if (strategy) {
    if (!strategy->is_unknown()) c.type_warning(*strategy, "a recording strategy name");
    out.set("all_supported", Value::unknown("the recording strategy cannot be read",
                                            strategy->span(), std::string(ref_of(*strategy))));
  } else if (types) {
    out.set("all_supported", Value::boolean(false, types->span()));
  }
}

Value detector_feature(std::string name, const Value* status, Span span, const Convert& c) {
  Value f = Value::map({}, span);
  f.set("name", Value::string(std::move(name), span));
  f.set("status", status ? to_string(*status, c) : Value::unknown("feature status missing", span));
  return f;
}

Value detector_flag_feature(std::string_view name, const Value& flag, const Convert& c) {
  Value on = to_bool(flag, c);
  Value status =
      on.is_bool() ? Value::string(on.as_bool() ? "ENABLED" : "DISABLED", flag.span()) : on;
  Value f = Value::map({}, flag.span());
  f.set("name", Value::string(std::string(name), flag.span()));
  f.set("status", std::move(status));
  return f;
}

Value environment_variables(const Value& vars, const Convert& c,
                            bool (*written_inline)(const Value&)) {
  if (vars.is_unknown()) return vars;
  if (!vars.is_map()) {
    c.type_warning(vars, "a map of environment variables");
    return Value::unknown("environment variables are not a map", vars.span());
  }
  List out;
  for (const auto& m : vars.as_map()) {
    Span at = m.key_span.known() ? m.key_span : m.value.span();
    Value entry = Value::map({}, at);
    entry.set("name", Value::string(m.key, at));
    entry.set("literal", Value::boolean(written_inline(m.value), m.value.span()));
    out.push_back(std::move(entry));
  }
  return Value::list(std::move(out), vars.span());
}

Value vpc_attached(const Value& subnets, std::string_view what) {
  if (subnets.is_unknown()) return subnets;
  if (subnets.is_list()) return Value::boolean(!subnets.as_list().empty(), subnets.span());
  return Value::unknown(std::string(what) + " is not a list", subnets.span());
}

}  // namespace cc::model::aws
