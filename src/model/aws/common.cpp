#include "model/aws/common.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>

#include "collect/doc/json_reader.h"

namespace cc::model::aws {

// ---- raw resources -------------------------------------------------------------------

std::string cfn_kind(std::string_view cfn_type) { return "cfn:" + std::string(cfn_type); }

bool is_type(const Resource& raw, std::string_view cfn_type) {
  std::string_view kind = raw.kind;
  return kind.size() == cfn_type.size() + 4 && kind.starts_with("cfn:") &&
         kind.substr(4) == cfn_type;
}

const std::vector<const Resource*>& resources_of_type(const AdaptContext& ctx,
                                                      std::string_view cfn_type) {
  return ctx.of_kind(cfn_kind(cfn_type));
}

const Value* properties(const Resource& raw) {
  const Value* props = raw.attributes.find("Properties");
  return props && props->is_map() ? props : nullptr;
}

const Value* property(const Resource& raw, std::string_view dotted) {
  const Value* cur = raw.attributes.find("Properties");
  while (cur && !dotted.empty()) {
    if (cur->is_unknown()) return cur;
    size_t dot = dotted.find('.');
    cur = cur->find(dotted.substr(0, dot));
    dotted = dot == std::string_view::npos ? std::string_view{} : dotted.substr(dot + 1);
  }
  return cur;
}

std::string physical_name(const Resource& raw, std::string_view name_property) {
  if (name_property.empty()) return {};
  const Value* v = property(raw, name_property);
  return v && v->is_string() ? v->as_string() : std::string{};
}

Resource make_canonical(const Resource& raw, std::string kind, std::string_view name_property) {
  Resource r;
  r.kind = std::move(kind);
  r.address = raw.address;
  std::string physical = physical_name(raw, name_property);
  r.name = physical.empty() ? raw.address : std::move(physical);
  r.provider = "aws";
  r.format = "cloudformation";
  r.attributes = Value::map({}, raw.span);
  r.span = raw.span;
  r.end_line = raw.end_line;
  return r;
}

// ---- conversions -----------------------------------------------------------------------

void Convert::type_warning(const Value& v, std::string_view expected) const {
  diags.push_back(Diagnostic{DiagLevel::Warning, std::string(code),
                             fmt::format("expected {} here, found {}; treated as unknown", expected,
                                         Value::type_name(v.type())),
                             v.span()});
}

namespace {

Value wrong_type(const Value& v, std::string_view expected, const Convert& c) {
  c.type_warning(v, expected);
  return Value::unknown(fmt::format("expected {}, found {}", expected, Value::type_name(v.type())),
                        v.span());
}

std::string number_text(double d) {
  if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 1e15)
    return fmt::format("{}", static_cast<long long>(d));
  return fmt::format("{}", d);
}

}  // namespace

Value to_bool(const Value& v, const Convert& c) {
  if (v.is_unknown()) return v;
  if (auto b = v.loose_bool()) return Value::boolean(*b, v.span());
  return wrong_type(v, "a boolean", c);
}

Value to_number(const Value& v, const Convert& c) {
  if (v.is_unknown()) return v;
  if (v.is_number()) return v;
  if (v.is_string()) {
    const std::string& s = v.as_string();
    double d = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), d);
    if (ec == std::errc{} && p == s.data() + s.size() && !s.empty())
      return Value::number(d, v.span());
  }
  return wrong_type(v, "a number", c);
}

Value to_string(const Value& v, const Convert& c) {
  switch (v.type()) {
    case Value::Type::Unknown:
    case Value::Type::String:
      return v;
    case Value::Type::Number:
      return Value::string(number_text(v.as_number()), v.span());
    case Value::Type::Bool:
      return Value::string(v.as_bool() ? "true" : "false", v.span());
    default:
      return wrong_type(v, "a string", c);
  }
}

Value to_string_list(const Value& v, const Convert& c) {
  if (v.is_unknown()) return v;
  if (v.is_list()) {
    List items;
    items.reserve(v.as_list().size());
    for (const auto& item : v.as_list()) items.push_back(to_string(item, c));
    return Value::list(std::move(items), v.span());
  }
  if (v.is_string() || v.is_number() || v.is_bool())
    return Value::list({to_string(v, c)}, v.span());
  return wrong_type(v, "a string or a list of strings", c);
}

Value to_reference_string(const Value& v, const Convert& c) {
  if (v.is_unknown() && !v.as_unknown().shape.empty())
    return Value::string(v.as_unknown().shape, v.span());
  if (v.is_unknown() && !v.as_unknown().ref.empty())
    return Value::string("${" + v.as_unknown().ref + "}", v.span());
  return to_string(v, c);
}

Value to_reference_list(const Value& v, const Convert& c) {
  if (v.is_unknown() && v.as_unknown().ref.empty() && v.as_unknown().shape.empty()) return v;
  if (v.is_list()) {
    List items;
    items.reserve(v.as_list().size());
    for (const auto& item : v.as_list()) items.push_back(to_reference_string(item, c));
    return Value::list(std::move(items), v.span());
  }
  if (v.is_map()) return wrong_type(v, "a string or a list of strings", c);
  return Value::list({to_reference_string(v, c)}, v.span());
}

bool set_reference(Value& out, std::string_view dotted, const Value* src, const Convert& c) {
  if (!src) return false;
  out.set_path(dotted, to_reference_string(*src, c));
  return true;
}

bool set_reference_list(Value& out, std::string_view dotted, const Value* src, const Convert& c) {
  if (!src) return false;
  out.set_path(dotted, to_reference_list(*src, c));
  return true;
}

bool set_bool(Value& out, std::string_view dotted, const Value* src, const Convert& c) {
  if (!src) return false;
  out.set_path(dotted, to_bool(*src, c));
  return true;
}

bool set_number(Value& out, std::string_view dotted, const Value* src, const Convert& c) {
  if (!src) return false;
  out.set_path(dotted, to_number(*src, c));
  return true;
}

bool set_string(Value& out, std::string_view dotted, const Value* src, const Convert& c) {
  if (!src) return false;
  out.set_path(dotted, to_string(*src, c));
  return true;
}

bool set_string_list(Value& out, std::string_view dotted, const Value* src, const Convert& c) {
  if (!src) return false;
  out.set_path(dotted, to_string_list(*src, c));
  return true;
}

bool set_copy(Value& out, std::string_view dotted, const Value* src) {
  if (!src) return false;
  out.set_path(dotted, *src);
  return true;
}

Value is_set(const Value& v) {
  if (v.is_unknown()) {
    if (!v.as_unknown().ref.empty() || !v.as_unknown().shape.empty())
      return Value::boolean(true, v.span());
    return Value::unknown(v.as_unknown().reason, v.span());
  }
  if (v.is_null()) return Value::boolean(false, v.span());
  if (v.is_string()) return Value::boolean(!v.as_string().empty(), v.span());
  return Value::boolean(true, v.span());
}

Value is_set(const Value* v, Span fallback) {
  return v ? is_set(*v) : Value::boolean(false, fallback);
}

// ---- tags -------------------------------------------------------------------------------

Value tags_map(const Value& tags, const Convert& c) {
  if (tags.is_unknown()) return tags;
  Value out = Value::map({}, tags.span());
  if (tags.is_map()) {
    for (const auto& m : tags.as_map()) out.set(m.key, to_string(m.value, c));
    return out;
  }
  if (!tags.is_list()) return wrong_type(tags, "a list of tags", c);
  for (const auto& entry : tags.as_list()) {
    const Value* key = entry.find("Key");
    const Value* value = entry.find("Value");
    if (!key || !key->is_string()) {
      if (!key || !key->is_unknown()) c.type_warning(key ? *key : entry, "a tag Key string");
      continue;  // an entry whose key cannot be known cannot be looked up by rules
    }
    out.set(key->as_string(), value ? to_string(*value, c) : Value::string("", key->span()));
  }
  return out;
}

// ---- IAM policy documents -------------------------------------------------------------

namespace {

// A value of a policy (action, resource, principal, condition value) as a string. A
// reference to another resource of the template becomes "${Ref}" (the way Fn::Sub
// spells it): it names that resource, so it is never a wildcard and rules can still
// compare it; any other unknown stays unknown.
Value policy_string(const Value& v, const Convert& c) { return to_reference_string(v, c); }

Value policy_strings(const Value* v, const Convert& c, Span fallback) {
  if (!v) return Value::list({}, fallback);
  if (v->is_list()) {
    List items;
    for (const auto& item : v->as_list()) items.push_back(policy_string(item, c));
    return Value::list(std::move(items), v->span());
  }
  if (v->is_unknown() && v->as_unknown().ref.empty() && v->as_unknown().shape.empty()) return *v;
  return Value::list({policy_string(*v, c)}, v->span());
}

Value principals(const Value* p, const Convert& c, Span fallback) {
  if (!p) return Value::list({}, fallback);
  if (p->is_unknown()) return *p;
  if (p->is_string()) {
    // The only bare-string principal IAM accepts is "*"; keep any other text as given.
    return Value::list({Value::string(p->as_string(), p->span())}, p->span());
  }
  if (!p->is_map()) return wrong_type(*p, "a principal map or \"*\"", c);
  List out;
  for (const auto& m : p->as_map()) {
    Value names = policy_strings(&m.value, c, m.key_span);
    if (names.is_unknown()) {
      out.push_back(names);
      continue;
    }
    for (const auto& n : names.as_list()) {
      if (n.is_string())
        out.push_back(Value::string(m.key + ":" + n.as_string(), n.span()));
      else
        out.push_back(n);
    }
  }
  return Value::list(std::move(out), p->span());
}

Value conditions(const Value* cond, const Convert& c, Span fallback) {
  if (!cond) return Value::list({}, fallback);
  if (cond->is_unknown()) return *cond;
  if (!cond->is_map()) return wrong_type(*cond, "a condition map", c);
  List out;
  for (const auto& op : cond->as_map()) {
    if (op.value.is_unknown()) {
      out.push_back(op.value);
      continue;
    }
    if (!op.value.is_map()) {
      out.push_back(wrong_type(op.value, "a map of condition keys", c));
      continue;
    }
    for (const auto& key : op.value.as_map()) {
      Value entry = Value::map({}, op.key_span.known() ? op.key_span : op.value.span());
      entry.set("operator", Value::string(op.key, op.key_span));
      entry.set("key", Value::string(key.key, key.key_span));
      entry.set("values", policy_strings(&key.value, c, key.key_span));
      out.push_back(std::move(entry));
    }
  }
  return Value::list(std::move(out), cond->span());
}

}  // namespace

Value normalize_statement(const Value& statement, const Convert& c) {
  if (statement.is_unknown()) return statement;
  if (!statement.is_map()) return wrong_type(statement, "a policy statement map", c);
  Span s = statement.span();
  // Built in one go: statements are many, and growing a map member by member showed.
  Map out;
  out.reserve(8);
  auto add = [&out](const char* key, Value v) { out.push_back(Member{key, std::move(v), {}}); };
  if (const Value* sid = statement.find("Sid")) add("sid", to_string(*sid, c));
  if (const Value* effect = statement.find("Effect"))
    add("effect", to_string(*effect, c));
  else
    add("effect", Value::unknown("statement has no Effect", s));
  add("actions", policy_strings(statement.find("Action"), c, s));
  add("not_actions", policy_strings(statement.find("NotAction"), c, s));
  add("resources", policy_strings(statement.find("Resource"), c, s));
  add("not_resources", policy_strings(statement.find("NotResource"), c, s));
  add("principals", principals(statement.find("Principal"), c, s));
  add("conditions", conditions(statement.find("Condition"), c, s));
  return Value::map(std::move(out), s);
}

Value normalize_policy(const Value& document, const Convert& c) {
  if (document.is_unknown()) return document;
  if (document.is_string()) {
    Value parsed;
    Diagnostics parse_diags;
    if (!collect::parse_json(document.as_string(), document.span().file, collect::Limits{}, parsed,
                             parse_diags)) {
      // Positions inside an embedded string are relative to the string, so report the
      // error at the string itself.
      c.diags.push_back(Diagnostic{DiagLevel::Warning, "aws.policy_json",
                                   "policy document is not valid JSON; treated as unknown",
                                   document.span()});
      return Value::unknown("policy document is not valid JSON", document.span());
    }
    // Spans inside the parsed text are relative to the string; point them all at the
    // string in the template instead.
    struct Respan {
      Span at;
      void operator()(Value& v) const {
        v.set_span(at);
        if (v.is_list())
          for (auto& i : v.as_list()) (*this)(i);
        if (v.is_map())
          for (auto& m : v.as_map()) {
            m.key_span = at;
            (*this)(m.value);
          }
      }
    };
    Respan{document.span()}(parsed);
    return normalize_policy(parsed, c);
  }
  if (!document.is_map()) return wrong_type(document, "a policy document", c);
  Value out = Value::map({}, document.span());
  const Value* statements = document.find("Statement");
  if (!statements) {
    out.set("statements", Value::list({}, document.span()));
  } else if (statements->is_unknown()) {
    out.set("statements", *statements);
  } else if (statements->is_list()) {
    List list;
    for (const auto& st : statements->as_list()) list.push_back(normalize_statement(st, c));
    out.set("statements", Value::list(std::move(list), statements->span()));
  } else {
    // A single statement may be written without the list.
    out.set("statements", Value::list({normalize_statement(*statements, c)}, statements->span()));
  }
  return out;
}

// ---- references between resources -----------------------------------------------------

std::string_view ref_of(const Value& v) {
  return v.is_unknown() ? std::string_view(v.as_unknown().ref) : std::string_view{};
}

std::string_view ref_target(const Value& v) {
  std::string_view ref = ref_of(v);
  return ref.substr(0, ref.find('.'));
}

bool refers_to(const Value& v, const Resource& target, std::string_view physical_name) {
  if (v.is_unknown()) return !ref_target(v).empty() && ref_target(v) == target.address;
  if (v.is_string()) return !physical_name.empty() && v.as_string() == physical_name;
  return false;
}

const Resource* referenced(const AdaptContext& ctx, const Value& v, std::string_view cfn_type) {
  std::string_view target = ref_target(v);
  if (target.empty()) return nullptr;
  const Resource* r = ctx.raw(target);
  if (!r || (!cfn_type.empty() && !is_type(*r, cfn_type))) return nullptr;
  return r;
}

}  // namespace cc::model::aws
