// Resources, positions, conditions and SAM on whole templates, in JSON and YAML.
#include "cfn_test_support.h"

namespace cc::collect::testing {
namespace {

TEST(CfnCollector, RecognisesTemplates) {
  Diagnostics diags;
  Value doc;
  ASSERT_TRUE(parse_json(R"({"AWSTemplateFormatVersion": "2010-09-09"})", 1, {}, doc, diags));
  EXPECT_TRUE(looks_like_cloudformation(doc));
  ASSERT_TRUE(parse_json(R"({"Resources": {"A": {"Type": "Custom::Mine"}}})", 1, {}, doc, diags));
  EXPECT_TRUE(looks_like_cloudformation(doc));
  ASSERT_TRUE(
      parse_json(R"({"Resources": {"A": {"Type": "Alexa::ASK::Skill"}}})", 1, {}, doc, diags));
  EXPECT_TRUE(looks_like_cloudformation(doc));
  ASSERT_TRUE(parse_json(R"({"Resources": {"A": {"Type": "aws_s3_bucket"}}})", 1, {}, doc, diags));
  EXPECT_FALSE(looks_like_cloudformation(doc));
  ASSERT_TRUE(parse_json(R"({"apiVersion": "v1", "kind": "Pod"})", 1, {}, doc, diags));
  EXPECT_FALSE(looks_like_cloudformation(doc));
  ASSERT_TRUE(parse_json(R"(["AWSTemplateFormatVersion"])", 1, {}, doc, diags));
  EXPECT_FALSE(looks_like_cloudformation(doc));
}

TEST(CfnCollector, EmitsOneRawResourcePerEntry) {
  Diagnostics diags;
  Document doc = collect_yaml(read_data("web_stack.yaml"), diags);
  EXPECT_TRUE(diags.empty()) << diags[0].message;
  EXPECT_EQ(doc.format, "cloudformation");
  EXPECT_EQ(doc.file, kFile);
  // DevOnlyQueue is dropped (IsDev is false); Encrypted is kept (HasKey is unknown).
  ASSERT_EQ(doc.resources.size(), 4u);
  const Resource& logs = doc.resources[0];
  EXPECT_EQ(logs.kind, "cfn:AWS::S3::Bucket");
  EXPECT_EQ(logs.address, "Logs");
  EXPECT_EQ(logs.name, "Logs");
  EXPECT_EQ(logs.provider, "aws");
  EXPECT_EQ(logs.format, "cloudformation");
  EXPECT_EQ(logs.span, (Span{kFile, 25, 3}));
  EXPECT_EQ(logs.end_line, 47u);
  EXPECT_EQ(logs.attributes.find("Type")->as_string(), "AWS::S3::Bucket");
  EXPECT_EQ(logs.attributes.find("DeletionPolicy")->as_string(), "Retain");
  EXPECT_EQ(logs.attributes.find("UpdateReplacePolicy")->as_string(), "Retain");
  EXPECT_EQ(doc.resources[1].address, "LogsPolicy");
  EXPECT_EQ(doc.resources[2].address, "Listener");
  EXPECT_EQ(doc.resources[3].kind, "cfn:Custom::Thing");
  EXPECT_EQ(find_resource(doc, "DevOnlyQueue"), nullptr);
  EXPECT_EQ(find_resource(doc, "BucketArn"), nullptr);  // Outputs are not resources
}

TEST(CfnCollector, EvaluatesYamlShortForms) {
  Diagnostics diags;
  Document doc = collect_yaml(read_data("web_stack.yaml"), diags);
  const Value* name = prop(doc, "Logs", "BucketName");
  ASSERT_TRUE(name->is_unknown());  // AWS::StackName
  EXPECT_EQ(name->span(), (Span{kFile, 30, 19}));
  EXPECT_EQ(prop(doc, "Logs", "LifecycleConfiguration.Rules.0.ExpirationInDays")->as_number(),
            365.0);
  const Value* sse =
      prop(doc, "Logs",
           "BucketEncryption.ServerSideEncryptionConfiguration.0.ServerSideEncryptionByDefault");
  ASSERT_NE(sse, nullptr);
  EXPECT_TRUE(sse->find("SSEAlgorithm")->is_unknown());
  EXPECT_TRUE(sse->find("KMSMasterKeyID")->is_unknown());
  ASSERT_EQ(prop(doc, "Logs", "Tags")->as_list().size(), 1u);  // the IsDev tag is removed
  EXPECT_EQ(prop(doc, "Logs", "Tags.0.Value")->as_string(), "prod");

  EXPECT_EQ(prop(doc, "LogsPolicy", "Bucket")->as_unknown().ref, "Logs");
  const Value* resources = prop(doc, "LogsPolicy", "PolicyDocument.Statement.0.Resource");
  EXPECT_EQ(resources->as_list()[0].as_unknown().ref, "Logs.Arn");
  EXPECT_EQ(resources->as_list()[1].as_unknown().ref, "Logs.Arn");
  EXPECT_FALSE(prop(doc, "LogsPolicy", "PolicyDocument.Statement.0.Condition.Bool")
                   ->find("aws:SecureTransport")
                   ->as_bool());

  EXPECT_EQ(prop(doc, "Listener", "Port")->as_number(), 443.0);
  EXPECT_EQ(prop(doc, "Listener", "UserData")->as_string(), "IyEvYmluL3NoCmVjaG8gcmVhZHkK");
  EXPECT_EQ(prop(doc, "Listener", "Subnets.1")->as_string(), "10.0.1.0/24");
  EXPECT_TRUE(prop(doc, "Listener", "Zones")->is_unknown());
  EXPECT_TRUE(prop(doc, "Listener", "Shared")->is_unknown());
  EXPECT_EQ(prop(doc, "Listener", "Parts.1")->as_string(), "b");
  EXPECT_EQ(prop(doc, "Listener", "Count")->as_number(), 3.0);
  EXPECT_EQ(prop(doc, "Listener", "Doc")->as_string(), R"({"a":1})");
  EXPECT_EQ(prop(doc, "Encrypted", "ServiceToken")->as_unknown().ref, "Logs.Arn");
}

// The same template written in JSON long forms and in YAML short forms means the same.
TEST(CfnCollector, JsonAndYamlFormsAgree) {
  Diagnostics jd, yd;
  Document from_json = collect_json(read_data("web_stack.json"), jd);
  Document from_yaml = collect_yaml(read_data("web_stack.yaml"), yd);
  EXPECT_TRUE(jd.empty());
  EXPECT_TRUE(yd.empty());
  ASSERT_EQ(from_json.resources.size(), from_yaml.resources.size());
  for (size_t i = 0; i < from_json.resources.size(); ++i) {
    const Resource& a = from_json.resources[i];
    const Resource& b = from_yaml.resources[i];
    EXPECT_EQ(a.address, b.address);
    EXPECT_EQ(a.kind, b.kind);
    // Unknown values never compare equal, so compare the known parts through JSON text.
    const Value* pa = a.attributes.find("Properties");
    const Value* pb = b.attributes.find("Properties");
    ASSERT_EQ(pa == nullptr, pb == nullptr);
    if (!pa) continue;
    ASSERT_EQ(pa->as_map().size(), pb->as_map().size()) << a.address;
    for (size_t m = 0; m < pa->as_map().size(); ++m) {
      const Member& ma = pa->as_map()[m];
      const Member& mb = pb->as_map()[m];
      EXPECT_EQ(ma.key, mb.key);
      EXPECT_EQ(ma.value.contains_unknown(), mb.value.contains_unknown()) << ma.key;
      if (!ma.value.contains_unknown()) {
        EXPECT_TRUE(ma.value == mb.value) << a.address << "." << ma.key;
      }
    }
  }
}

TEST(CfnCollector, ParameterOverrideFlipsConditions) {
  CfnOptions options;
  options.parameter_overrides = {{"Env", "dev"}, {"KeyArn", ""}};
  Diagnostics diags;
  Document doc = collect_yaml(read_data("web_stack.yaml"), diags, options);
  EXPECT_NE(find_resource(doc, "DevOnlyQueue"), nullptr);
  EXPECT_EQ(find_resource(doc, "Encrypted"), nullptr);  // not prod, and no key
  EXPECT_EQ(prop(doc, "Logs", "LifecycleConfiguration.Rules.0.ExpirationInDays")->as_number(), 7.0);
  const Value* sse =
      prop(doc, "Logs",
           "BucketEncryption.ServerSideEncryptionConfiguration.0.ServerSideEncryptionByDefault");
  EXPECT_EQ(sse->find("SSEAlgorithm")->as_string(), "AES256");
  EXPECT_EQ(sse->find("KMSMasterKeyID"), nullptr);
  ASSERT_EQ(prop(doc, "Logs", "Tags")->as_list().size(), 2u);
  EXPECT_EQ(prop(doc, "Logs", "Tags.1.Key")->as_string(), "temporary");
}

TEST(CfnCollector, KeyOverrideMakesEncryptionKnown) {
  CfnOptions options;
  options.parameter_overrides = {{"KeyArn", "arn:aws:kms:eu-west-1:111122223333:key/abc"}};
  Diagnostics diags;
  Document doc = collect_json(read_data("web_stack.json"), diags, options);
  const Value* sse =
      prop(doc, "Logs",
           "BucketEncryption.ServerSideEncryptionConfiguration.0.ServerSideEncryptionByDefault");
  EXPECT_EQ(sse->find("SSEAlgorithm")->as_string(), "aws:kms");
  EXPECT_EQ(sse->find("KMSMasterKeyID")->as_string(), "arn:aws:kms:eu-west-1:111122223333:key/abc");
  EXPECT_NE(find_resource(doc, "Encrypted"), nullptr);
}

TEST(CfnCollector, JsonResourcePositions) {
  Diagnostics diags;
  Document doc = collect_json(read_data("web_stack.json"), diags);
  const Resource* logs = find_resource(doc, "Logs");
  ASSERT_NE(logs, nullptr);
  EXPECT_EQ(logs->span, (Span{kFile, 71, 5}));
  EXPECT_GT(logs->end_line, logs->span.line + 10);
  const Resource* policy = find_resource(doc, "LogsPolicy");
  EXPECT_GT(policy->span.line, logs->end_line);
}

TEST(CfnCollector, SamResourcesStayRaw) {
  Diagnostics diags;
  Document doc = collect_yaml(read_data("sam_function.yaml"), diags);
  EXPECT_TRUE(diags.empty());
  ASSERT_EQ(doc.resources.size(), 3u);
  EXPECT_EQ(doc.resources[0].kind, "cfn:AWS::Serverless::Api");
  EXPECT_EQ(doc.resources[1].kind, "cfn:AWS::Serverless::Function");
  EXPECT_EQ(doc.resources[2].kind, "cfn:AWS::S3::Bucket");
  EXPECT_EQ(prop(doc, "Handler", "Policies.0.S3ReadPolicy.BucketName")->as_unknown().ref, "Data");
  EXPECT_EQ(prop(doc, "Handler", "Events.Get.Properties.RestApiId")->as_unknown().ref, "Api");
  EXPECT_EQ(find_resource(doc, "Function"), nullptr);  // Globals are not resources
}

TEST(CfnCollector, ResourceWithUnknownConditionIsKept) {
  const char* text = R"({
    "Parameters": {"Flag": {"Type": "String"}},
    "Conditions": {"On": {"Fn::Equals": [{"Ref": "Flag"}, "on"]}},
    "Resources": {
      "A": {"Type": "AWS::SNS::Topic", "Condition": "On"},
      "B": {"Type": "AWS::SNS::Topic", "Condition": "Missing"}
    }})";
  Diagnostics diags;
  Document doc = collect_json(text, diags);
  ASSERT_EQ(doc.resources.size(), 2u);
  const Diagnostic* d = diag(diags, "cfn.condition");
  ASSERT_NE(d, nullptr);
  EXPECT_NE(d->message.find("Missing"), std::string::npos);
  EXPECT_EQ(d->span, (Span{kFile, 6, 53}));
}

TEST(CfnCollector, MalformedResourcesAreSkippedWithDiagnostics) {
  const char* text = R"({
    "Resources": {
      "NoType": {"Properties": {}},
      "NotAMap": "oops",
      "Good": {"Type": "AWS::SQS::Queue"}
    }})";
  Diagnostics diags;
  Document doc = collect_json(text, diags);
  ASSERT_EQ(doc.resources.size(), 1u);
  EXPECT_EQ(doc.resources[0].address, "Good");
  int errors = 0;
  for (const auto& d : diags) errors += d.code == "cfn.resource";
  EXPECT_EQ(errors, 2);
  EXPECT_EQ(diags[0].span, (Span{kFile, 3, 7}));
}

TEST(CfnCollector, TemplateWithoutResourcesIsADiagnostic) {
  Diagnostics diags;
  Document doc = collect_json(R"({"AWSTemplateFormatVersion": "2010-09-09"})", diags);
  EXPECT_TRUE(doc.resources.empty());
  EXPECT_TRUE(has_diag(diags, "cfn.template"));
  Diagnostics more;
  Value list = Value::list({});
  collect_cloudformation(list, kFile, {}, more);
  EXPECT_TRUE(has_diag(more, "cfn.template"));
}

TEST(CfnCollector, ResourceAttributesWithoutPropertiesAreKept) {
  Diagnostics diags;
  Document doc = collect_json(
      R"({"Resources": {"Q": {"Type": "AWS::SQS::Queue", "DependsOn": ["X"], "Metadata": {"k": {"Ref": "AWS::NoValue"}}}}})",
      diags);
  ASSERT_EQ(doc.resources.size(), 1u);
  const Value& attrs = doc.resources[0].attributes;
  EXPECT_EQ(attrs.find("DependsOn")->as_list()[0].as_string(), "X");
  ASSERT_NE(attrs.find("Metadata"), nullptr);
  EXPECT_TRUE(attrs.find("Metadata")->as_map().empty());
  EXPECT_EQ(attrs.find("Properties"), nullptr);
}

TEST(CfnCollector, ForEachIsReportedNotExpanded) {
  Diagnostics diags;
  Document doc = collect_json(
      R"({"Transform": "AWS::LanguageExtensions", "Resources": {
        "Fn::ForEach::Topics": ["Name", ["a", "b"], {"Topic${Name}": {"Type": "AWS::SNS::Topic"}}],
        "Plain": {"Type": "AWS::SNS::Topic"}}})",
      diags);
  ASSERT_EQ(doc.resources.size(), 1u);
  EXPECT_TRUE(has_diag(diags, "cfn.unsupported"));
}

}  // namespace
}  // namespace cc::collect::testing
