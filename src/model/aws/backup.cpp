// AWS::Backup::BackupPlan -> aws.backup.plan, with its AWS::Backup::BackupSelection
// resources and the AWS::Backup::BackupVault each rule writes to joined in.
#include "model/aws/aws.h"
#include "model/aws/common.h"
#include "model/aws/util2.h"

namespace cc::model::aws {
namespace {

// The vault a rule targets, by Ref (which yields the vault name) or by its name.
const Resource* find_vault(const AdaptContext& ctx, const Value& target) {
  if (const Resource* v = referenced(ctx, target, "AWS::Backup::BackupVault")) return v;
  if (!target.is_string()) return nullptr;
  for (const Resource* v : resources_of_type(ctx, "AWS::Backup::BackupVault"))
    if (physical_name(*v, "BackupVaultName") == target.as_string()) return v;
  return nullptr;
}

void join_vault(const AdaptContext& ctx, const Value& target, Value& rule) {
  const Resource* vault = find_vault(ctx, target);
  if (!vault) {
    Value why = Value::unknown("the backup vault is not declared in this template", target.span(),
                               std::string(ref_of(target)));
    rule.set("vault_locked", why);
    rule.set("vault_customer_managed_key", why);
    return;
  }
  rule.set("vault", Value::string(vault->address, target.span()));
  rule.set("vault_locked", is_set(property(*vault, "LockConfiguration"), vault->span));
  // A vault without its own key encrypts with the AWS managed aws/backup key.
  const Value* key = property(*vault, "EncryptionKeyArn");
  rule.set("vault_customer_managed_key",
           key ? customer_managed_key(ctx, *key) : Value::boolean(false, vault->span));
}

Value plan_rule(const AdaptContext& ctx, const Value& src, const Convert& c) {
  Value rule = Value::map({}, src.span());
  set_string(rule, "name", src.find("RuleName"), c);
  set_string(rule, "schedule", src.find("ScheduleExpression"), c);
  set_number(rule, "retention_days", src.at_path("Lifecycle.DeleteAfterDays"), c);
  set_number(rule, "cold_storage_after_days", src.at_path("Lifecycle.MoveToColdStorageAfterDays"),
             c);
  set_bool(rule, "continuous_backup", src.find("EnableContinuousBackup"), c);
  if (const Value* copies = src.find("CopyActions"); copies && copies->is_list())
    rule.set("copy_count",
             Value::number(static_cast<double>(copies->as_list().size()), copies->span()));
  if (const Value* target = src.find("TargetBackupVault")) {
    set_string(rule, "vault", target, c);
    join_vault(ctx, *target, rule);
  }
  return rule;
}

Value plan_rules(const AdaptContext& ctx, const Value& rules, const Convert& c) {
  if (rules.is_unknown()) return rules;
  if (!rules.is_list()) {
    c.type_warning(rules, "a list of backup rules");
    return Value::unknown("BackupPlanRule is not a list", rules.span());
  }
  List out;
  for (const auto& r : rules.as_list()) out.push_back(plan_rule(ctx, r, c));
  return Value::list(std::move(out), rules.span());
}

Value selections(const std::vector<const Resource*>& found, const Convert& c) {
  List out;
  for (const Resource* s : found) {
    Value entry = Value::map({}, s->span);
    entry.set("address", Value::string(s->address, s->span));
    set_string(entry, "name", property(*s, "BackupSelection.SelectionName"), c);
    set_string(entry, "role", property(*s, "BackupSelection.IamRoleArn"), c);
    set_string_list(entry, "resources", property(*s, "BackupSelection.Resources"), c);
    if (const Value* tags = property(*s, "BackupSelection.ListOfTags"); tags && tags->is_list())
      entry.set("tag_conditions",
                Value::number(static_cast<double>(tags->as_list().size()), tags->span()));
    out.push_back(std::move(entry));
  }
  return Value::list(std::move(out), found.front()->span);
}

Resource adapt_plan(const AdaptContext& ctx, const Resource& raw, const Convert& c) {
  Resource r = make_named(raw, "aws.backup.plan", "BackupPlan.BackupPlanName");
  Value& out = r.attributes;
  if (const Value* rules = property(raw, "BackupPlan.BackupPlanRule"))
    out.set("rules", plan_rules(ctx, *rules, c));
  auto found = referrers(ctx, "AWS::Backup::BackupSelection", "BackupPlanId", raw);
  if (!found.empty()) out.set("selections", selections(found, c));
  if (const Value* tags = property(raw, "BackupPlanTags")) out.set("tags", tags_map(*tags, c));
  return r;
}

}  // namespace

void adapt_backup(AdaptContext& ctx) {
  Convert c{ctx.diags};
  for (const Resource* raw : resources_of_type(ctx, "AWS::Backup::BackupPlan"))
    ctx.out.push_back(adapt_plan(ctx, *raw, c));
}

}  // namespace cc::model::aws
