// Azure RBAC role assignments and custom role definitions.
#include <array>

#include "model/azure/common.h"
#include "model/azure/services.h"
#include "model/base/terraform.h"

namespace cc::model::azure {

namespace {

// Built-in roles that can change any resource or hand out access.
bool privileged_role_name(std::string_view name) {
  static constexpr std::array<std::string_view, 4> kPrivileged = {
      "owner", "contributor", "user access administrator",
      "role based access control administrator"};
  std::string n = lower(name);
  for (std::string_view p : kPrivileged)
    if (n == p) return true;
  return false;
}

// The scope level of an Azure resource id (or a template of one).
std::string level_of_id(std::string_view id) {
  std::string s = lower(id);
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  if (s == "/") return "root";
  if (s.find("/providers/microsoft.management/managementgroups/") == 0) return "management_group";
  if (s.rfind("/subscriptions/", 0) != 0) return {};
  size_t slashes = 0;
  for (char c : s) slashes += c == '/';
  if (slashes == 2) return "subscription";
  if (slashes == 4 && s.find("/resourcegroups/") != std::string::npos) return "resource_group";
  return "resource";
}

// The scope level of a reference to a resource of the configuration or a data source.
std::string level_of_reference(std::string_view address) {
  std::string_view a = address;
  while (a.starts_with("module.")) {
    size_t dot = a.find('.', 7);
    if (dot == std::string_view::npos) return {};
    a = a.substr(dot + 1);
  }
  if (a.starts_with("data.")) a.remove_prefix(5);
  if (a.starts_with("azurerm_subscription.")) return "subscription";
  if (a.starts_with("azurerm_resource_group.")) return "resource_group";
  if (a.starts_with("azurerm_management_group.")) return "management_group";
  return "resource";
}

Value scope_level(const Value& scope) {
  if (scope.is_string()) {
    std::string level = level_of_id(scope.as_string());
    if (!level.empty()) return Value::string(level, scope.span());
    return Value::unknown("the scope is not an Azure resource id", scope.span());
  }
  if (scope.is_unknown()) {
    const Unknown& u = scope.as_unknown();
    if (!u.ref.empty() && (u.shape.empty() || u.shape == "${" + u.ref + "}"))
      return Value::string(level_of_reference(tf::ref_address(u.ref)), scope.span());
    if (!u.shape.empty()) {
      std::string level = level_of_id(u.shape);
      if (!level.empty()) return Value::string(level, scope.span());
    }
  }
  return Value::unknown("the scope is not known", scope.span());
}

struct Permissions {
  List actions, not_actions, data_actions;
  bool wildcard = false;
  bool access_management = false;
};

Permissions permissions_of(const Resource& def, Diagnostics& d) {
  Permissions p;
  for (const Value* block : tf::blocks(def, "permissions")) {
    auto take = [&](const char* key, List& into) {
      const Value* v = member(block, {key});
      if (!v) return;
      Value list = to_string_list(*v, d);
      if (!list.is_list()) {
        into.push_back(list);
        return;
      }
      for (auto& item : list.as_list()) into.push_back(item);
    };
    take("actions", p.actions);
    take("not_actions", p.not_actions);
    take("data_actions", p.data_actions);
  }
  for (const auto& action : p.actions) {
    if (!action.is_string()) continue;
    std::string a = lower(action.as_string());
    if (a == "*") p.wildcard = true;
    if (a == "*" || a == "microsoft.authorization/*" || a == "*/write" ||
        a.starts_with("microsoft.authorization/roleassignments/") ||
        a.starts_with("microsoft.authorization/roledefinitions/") ||
        a == "microsoft.authorization/*/write")
      p.access_management = true;
  }
  return p;
}

void adapt_definition(AdaptContext& ctx, const Resource& raw) {
  Resource out = tf::make_canonical(raw, "azure.authorization.role_definition", "name");
  Value& a = out.attributes;
  Diagnostics& d = ctx.diags;
  set_string(a, "name", arg(raw, {"name"}), d);
  if (const Value* scope = arg(raw, {"scope"})) a.set("scope", reference_name(*scope));
  if (const Value* scopes = arg(raw, {"assignable_scopes"}))
    a.set("assignable_scopes", reference_names(*scopes));
  const Value* blocks = raw.attributes.find("permissions");
  if (blocks && blocks->is_unknown()) {
    for (const char* f : {"actions", "wildcard_actions", "grants_access_management"})
      a.set(f, *blocks);
  } else {
    Permissions p = permissions_of(raw, d);
    Span span = blocks ? blocks->span() : raw.span;
    if (!p.actions.empty()) a.set("actions", Value::list(p.actions, span));
    if (!p.not_actions.empty()) a.set("not_actions", Value::list(p.not_actions, span));
    if (!p.data_actions.empty()) a.set("data_actions", Value::list(p.data_actions, span));
    a.set("wildcard_actions", Value::boolean(p.wildcard, span));
    a.set("grants_access_management", Value::boolean(p.access_management, span));
  }
  ctx.out.push_back(std::move(out));
}

void adapt_assignment(AdaptContext& ctx, const Resource& raw) {
  Resource out = tf::make_canonical(raw, "azure.authorization.role_assignment", "name");
  Value& a = out.attributes;
  Diagnostics& d = ctx.diags;
  set_string(a, "name", arg(raw, {"name"}), d);
  if (const Value* scope = arg(raw, {"scope"})) {
    a.set("scope", reference_name(*scope));
    a.set("scope_level", scope_level(*scope));
  }
  if (const Value* principal = arg(raw, {"principal_id"}))
    a.set("principal", reference_name(*principal));
  set_string(a, "principal_type", arg(raw, {"principal_type"}), d);
  if (const Value* condition = arg(raw, {"condition"}))
    a.set("conditional", is_set(condition, raw.span));

  if (const Value* role_name = arg(raw, {"role_definition_name"})) {
    Value n = to_string(*role_name, d);
    a.set("role", n);
    a.set("privileged",
          n.is_string() ? Value::boolean(privileged_role_name(n.as_string()), n.span()) : n);
  } else if (const Value* role_id = arg(raw, {"role_definition_id"})) {
    // A custom role of the configuration, or a built-in looked up by a data source.
    const Resource* custom = target_of(ctx, *role_id, {"azurerm_role_definition"});
    if (custom && tf::is_type(*custom, "azurerm_role_definition")) {
      if (const Value* n = arg(*custom, {"name"})) a.set("role", to_string(*n, d));
      Permissions p = permissions_of(*custom, d);
      a.set("privileged", Value::boolean(p.wildcard || p.access_management, role_id->span()));
    } else if (custom && arg(*custom, {"name"})) {
      Value n = to_string(*arg(*custom, {"name"}), d);
      a.set("role", n);
      a.set("privileged",
            n.is_string() ? Value::boolean(privileged_role_name(n.as_string()), n.span()) : n);
    } else {
      a.set("privileged",
            Value::unknown("the role definition is not in the configuration", role_id->span()));
    }
  }
  ctx.out.push_back(std::move(out));
}

}  // namespace

void adapt_authorization(AdaptContext& ctx) {
  for (const Resource* r : tf::resources_of_type(ctx, "azurerm_role_definition"))
    adapt_definition(ctx, *r);
  for (const Resource* r : tf::resources_of_type(ctx, "azurerm_role_assignment"))
    adapt_assignment(ctx, *r);
}

}  // namespace cc::model::azure
