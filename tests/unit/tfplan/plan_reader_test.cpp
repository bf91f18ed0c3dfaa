// `terraform show -json` plans and state to raw Terraform resources.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "collect/doc/json_reader.h"
#include "collect/tfplan/tfplan.h"

namespace cc::collect {
namespace {

std::string read_file(const std::string& name) {
  std::ifstream in(std::string(CC_TEST_DATA) + "/tfplan/" + name, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Value parse(std::string_view text) {
  Value doc;
  Diagnostics diags;
  EXPECT_TRUE(parse_json(text, 3, Limits{}, doc, diags));
  for (const auto& d : diags) ADD_FAILURE() << d.code << " " << d.message;
  return doc;
}

struct Collected {
  Value doc;
  Document out;
  Diagnostics diags;
};

Collected collect_file(const std::string& name) {
  Collected c;
  c.doc = parse(read_file(name));
  EXPECT_TRUE(looks_like_terraform_plan(c.doc)) << name;
  c.out = collect_terraform_plan(c.doc, 3, c.diags);
  return c;
}

Collected collect_text(std::string_view text) {
  Collected c;
  c.doc = parse(text);
  c.out = collect_terraform_plan(c.doc, 3, c.diags);
  return c;
}

const Resource* find(const Document& doc, std::string_view address) {
  for (const auto& r : doc.resources)
    if (r.address == address) return &r;
  return nullptr;
}

std::vector<std::string> addresses(const Document& doc) {
  std::vector<std::string> out;
  for (const auto& r : doc.resources) out.push_back(r.address);
  return out;
}

TEST(TerraformPlan, RecognisesPlansAndStateOnly) {
  EXPECT_TRUE(
      looks_like_terraform_plan(parse(R"({"format_version": "1.2", "planned_values": {}})")));
  EXPECT_TRUE(looks_like_terraform_plan(parse(R"({"format_version": "1.0", "values": {}})")));
  EXPECT_TRUE(
      looks_like_terraform_plan(parse(R"({"format_version": "1.2", "resource_changes": []})")));
  EXPECT_FALSE(looks_like_terraform_plan(parse(R"({"planned_values": {}})")));
  EXPECT_FALSE(looks_like_terraform_plan(parse(R"({"format_version": "1.0", "outputs": {}})")));
  EXPECT_FALSE(looks_like_terraform_plan(parse(R"({"version": 4, "resources": []})")));
  EXPECT_FALSE(looks_like_terraform_plan(parse(R"(["format_version"])")));
}

TEST(TerraformPlan, ResourcesFromPlannedValues) {
  Collected c = collect_file("plan_s3_kms.json");
  EXPECT_TRUE(c.diags.empty());
  EXPECT_EQ(c.out.format, "terraform");
  EXPECT_EQ(c.out.file, 3u);
  EXPECT_EQ(
      addresses(c.out),
      (std::vector<std::string>{
          "aws_kms_key.logs", "aws_s3_bucket.logs",
          "aws_s3_bucket_server_side_encryption_configuration.logs",
          "aws_s3_bucket_versioning.logs", "aws_db_instance.main", "aws_iam_role_policy.reader",
          "data.aws_iam_policy_document.read_logs", "data.aws_caller_identity.current"}));
  const Resource* key = find(c.out, "aws_kms_key.logs");
  ASSERT_TRUE(key);
  EXPECT_EQ(key->kind, "tf:aws_kms_key");
  EXPECT_EQ(key->provider, "aws");
  EXPECT_EQ(key->name, "aws_kms_key.logs");
  EXPECT_EQ(key->span, (Span{3, 12, 9}));
  EXPECT_GE(key->end_line, 27u);
  const Value* rotation = key->attributes.find("enable_key_rotation");
  ASSERT_TRUE(rotation);
  EXPECT_EQ(*rotation, Value::boolean(true));
  EXPECT_EQ(rotation->span().line, 21u);
  EXPECT_EQ(key->attributes.at_path("tags.env")->as_string(), "prod");
}

TEST(TerraformPlan, DeletedResourcesAreLeftOut) {
  Collected c = collect_file("plan_s3_kms.json");
  EXPECT_FALSE(find(c.out, "aws_s3_bucket.old_logs"));
}

TEST(TerraformPlan, UnknownAfterApplyWithReferences) {
  Collected c = collect_file("plan_s3_kms.json");
  const Resource* bucket = find(c.out, "aws_s3_bucket.logs");
  ASSERT_TRUE(bucket);
  const Value* arn = bucket->attributes.find("arn");
  ASSERT_TRUE(arn && arn->is_unknown());
  EXPECT_EQ(arn->as_unknown().reason, "known after apply");
  EXPECT_EQ(arn->as_unknown().ref, "");  // computed by the provider, no expression
  EXPECT_TRUE(arn->span().known());
  // A map marked {} stays as planned.
  EXPECT_EQ(bucket->attributes.at_path("tags.env")->as_string(), "prod");

  const Resource* versioning = find(c.out, "aws_s3_bucket_versioning.logs");
  ASSERT_TRUE(versioning);
  const Value* ref = versioning->attributes.find("bucket");
  ASSERT_TRUE(ref && ref->is_unknown());
  EXPECT_EQ(ref->as_unknown().ref, "aws_s3_bucket.logs.id");
  // Inside a block: the known status stays, the unknown sibling is added.
  const Value* status = versioning->attributes.at_path("versioning_configuration.0.status");
  ASSERT_TRUE(status);
  EXPECT_EQ(status->as_string(), "Enabled");
  const Value* mfa = versioning->attributes.at_path("versioning_configuration.0.mfa_delete");
  ASSERT_TRUE(mfa && mfa->is_unknown());
}

TEST(TerraformPlan, ReferencesFollowNestedBlocks) {
  Collected c = collect_file("plan_s3_kms.json");
  const Resource* sse = find(c.out, "aws_s3_bucket_server_side_encryption_configuration.logs");
  ASSERT_TRUE(sse);
  const Value* key_id =
      sse->attributes.at_path("rule.0.apply_server_side_encryption_by_default.0.kms_master_key_id");
  ASSERT_TRUE(key_id && key_id->is_unknown());
  EXPECT_EQ(key_id->as_unknown().ref, "aws_kms_key.logs.arn");
  EXPECT_EQ(
      sse->attributes.at_path("rule.0.apply_server_side_encryption_by_default.0.sse_algorithm")
          ->as_string(),
      "aws:kms");
  EXPECT_EQ(sse->attributes.find("bucket")->as_unknown().ref, "aws_s3_bucket.logs.id");
}

TEST(TerraformPlan, DataSourcesAndTheirReferences) {
  Collected c = collect_file("plan_s3_kms.json");
  const Resource* policy = find(c.out, "aws_iam_role_policy.reader");
  ASSERT_TRUE(policy);
  const Value* doc = policy->attributes.find("policy");
  ASSERT_TRUE(doc && doc->is_unknown());
  EXPECT_EQ(doc->as_unknown().ref, "data.aws_iam_policy_document.read_logs.json");

  const Resource* deferred = find(c.out, "data.aws_iam_policy_document.read_logs");
  ASSERT_TRUE(deferred);
  EXPECT_EQ(deferred->kind, "tf:data.aws_iam_policy_document");
  const Value* resources = deferred->attributes.at_path("statement.0.resources");
  ASSERT_TRUE(resources && resources->is_unknown());
  // The expression lists the bucket's ARN first, then the bucket itself.
  EXPECT_EQ(resources->as_unknown().ref, "aws_s3_bucket.logs.arn");
  EXPECT_EQ(deferred->attributes.at_path("statement.0.actions.0")->as_string(), "s3:GetObject");

  // Read while planning: known values from the prior state.
  const Resource* caller = find(c.out, "data.aws_caller_identity.current");
  ASSERT_TRUE(caller);
  EXPECT_EQ(caller->attributes.find("account_id")->as_string(), "111122223333");
}

TEST(TerraformPlan, SensitiveValuesStayWhenGivenElseUnknown) {
  Collected c = collect_file("plan_s3_kms.json");
  const Resource* db = find(c.out, "aws_db_instance.main");
  ASSERT_TRUE(db);
  EXPECT_EQ(db->attributes.find("password")->as_string(), "not-a-real-secret");
  EXPECT_TRUE(db->attributes.find("endpoint")->is_unknown());

  Collected r = collect_text(R"({
    "format_version": "1.2",
    "planned_values": {"root_module": {"resources": [{
      "address": "aws_db_instance.x", "mode": "managed", "type": "aws_db_instance", "name": "x",
      "values": {"engine": "postgres"},
      "sensitive_values": {"password": true, "tags": {"owner": true}}
    }]}},
    "resource_changes": [{"address": "aws_db_instance.x", "change": {
      "actions": ["create"], "after_unknown": {}, "after_sensitive": {"master_password": true}}}]
  })");
  EXPECT_TRUE(r.diags.empty());
  ASSERT_EQ(r.out.resources.size(), 1u);
  const Value& attrs = r.out.resources[0].attributes;
  const Value* password = attrs.find("password");
  ASSERT_TRUE(password && password->is_unknown());
  EXPECT_EQ(password->as_unknown().reason, "sensitive");
  EXPECT_EQ(password->span().line, 6u);
  EXPECT_EQ(attrs.find("master_password")->as_unknown().reason, "sensitive");
  EXPECT_FALSE(attrs.find("tags"));  // no map to put a sensitive member in
}

TEST(TerraformPlan, ModulesCountAndForEach) {
  Collected c = collect_file("plan_modules.json");
  EXPECT_TRUE(c.diags.empty());
  EXPECT_EQ(addresses(c.out),
            (std::vector<std::string>{
                "aws_s3_bucket.archive[\"eu\"]", "aws_s3_bucket.archive[\"us\"]",
                "module.network.aws_vpc.main", "module.network.aws_subnet.private[0]",
                "module.network.aws_subnet.private[1]",
                "module.network.module.flow_logs.aws_kms_key.logs",
                "module.network.module.flow_logs.aws_cloudwatch_log_group.this",
                "module.network.module.flow_logs.aws_flow_log.this",
                "module.sites[\"eu\"].aws_s3_bucket.site",
                "module.sites[\"eu\"].aws_s3_bucket_public_access_block.site"}));
  const Resource* subnet = find(c.out, "module.network.aws_subnet.private[1]");
  ASSERT_TRUE(subnet);
  EXPECT_EQ(subnet->kind, "tf:aws_subnet");
  EXPECT_EQ(subnet->attributes.find("cidr_block")->as_string(), "10.0.2.0/24");
  EXPECT_EQ(subnet->attributes.find("vpc_id")->as_unknown().ref, "module.network.aws_vpc.main.id");

  const Resource* group =
      find(c.out, "module.network.module.flow_logs.aws_cloudwatch_log_group.this");
  ASSERT_TRUE(group);
  EXPECT_EQ(group->attributes.find("kms_key_id")->as_unknown().ref,
            "module.network.module.flow_logs.aws_kms_key.logs.arn");
  EXPECT_EQ(group->attributes.find("retention_in_days")->as_number(), 365);

  // A module input is no resource: the unknown keeps no reference.
  const Resource* flow = find(c.out, "module.network.module.flow_logs.aws_flow_log.this");
  ASSERT_TRUE(flow);
  EXPECT_EQ(flow->attributes.find("vpc_id")->as_unknown().ref, "");
  EXPECT_EQ(flow->attributes.find("log_destination")->as_unknown().ref,
            "module.network.module.flow_logs.aws_cloudwatch_log_group.this.arn");

  const Resource* block =
      find(c.out, "module.sites[\"eu\"].aws_s3_bucket_public_access_block.site");
  ASSERT_TRUE(block);
  EXPECT_EQ(block->attributes.find("bucket")->as_unknown().ref,
            "module.sites[\"eu\"].aws_s3_bucket.site.id");
  EXPECT_EQ(block->attributes.find("block_public_policy")->as_bool(), true);
}

TEST(TerraformPlan, StateDocument) {
  Collected c = collect_file("state.json");
  EXPECT_TRUE(c.diags.empty());
  EXPECT_EQ(addresses(c.out),
            (std::vector<std::string>{"aws_s3_bucket.site", "aws_s3_bucket_versioning.site",
                                      "data.aws_iam_policy_document.public_read",
                                      "aws_db_instance.reports",
                                      "module.cdn[0].aws_cloudfront_distribution.this"}));
  const Resource* db = find(c.out, "aws_db_instance.reports");
  ASSERT_TRUE(db);
  EXPECT_EQ(db->attributes.find("storage_encrypted")->as_bool(), false);
  EXPECT_EQ(db->attributes.find("password")->as_unknown().reason, "sensitive");
  const Resource* cdn = find(c.out, "module.cdn[0].aws_cloudfront_distribution.this");
  ASSERT_TRUE(cdn);
  EXPECT_EQ(cdn->attributes.at_path("viewer_certificate.0.minimum_protocol_version")->as_string(),
            "TLSv1.2_2021");
  for (const auto& r : c.out.resources) {
    bool any_unknown = r.attributes.contains_unknown();
    EXPECT_EQ(any_unknown, r.address == "aws_db_instance.reports") << r.address;
  }
}

TEST(TerraformPlan, ReplacedResourceKeepsThePlanNotThePriorState) {
  Collected c = collect_file("plan_replace.json");
  EXPECT_TRUE(c.diags.empty());
  ASSERT_EQ(c.out.resources.size(), 1u);
  const Resource& web = c.out.resources[0];
  EXPECT_EQ(web.address, "aws_instance.web");
  EXPECT_EQ(web.attributes.find("ami")->as_string(), "ami-0abcdef1234567890");
  EXPECT_TRUE(web.attributes.find("public_ip")->is_unknown());
  EXPECT_TRUE(web.attributes.find("id")->is_unknown());
  EXPECT_EQ(web.attributes.at_path("metadata_options.0.http_tokens")->as_string(), "required");
  EXPECT_TRUE(web.attributes.at_path("metadata_options.0.http_endpoint")->is_unknown());
}

TEST(TerraformPlan, ResourceChangesAloneAndComposedAddresses) {
  Collected c = collect_text(R"({
    "format_version": "1.2",
    "resource_changes": [
      {"address": "module.m.aws_s3_bucket.b[\"a\"]", "module_address": "module.m",
       "mode": "managed", "type": "aws_s3_bucket", "name": "b", "index": "a",
       "change": {"actions": ["update"], "after": {"bucket": "x"}, "after_unknown": {"arn": true}}},
      {"address": "aws_s3_bucket.gone", "mode": "managed", "type": "aws_s3_bucket", "name": "gone",
       "change": {"actions": ["delete"], "after": null}},
      {"address": "aws_s3_bucket.forgotten", "mode": "managed", "type": "aws_s3_bucket",
       "name": "forgotten", "change": {"actions": ["forget"], "after": null}}
    ],
    "prior_state": {"values": {"root_module": {"resources": [
      {"mode": "data", "type": "aws_region", "name": "here", "index": 2,
       "values": {"name": "eu-west-1"}},
      {"mode": "data", "type": "aws_region", "name": "there", "index": "k\"q",
       "values": {"name": "us-east-1"}}
    ], "child_modules": [{"address": "module.m", "resources": [
      {"mode": "data", "type": "aws_partition", "name": "p", "values": {"partition": "aws"}}
    ]}]}}}
  })");
  EXPECT_TRUE(c.diags.empty());
  EXPECT_EQ(addresses(c.out),
            (std::vector<std::string>{"module.m.aws_s3_bucket.b[\"a\"]", "data.aws_region.here[2]",
                                      "data.aws_region.there[\"k\\\"q\"]",
                                      "module.m.data.aws_partition.p"}));
  EXPECT_EQ(c.out.resources[0].attributes.find("bucket")->as_string(), "x");
  EXPECT_TRUE(c.out.resources[0].attributes.find("arn")->is_unknown());
}

TEST(TerraformPlan, ProviderFromTypeOrProviderName) {
  Collected c = collect_text(R"({
    "format_version": "1.2",
    "planned_values": {"root_module": {"resources": [
      {"address": "azurerm_storage_account.sa", "mode": "managed", "type": "azurerm_storage_account",
       "name": "sa", "provider_name": "registry.terraform.io/hashicorp/azurerm", "values": {}},
      {"address": "google_storage_bucket.b", "mode": "managed", "type": "google_storage_bucket",
       "name": "b", "provider_name": "registry.terraform.io/hashicorp/google-beta", "values": {}},
      {"address": "thing.t", "mode": "managed", "type": "thing", "name": "t",
       "provider_name": "registry.example.com/acme/widgets"}
    ]}}
  })");
  ASSERT_EQ(c.out.resources.size(), 3u);
  EXPECT_EQ(c.out.resources[0].provider, "azurerm");
  EXPECT_EQ(c.out.resources[1].provider, "google");
  EXPECT_EQ(c.out.resources[2].provider, "widgets");
  EXPECT_TRUE(c.out.resources[2].attributes.is_map());  // no values: an empty map
}

TEST(TerraformPlan, MalformedEntriesAreReportedAndSkipped) {
  Collected c = collect_text(R"({
    "format_version": "1.2",
    "planned_values": {"root_module": {
      "resources": [
        7,
        {"address": "x.y", "mode": "managed", "name": "y"},
        {"address": "aws_vpc.v", "mode": "managed", "type": "aws_vpc", "name": "v",
         "values": {"cidr_block": "10.0.0.0/16"}}
      ],
      "child_modules": [{"resources": []}, "module"]
    }},
    "resource_changes": {"not": "a list"}
  })");
  EXPECT_EQ(addresses(c.out), (std::vector<std::string>{"aws_vpc.v"}));
  ASSERT_EQ(c.diags.size(), 5u);
  for (const auto& d : c.diags) {
    EXPECT_EQ(d.code, "tfplan.format");
    EXPECT_EQ(d.span.file, 3u);
    EXPECT_TRUE(d.span.known());
  }
  EXPECT_EQ(c.diags[0].span.line, 12u);  // resource_changes, checked first
  EXPECT_EQ(c.diags[1].span.line, 5u);
}

TEST(TerraformPlan, NotAnObject) {
  Diagnostics diags;
  Document out = collect_terraform_plan(Value::string("plan", Span{3, 1, 1}), 3, diags);
  EXPECT_TRUE(out.resources.empty());
  EXPECT_EQ(out.format, "terraform");
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].code, "tfplan.format");
}

TEST(TerraformPlan, UnknownMarkersOfTheWrongShapeAreIgnored) {
  Collected c = collect_text(R"({
    "format_version": "1.2",
    "planned_values": {"root_module": {"resources": [
      {"address": "aws_vpc.v", "mode": "managed", "type": "aws_vpc", "name": "v",
       "values": {"tags": {"a": "b"}, "cidrs": ["10.0.0.0/16"]}}
    ]}},
    "resource_changes": [{"address": "aws_vpc.v", "change": {"actions": ["create"],
      "after_unknown": {"tags": [true], "cidrs": {"x": true}, "extra": [true],
                        "list": false, "ids": [false, true]}}}]
  })");
  EXPECT_TRUE(c.diags.empty());
  ASSERT_EQ(c.out.resources.size(), 1u);
  const Value& attrs = c.out.resources[0].attributes;
  EXPECT_EQ(attrs.at_path("tags.a")->as_string(), "b");
  EXPECT_EQ(attrs.at_path("cidrs.0")->as_string(), "10.0.0.0/16");
  EXPECT_FALSE(attrs.find("extra"));
  EXPECT_FALSE(attrs.find("list"));
}

}  // namespace
}  // namespace cc::collect
