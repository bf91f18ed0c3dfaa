#include <gtest/gtest.h>

#include "raw2.h"

namespace cc {
namespace {

using test::at;

constexpr const char* kTemplate = R"(
Plan:
  Type: AWS::Backup::BackupPlan
  Properties:
    BackupPlan:
      BackupPlanName: daily
      BackupPlanRule:
        - RuleName: daily-35
          TargetBackupVault: {"!Ref": Vault}
          ScheduleExpression: cron(0 5 * * ? *)
          Lifecycle: {DeleteAfterDays: 35}
          CopyActions: [{DestinationBackupVaultArn: arn:aws:backup:eu-central-1:111122223333:backup-vault:dr}]
        - RuleName: to-default
          TargetBackupVault: Default
    BackupPlanTags: {owner: platform}
Vault:
  Type: AWS::Backup::BackupVault
  Properties:
    BackupVaultName: main
    EncryptionKeyArn: {"!GetAtt": Key.Arn}
    LockConfiguration: {MinRetentionDays: 7}
Key:
  Type: AWS::KMS::Key
Selection:
  Type: AWS::Backup::BackupSelection
  Properties:
    BackupPlanId: {"!Ref": Plan}
    BackupSelection:
      SelectionName: databases
      IamRoleArn: arn:aws:iam::111122223333:role/backup
      Resources: ["arn:aws:rds:*:*:db:*"]
)";

TEST(AdaptBackup, RulesVaultsAndSelectionsAreJoined) {
  Document doc = test::raw_doc(kTemplate);
  Diagnostics diags;
  auto out = test::run(model::aws::adapt_backup, doc, diags);
  ASSERT_EQ(out.size(), 1u);
  const Value& a = out[0].attributes;
  EXPECT_EQ(out[0].name, "daily");
  ASSERT_EQ(at(a, "rules").as_list().size(), 2u);
  EXPECT_EQ(at(a, "rules.0.retention_days"), Value::number(35));
  EXPECT_EQ(at(a, "rules.0.retention_days").span().line, 11u);
  EXPECT_EQ(at(a, "rules.0.copy_count"), Value::number(1));
  EXPECT_EQ(at(a, "rules.0.vault"), Value::string("Vault"));
  EXPECT_EQ(at(a, "rules.0.vault_locked"), Value::boolean(true));
  EXPECT_EQ(at(a, "rules.0.vault_customer_managed_key"), Value::boolean(true));
  // The Default vault is not declared here: its lock and key cannot be known.
  EXPECT_TRUE(at(a, "rules.1.vault_locked").is_unknown());
  EXPECT_EQ(a.at_path("rules.1.retention_days"), nullptr);
  ASSERT_EQ(at(a, "selections").as_list().size(), 1u);
  EXPECT_EQ(at(a, "selections.0.name"), Value::string("databases"));
  EXPECT_EQ(at(a, "tags.owner"), Value::string("platform"));
  test::expect_fits_schema(out[0]);
}

TEST(AdaptBackup, PlanWithoutSelectionsDefaultsToNone) {
  Document doc = test::raw_doc(R"(
Plan:
  Type: AWS::Backup::BackupPlan
  Properties:
    BackupPlan:
      BackupPlanName: orphan
      BackupPlanRule: {"!Unknown": from a mapping}
)");
  Diagnostics diags;
  auto out = test::run(model::aws::adapt_backup, doc, diags);
  ASSERT_EQ(out.size(), 1u);
  Value a = test::with_defaults(out[0]);
  EXPECT_TRUE(at(a, "selections").as_list().empty());
  EXPECT_TRUE(at(a, "rules").is_unknown());
}

}  // namespace
}  // namespace cc
