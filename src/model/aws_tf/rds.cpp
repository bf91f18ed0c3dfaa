// aws_db_instance and aws_rds_cluster_instance -> aws.rds.instance; aws_rds_cluster ->
// aws.rds.cluster, with the cluster instances that join it counted.
#include "model/aws_tf/aws_tf.h"
#include "model/aws_tf/common.h"

namespace cc::model::aws_tf {
namespace {

using aws::As;

// A database restored from a snapshot, a point in time or an S3 import, or created as a
// replica, inherits storage encryption from its source, so an unset storage_encrypted
// is not the default there.
void mark_inherited_encryption(const Resource& raw, Value& out,
                               std::initializer_list<std::string_view> source_attrs) {
  if (present(tf::attr(raw, "storage_encrypted"))) return;
  for (auto name : source_attrs) {
    const Value* src = present(tf::attr(raw, name));
    if (!src || src->is_null() || (src->is_list() && src->as_list().empty())) continue;
    out.set(
        "storage_encrypted",
        Value::unknown("storage encryption is inherited from " + std::string(name), src->span()));
    return;
  }
}

// Arguments aws_db_instance, aws_rds_cluster_instance and aws_rds_cluster share.
void monitoring_fields(const Resource& raw, Value& out, const Convert& c) {
  copy_attrs(raw, out,
             {{"engine", "engine", As::String},
              {"engine_version", "engine_version", As::String},
              {"auto_minor_version_upgrade", "auto_minor_version_upgrade", As::Bool},
              {"monitoring_interval", "monitoring_interval", As::Number},
              {"performance_insights_enabled", "performance_insights.enabled", As::Bool},
              {"copy_tags_to_snapshot", "copy_tags_to_snapshot", As::Bool},
              {"publicly_accessible", "publicly_accessible", As::Bool}},
             c);
  // Keys are named by reference ("${aws_kms_key.db.arn}") when they are declared here.
  aws::set_reference(out, "performance_insights.kms_key",
                     present(tf::attr(raw, "performance_insights_kms_key_id")), c);
  set_tags(raw, out, c);
}

// Arguments of the resources that own their storage (an instance outside a cluster,
// and a cluster).
void storage_fields(const Resource& raw, Value& out, const Convert& c) {
  copy_attrs(raw, out,
             {{"storage_encrypted", "storage_encrypted", As::Bool},
              {"backup_retention_period", "backup_retention_period", As::Number},
              {"deletion_protection", "deletion_protection", As::Bool},
              {"iam_database_authentication_enabled", "iam_auth", As::Bool},
              {"enabled_cloudwatch_logs_exports", "log_exports", As::StringList}},
             c);
  aws::set_reference(out, "kms_key", present(tf::attr(raw, "kms_key_id")), c);
}

Resource adapt_instance(const Resource& raw, const Convert& c) {
  Resource r = make_named(raw, "aws.rds.instance", "identifier");
  Value& out = r.attributes;
  monitoring_fields(raw, out, c);
  storage_fields(raw, out, c);
  copy_attrs(raw, out,
             {{"instance_class", "instance_class", As::String}, {"multi_az", "multi_az", As::Bool}},
             c);
  mark_inherited_encryption(
      raw, out,
      {"snapshot_identifier", "replicate_source_db", "restore_to_point_in_time", "s3_import"});
  return r;
}

// A cluster instance takes storage, backup and logging from its cluster; the rules for
// those read the cluster.
Resource adapt_cluster_instance(const AdaptContext& ctx, const Resource& raw, const Convert& c) {
  Resource r = make_named(raw, "aws.rds.instance", "identifier");
  Value& out = r.attributes;
  monitoring_fields(raw, out, c);
  copy_attrs(raw, out, {{"instance_class", "instance_class", As::String}}, c);
  if (const Value* cluster = present(tf::attr(raw, "cluster_identifier"))) {
    out.set("in_cluster", aws::is_set(*cluster));
    const Resource* target = tf::referenced(ctx, *cluster, "aws_rds_cluster");
    if (!target && cluster->is_string()) {
      for (const Resource* candidate : tf::resources_of_type(ctx, "aws_rds_cluster"))
        if (known_string(*candidate, "cluster_identifier") == cluster->as_string())
          target = candidate;
    }
    if (target)
      out.set("cluster", Value::string(target->address, cluster->span()));
    else
      aws::set_reference(out, "cluster", cluster, c);
  } else {
    // cluster_identifier is required; without it the instance still belongs to a cluster.
    out.set("in_cluster", Value::boolean(true, raw.span));
  }
  return r;
}

Resource adapt_cluster(const AdaptContext& ctx, const Resource& raw, const Convert& c) {
  Resource r = make_named(raw, "aws.rds.cluster", "cluster_identifier");
  Value& out = r.attributes;
  monitoring_fields(raw, out, c);
  storage_fields(raw, out, c);
  copy_attrs(raw, out,
             {{"engine_mode", "engine_mode", As::String},
              {"db_cluster_instance_class", "instance_class", As::String}},
             c);
  // Serverless v1 clusters are always encrypted, whatever storage_encrypted says.
  const Value* mode = present(tf::attr(raw, "engine_mode"));
  if (mode && mode->is_string() && mode->as_string() == "serverless" &&
      !present(tf::attr(raw, "storage_encrypted")))
    out.set("storage_encrypted", Value::boolean(true, mode->span()));
  mark_inherited_encryption(raw, out,
                            {"snapshot_identifier", "replication_source_identifier",
                             "restore_to_point_in_time", "s3_import"});
  auto members = referrers(ctx, "aws_rds_cluster_instance", "cluster_identifier", raw,
                           known_string(raw, "cluster_identifier"));
  out.set("member_count", Value::number(static_cast<double>(members.size()), raw.span));
  return r;
}

}  // namespace

void adapt_rds(AdaptContext& ctx) {
  Convert c{ctx.diags};
  for (const Resource* raw : tf::resources_of_type(ctx, "aws_db_instance"))
    ctx.out.push_back(adapt_instance(*raw, c));
  for (const Resource* raw : tf::resources_of_type(ctx, "aws_rds_cluster_instance"))
    ctx.out.push_back(adapt_cluster_instance(ctx, *raw, c));
  for (const Resource* raw : tf::resources_of_type(ctx, "aws_rds_cluster"))
    ctx.out.push_back(adapt_cluster(ctx, *raw, c));
}

}  // namespace cc::model::aws_tf
