// AWS::EKS::Cluster -> aws.eks.cluster.
#include "model/aws/aws.h"
#include "model/aws/common.h"
#include "model/aws/util2.h"

namespace cc::model::aws {
namespace {

// EncryptionConfig is a list of {Provider: {KeyArn}, Resources: [secrets]}; envelope
// encryption of Kubernetes secrets is on when an entry covers "secrets" with a key.
void secrets_encryption(const Value& configs, Value& out, const Convert& c) {
  if (configs.is_unknown()) {
    out.set_path("secrets_encryption.enabled", configs);
    return;
  }
  if (!configs.is_list()) {
    c.type_warning(configs, "a list of encryption configurations");
    out.set_path("secrets_encryption.enabled",
                 Value::unknown("EncryptionConfig is not a list", configs.span()));
    return;
  }
  for (const auto& entry : configs.as_list()) {
    const Value* resources = entry.find("Resources");
    if (!resources) continue;
    Value names = to_string_list(*resources, c);
    if (names.is_unknown()) {
      out.set_path("secrets_encryption.enabled", names);
      return;
    }
    for (const auto& n : names.as_list()) {
      if (!n.is_string() || n.as_string() != "secrets") continue;
      const Value* key = entry.at_path("Provider.KeyArn");
      out.set_path("secrets_encryption.enabled", is_set(key, n.span()));
      if (key) out.set_path("secrets_encryption.kms_key", to_string(*key, c));
      return;
    }
  }
  out.set_path("secrets_encryption.enabled", Value::boolean(false, configs.span()));
}

Value enabled_log_types(const Value& types, const Convert& c) {
  if (types.is_unknown()) return types;
  if (!types.is_list()) {
    c.type_warning(types, "a list of log types");
    return Value::unknown("EnabledTypes is not a list", types.span());
  }
  List out;
  for (const auto& t : types.as_list()) {
    if (const Value* type = t.find("Type")) out.push_back(to_string(*type, c));
  }
  return Value::list(std::move(out), types.span());
}

Resource adapt_cluster(const Resource& raw, const Convert& c) {
  Resource r = make_named(raw, "aws.eks.cluster", "Name");
  Value& out = r.attributes;
  copy_fields(
      raw, out,
      {{"Version", "version", As::String},
       {"RoleArn", "role", As::String},
       {"ResourcesVpcConfig.EndpointPublicAccess", "endpoint.public_access", As::Bool},
       {"ResourcesVpcConfig.EndpointPrivateAccess", "endpoint.private_access", As::Bool},
       {"ResourcesVpcConfig.PublicAccessCidrs", "endpoint.public_access_cidrs", As::StringList},
       {"AccessConfig.AuthenticationMode", "authentication_mode", As::String}},
      c);
  if (const Value* configs = property(raw, "EncryptionConfig"))
    secrets_encryption(*configs, out, c);
  if (const Value* types = property(raw, "Logging.ClusterLogging.EnabledTypes"))
    out.set_path("logging.enabled_types", enabled_log_types(*types, c));
  if (const Value* tags = property(raw, "Tags")) out.set("tags", tags_map(*tags, c));
  return r;
}

}  // namespace

void adapt_eks(AdaptContext& ctx) {
  Convert c{ctx.diags};
  for (const Resource* raw : resources_of_type(ctx, "AWS::EKS::Cluster"))
    ctx.out.push_back(adapt_cluster(*raw, c));
}

}  // namespace cc::model::aws
