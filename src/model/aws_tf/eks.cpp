// aws_eks_cluster -> aws.eks.cluster.
#include "model/aws_tf/aws_tf.h"
#include "model/aws_tf/common.h"

namespace cc::model::aws_tf {
namespace {

using aws::As;

// encryption_config blocks are {resources = ["secrets"], provider { key_arn }};
// envelope encryption of Kubernetes secrets is on when a block covers "secrets" with a
// key.
void secrets_encryption(const std::vector<const Value*>& configs, Value& out, const Convert& c) {
  for (const Value* entry : configs) {
    if (entry->is_unknown()) {
      out.set_path("secrets_encryption.enabled", *entry);
      return;
    }
    const Value* resources = present(entry->find("resources"));
    if (!resources) continue;
    Value names = aws::to_string_list(*resources, c);
    if (names.is_unknown()) {
      out.set_path("secrets_encryption.enabled", names);
      return;
    }
    for (const auto& n : names.as_list()) {
      if (!n.is_string() || n.as_string() != "secrets") continue;
      auto providers = tf::blocks(present(entry->find("provider")));
      const Value* provider = providers.empty() ? nullptr : providers.front();
      const Value* key =
          provider && !provider->is_unknown() ? present(provider->find("key_arn")) : provider;
      out.set_path("secrets_encryption.enabled", aws::is_set(key, n.span()));
      aws::set_reference(out, "secrets_encryption.kms_key", key, c);
      return;
    }
  }
  out.set_path("secrets_encryption.enabled", Value::boolean(false, configs.front()->span()));
}

Resource adapt_cluster(const Resource& raw, const Convert& c) {
  Resource r = make_named(raw, "aws.eks.cluster", "name");
  Value& out = r.attributes;
  copy_attrs(raw, out,
             {{"version", "version", As::String},
              {"vpc_config.endpoint_public_access", "endpoint.public_access", As::Bool},
              {"vpc_config.endpoint_private_access", "endpoint.private_access", As::Bool},
              {"vpc_config.public_access_cidrs", "endpoint.public_access_cidrs", As::StringList},
              {"access_config.authentication_mode", "authentication_mode", As::String},
              {"enabled_cluster_log_types", "logging.enabled_types", As::StringList}},
             c);
  aws::set_reference(out, "role", present(tf::attr(raw, "role_arn")), c);
  auto configs = tf::blocks(raw, "encryption_config");
  if (!configs.empty()) secrets_encryption(configs, out, c);
  set_tags(raw, out, c);
  return r;
}

}  // namespace

void adapt_eks(AdaptContext& ctx) {
  Convert c{ctx.diags};
  for (const Resource* raw : tf::resources_of_type(ctx, "aws_eks_cluster"))
    ctx.out.push_back(adapt_cluster(*raw, c));
}

}  // namespace cc::model::aws_tf
