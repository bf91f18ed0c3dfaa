#include "model/kubernetes/adapters.h"
#include "model/kubernetes/common.h"

namespace cc::model::kubernetes {
namespace {

// secrets and imagePullSecrets are lists of {name: ...} references.
Value reference_names(const Value* src, std::string_view field, Span at) {
  if (!src) return empty_list(at);
  if (!src->is_list()) return Value::unknown(std::string(field) + " is not a list", src->span());
  List names;
  for (const auto& ref : src->as_list())
    if (auto n = to_string(member(&ref, "name"), field)) names.push_back(std::move(*n));
  return Value::list(std::move(names), src->span());
}

}  // namespace

void adapt_service_account(AdaptContext& ctx, const Resource& raw) {
  Resource r = canonical_from(raw, "k8s.service_account", false);
  Value& a = r.attributes;
  set_if(a, "automount_service_account_token",
         to_bool(member(&raw.attributes, "automountServiceAccountToken"),
                 "automountServiceAccountToken"));
  a.set("secrets", reference_names(member(&raw.attributes, "secrets"), "secrets", raw.span));
  a.set("image_pull_secrets",
        reference_names(member(&raw.attributes, "imagePullSecrets"), "imagePullSecrets", raw.span));
  ctx.out.push_back(std::move(r));
}

}  // namespace cc::model::kubernetes
