// AWS::S3::Bucket (+ AWS::S3::BucketPolicy joined by reference) -> aws.s3.bucket.
#include <string>

#include "model/aws/aws.h"
#include "model/aws/common.h"
#include "model/aws/derive.h"

namespace cc::model::aws {
namespace {

constexpr std::string_view kBucket = "AWS::S3::Bucket";
constexpr std::string_view kBucketPolicy = "AWS::S3::BucketPolicy";

void read_encryption(const Resource& raw, Value& out, const Convert& c) {
  const Value* rules = property(raw, "BucketEncryption.ServerSideEncryptionConfiguration");
  if (!rules) return;
  if (rules->is_unknown()) {
    out.set_path("encryption.enabled", *rules);
    out.set_path("encryption.kms", *rules);
    return;
  }
  if (!rules->is_list() || rules->as_list().empty()) return;
  const Value& rule = rules->as_list().front();
  const Value* by_default = rule.find("ServerSideEncryptionByDefault");
  out.set_path("encryption.enabled", Value::boolean(true, rule.span()));
  set_bool(out, "encryption.bucket_key", rule.find("BucketKeyEnabled"), c);
  if (!by_default) return;
  set_string(out, "encryption.kms_key", by_default->find("KMSMasterKeyID"), c);
  const Value* algorithm = by_default->find("SSEAlgorithm");
  if (!algorithm) return;
  Value alg = to_string(*algorithm, c);
  out.set_path("encryption.algorithm", alg);
  if (alg.is_string())
    out.set_path("encryption.kms",
                 Value::boolean(alg.as_string().starts_with("aws:kms"), alg.span()));
  else
    out.set_path("encryption.kms", alg);
}

void read_public_access_block(const Resource& raw, Value& out, const Convert& c) {
  const Value* pab = property(raw, "PublicAccessBlockConfiguration");
  if (!pab) return;
  static constexpr std::pair<std::string_view, std::string_view> kFields[] = {
      {"BlockPublicAcls", "block_public_acls"},
      {"IgnorePublicAcls", "ignore_public_acls"},
      {"BlockPublicPolicy", "block_public_policy"},
      {"RestrictPublicBuckets", "restrict_public_buckets"}};
  for (auto [cfn, field] : kFields) {
    std::string path = "public_access_block." + std::string(field);
    if (pab->is_unknown()) {
      out.set_path(path, *pab);
    } else if (const Value* v = pab->find(cfn)) {
      out.set_path(path, to_bool(*v, c));
    } else {
      // Once the configuration is given, a setting it leaves out is off.
      out.set_path(path, Value::boolean(false, pab->span()));
    }
  }
}

void read_object_lock(const Resource& raw, Value& out, const Convert& c) {
  const Value* flag = property(raw, "ObjectLockEnabled");
  const Value* config = property(raw, "ObjectLockConfiguration");
  if (flag) set_bool(out, "object_lock.enabled", flag, c);
  if (!config) return;
  if (const Value* status = config->find("ObjectLockEnabled"); status && !flag) {
    Value s = to_string(*status, c);
    out.set_path("object_lock.enabled",
                 s.is_string() ? Value::boolean(s.as_string() == "Enabled", s.span()) : s);
  }
  const Value* retention = config->at_path("Rule.DefaultRetention");
  if (!retention) return;
  set_string(out, "object_lock.mode", retention->find("Mode"), c);
  if (const Value* days = retention->find("Days")) {
    set_number(out, "object_lock.retention_days", days, c);
  } else if (const Value* years = retention->find("Years")) {
    Value y = to_number(*years, c);
    out.set_path("object_lock.retention_days",
                 y.is_number() ? Value::number(y.as_number() * 365, y.span()) : y);
  }
}

// Number of rules and whether any is enabled, for a list of rules with a Status.
void read_rules_with_status(const Value* rules, Value& out, std::string_view count_path,
                            std::string_view enabled_path) {
  if (!rules) return;
  if (!rules->is_list()) {
    out.set_path(count_path, Value::unknown("rules are unknown", rules->span()));
    out.set_path(enabled_path, Value::unknown("rules are unknown", rules->span()));
    return;
  }
  if (!count_path.empty())
    out.set_path(count_path,
                 Value::number(static_cast<double>(rules->as_list().size()), rules->span()));
  Value enabled = Value::boolean(false, rules->span());
  for (const auto& r : rules->as_list()) {
    const Value* status = r.find("Status");
    if (status && status->is_string() && status->as_string() == "Enabled") {
      enabled = Value::boolean(true, status->span());
      break;
    }
    if (!status || status->is_unknown())
      enabled = Value::unknown("rule status is unknown", r.span());
  }
  out.set_path(enabled_path, enabled);
}

void read_replication(const Resource& raw, Value& out, const Convert& c) {
  const Value* repl = property(raw, "ReplicationConfiguration");
  if (!repl) return;
  set_string(out, "replication.role", repl->find("Role"), c);
  const Value* rules = repl->find("Rules");
  read_rules_with_status(rules, out, {}, "replication.enabled");
  if (!rules || !rules->is_list()) return;
  List destinations;
  for (const auto& r : rules->as_list())
    if (const Value* bucket = r.at_path("Destination.Bucket"))
      destinations.push_back(to_string(*bucket, c));
  out.set_path("replication.destinations", Value::list(std::move(destinations), rules->span()));
}

// Whether another resource of the template delivers logs into this bucket.
Value log_target(const AdaptContext& ctx, const Resource& bucket, std::string_view name) {
  for (const auto& other : ctx.doc.resources) {
    const Value* dest = nullptr;
    if (is_type(other, kBucket))
      dest = property(other, "LoggingConfiguration.DestinationBucketName");
    else if (is_type(other, "AWS::CloudTrail::Trail"))
      dest = property(other, "S3BucketName");
    else if (is_type(other, "AWS::EC2::FlowLog"))
      dest = property(other, "LogDestination");
    if (dest && &other != &bucket && refers_to(*dest, bucket, name))
      return Value::boolean(true, dest->span());
  }
  const Value* acl = property(bucket, "AccessControl");
  if (acl && acl->is_string() && acl->as_string() == "LogDeliveryWrite")
    return Value::boolean(true, acl->span());
  return Value::boolean(false, bucket.span);
}

void join_policies(const AdaptContext& ctx, const Resource& bucket, std::string_view name,
                   Value& out, const Convert& c) {
  List statements;
  Span span;
  bool found = false;
  bool ambiguous = false;
  for (const Resource* policy : resources_of_type(ctx, kBucketPolicy)) {
    const Value* target = property(*policy, "Bucket");
    if (!target) continue;
    if (target->is_unknown() && ref_target(*target).empty()) {
      ambiguous = true;  // a parameter or import: it may name this bucket
      continue;
    }
    if (!refers_to(*target, bucket, name)) continue;
    const Value* doc = property(*policy, "PolicyDocument");
    if (!doc) continue;
    Value normalized = normalize_policy(*doc, c);
    if (!found) span = doc->span();
    found = true;
    const Value* st = normalized.find("statements");
    if (normalized.is_unknown() || !st || !st->is_list()) {
      out.set_path("policy.statements", Value::unknown("bucket policy is unknown", doc->span()));
      out.set_path("policy.denies_insecure_transport",
                   Value::unknown("bucket policy is unknown", doc->span()));
      return;
    }
    for (const auto& s : st->as_list()) statements.push_back(s);
  }
  if (!found) {
    if (ambiguous) {
      Value unknown = Value::unknown("a bucket policy of the template names an unknown bucket");
      out.set_path("policy.statements", unknown);
      out.set_path("policy.denies_insecure_transport", unknown);
    }
    return;
  }
  Value list = Value::list(std::move(statements), span);
  out.set_path("policy.denies_insecure_transport", denies_insecure_transport(list, span));
  out.set_path("policy.statements", std::move(list));
}

}  // namespace

void adapt_s3(AdaptContext& ctx) {
  Convert c{ctx.diags};
  for (const Resource* raw : resources_of_type(ctx, kBucket)) {
    Resource r = make_canonical(*raw, "aws.s3.bucket", "BucketName");
    Value& a = r.attributes;
    const Value* name_prop = property(*raw, "BucketName");
    if (name_prop)
      set_string(a, "name", name_prop, c);
    else
      a.set("name", Value::string(raw->address, raw->span));
    std::string name = physical_name(*raw, "BucketName");

    set_string(a, "acl", property(*raw, "AccessControl"), c);
    if (const Value* rules = property(*raw, "OwnershipControls.Rules");
        rules && rules->is_list() && !rules->as_list().empty())
      set_string(a, "object_ownership", rules->as_list().front().find("ObjectOwnership"), c);
    read_encryption(*raw, a, c);

    if (const Value* status = property(*raw, "VersioningConfiguration.Status")) {
      Value s = to_string(*status, c);
      a.set_path("versioning.status", s);
      a.set_path("versioning.enabled",
                 s.is_string() ? Value::boolean(s.as_string() == "Enabled", s.span()) : s);
    }
    if (const Value* logging = property(*raw, "LoggingConfiguration")) {
      // Without a destination, S3 writes the logs into the bucket itself.
      a.set_path("logging.enabled",
                 logging->is_unknown() ? *logging : Value::boolean(true, logging->span()));
      set_string(a, "logging.target_bucket", logging->find("DestinationBucketName"), c);
      set_string(a, "logging.prefix", logging->find("LogFilePrefix"), c);
    }
    read_public_access_block(*raw, a, c);
    read_object_lock(*raw, a, c);
    read_rules_with_status(property(*raw, "LifecycleConfiguration.Rules"), a,
                           "lifecycle_rules.count", "lifecycle_rules.enabled");
    read_replication(*raw, a, c);
    if (const Value* website = property(*raw, "WebsiteConfiguration"))
      a.set_path("website.enabled", is_set(*website));
    a.set("is_log_target", log_target(ctx, *raw, name));
    join_policies(ctx, *raw, name, a, c);
    if (const Value* tags = property(*raw, "Tags")) a.set("tags", tags_map(*tags, c));
    ctx.out.push_back(std::move(r));
  }
}

}  // namespace cc::model::aws
