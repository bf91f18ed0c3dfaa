// AWS::ECR::Repository -> aws.ecr.repository.
#include "model/aws/aws.h"
#include "model/aws/common.h"
#include "model/aws/util2.h"

namespace cc::model::aws {
namespace {

// A registry scanning configuration of the same template scans matching repositories
// on push (or continuously, which includes push) whatever the repository says. Returns
// the filter that matched, or nullptr.
const Value* registry_scan_filter(const AdaptContext& ctx, std::string_view repository) {
  for (const Resource* config :
       resources_of_type(ctx, "AWS::ECR::RegistryScanningConfiguration")) {
    const Value* rules = property(*config, "Rules");
    if (!rules || !rules->is_list()) continue;
    for (const auto& rule : rules->as_list()) {
      std::string_view frequency = known_string(rule.find("ScanFrequency"));
      if (frequency != "SCAN_ON_PUSH" && frequency != "CONTINUOUS_SCAN") continue;
      const Value* filters = rule.find("RepositoryFilters");
      if (!filters || !filters->is_list()) continue;
      for (const auto& f : filters->as_list()) {
        std::string_view pattern = known_string(f.find("Filter"));
        if (pattern.empty()) continue;
        // Without a known name only a match-everything filter certainly applies.
        if (repository.empty() ? pattern == "*" : wildcard_match(pattern, repository))
          return f.find("Filter");
      }
    }
  }
  return nullptr;
}

Resource adapt_repository(const AdaptContext& ctx, const Resource& raw, const Convert& c) {
  Resource r = make_named(raw, "aws.ecr.repository", "RepositoryName");
  Value& out = r.attributes;
  copy_fields(raw, out,
              {{"ImageScanningConfiguration.ScanOnPush", "scan_on_push", As::Bool},
               {"ImageTagMutability", "image_tag_mutability", As::String},
               {"EncryptionConfiguration.EncryptionType", "encryption.type", As::String},
               {"EncryptionConfiguration.KmsKey", "encryption.kms_key", As::String},
               {"EmptyOnDelete", "empty_on_delete", As::Bool}},
              c);
  if (const Value* filter = registry_scan_filter(ctx, physical_name(raw, "RepositoryName")))
    out.set("scan_on_push", Value::boolean(true, filter->span()));
  // A KMS encrypted repository without a named key uses the AWS managed aws/ecr key.
  if (const Value* key = property(raw, "EncryptionConfiguration.KmsKey"))
    out.set_path("encryption.customer_managed_key", customer_managed_key(ctx, *key));
  if (const Value* lifecycle = property(raw, "LifecyclePolicy.LifecyclePolicyText"))
    out.set_path("lifecycle_policy", is_set(*lifecycle));
  if (const Value* policy = property(raw, "RepositoryPolicyText"))
    out.set("policy", normalize_policy(*policy, c));
  if (const Value* tags = property(raw, "Tags")) out.set("tags", tags_map(*tags, c));
  return r;
}

}  // namespace

// Repository filters of registry scanning rules are names with "*" wildcards.
bool wildcard_match(std::string_view pattern, std::string_view text) {
  size_t p = 0, t = 0, star = std::string_view::npos, resume = 0;
  while (t < text.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      resume = t;
    } else if (p < pattern.size() && pattern[p] == text[t]) {
      ++p;
      ++t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

void adapt_ecr(AdaptContext& ctx) {
  Convert c{ctx.diags};
  for (const Resource* raw : resources_of_type(ctx, "AWS::ECR::Repository"))
    ctx.out.push_back(adapt_repository(ctx, *raw, c));
}

}  // namespace cc::model::aws
