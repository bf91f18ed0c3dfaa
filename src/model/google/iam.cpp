// Project, folder and organization IAM: *_iam_policy / _binding / _member ->
// gcp.iam.policy (normalised bindings), *_iam_audit_config and the audit_config blocks
// of applied policy documents -> gcp.iam.audit_config, *_iam_custom_role ->
// gcp.iam.custom_role.
#include <array>
#include <string>

#include "model/base/terraform.h"
#include "model/google/adapters.h"
#include "model/google/common.h"
#include "model/google/iam_bindings.h"

namespace cc::model::google {

namespace {

struct Scope {
  std::string_view scope;   // canonical name: project, folder, organization
  std::string_view prefix;  // provider type prefix
  std::string_view target;  // argument naming the target
};

constexpr std::array<Scope, 3> kScopes{{
    {"project", "google_project", "project"},
    {"folder", "google_folder", "folder"},
    {"organization", "google_organization", "org_id"},
}};

std::string_view type_of(const Resource& raw) {
  std::string_view k = raw.kind;
  return k.starts_with("tf:") ? k.substr(3) : std::string_view{};
}

void scope_facts(const Scope& s, const Resource& raw, Value& a) {
  a.set("scope", Value::string(std::string(s.scope), raw.span));
  // Project resources without `project` act on the provider's default project.
  if (const Value* t = raw.attributes.find(s.target); t && !t->is_null())
    a.set("target", named_or_unknown(*t));
}

void emit_audit_config(AdaptContext& ctx, const Scope& s, const Resource& raw, Value config,
                       std::string address) {
  Resource out = tf::make_canonical(raw, "gcp.iam.audit_config");
  out.address = std::move(address);
  out.name = out.address;
  if (config.is_map()) {
    if (const Value* service = config.find("service"); service && service->is_string())
      out.name = service->as_string();
    if (config.span().known()) out.span = config.span();
  }
  scope_facts(s, raw, out.attributes);
  if (config.is_unknown()) {
    out.attributes.set("service", config);
    out.attributes.set("log_types", config);
  } else {
    for (auto& m : config.as_map()) out.attributes.set(m.key, std::move(m.value));
  }
  ctx.out.push_back(std::move(out));
}

void adapt_policy(AdaptContext& ctx, const Scope& s, const Resource& raw) {
  Resource out = tf::make_canonical(raw, "gcp.iam.policy");
  Value& a = out.attributes;
  scope_facts(s, raw, a);
  a.set("mode", Value::string(std::string(iam_mode(type_of(raw))), raw.span));
  IamContent c = iam_content(ctx, raw);
  c.bindings.set_span(raw.span);
  a.set("public_access", public_access(c.bindings, raw.span));
  a.set("bindings", c.bindings);
  if (c.audit_configs.is_list()) {
    int index = 0;
    for (auto& ac : c.audit_configs.as_list())
      emit_audit_config(ctx, s, raw, ac,
                        raw.address + ".audit_config[" + std::to_string(index++) + "]");
  }
  ctx.out.push_back(std::move(out));
}

void adapt_audit_config(AdaptContext& ctx, const Scope& s, const Resource& raw) {
  emit_audit_config(ctx, s, raw, audit_config_value(raw.attributes, "audit_log_config"),
                    raw.address);
}

void adapt_custom_role(AdaptContext& ctx, const Scope& s, const Resource& raw) {
  Resource out = tf::make_canonical(raw, "gcp.iam.custom_role", "role_id");
  Value& a = out.attributes;
  scope_facts(s, raw, a);
  copy_attr(raw, "role_id", a, "role_id");
  copy_attr(raw, "title", a, "title");
  copy_attr(raw, "stage", a, "stage");
  if (auto perms = string_list(raw.attributes.find("permissions"))) a.set("permissions", *perms);
  ctx.out.push_back(std::move(out));
}

}  // namespace

void adapt_iam(AdaptContext& ctx) {
  for (const auto& raw : ctx.doc.resources) {
    std::string_view type = type_of(raw);
    if (type.empty() || type.starts_with("data.")) continue;
    for (const Scope& s : kScopes) {
      if (!type.starts_with(s.prefix) || type.size() <= s.prefix.size()) continue;
      std::string_view rest = type.substr(s.prefix.size());
      if (rest == "_iam_policy" || rest == "_iam_binding" || rest == "_iam_member")
        adapt_policy(ctx, s, raw);
      else if (rest == "_iam_audit_config")
        adapt_audit_config(ctx, s, raw);
      else if (rest == "_iam_custom_role")
        adapt_custom_role(ctx, s, raw);
    }
  }
}

}  // namespace cc::model::google
