#include <gtest/gtest.h>

#include "raw2.h"

namespace cc {
namespace {

using test::at;

TEST(AdaptEks, EndpointSecretsAndLogging) {
  Document doc = test::raw_doc(R"(
Cluster:
  Type: AWS::EKS::Cluster
  Properties:
    Name: prod
    Version: "1.31"
    RoleArn: {"!GetAtt": Role.Arn}
    ResourcesVpcConfig:
      SubnetIds: [subnet-1]
      EndpointPublicAccess: true
      EndpointPrivateAccess: true
      PublicAccessCidrs: [203.0.113.0/24]
    EncryptionConfig:
      - Provider: {KeyArn: {"!GetAtt": Key.Arn}}
        Resources: [secrets]
    Logging:
      ClusterLogging:
        EnabledTypes: [{Type: api}, {Type: audit}, {Type: authenticator}]
)");
  Diagnostics diags;
  auto out = test::run(model::aws::adapt_eks, doc, diags);
  ASSERT_EQ(out.size(), 1u);
  const Value& a = out[0].attributes;
  EXPECT_EQ(out[0].name, "prod");
  EXPECT_EQ(at(a, "version"), Value::string("1.31"));
  EXPECT_EQ(at(a, "endpoint.public_access"), Value::boolean(true));
  EXPECT_EQ(at(a, "endpoint.private_access"), Value::boolean(true));
  EXPECT_EQ(at(a, "endpoint.public_access_cidrs.0"), Value::string("203.0.113.0/24"));
  EXPECT_EQ(at(a, "secrets_encryption.enabled"), Value::boolean(true));
  EXPECT_EQ(at(a, "secrets_encryption.enabled").span().line, 14u);
  ASSERT_EQ(at(a, "logging.enabled_types").as_list().size(), 3u);
  EXPECT_EQ(at(a, "logging.enabled_types.1"), Value::string("audit"));
  test::expect_fits_schema(out[0]);
}

TEST(AdaptEks, DefaultsLeaveThePublicEndpointOpenToAnyone) {
  Document doc = test::raw_doc(R"(
Cluster:
  Type: AWS::EKS::Cluster
  Properties:
    ResourcesVpcConfig: {SubnetIds: [subnet-1]}
    EncryptionConfig: [{Provider: {KeyArn: arn:key}, Resources: [configmaps]}]
)");
  Diagnostics diags;
  auto out = test::run(model::aws::adapt_eks, doc, diags);
  ASSERT_EQ(out.size(), 1u);
  Value a = test::with_defaults(out[0]);
  EXPECT_EQ(at(a, "endpoint.public_access"), Value::boolean(true));
  EXPECT_EQ(at(a, "endpoint.private_access"), Value::boolean(false));
  EXPECT_EQ(at(a, "endpoint.public_access_cidrs.0"), Value::string("0.0.0.0/0"));
  EXPECT_EQ(at(a, "endpoint.public_access_cidrs").provenance(), Provenance::Default);
  // An encryption entry that does not cover secrets does not count.
  EXPECT_EQ(at(a, "secrets_encryption.enabled"), Value::boolean(false));
  EXPECT_TRUE(at(a, "logging.enabled_types").as_list().empty());
  test::expect_fits_schema(out[0]);
}

TEST(AdaptEks, UnknownEncryptionResourcesAreUnknown) {
  Document doc = test::raw_doc(R"(
Cluster:
  Type: AWS::EKS::Cluster
  Properties:
    EncryptionConfig: [{Provider: {KeyArn: arn:key}, Resources: {"!Unknown": parameter}}]
    Logging: {ClusterLogging: {EnabledTypes: "api"}}
)");
  Diagnostics diags;
  auto out = test::run(model::aws::adapt_eks, doc, diags);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_TRUE(at(out[0].attributes, "secrets_encryption.enabled").is_unknown());
  EXPECT_TRUE(at(out[0].attributes, "logging.enabled_types").is_unknown());
  EXPECT_EQ(diags.size(), 1u);  // EnabledTypes must be a list
}

}  // namespace
}  // namespace cc
