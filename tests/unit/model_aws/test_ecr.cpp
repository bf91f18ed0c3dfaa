#include <gtest/gtest.h>

#include "raw2.h"

namespace cc {
namespace {

using test::at;

TEST(AdaptEcr, ScanningMutabilityEncryptionAndPolicy) {
  Document doc = test::raw_doc(R"(
Repo:
  Type: AWS::ECR::Repository
  Properties:
    RepositoryName: api
    ImageScanningConfiguration: {ScanOnPush: "true"}
    ImageTagMutability: IMMUTABLE
    EncryptionConfiguration: {EncryptionType: KMS, KmsKey: alias/aws/ecr}
    LifecyclePolicy: {LifecyclePolicyText: '{"rules":[]}'}
    RepositoryPolicyText: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"ecr:BatchGetImage"}]}'
)");
  Diagnostics diags;
  auto out = test::run(model::aws::adapt_ecr, doc, diags);
  ASSERT_EQ(out.size(), 1u);
  const Value& a = out[0].attributes;
  EXPECT_EQ(out[0].name, "api");
  EXPECT_EQ(at(a, "scan_on_push"), Value::boolean(true));
  EXPECT_EQ(at(a, "scan_on_push").span().line, 6u);
  EXPECT_EQ(at(a, "image_tag_mutability"), Value::string("IMMUTABLE"));
  EXPECT_EQ(at(a, "encryption.customer_managed_key"), Value::boolean(false));
  EXPECT_EQ(at(a, "lifecycle_policy"), Value::boolean(true));
  EXPECT_EQ(at(a, "policy.statements.0.principals.0"), Value::string("*"));
  // Statements parsed from the JSON string point at the string in the template.
  EXPECT_EQ(at(a, "policy.statements.0.effect").span().line, 10u);
  test::expect_fits_schema(out[0]);
}

TEST(AdaptEcr, DefaultsAreMutableTagsAndNoScanning) {
  Document doc = test::raw_doc(R"(
Repo:
  Type: AWS::ECR::Repository
  Properties:
    RepositoryPolicyText: 'not json'
)");
  Diagnostics diags;
  auto out = test::run(model::aws::adapt_ecr, doc, diags);
  ASSERT_EQ(out.size(), 1u);
  Value a = test::with_defaults(out[0]);
  EXPECT_EQ(at(a, "scan_on_push"), Value::boolean(false));
  EXPECT_EQ(at(a, "image_tag_mutability"), Value::string("MUTABLE"));
  EXPECT_EQ(at(a, "encryption.type"), Value::string("AES256"));
  // A policy that does not parse is unknown, with a diagnostic at the string.
  EXPECT_TRUE(at(a, "policy").is_unknown());
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].span.line, 5u);
}

TEST(AdaptEcr, RegistryScanningRulesCountAsScanOnPush) {
  Document doc = test::raw_doc(R"(
Payments:
  Type: AWS::ECR::Repository
  Properties:
    RepositoryName: payments/api
    ImageScanningConfiguration: {ScanOnPush: false}
Tools:
  Type: AWS::ECR::Repository
  Properties:
    RepositoryName: tools/lint
Registry:
  Type: AWS::ECR::RegistryScanningConfiguration
  Properties:
    ScanType: ENHANCED
    Rules:
      - ScanFrequency: CONTINUOUS_SCAN
        RepositoryFilters:
          - {Filter: "payments/*", FilterType: WILDCARD}
      - ScanFrequency: MANUAL
        RepositoryFilters:
          - {Filter: "*", FilterType: WILDCARD}
)");
  Diagnostics diags;
  auto out = test::run(model::aws::adapt_ecr, doc, diags);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(at(out[0].attributes, "scan_on_push"), Value::boolean(true));
  EXPECT_EQ(at(out[0].attributes, "scan_on_push").span().line, 18u);
  // A manual-only rule scans nothing on push.
  Value tools = test::with_defaults(out[1]);
  EXPECT_EQ(at(tools, "scan_on_push"), Value::boolean(false));
}

}  // namespace
}  // namespace cc
