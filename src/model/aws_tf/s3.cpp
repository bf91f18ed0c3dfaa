// aws_s3_bucket -> aws.s3.bucket. Provider v4 and earlier configure a bucket with inline
// blocks (acl, versioning, logging, server_side_encryption_configuration, policy, ...);
// v4+ and v5 split them into resources naming the bucket (aws_s3_bucket_versioning,
// aws_s3_bucket_policy, ...). Both spellings are read; a split resource, when present,
// wins over the inline block, as it does in the provider.
#include <string>
#include <utility>

#include "model/aws/derive.h"
#include "model/aws_tf/aws_tf.h"
#include "model/aws_tf/common.h"

namespace cc::model::aws_tf {
namespace {

using aws::set_bool;
using aws::set_string;
using aws::to_bool;
using aws::to_number;
using aws::to_string;

// Terraform's canned ACL spelling -> the canonical (CloudFormation) spelling.
Value canonical_acl(const Value& acl, const Convert& c) {
  Value s = to_string(acl, c);
  if (!s.is_string()) return s;
  static constexpr std::pair<std::string_view, std::string_view> kNames[] = {
      {"private", "Private"},
      {"public-read", "PublicRead"},
      {"public-read-write", "PublicReadWrite"},
      {"authenticated-read", "AuthenticatedRead"},
      {"aws-exec-read", "AwsExecRead"},
      {"bucket-owner-read", "BucketOwnerRead"},
      {"bucket-owner-full-control", "BucketOwnerFullControl"},
      {"log-delivery-write", "LogDeliveryWrite"}};
  for (auto [tf_name, name] : kNames)
    if (s.as_string() == tf_name) return Value::string(std::string(name), s.span());
  return s;
}

// A bucket and everything that names it, so each setting looks at the split resource
// first and the inline block second.
struct Bucket {
  const AdaptContext& ctx;
  const Resource& raw;
  std::string name;  // known bucket name, for sub-resources that name it literally

  // The last resource of `type` whose `bucket` argument names this bucket.
  const Resource* part(std::string_view type) const {
    auto found = referrers(ctx, type, "bucket", raw, name);
    return found.empty() ? nullptr : found.back();
  }
  // Some resource of `type` names a bucket that cannot be resolved: it may be this one.
  bool maybe_part(std::string_view type) const {
    return has_unresolved_referrer(ctx, type, "bucket");
  }
};

void read_encryption_rule(const Value& config, Value& out, const Convert& c) {
  auto rules = tf::blocks(config.is_map() ? config.find("rule") : &config);
  if (rules.empty()) return;
  const Value& rule = *rules.front();
  if (rule.is_unknown()) {
    out.set_path("encryption.enabled", rule);
    out.set_path("encryption.kms", rule);
    return;
  }
  out.set_path("encryption.enabled", Value::boolean(true, rule.span()));
  set_bool(out, "encryption.bucket_key", rule.find("bucket_key_enabled"), c);
  auto defaults = tf::blocks(rule.find("apply_server_side_encryption_by_default"));
  if (defaults.empty()) return;
  const Value& by_default = *defaults.front();
  if (by_default.is_unknown()) {
    out.set_path("encryption.kms", by_default);
    return;
  }
  if (const Value* key = by_default.find("kms_master_key_id"); key && !key->is_null())
    out.set_path("encryption.kms_key", aws::to_reference_string(*key, c));
  const Value* algorithm = by_default.find("sse_algorithm");
  if (!algorithm) return;
  Value alg = to_string(*algorithm, c);
  out.set_path("encryption.algorithm", alg);
  out.set_path(
      "encryption.kms",
      alg.is_string() ? Value::boolean(alg.as_string().starts_with("aws:kms"), alg.span()) : alg);
}

void read_encryption(const Bucket& b, Value& out, const Convert& c) {
  if (const Resource* sse = b.part("aws_s3_bucket_server_side_encryption_configuration")) {
    read_encryption_rule(sse->attributes, out, c);
  } else if (const Value* inline_cfg =
                 tf::first_block(b.raw, "server_side_encryption_configuration")) {
    read_encryption_rule(*inline_cfg, out, c);
  } else if (b.maybe_part("aws_s3_bucket_server_side_encryption_configuration")) {
    Value u = Value::unknown("an encryption configuration names an unknown bucket", b.raw.span);
    out.set_path("encryption.kms", u);
  }
}

Value status_enabled(const Value& status, const Convert& c) {
  Value s = to_string(status, c);
  return s.is_string() ? Value::boolean(s.as_string() == "Enabled", s.span()) : s;
}

void read_versioning(const Bucket& b, Value& out, const Convert& c) {
  if (const Resource* v = b.part("aws_s3_bucket_versioning")) {
    const Value* config = tf::first_block(*v, "versioning_configuration");
    if (!config) return;
    if (config->is_unknown()) {
      out.set_path("versioning.enabled", *config);
      return;
    }
    if (const Value* status = config->find("status")) {
      out.set_path("versioning.status", to_string(*status, c));
      out.set_path("versioning.enabled", status_enabled(*status, c));
    }
    if (const Value* mfa = config->find("mfa_delete"); mfa && !mfa->is_null())
      out.set_path("versioning.mfa_delete", status_enabled(*mfa, c));
  } else if (const Value* inline_cfg = tf::first_block(b.raw, "versioning")) {
    if (inline_cfg->is_unknown()) {
      out.set_path("versioning.enabled", *inline_cfg);
      return;
    }
    if (const Value* enabled = inline_cfg->find("enabled"); enabled && !enabled->is_null()) {
      Value e = to_bool(*enabled, c);
      out.set_path("versioning.enabled", e);
      if (e.is_bool())
        out.set_path("versioning.status",
                     Value::string(e.as_bool() ? "Enabled" : "Suspended", e.span()));
    }
    set_bool(out, "versioning.mfa_delete", inline_cfg->find("mfa_delete"), c);
  } else if (b.maybe_part("aws_s3_bucket_versioning")) {
    out.set_path("versioning.enabled",
                 Value::unknown("a versioning resource names an unknown bucket", b.raw.span));
  }
}

void read_logging(const Bucket& b, Value& out, const Convert& c) {
  const Value* config = nullptr;
  if (const Resource* l = b.part("aws_s3_bucket_logging"))
    config = &l->attributes;
  else
    config = tf::first_block(b.raw, "logging");
  if (!config) {
    if (b.maybe_part("aws_s3_bucket_logging"))
      out.set_path("logging.enabled",
                   Value::unknown("a logging resource names an unknown bucket", b.raw.span));
    return;
  }
  if (config->is_unknown()) {
    out.set_path("logging.enabled", *config);
    return;
  }
  const Value* target = config->find("target_bucket");
  out.set_path("logging.enabled", aws::is_set(target, config->span()));
  if (target) out.set_path("logging.target_bucket", aws::to_reference_string(*target, c));
  if (const Value* prefix = config->find("target_prefix"); prefix && !prefix->is_null())
    out.set_path("logging.prefix", to_string(*prefix, c));
}

void read_public_access_block(const Bucket& b, Value& out, const Convert& c) {
  static constexpr std::string_view kFields[] = {"block_public_acls", "ignore_public_acls",
                                                 "block_public_policy", "restrict_public_buckets"};
  const Resource* pab = b.part("aws_s3_bucket_public_access_block");
  if (!pab) {
    if (b.maybe_part("aws_s3_bucket_public_access_block"))
      for (auto field : kFields)
        out.set_path("public_access_block." + std::string(field),
                     Value::unknown("a public access block names an unknown bucket", b.raw.span));
    return;
  }
  for (auto field : kFields) {
    std::string path = "public_access_block." + std::string(field);
    const Value* v = pab->attributes.find(field);
    if (v && !v->is_null())
      out.set_path(path, to_bool(*v, c));
    else  // the resource's own default for an argument it leaves out is false
      out.set_path(path, Value::boolean(false, pab->span));
  }
}

void read_acl_and_ownership(const Bucket& b, Value& out, const Convert& c) {
  if (const Resource* acl = b.part("aws_s3_bucket_acl")) {
    if (const Value* v = acl->attributes.find("acl"); v && !v->is_null())
      out.set("acl", canonical_acl(*v, c));
    else if (const Value* grants = acl->attributes.find("access_control_policy"))
      // Explicit grants: whether they open the bucket depends on the grantees, which the
      // canned-ACL field cannot express.
      out.set("acl", Value::unknown("the bucket ACL is given as explicit grants", grants->span()));
  } else if (const Value* v = b.raw.attributes.find("acl"); v && !v->is_null()) {
    out.set("acl", canonical_acl(*v, c));
  } else if (b.maybe_part("aws_s3_bucket_acl")) {
    out.set("acl", Value::unknown("a bucket ACL names an unknown bucket", b.raw.span));
  }
  if (const Resource* own = b.part("aws_s3_bucket_ownership_controls"))
    if (const Value* rule = tf::first_block(*own, "rule"))
      set_string(out, "object_ownership",
                 rule->is_unknown() ? rule : rule->find("object_ownership"), c);
}

void read_object_lock(const Bucket& b, Value& out, const Convert& c) {
  const Value* flag = b.raw.attributes.find("object_lock_enabled");
  if (flag && !flag->is_null()) set_bool(out, "object_lock.enabled", flag, c);
  const Value* rule = nullptr;
  if (const Resource* lock = b.part("aws_s3_bucket_object_lock_configuration")) {
    rule = tf::first_block(*lock, "rule");
  } else if (const Value* config = tf::first_block(b.raw, "object_lock_configuration");
             config && config->is_map()) {
    auto rules = tf::blocks(config->find("rule"));
    rule = rules.empty() ? nullptr : rules.front();
    // Provider v3 spelled the switch inside the block.
    if (const Value* status = config->find("object_lock_enabled");
        status && !status->is_null() && (!flag || flag->is_null()))
      out.set_path("object_lock.enabled", status_enabled(*status, c));
  }
  if (!rule || !rule->is_map()) return;
  auto retentions = tf::blocks(rule->find("default_retention"));
  if (retentions.empty() || !retentions.front()->is_map()) return;
  const Value& retention = *retentions.front();
  set_string(out, "object_lock.mode", retention.find("mode"), c);
  if (const Value* days = retention.find("days"); days && !days->is_null()) {
    aws::set_number(out, "object_lock.retention_days", days, c);
  } else if (const Value* years = retention.find("years"); years && !years->is_null()) {
    Value y = to_number(*years, c);
    out.set_path("object_lock.retention_days",
                 y.is_number() ? Value::number(y.as_number() * 365, y.span()) : y);
  }
}

// Number of rules and whether any is enabled. A split resource spells it
// `status = "Enabled"`, the inline v4 block `enabled = true`.
void read_rules(const Value* rules_value, Value& out, std::string_view count_path,
                std::string_view enabled_path, const Convert& c) {
  if (!rules_value) return;
  if (rules_value->is_unknown()) {
    if (!count_path.empty()) out.set_path(count_path, *rules_value);
    out.set_path(enabled_path, *rules_value);
    return;
  }
  auto rules = tf::blocks(rules_value);
  if (!count_path.empty())
    out.set_path(count_path, Value::number(static_cast<double>(rules.size()), rules_value->span()));
  Value enabled = Value::boolean(false, rules_value->span());
  for (const Value* r : rules) {
    Value on = Value::unknown("the rule's status is unknown", r->span());
    if (r->is_map()) {
      if (const Value* status = r->find("status"); status && !status->is_null())
        on = status_enabled(*status, c);
      else if (const Value* flag = r->find("enabled"); flag && !flag->is_null())
        on = to_bool(*flag, c);
    }
    if (on.is_bool() && on.as_bool()) {
      enabled = on;
      break;
    }
    if (on.is_unknown()) enabled = on;
  }
  out.set_path(enabled_path, enabled);
}

void read_lifecycle_and_replication(const Bucket& b, Value& out, const Convert& c) {
  if (const Resource* lc = b.part("aws_s3_bucket_lifecycle_configuration"))
    read_rules(lc->attributes.find("rule"), out, "lifecycle_rules.count", "lifecycle_rules.enabled",
               c);
  else
    read_rules(b.raw.attributes.find("lifecycle_rule"), out, "lifecycle_rules.count",
               "lifecycle_rules.enabled", c);

  const Value* repl = nullptr;
  const Value* rules = nullptr;
  if (const Resource* r = b.part("aws_s3_bucket_replication_configuration")) {
    repl = &r->attributes;
    rules = r->attributes.find("rule");
  } else if ((repl = tf::first_block(b.raw, "replication_configuration")) && repl->is_map()) {
    rules = repl->find("rules");
  }
  if (!repl) return;
  if (repl->is_unknown()) {
    out.set_path("replication.enabled", *repl);
    return;
  }
  if (const Value* role = repl->find("role"); role && !role->is_null())
    out.set_path("replication.role", aws::to_reference_string(*role, c));
  read_rules(rules, out, {}, "replication.enabled", c);
  if (!rules || rules->is_unknown()) return;
  List destinations;
  for (const Value* r : tf::blocks(rules)) {
    if (!r->is_map()) continue;
    auto dest = tf::blocks(r->find("destination"));
    if (dest.empty() || !dest.front()->is_map()) continue;
    if (const Value* bucket = dest.front()->find("bucket"))
      destinations.push_back(aws::to_reference_string(*bucket, c));
  }
  out.set_path("replication.destinations", Value::list(std::move(destinations), rules->span()));
}

// Whether another resource of the configuration delivers logs into this bucket.
Value log_target(const Bucket& b, const Value& acl) {
  static constexpr std::pair<std::string_view, std::string_view> kDeliveries[] = {
      {"aws_s3_bucket_logging", "target_bucket"}, {"aws_s3_bucket", "logging.target_bucket"},
      {"aws_cloudtrail", "s3_bucket_name"},       {"aws_flow_log", "log_destination"},
      {"aws_lb", "access_logs.bucket"},           {"aws_elb", "access_logs.bucket"}};
  for (auto [type, attr] : kDeliveries)
    for (const Resource* other : tf::resources_of_type(b.ctx, type)) {
      if (other == &b.raw) continue;
      const Value* dest = tf::attr(*other, attr);
      if (!dest) continue;
      if (tf::refers_to(*dest, b.raw, b.name)) return Value::boolean(true, dest->span());
      // A flow log names its bucket by ARN: "${aws_s3_bucket.logs.arn}" or the ARN text.
      if (dest->is_string() && !b.name.empty() && dest->as_string() == "arn:aws:s3:::" + b.name)
        return Value::boolean(true, dest->span());
    }
  if (acl.is_string() && acl.as_string() == "LogDeliveryWrite")
    return Value::boolean(true, acl.span());
  return Value::boolean(false, b.raw.span);
}

void read_policy(const Bucket& b, Value& out, const Convert& c) {
  const Value* document = nullptr;
  if (const Resource* p = b.part("aws_s3_bucket_policy"))
    document = p->attributes.find("policy");
  else if (const Value* inline_policy = b.raw.attributes.find("policy");
           inline_policy && !inline_policy->is_null())
    document = inline_policy;
  if (!document) {
    if (b.maybe_part("aws_s3_bucket_policy")) {
      Value u = Value::unknown("a bucket policy names an unknown bucket", b.raw.span);
      out.set_path("policy.statements", u);
      out.set_path("policy.denies_insecure_transport", u);
    }
    return;
  }
  Value normalized = policy_document(b.ctx, *document, c);
  const Value* statements = normalized.is_map() ? normalized.find("statements") : nullptr;
  Value list = statements
                   ? *statements
                   : (normalized.is_unknown()
                          ? normalized
                          : Value::unknown("the bucket policy is unreadable", document->span()));
  out.set_path("policy.denies_insecure_transport",
               aws::denies_insecure_transport(list, document->span()));
  out.set_path("policy.statements", std::move(list));
}

}  // namespace

void adapt_s3(AdaptContext& ctx) {
  Convert c{ctx.diags};
  for (const Resource* raw : tf::resources_of_type(ctx, "aws_s3_bucket")) {
    Resource r = make_named(*raw, "aws.s3.bucket", "bucket");
    Value& a = r.attributes;
    Bucket b{ctx, *raw, known_string(*raw, "bucket")};
    read_acl_and_ownership(b, a, c);
    read_encryption(b, a, c);
    read_versioning(b, a, c);
    read_logging(b, a, c);
    read_public_access_block(b, a, c);
    read_object_lock(b, a, c);
    read_lifecycle_and_replication(b, a, c);
    if (const Resource* site = b.part("aws_s3_bucket_website_configuration"))
      a.set_path("website.enabled", Value::boolean(true, site->span));
    else if (const Value* site = tf::first_block(*raw, "website"))
      a.set_path("website.enabled", aws::is_set(*site));
    const Value* acl = a.find("acl");
    a.set("is_log_target", log_target(b, acl ? *acl : Value()));
    read_policy(b, a, c);
    set_tags(*raw, a, c);
    ctx.out.push_back(std::move(r));
  }
}

}  // namespace cc::model::aws_tf
