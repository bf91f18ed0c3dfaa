#include "model/aws/util2.h"

#include <utility>

namespace cc::model::aws {

bool mentions(const Value& v, const Resource& target, std::string_view physical) {
  if (v.is_list()) {
    for (const auto& item : v.as_list())
      if (refers_to(item, target, physical)) return true;
    return false;
  }
  return refers_to(v, target, physical);
}

std::vector<const Resource*> referrers(const AdaptContext& ctx, std::string_view cfn_type,
                                       std::string_view dotted, const Resource& target,
                                       std::string_view physical) {
  std::vector<const Resource*> found;
  for (const Resource* r : resources_of_type(ctx, cfn_type)) {
    const Value* v = property(*r, dotted);
    if (v && mentions(*v, target, physical)) found.push_back(r);
  }
  return found;
}

std::optional<Value> joined_policy(const std::vector<const Resource*>& policies,
                                   std::string_view document_property, const Convert& c) {
  if (policies.empty()) return std::nullopt;
  const Value* first_doc = property(*policies.front(), document_property);
  Span span = first_doc ? first_doc->span() : policies.front()->span;
  List statements;
  for (const Resource* p : policies) {
    const Value* document = property(*p, document_property);
    if (!document) continue;
    Value normalized = normalize_policy(*document, c);
    const Value* list = normalized.find("statements");
    if (normalized.is_unknown() || (list && list->is_unknown())) {
      // One unreadable policy makes the whole set of statements unknown: a rule must
      // not pass on the statements it happens to see.
      Value out = Value::map({}, span);
      out.set("statements", normalized.is_unknown() ? normalized : *list);
      return out;
    }
    if (list && list->is_list())
      for (const auto& st : list->as_list()) statements.push_back(st);
  }
  Value out = Value::map({}, span);
  out.set("statements", Value::list(std::move(statements), span));
  return out;
}

Value customer_managed_key(const AdaptContext& ctx, const Value& key) {
  if (key.is_unknown()) {
    const Resource* target = referenced(ctx, key);
    if (target && (is_type(*target, "AWS::KMS::Key") || is_type(*target, "AWS::KMS::Alias") ||
                   is_type(*target, "AWS::KMS::ReplicaKey")))
      return Value::boolean(true, key.span());
    return Value::unknown("the KMS key cannot be resolved from the template", key.span(),
                          std::string(ref_of(key)));
  }
  if (!key.is_string()) return Value::unknown("the KMS key is not a string", key.span());
  const std::string& text = key.as_string();
  if (text.empty()) return Value::boolean(false, key.span());
  bool aws_managed = text.find("alias/aws/") != std::string::npos;
  return Value::boolean(!aws_managed, key.span());
}

Resource make_named(const Resource& raw, std::string kind, std::string_view name_property) {
  Resource r = make_canonical(raw, std::move(kind), name_property);
  const Value* source = name_property.empty() ? nullptr : property(raw, name_property);
  Span span = source && source->is_string() ? source->span() : raw.span;
  r.attributes.set("name", Value::string(r.name, span));
  return r;
}

void copy_fields(const Resource& raw, Value& out, std::initializer_list<FieldMap> fields,
                 const Convert& c) {
  for (const auto& f : fields) {
    const Value* src = property(raw, f.property);
    switch (f.as) {
      case As::Bool:
        set_bool(out, f.field, src, c);
        break;
      case As::Number:
        set_number(out, f.field, src, c);
        break;
      case As::String:
        set_string(out, f.field, src, c);
        break;
      case As::StringList:
        set_string_list(out, f.field, src, c);
        break;
    }
  }
}

std::string_view known_string(const Value* v) {
  return v && v->is_string() ? std::string_view(v->as_string()) : std::string_view{};
}

}  // namespace cc::model::aws
