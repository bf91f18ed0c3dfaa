// Diagnostic settings (emitted on their own and joined onto the resource they target)
// and activity log alerts.
#include <string>

#include "model/azure/common.h"
#include "model/azure/services.h"
#include "model/base/terraform.h"

namespace cc::model::azure {

namespace {

// Kinds that declare a `diagnostics` field.
constexpr std::string_view kDiagnosable[] = {"azure.storage.account",
                                             "azure.keyvault.vault",
                                             "azure.sql.server",
                                             "azure.sql.database",
                                             "azure.postgresql.flexible_server",
                                             "azure.mysql.flexible_server",
                                             "azure.network.security_group",
                                             "azure.network.virtual_network",
                                             "azure.aks.cluster",
                                             "azure.appservice.web_app"};

bool diagnosable(std::string_view kind) {
  for (std::string_view k : kDiagnosable)
    if (k == kind) return true;
  return false;
}

struct Exported {
  List categories;
  bool all_logs = false;
  bool metrics = false;
  List destinations;
};

Exported exported(const Resource& raw, Diagnostics& d) {
  Exported e;
  // enabled_log (current) and log (older, with its own enabled switch).
  for (std::string_view block : {"enabled_log", "log"}) {
    for (const Value* b : tf::blocks(raw, block)) {
      const Value* enabled = member(b, {"enabled"});
      if (enabled) {
        Value on = to_bool(*enabled, d);
        if (on.is_bool() && !on.as_bool()) continue;
      }
      for (const char* key : {"category", "category_group"}) {
        const Value* c = member(b, {key});
        if (!c) continue;
        Value text = to_string(*c, d);
        if (text.is_string() &&
            (lower(text.as_string()) == "alllogs" || lower(text.as_string()) == "audit"))
          e.all_logs = true;
        e.categories.push_back(std::move(text));
      }
    }
  }
  for (std::string_view block : {"enabled_metric", "metric"}) {
    for (const Value* b : tf::blocks(raw, block)) {
      const Value* enabled = member(b, {"enabled"});
      Value on = enabled ? to_bool(*enabled, d) : Value::boolean(true);
      if (!on.is_bool() || on.as_bool()) e.metrics = true;
    }
  }
  constexpr std::pair<std::string_view, std::string_view> kDestinations[] = {
      {"log_analytics_workspace_id", "log_analytics"},
      {"storage_account_id", "storage"},
      {"eventhub_authorization_rule_id", "event_hub"},
      {"partner_solution_id", "partner"}};
  for (auto [argument, name] : kDestinations)
    if (const Value* v = raw.attributes.find(argument); v && !v->is_null())
      e.destinations.push_back(Value::string(std::string(name), v->span()));
  return e;
}

Value to_list(const List& items, Span span) { return Value::list(items, span); }

void adapt_diagnostic_setting(AdaptContext& ctx, const Resource& raw) {
  Resource out = tf::make_canonical(raw, "azure.monitor.diagnostic_setting", "name");
  Value& a = out.attributes;
  Diagnostics& d = ctx.diags;
  set_string(a, "name", arg(raw, {"name"}), d);
  if (const Value* target = arg(raw, {"target_resource_id"})) {
    a.set("target", reference_name(*target));
    bool declared =
        !tf::ref_of(*target).empty() && ctx.raw(tf::ref_address(tf::ref_of(*target))) != nullptr;
    a.set("target_in_configuration", Value::boolean(declared, target->span()));
  }
  Exported e = exported(raw, d);
  if (!e.categories.empty()) a.set("log_categories", to_list(e.categories, raw.span));
  a.set("all_logs", Value::boolean(e.all_logs, raw.span));
  a.set("metrics", Value::boolean(e.metrics, raw.span));
  if (!e.destinations.empty()) a.set("destinations", to_list(e.destinations, raw.span));
  ctx.out.push_back(std::move(out));
}

void adapt_activity_log_alert(AdaptContext& ctx, const Resource& raw) {
  Resource out = tf::make_canonical(raw, "azure.monitor.activity_log_alert", "name");
  Value& a = out.attributes;
  Diagnostics& d = ctx.diags;
  set_string(a, "name", arg(raw, {"name"}), d);
  set_bool(a, "enabled", arg(raw, {"enabled"}), d);
  if (const Value* scopes = arg(raw, {"scopes"})) a.set("scopes", reference_names(*scopes));
  set_string(a, "category", arg(raw, {"criteria.category"}), d);
  set_string(a, "operation_name", arg(raw, {"criteria.operation_name"}), d);
  set_string(a, "resource_type", arg(raw, {"criteria.resource_type"}), d);
  const Value* actions = raw.attributes.find("action");
  if (actions && actions->is_unknown())
    a.set("action_groups", *actions);
  else if (size_t n = tf::blocks(actions).size())
    a.set("action_groups", Value::number(static_cast<double>(n), actions->span()));
  ctx.out.push_back(std::move(out));
}

// The emitted resources a diagnostic setting's target_resource_id points at.
std::vector<Resource*> targets(AdaptContext& ctx, const Value& target) {
  std::vector<Resource*> out;
  std::string_view ref = tf::ref_of(target);
  for (auto& r : ctx.out) {
    if (!diagnosable(r.kind)) continue;
    if (!ref.empty()) {
      if (tf::ref_address(ref) == r.address) out.push_back(&r);
    } else if (const Resource* raw = ctx.raw(r.address); raw && points_at(target, *raw)) {
      out.push_back(&r);
    }
  }
  return out;
}

void append(Value& list_field, const List& items, Span span) {
  if (!list_field.is_list()) list_field = Value::list({}, span);
  for (const auto& item : items) list_field.as_list().push_back(item);
}

}  // namespace

void adapt_monitor(AdaptContext& ctx) {
  for (const Resource* r : tf::resources_of_type(ctx, "azurerm_monitor_diagnostic_setting"))
    adapt_diagnostic_setting(ctx, *r);
  for (const Resource* r : tf::resources_of_type(ctx, "azurerm_monitor_activity_log_alert"))
    adapt_activity_log_alert(ctx, *r);
}

void attach_diagnostics(AdaptContext& ctx) {
  // Argument problems were already reported when the setting itself was adapted.
  Diagnostics d;
  for (const Resource* setting :
       tf::resources_of_type(ctx, "azurerm_monitor_diagnostic_setting")) {
    const Value* target = arg(*setting, {"target_resource_id"});
    if (!target) continue;
    Exported e = exported(*setting, d);
    Span span = setting->span;
    for (Resource* r : targets(ctx, *target)) {
      Value* diag = r->attributes.find("diagnostics");
      if (!diag) diag = &r->attributes.set("diagnostics", Value::map({}, span));
      const Value* enabled = diag->find("enabled");
      if (!enabled || !enabled->is_bool() || !enabled->as_bool())  // keep the first setting's span
        diag->set("enabled", Value::boolean(true, span));
      const Value* count = diag->find("settings");
      diag->set("settings",
                Value::number((count && count->is_number() ? count->as_number() : 0) + 1, span));
      Value categories =
          diag->find("log_categories") ? *diag->find("log_categories") : Value::null();
      append(categories, e.categories, span);
      diag->set("log_categories", std::move(categories));
      const Value* all = diag->find("all_logs");
      diag->set("all_logs",
                Value::boolean(e.all_logs || (all && all->is_bool() && all->as_bool()), span));
      const Value* metrics = diag->find("metrics");
      diag->set(
          "metrics",
          Value::boolean(e.metrics || (metrics && metrics->is_bool() && metrics->as_bool()), span));
      Value destinations = diag->find("destinations") ? *diag->find("destinations") : Value::null();
      append(destinations, e.destinations, span);
      diag->set("destinations", std::move(destinations));
    }
  }
}

}  // namespace cc::model::azure
