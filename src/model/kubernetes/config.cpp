// Secrets and ConfigMaps. Only key names reach the model: a Secret's values never
// leave the manifest, and for ConfigMaps the adapter records which keys look like
// credentials instead of copying the values.
#include "model/kubernetes/adapters.h"
#include "model/kubernetes/common.h"
#include "model/kubernetes/credentials.h"

namespace cc::model::kubernetes {
namespace {

void append_keys(const Value* data, List& keys) {
  if (!data || !data->is_map()) return;
  for (const auto& m : data->as_map()) keys.push_back(Value::string(m.key, m.key_span));
}

}  // namespace

void adapt_secret(AdaptContext& ctx, const Resource& raw) {
  Resource r = canonical_from(raw, "k8s.secret", false);
  Value& a = r.attributes;
  set_if(a, "type", to_string(member(&raw.attributes, "type"), "type"));
  set_if(a, "immutable", to_bool(member(&raw.attributes, "immutable"), "immutable"));
  List keys;
  append_keys(member(&raw.attributes, "data"), keys);
  append_keys(member(&raw.attributes, "stringData"), keys);
  a.set("keys", Value::list(std::move(keys), raw.span));
  ctx.out.push_back(std::move(r));
}

void adapt_config_map(AdaptContext& ctx, const Resource& raw) {
  Resource r = canonical_from(raw, "k8s.config_map", false);
  Value& a = r.attributes;
  set_if(a, "immutable", to_bool(member(&raw.attributes, "immutable"), "immutable"));
  List keys;
  List credential_keys;
  if (const Value* data = member(&raw.attributes, "data"); data && data->is_map()) {
    for (const auto& m : data->as_map()) {
      keys.push_back(Value::string(m.key, m.key_span));
      auto text = to_string(&m.value, "data");
      if (text && text->is_string() && literal_credential(m.key, text->as_string()))
        credential_keys.push_back(Value::string(m.key, m.key_span));
    }
  }
  append_keys(member(&raw.attributes, "binaryData"), keys);
  a.set("keys", Value::list(std::move(keys), raw.span));
  a.set("credential_keys", Value::list(std::move(credential_keys), raw.span));
  ctx.out.push_back(std::move(r));
}

}  // namespace cc::model::kubernetes
