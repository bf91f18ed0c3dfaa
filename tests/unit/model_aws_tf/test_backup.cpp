#include <gtest/gtest.h>

#include "../common/raw_tf.h"
#include "model/aws_tf/aws_tf.h"

namespace cc {
namespace {

using test::at;

TEST(TfBackup, PlanRulesVaultsAndSelections) {
  Document doc = test::tf_doc(R"json({
"aws_kms_key.backup": {},
"aws_backup_vault.main": {"name": "main", "kms_key_arn": {"$ref": "aws_kms_key.backup.arn"}},
"aws_backup_vault_lock_configuration.main": {"backup_vault_name": "main", "min_retention_days": 7},
"aws_backup_vault.plain": {"name": "plain"},
"aws_backup_plan.daily": {
  "name": "daily",
  "rule": [
    {"rule_name": "daily", "target_vault_name": "main", "schedule": "cron(0 3 * * ? *)",
     "lifecycle": [{"delete_after": 35, "cold_storage_after": 7}],
     "copy_action": [{"destination_vault_arn": "arn:aws:backup:eu-central-1:111122223333:backup-vault:dr"}]},
    {"rule_name": "weekly", "target_vault_name": {"$ref": "aws_backup_vault.plain.name"},
     "enable_continuous_backup": true}
  ],
  "tags": {"owner": "ops"}
},
"aws_backup_selection.tagged": {
  "plan_id": {"$ref": "aws_backup_plan.daily.id"},
  "name": "tagged",
  "iam_role_arn": {"$ref": "aws_iam_role.backup.arn"},
  "resources": [{"$ref": "aws_dynamodb_table.orders.arn"}],
  "selection_tag": [{"type": "STRINGEQUALS", "key": "backup", "value": "daily"}],
  "condition": [{"string_equals": [{"key": "aws:ResourceTag/env", "value": "prod"}]}]
}
})json");
  Diagnostics diags;
  auto out = test::adapt_checked(model::aws_tf::adapt_backup, doc, diags);
  ASSERT_EQ(out.size(), 1u);
  const Value& plan = out[0].attributes;
  EXPECT_EQ(out[0].name, "daily");
  const Value& rules = at(plan, "rules");
  ASSERT_EQ(rules.as_list().size(), 2u);
  EXPECT_EQ(at(rules, "0.retention_days"), Value::number(35));
  EXPECT_EQ(at(rules, "0.cold_storage_after_days"), Value::number(7));
  EXPECT_EQ(at(rules, "0.copy_count"), Value::number(1));
  EXPECT_EQ(at(rules, "0.vault"), Value::string("aws_backup_vault.main"));
  EXPECT_EQ(at(rules, "0.vault_locked"), Value::boolean(true));
  EXPECT_EQ(at(rules, "0.vault_customer_managed_key"), Value::boolean(true));
  EXPECT_EQ(at(rules, "1.vault"), Value::string("aws_backup_vault.plain"));
  EXPECT_EQ(at(rules, "1.vault_locked"), Value::boolean(false));
  EXPECT_EQ(at(rules, "1.vault_customer_managed_key"), Value::boolean(false));
  EXPECT_EQ(at(rules, "1.continuous_backup"), Value::boolean(true));
  EXPECT_EQ(plan.at_path("rules.1.retention_days"), nullptr);
  const Value& selections = at(plan, "selections");
  ASSERT_EQ(selections.as_list().size(), 1u);
  EXPECT_EQ(at(selections, "0.address"), Value::string("aws_backup_selection.tagged"));
  EXPECT_EQ(at(selections, "0.address").span().line, 17u);
  EXPECT_EQ(at(selections, "0.role"), Value::string("${aws_iam_role.backup.arn}"));
  EXPECT_EQ(at(selections, "0.resources.0"), Value::string("${aws_dynamodb_table.orders.arn}"));
  EXPECT_EQ(at(selections, "0.tag_conditions"), Value::number(2));
  EXPECT_EQ(at(plan, "tags.owner"), Value::string("ops"));
}

TEST(TfBackup, VaultsOutsideTheConfigurationAreUnknown) {
  Document doc = test::tf_doc(R"({
"aws_backup_plan.shared": {"name": "shared", "rule": [{"rule_name": "r", "target_vault_name": "shared-vault"}]},
"aws_backup_vault.main": {"name": "main"},
"aws_backup_vault_lock_configuration.any": {"backup_vault_name": {"$unknown": "var.vault"}},
"aws_backup_plan.local": {"name": "local", "rule": [{"rule_name": "r", "target_vault_name": "main"}]}
})");
  Diagnostics diags;
  auto out = test::adapt_checked(model::aws_tf::adapt_backup, doc, diags);
  ASSERT_EQ(out.size(), 2u);
  const Value& shared = at(out[0].attributes, "rules");
  EXPECT_EQ(at(shared, "0.vault"), Value::string("shared-vault"));
  EXPECT_TRUE(at(shared, "0.vault_locked").is_unknown());
  EXPECT_TRUE(at(shared, "0.vault_customer_managed_key").is_unknown());
  EXPECT_EQ(at(test::with_defaults(out[0]), "selections").as_list().size(), 0u);
  // A lock whose vault cannot be resolved may lock this vault.
  EXPECT_TRUE(at(out[1].attributes, "rules.0.vault_locked").is_unknown());
}

}  // namespace
}  // namespace cc
