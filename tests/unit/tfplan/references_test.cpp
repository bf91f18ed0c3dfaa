// Which configuration references name a resource attribute, and module paths without
// instance keys.
#include <gtest/gtest.h>

#include <string>

#include "collect/doc/json_reader.h"
#include "collect/tfplan/configuration_index.h"
#include "collect/tfplan/plan_marks.h"

namespace cc::collect::tfplan {
namespace {

std::string first_resource_ref(std::string_view refs_json, std::string_view prefix = "") {
  Value expr;
  Diagnostics diags;
  const std::string text = "{\"references\": " + std::string(refs_json) + "}";
  EXPECT_TRUE(parse_json(text, 1, Limits{}, expr, diags));
  return resource_reference(expr, prefix);
}

TEST(PlanReferences, FirstResourceAttributeWins) {
  EXPECT_EQ(first_resource_ref(R"(["var.env", "aws_kms_key.k.arn", "aws_kms_key.k"])"),
            "aws_kms_key.k.arn");
  EXPECT_EQ(first_resource_ref(R"(["aws_kms_key.k", "aws_kms_key.k.arn"])"), "aws_kms_key.k.arn");
  EXPECT_EQ(first_resource_ref(R"(["data.aws_iam_policy_document.p.json"])"),
            "data.aws_iam_policy_document.p.json");
  EXPECT_EQ(first_resource_ref(R"(["aws_s3_bucket.b[\"a.b\"].arn"])", "module.m."),
            "module.m.aws_s3_bucket.b[\"a.b\"].arn");
  EXPECT_EQ(first_resource_ref(R"(["aws_subnet.s[0].id"])"), "aws_subnet.s[0].id");
}

TEST(PlanReferences, NonResourceReferencesAreSkipped) {
  EXPECT_EQ(first_resource_ref(R"(["var.a.b", "local.x.y", "module.net.vpc_id", "each.value.id",
                                   "count.index", "path.module", "self.private_ip",
                                   "terraform.workspace"])"),
            "");
  EXPECT_EQ(first_resource_ref(R"(["aws_s3_bucket.b[0]", "aws_s3_bucket.b", "data.x.y"])"), "");
  EXPECT_EQ(first_resource_ref(R"([42, null, "aws_s3_bucket.b.[0]"])"), "");
  EXPECT_EQ(first_resource_ref(R"("not a list")"), "");
}

TEST(PlanReferences, InstanceKeysAreStrippedFromModulePaths) {
  EXPECT_EQ(strip_instance_keys("module.net[0].module.db[\"eu\"]"), "module.net.module.db");
  EXPECT_EQ(strip_instance_keys("module.a[\"x]y\"].module.b"), "module.a.module.b");
  EXPECT_EQ(strip_instance_keys("module.a[\"q\\\"]\"]"), "module.a");
  EXPECT_EQ(strip_instance_keys(""), "");
}

TEST(PlanReferences, ConfigurationIndexFindsModuleResources) {
  Value config;
  Diagnostics diags;
  ASSERT_TRUE(parse_json(R"({"root_module": {
      "resources": [{"mode": "data", "type": "aws_region", "name": "r", "expressions": {}}],
      "module_calls": {"net": {"module": {
        "resources": [{"mode": "managed", "type": "aws_vpc", "name": "v",
                       "expressions": {"cidr_block": {"constant_value": "10.0.0.0/16"}}}],
        "module_calls": {"bad": {"module": 5}}}}}}})",
                         1, Limits{}, config, diags));
  ConfigurationIndex index(&config);
  EXPECT_TRUE(index.expressions("", true, "aws_region", "r"));
  EXPECT_FALSE(index.expressions("", false, "aws_region", "r"));
  const Value* vpc = index.expressions("module.net[3]", false, "aws_vpc", "v");
  ASSERT_TRUE(vpc);
  EXPECT_TRUE(vpc->find("cidr_block"));
  EXPECT_FALSE(index.expressions("module.other", false, "aws_vpc", "v"));
  ConfigurationIndex none(nullptr);
  EXPECT_FALSE(none.expressions("", true, "aws_region", "r"));
}

}  // namespace
}  // namespace cc::collect::tfplan
