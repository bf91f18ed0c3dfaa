// google_bigquery_dataset -> gcp.bigquery.dataset, with its access blocks, separate
// google_bigquery_dataset_access resources and dataset IAM resources joined in.
#include <array>

#include "model/base/terraform.h"
#include "model/google/adapters.h"
#include "model/google/common.h"
#include "model/google/iam_bindings.h"

namespace cc::model::google {

namespace {

// Who an access entry names, in IAM member syntax ("user:a@b", "allAuthenticatedUsers").
Value access_member(const Value& entry) {
  struct Prefix {
    const char* key;
    const char* prefix;
  };
  constexpr std::array<Prefix, 4> kPrefixed{{{"user_by_email", "user:"},
                                             {"group_by_email", "group:"},
                                             {"domain", "domain:"},
                                             {"iam_member", ""}}};
  for (const auto& p : kPrefixed) {
    const Value* v = entry.find(p.key);
    if (!v || v->is_null()) continue;
    Value named = named_or_unknown(*v);
    if (!named.is_string()) return named;
    return Value::string(p.prefix + named.as_string(), v->span());
  }
  if (const Value* g = entry.find("special_group"); g && !g->is_null()) return named_or_unknown(*g);
  for (const char* key : {"view", "dataset", "routine"})
    if (const Value* v = entry.find(key); v && !v->is_null())
      return Value::string(std::string(key) + ":authorized", v->span());
  return Value::unknown("access entry names nobody known", entry.span());
}

Value access_entry(const Value& entry) {
  if (entry.is_unknown()) return entry;
  Value e = Value::map();
  e.set_span(entry.span());
  if (const Value* role = entry.find("role"); role && !role->is_null()) e.set("role", *role);
  e.set("member", access_member(entry));
  return e;
}

void adapt_dataset(AdaptContext& ctx, const Resource& raw) {
  Resource out = tf::make_canonical(raw, "gcp.bigquery.dataset", "dataset_id");
  Value& a = out.attributes;
  copy_attr(raw, "dataset_id", a, "name");
  copy_attr(raw, "location", a, "location");
  customer_key(tf::attr(raw, "default_encryption_configuration.kms_key_name"), a);
  copy_attr(raw, "default_table_expiration_ms", a, "default_table_expiration_ms");
  copy_bool(raw, "delete_contents_on_destroy", a, "delete_contents_on_destroy");
  copy_attr(raw, "labels", a, "labels");

  std::string_view dataset_id = str_of(raw.attributes.find("dataset_id"));
  List access;
  bool unknown_access = false;
  const Value* blocks = raw.attributes.find("access");
  if (blocks && blocks->is_unknown()) unknown_access = true;
  for (const Value* b : tf::blocks(blocks)) access.push_back(access_entry(*b));
  for (const Resource* r : tf::resources_of_type(ctx, "google_bigquery_dataset_access")) {
    const Value* link = r->attributes.find("dataset_id");
    if (link && tf::refers_to(*link, raw, dataset_id))
      access.push_back(access_entry(r->attributes));
  }
  if (unknown_access)
    a.set("access", Value::unknown("access entries not known", blocks->span()));
  else if (!access.empty())
    a.set("access", Value::list(std::move(access), raw.span));

  join_iam(ctx, raw, dataset_id, "google_bigquery_dataset", "dataset_id", a);
  // Public through an access entry or an IAM grant.
  Value as_bindings = Value::list();
  if (const Value* acc = a.find("access"); acc && acc->is_unknown()) {
    as_bindings = *acc;
  } else if (acc) {
    for (const auto& e : acc->as_list()) {
      Value b = Value::map();
      if (e.is_unknown())
        b = e;
      else if (const Value* m = e.find("member"))
        b.set("members", Value::list({*m}, e.span()));
      as_bindings.as_list().push_back(std::move(b));
    }
  }
  if (const Value* iam = a.find("iam_bindings"); iam && iam->is_list() && as_bindings.is_list())
    for (const auto& b : iam->as_list()) as_bindings.as_list().push_back(b);
  else if (iam && iam->is_unknown())
    as_bindings = *iam;
  if (a.find("access") || a.find("iam_bindings"))
    a.set("public_access", public_access(as_bindings, raw.span));
  ctx.out.push_back(std::move(out));
}

}  // namespace

void adapt_bigquery(AdaptContext& ctx) {
  for (const Resource* raw : tf::resources_of_type(ctx, "google_bigquery_dataset"))
    adapt_dataset(ctx, *raw);
}

}  // namespace cc::model::google
