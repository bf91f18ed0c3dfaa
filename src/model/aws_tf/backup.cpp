// aws_backup_plan -> aws.backup.plan, with its aws_backup_selection resources and the
// aws_backup_vault each rule writes to (and that vault's lock) joined in.
#include "model/aws_tf/aws_tf.h"
#include "model/aws_tf/common.h"

namespace cc::model::aws_tf {
namespace {

// The vault a rule targets: by reference, or by the name the vault declares.
const Resource* find_vault(const AdaptContext& ctx, const Value& target) {
  if (const Resource* v = tf::referenced(ctx, target, "aws_backup_vault")) return v;
  if (!target.is_string()) return nullptr;
  for (const Resource* v : tf::resources_of_type(ctx, "aws_backup_vault"))
    if (known_string(*v, "name") == target.as_string()) return v;
  return nullptr;
}

// A vault is locked by an aws_backup_vault_lock_configuration naming it. A lock whose
// vault name cannot be resolved may be this vault's, so the answer is then unknown.
Value vault_locked(const AdaptContext& ctx, const Resource& vault) {
  auto locks = referrers(ctx, "aws_backup_vault_lock_configuration", "backup_vault_name", vault,
                         known_string(vault, "name"));
  if (!locks.empty()) return Value::boolean(true, locks.front()->span);
  if (has_unresolved_referrer(ctx, "aws_backup_vault_lock_configuration", "backup_vault_name"))
    return Value::unknown("a vault lock names a vault that cannot be resolved", vault.span);
  return Value::boolean(false, vault.span);
}

void join_vault(const AdaptContext& ctx, const Value& target, Value& rule) {
  const Resource* vault = find_vault(ctx, target);
  if (!vault) {
    Value why = Value::unknown("the backup vault is not declared in this configuration",
                               target.span(), std::string(tf::ref_of(target)));
    rule.set("vault_locked", why);
    rule.set("vault_customer_managed_key", why);
    return;
  }
  rule.set("vault", Value::string(vault->address, target.span()));
  rule.set("vault_locked", vault_locked(ctx, *vault));
  // A vault without its own key encrypts with the AWS managed aws/backup key.
  const Value* key = present(tf::attr(*vault, "kms_key_arn"));
  rule.set("vault_customer_managed_key",
           key ? customer_managed_key(ctx, *key) : Value::boolean(false, vault->span));
}

Value plan_rule(const AdaptContext& ctx, const Value& src, const Convert& c) {
  if (src.is_unknown()) return src;
  Value rule = Value::map({}, src.span());
  aws::set_string(rule, "name", present(src.find("rule_name")), c);
  aws::set_string(rule, "schedule", present(src.find("schedule")), c);
  auto lifecycles = tf::blocks(present(src.find("lifecycle")));
  if (!lifecycles.empty()) {
    const Value* lifecycle = lifecycles.front();
    if (lifecycle->is_unknown()) {
      rule.set("retention_days", *lifecycle);
    } else {
      aws::set_number(rule, "retention_days", present(lifecycle->find("delete_after")), c);
      aws::set_number(rule, "cold_storage_after_days",
                      present(lifecycle->find("cold_storage_after")), c);
    }
  }
  aws::set_bool(rule, "continuous_backup", present(src.find("enable_continuous_backup")), c);
  auto copies = tf::blocks(present(src.find("copy_action")));
  if (!copies.empty())
    rule.set("copy_count",
             Value::number(static_cast<double>(copies.size()), copies.front()->span()));
  if (const Value* target = present(src.find("target_vault_name"))) {
    aws::set_reference(rule, "vault", target, c);
    join_vault(ctx, *target, rule);
  }
  return rule;
}

// Tag conditions: selection_tag blocks plus every test inside condition blocks.
double tag_conditions(const Resource& selection) {
  double count = static_cast<double>(tf::blocks(selection, "selection_tag").size());
  for (const Value* condition : tf::blocks(selection, "condition")) {
    if (!condition->is_map()) continue;
    for (const auto& kind : condition->as_map()) count += tf::blocks(&kind.value).size();
  }
  return count;
}

Value selections(const std::vector<const Resource*>& found, const Convert& c) {
  List out;
  for (const Resource* s : found) {
    Value entry = Value::map({}, s->span);
    entry.set("address", Value::string(s->address, s->span));
    aws::set_string(entry, "name", present(tf::attr(*s, "name")), c);
    aws::set_reference(entry, "role", present(tf::attr(*s, "iam_role_arn")), c);
    if (const Value* resources = present(tf::attr(*s, "resources")); resources)
      entry.set("resources", aws::to_reference_list(*resources, c));
    entry.set("tag_conditions", Value::number(tag_conditions(*s), s->span));
    out.push_back(std::move(entry));
  }
  return Value::list(std::move(out), found.front()->span);
}

Resource adapt_plan(const AdaptContext& ctx, const Resource& raw, const Convert& c) {
  Resource r = make_named(raw, "aws.backup.plan", "name");
  Value& out = r.attributes;
  auto rules = tf::blocks(raw, "rule");
  if (!rules.empty()) {
    List list;
    for (const Value* rule : rules) list.push_back(plan_rule(ctx, *rule, c));
    out.set("rules", Value::list(std::move(list), rules.front()->span()));
  }
  auto found = referrers(ctx, "aws_backup_selection", "plan_id", raw);
  if (!found.empty()) {
    out.set("selections", selections(found, c));
  } else if (has_unresolved_referrer(ctx, "aws_backup_selection", "plan_id")) {
    out.set("selections",
            Value::unknown("a backup selection names a plan that cannot be resolved", raw.span));
  }
  set_tags(raw, out, c);
  return r;
}

}  // namespace

void adapt_backup(AdaptContext& ctx) {
  Convert c{ctx.diags};
  for (const Resource* raw : tf::resources_of_type(ctx, "aws_backup_plan"))
    ctx.out.push_back(adapt_plan(ctx, *raw, c));
}

}  // namespace cc::model::aws_tf
