// AWS::RDS::DBInstance -> aws.rds.instance and AWS::RDS::DBCluster -> aws.rds.cluster.
#include "model/aws/aws.h"
#include "model/aws/common.h"
#include "model/aws/util2.h"

namespace cc::model::aws {
namespace {

// A database restored from a snapshot or created as a replica inherits its storage
// encryption from the source, so an unset StorageEncrypted is not the default there.
void mark_inherited_encryption(const Resource& raw, Value& out,
                               std::initializer_list<std::string_view> source_properties) {
  if (property(raw, "StorageEncrypted")) return;
  for (auto name : source_properties) {
    if (const Value* src = property(raw, name)) {
      out.set(
          "storage_encrypted",
          Value::unknown("storage encryption is inherited from " + std::string(name), src->span()));
      return;
    }
  }
}

void common_fields(const Resource& raw, Value& out, const Convert& c) {
  copy_fields(raw, out,
              {{"Engine", "engine", As::String},
               {"EngineVersion", "engine_version", As::String},
               {"StorageEncrypted", "storage_encrypted", As::Bool},
               {"KmsKeyId", "kms_key", As::String},
               {"PubliclyAccessible", "publicly_accessible", As::Bool},
               {"BackupRetentionPeriod", "backup_retention_period", As::Number},
               {"DeletionProtection", "deletion_protection", As::Bool},
               {"AutoMinorVersionUpgrade", "auto_minor_version_upgrade", As::Bool},
               {"EnableIAMDatabaseAuthentication", "iam_auth", As::Bool},
               {"MonitoringInterval", "monitoring_interval", As::Number},
               {"CopyTagsToSnapshot", "copy_tags_to_snapshot", As::Bool},
               {"EnableCloudwatchLogsExports", "log_exports", As::StringList}},
              c);
  if (const Value* tags = property(raw, "Tags")) out.set("tags", tags_map(*tags, c));
}

Resource adapt_instance(const AdaptContext& ctx, const Resource& raw, const Convert& c) {
  Resource r = make_named(raw, "aws.rds.instance", "DBInstanceIdentifier");
  Value& out = r.attributes;
  common_fields(raw, out, c);
  copy_fields(raw, out,
              {{"DBInstanceClass", "instance_class", As::String},
               {"MultiAZ", "multi_az", As::Bool},
               {"EnablePerformanceInsights", "performance_insights.enabled", As::Bool},
               {"PerformanceInsightsKMSKeyId", "performance_insights.kms_key", As::String}},
              c);
  if (const Value* cluster = property(raw, "DBClusterIdentifier")) {
    out.set("in_cluster", is_set(*cluster));
    if (const Resource* target = referenced(ctx, *cluster, "AWS::RDS::DBCluster"))
      out.set("cluster", Value::string(target->address, cluster->span()));
    else
      set_string(out, "cluster", cluster, c);
  }
  mark_inherited_encryption(raw, out,
                            {"DBSnapshotIdentifier", "SourceDBInstanceIdentifier",
                             "SourceDBInstanceAutomatedBackupsArn"});
  return r;
}

Resource adapt_cluster(const AdaptContext& ctx, const Resource& raw, const Convert& c) {
  Resource r = make_named(raw, "aws.rds.cluster", "DBClusterIdentifier");
  Value& out = r.attributes;
  common_fields(raw, out, c);
  copy_fields(raw, out,
              {{"EngineMode", "engine_mode", As::String},
               {"DBClusterInstanceClass", "instance_class", As::String},
               {"PerformanceInsightsEnabled", "performance_insights.enabled", As::Bool},
               {"PerformanceInsightsKmsKeyId", "performance_insights.kms_key", As::String}},
              c);
  mark_inherited_encryption(raw, out, {"SnapshotIdentifier", "SourceDBClusterIdentifier"});
  // Aurora spreads a cluster over zones through its member instances, which are
  // separate resources pointing at the cluster.
  auto members = referrers(ctx, "AWS::RDS::DBInstance", "DBClusterIdentifier", raw,
                           physical_name(raw, "DBClusterIdentifier"));
  out.set("member_count", Value::number(static_cast<double>(members.size()), raw.span));
  return r;
}

}  // namespace

void adapt_rds(AdaptContext& ctx) {
  Convert c{ctx.diags};
  for (const Resource* raw : resources_of_type(ctx, "AWS::RDS::DBInstance"))
    ctx.out.push_back(adapt_instance(ctx, *raw, c));
  for (const Resource* raw : resources_of_type(ctx, "AWS::RDS::DBCluster"))
    ctx.out.push_back(adapt_cluster(ctx, *raw, c));
}

}  // namespace cc::model::aws
