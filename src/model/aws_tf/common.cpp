#include "model/aws_tf/common.h"

#include <cctype>
#include <utility>

namespace cc::model::aws_tf {

Resource make_named(const Resource& raw, std::string kind, std::string_view name_attr) {
  Resource r = tf::make_canonical(raw, std::move(kind), name_attr);
  const Value* source = name_attr.empty() ? nullptr : raw.attributes.find(name_attr);
  if (source && source->is_string() && !source->as_string().empty())
    r.attributes.set("name", Value::string(source->as_string(), source->span()));
  else
    r.attributes.set("name", Value::string(r.name, raw.span));
  return r;
}

std::string known_string(const Resource& raw, std::string_view dotted) {
  const Value* v = tf::attr(raw, dotted);
  return v && v->is_string() ? v->as_string() : std::string();
}

namespace {

bool mentions(const Value& v, const Resource& target, std::string_view known_name) {
  if (v.is_list()) {
    for (const auto& item : v.as_list())
      if (tf::refers_to(item, target, known_name)) return true;
    return false;
  }
  return tf::refers_to(v, target, known_name);
}

bool unresolved(const Value& v) {
  if (v.is_list()) {
    for (const auto& item : v.as_list())
      if (unresolved(item)) return true;
    return false;
  }
  return v.is_unknown() && v.as_unknown().ref.empty() && v.as_unknown().shape.empty();
}

}  // namespace

std::vector<const Resource*> referrers(const AdaptContext& ctx, std::string_view type,
                                       std::string_view attr, const Resource& target,
                                       std::string_view known_name) {
  std::vector<const Resource*> found;
  for (const Resource* r : tf::resources_of_type(ctx, type)) {
    const Value* v = tf::attr(*r, attr);
    if (v && mentions(*v, target, known_name)) found.push_back(r);
  }
  return found;
}

bool has_unresolved_referrer(const AdaptContext& ctx, std::string_view type,
                             std::string_view attr) {
  for (const Resource* r : tf::resources_of_type(ctx, type)) {
    const Value* v = tf::attr(*r, attr);
    if (v && unresolved(*v)) return true;
  }
  return false;
}

void copy_attrs(const Resource& raw, Value& out, std::initializer_list<AttrMap> fields,
                const Convert& c) {
  for (const auto& f : fields) {
    const Value* src = tf::attr(raw, f.attr);
    if (src && src->is_null()) continue;  // an argument set to null is not set
    switch (f.as) {
      case aws::As::Bool:
        aws::set_bool(out, f.field, src, c);
        break;
      case aws::As::Number:
        aws::set_number(out, f.field, src, c);
        break;
      case aws::As::String:
        aws::set_string(out, f.field, src, c);
        break;
      case aws::As::StringList:
        aws::set_string_list(out, f.field, src, c);
        break;
    }
  }
}

void set_tags(const Resource& raw, Value& out, const Convert& c) {
  const Value* tags = raw.attributes.find("tags");
  if (!tags || tags->is_null()) return;
  out.set("tags", aws::tags_map(*tags, c));
}

Value customer_managed_key(const AdaptContext& ctx, const Value& key) {
  if (key.is_unknown()) {
    const Resource* target = tf::referenced(ctx, key);
    if (target && (tf::is_type(*target, "aws_kms_key") || tf::is_type(*target, "aws_kms_alias") ||
                   tf::is_type(*target, "aws_kms_replica_key") ||
                   tf::is_data(*target, "aws_kms_key") || tf::is_data(*target, "aws_kms_alias"))) {
      // A data source may look up an AWS managed alias by its name.
      const Value* name =
          target->attributes.find(tf::is_data(*target, "aws_kms_alias") ? "name" : "key_id");
      if (tf::is_data(*target, "aws_kms_key") || tf::is_data(*target, "aws_kms_alias")) {
        if (name && name->is_string())
          return Value::boolean(name->as_string().find("alias/aws/") == std::string::npos,
                                key.span());
        return Value::unknown("the KMS key looked up cannot be resolved", key.span(),
                              std::string(tf::ref_of(key)));
      }
      return Value::boolean(true, key.span());
    }
    if (!key.as_unknown().shape.empty()) {
      bool aws_managed = key.as_unknown().shape.find("alias/aws/") != std::string::npos;
      return Value::boolean(!aws_managed, key.span());
    }
    return Value::unknown("the KMS key cannot be resolved from the configuration", key.span(),
                          std::string(tf::ref_of(key)));
  }
  if (!key.is_string()) return Value::unknown("the KMS key is not a string", key.span());
  const std::string& text = key.as_string();
  if (text.empty()) return Value::boolean(false, key.span());
  return Value::boolean(text.find("alias/aws/") == std::string::npos, key.span());
}

namespace {

// A reference to a policy document data source's JSON output, or nullptr.
const Resource* document_data(const AdaptContext& ctx, const Value& v) {
  std::string_view ref = tf::ref_of(v);
  if (ref.empty()) return nullptr;
  std::string_view attribute = tf::ref_attribute(ref);
  if (attribute != "json" && attribute != "minified_json") return nullptr;
  const Resource* r = tf::referenced(ctx, v, "aws_iam_policy_document");
  return r && tf::is_data(*r, "aws_iam_policy_document") ? r : nullptr;
}

}  // namespace

Value policy_document(const AdaptContext& ctx, const Value& policy, const Convert& c, int depth) {
  if (policy.is_unknown()) {
    if (const Resource* data = document_data(ctx, policy))
      return policy_document_data(ctx, *data, c, depth);
    const std::string& shape = policy.as_unknown().shape;
    // jsonencode() of a document holding references: the shape is the JSON text with
    // "${reference}" strings, which name specific resources and parse as such.
    if (!shape.empty() && (shape.front() == '{' || shape.front() == '['))
      return aws::normalize_policy(Value::string(shape, policy.span()), c);
    return policy;
  }
  if (policy.is_string()) {
    std::string_view text = policy.as_string();
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
      text.remove_prefix(1);
    if (text.empty()) return Value::unknown("the policy document is empty", policy.span());
  }
  return aws::normalize_policy(policy, c);
}

void merge_policies(const AdaptContext& ctx, const Resource& raw, std::string_view policy_type,
                    std::string_view link_attr, std::string_view unresolved_reason, Value& out,
                    const Convert& c) {
  std::vector<const Value*> documents;
  if (const Value* inline_policy = present(tf::attr(raw, "policy")))
    documents.push_back(inline_policy);
  for (const Resource* p : referrers(ctx, policy_type, link_attr, raw))
    if (const Value* document = present(tf::attr(*p, "policy"))) documents.push_back(document);
  if (documents.empty()) {
    if (has_unresolved_referrer(ctx, policy_type, link_attr))
      out.set_path("policy.statements", Value::unknown(std::string(unresolved_reason), raw.span));
    return;
  }
  List statements;
  for (const Value* document : documents) {
    Value normalized = policy_document(ctx, *document, c);
    const Value* list = normalized.is_map() ? present(normalized.find("statements")) : nullptr;
    if (!list || !list->is_list()) {
      out.set_path("policy.statements", list ? *list : normalized);
      return;
    }
    for (const auto& st : list->as_list()) statements.push_back(st);
  }
  out.set_path("policy.statements", Value::list(std::move(statements), documents.front()->span()));
}

}  // namespace cc::model::aws_tf
