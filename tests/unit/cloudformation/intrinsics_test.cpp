// Every intrinsic function in its long (JSON) form.
#include "cfn_test_support.h"

namespace cc::collect::testing {
namespace {

// A template with parameters, mappings and two resources; `properties` is the JSON of
// the Properties map of resource "R".
Document eval_props(const std::string& properties, Diagnostics& diags,
                    const CfnOptions& options = {}) {
  std::string text = R"({
  "AWSTemplateFormatVersion": "2010-09-09",
  "Parameters": {
    "Env": {"Type": "String", "Default": "prod"},
    "Size": {"Type": "Number", "Default": "3"},
    "Zones": {"Type": "CommaDelimitedList", "Default": "a, b,c"},
    "Secret": {"Type": "String"}
  },
  "Mappings": {
    "Regions": {"prod": {"Cidr": "10.0.0.0/16", "Tiers": ["web", "db"]},
                "dev": {"Cidr": "10.1.0.0/16"}}
  },
  "Resources": {
    "Bucket": {"Type": "AWS::S3::Bucket"},
    "R": {"Type": "AWS::Test::Thing", "Properties": )" +
                     properties + R"(}
  }
})";
  return collect_json(text, diags, options);
}

Value eval_one(const std::string& expr, Diagnostics& diags, const CfnOptions& options = {}) {
  Document doc = eval_props("{\"V\": " + expr + "}", diags, options);
  const Value* v = prop(doc, "R", "V");
  return v ? *v : Value::string("<absent>");
}

Value eval_one(const std::string& expr) {
  Diagnostics diags;
  Value v = eval_one(expr, diags);
  EXPECT_TRUE(diags.empty()) << expr << ": " << diags[0].message;
  return v;
}

TEST(CfnIntrinsics, RefToParameterUsesDefault) {
  Value v = eval_one(R"({"Ref": "Env"})");
  ASSERT_TRUE(v.is_string());
  EXPECT_EQ(v.as_string(), "prod");
  EXPECT_EQ(v.span().line, 15u);  // the place that refers to it
}

TEST(CfnIntrinsics, NumberParameterIsANumber) {
  Value v = eval_one(R"({"Ref": "Size"})");
  ASSERT_TRUE(v.is_number());
  EXPECT_EQ(v.as_number(), 3.0);
}

TEST(CfnIntrinsics, ListParameterIsAListOfTrimmedStrings) {
  Value v = eval_one(R"({"Ref": "Zones"})");
  ASSERT_TRUE(v.is_list());
  ASSERT_EQ(v.as_list().size(), 3u);
  EXPECT_EQ(v.as_list()[1].as_string(), "b");
}

TEST(CfnIntrinsics, ParameterWithoutDefaultIsUnknown) {
  Value v = eval_one(R"({"Ref": "Secret"})");
  ASSERT_TRUE(v.is_unknown());
  EXPECT_EQ(v.as_unknown().reason, "parameter Secret has no default");
  EXPECT_TRUE(v.as_unknown().ref.empty());
}

TEST(CfnIntrinsics, OverridesWinOverDefaults) {
  CfnOptions options;
  options.parameter_overrides = {{"Env", "dev"}, {"Secret", "s3cr3t"}, {"Size", "7"}};
  Diagnostics diags;
  Document doc = eval_props(
      R"({"A": {"Ref": "Env"}, "B": {"Ref": "Secret"}, "C": {"Ref": "Size"}})", diags, options);
  EXPECT_EQ(prop(doc, "R", "A")->as_string(), "dev");
  EXPECT_EQ(prop(doc, "R", "B")->as_string(), "s3cr3t");
  EXPECT_EQ(prop(doc, "R", "C")->as_number(), 7.0);
}

TEST(CfnIntrinsics, BadNumberOverrideIsUnknownWithWarning) {
  CfnOptions options;
  options.parameter_overrides = {{"Size", "seven"}};
  Diagnostics diags;
  Value v = eval_one(R"({"Ref": "Size"})", diags, options);
  EXPECT_TRUE(v.is_unknown());
  EXPECT_TRUE(has_diag(diags, "cfn.parameter"));
}

TEST(CfnIntrinsics, RefToResourceIsUnknownPhysicalId) {
  Value v = eval_one(R"({"Ref": "Bucket"})");
  ASSERT_TRUE(v.is_unknown());
  EXPECT_EQ(v.as_unknown().reason, "physical id of Bucket");
  EXPECT_EQ(v.as_unknown().ref, "Bucket");
  EXPECT_EQ(v.span().line, 15u);
}

TEST(CfnIntrinsics, PseudoParametersAreUnknown) {
  for (const char* name : {"AWS::Region", "AWS::AccountId", "AWS::StackName", "AWS::StackId",
                           "AWS::NotificationARNs", "AWS::Partition", "AWS::URLSuffix"}) {
    Value v = eval_one(std::string(R"({"Ref": ")") + name + "\"}");
    ASSERT_TRUE(v.is_unknown()) << name;
    EXPECT_NE(v.as_unknown().reason.find(name), std::string::npos);
  }
}

TEST(CfnIntrinsics, NoValueRemovesPropertyAndListElement) {
  Diagnostics diags;
  Document doc = eval_props(
      R"({"Gone": {"Ref": "AWS::NoValue"}, "L": ["a", {"Ref": "AWS::NoValue"}, "b"]})", diags);
  EXPECT_TRUE(diags.empty());
  const Value* props = find_resource(doc, "R")->attributes.find("Properties");
  EXPECT_EQ(props->find("Gone"), nullptr);
  ASSERT_EQ(prop(doc, "R", "L")->as_list().size(), 2u);
  EXPECT_EQ(prop(doc, "R", "L")->as_list()[1].as_string(), "b");
}

TEST(CfnIntrinsics, RefToUndefinedNameWarns) {
  Diagnostics diags;
  Value v = eval_one(R"({"Ref": "Nope"})", diags);
  EXPECT_TRUE(v.is_unknown());
  ASSERT_TRUE(has_diag(diags, "cfn.ref"));
  EXPECT_EQ(diag(diags, "cfn.ref")->span.line, 15u);
}

TEST(CfnIntrinsics, GetAttIsUnknownWithAttributeRef) {
  Value v = eval_one(R"({"Fn::GetAtt": ["Bucket", "Arn"]})");
  ASSERT_TRUE(v.is_unknown());
  EXPECT_EQ(v.as_unknown().ref, "Bucket.Arn");
  Value dotted = eval_one(R"({"Fn::GetAtt": "Bucket.DomainName"})");
  EXPECT_EQ(dotted.as_unknown().ref, "Bucket.DomainName");
  Value nested = eval_one(R"({"Fn::GetAtt": ["Bucket", "Endpoint.Address"]})");
  EXPECT_EQ(nested.as_unknown().ref, "Bucket.Endpoint.Address");
}

TEST(CfnIntrinsics, GetAttOfUnknownResourceWarns) {
  Diagnostics diags;
  Value v = eval_one(R"({"Fn::GetAtt": ["Ghost", "Arn"]})", diags);
  EXPECT_TRUE(v.is_unknown());
  EXPECT_TRUE(has_diag(diags, "cfn.ref"));
}

TEST(CfnIntrinsics, SubFillsParametersAndLiterals) {
  Value v = eval_one(R"({"Fn::Sub": "app-${Env}-${Size}-${!Literal}-${ Env }"})");
  ASSERT_TRUE(v.is_string());
  EXPECT_EQ(v.as_string(), "app-prod-3-${Literal}-prod");
}

TEST(CfnIntrinsics, SubUsesVariableMapFirst) {
  Value v = eval_one(
      R"({"Fn::Sub": ["${Env}/${Name}", {"Env": "override", "Name": {"Fn::Join": ["-", ["x", "y"]]}}]})");
  EXPECT_EQ(v.as_string(), "override/x-y");
}

TEST(CfnIntrinsics, SubWithUnknownPartsPrefersAResourceRef) {
  Value v = eval_one(R"({"Fn::Sub": "arn:${AWS::Partition}:s3:::${Bucket}/${Bucket.Arn}"})");
  ASSERT_TRUE(v.is_unknown());
  // AWS::Partition comes first but names nothing; the first resource is kept for joins.
  EXPECT_EQ(v.as_unknown().ref, "Bucket");
  EXPECT_EQ(v.as_unknown().shape, "arn:${AWS::Partition}:s3:::${Bucket}/${Bucket.Arn}");
  Value r = eval_one(R"({"Fn::Sub": "${Bucket.Arn}/*"})");
  EXPECT_EQ(r.as_unknown().ref, "Bucket.Arn");
  Value p = eval_one(R"({"Fn::Sub": "${Bucket}-${AWS::Region}"})");
  EXPECT_EQ(p.as_unknown().ref, "Bucket");
}

TEST(CfnIntrinsics, SubUnclosedVariableIsMalformed) {
  Diagnostics diags;
  Value v = eval_one(R"({"Fn::Sub": "abc-${Env"})", diags);
  EXPECT_TRUE(v.is_unknown());
  ASSERT_TRUE(has_diag(diags, "cfn.intrinsic"));
  EXPECT_EQ(diag(diags, "cfn.intrinsic")->span, (Span{kFile, 15, 59}));
}

TEST(CfnIntrinsics, JoinSelectSplit) {
  EXPECT_EQ(eval_one(R"({"Fn::Join": [":", ["a", {"Ref": "Env"}, 5]]})").as_string(), "a:prod:5");
  EXPECT_EQ(eval_one(R"({"Fn::Join": ["", []]})").as_string(), "");
  EXPECT_EQ(eval_one(R"({"Fn::Select": ["1", {"Ref": "Zones"}]})").as_string(), "b");
  EXPECT_EQ(eval_one(R"({"Fn::Select": [0, ["x", "y"]]})").as_string(), "x");
  Value split = eval_one(R"({"Fn::Split": ["|", "a|b||c"]})");
  ASSERT_EQ(split.as_list().size(), 4u);
  EXPECT_EQ(split.as_list()[2].as_string(), "");
  EXPECT_EQ(eval_one(R"({"Fn::Select": [2, {"Fn::Split": [",", "x,y,z"]}]})").as_string(), "z");
}

TEST(CfnIntrinsics, JoinWithUnknownIsUnknownKeepingRef) {
  Value v = eval_one(R"({"Fn::Join": ["", ["arn:aws:s3:::", {"Ref": "Bucket"}, "/*"]]})");
  ASSERT_TRUE(v.is_unknown());
  EXPECT_EQ(v.as_unknown().ref, "Bucket");
}

TEST(CfnIntrinsics, SelectOfKnownElementInPartlyUnknownList) {
  Value v = eval_one(R"({"Fn::Select": [0, ["known", {"Ref": "Bucket"}]]})");
  EXPECT_EQ(v.as_string(), "known");
  EXPECT_TRUE(eval_one(R"({"Fn::Select": [1, ["known", {"Ref": "Bucket"}]]})").is_unknown());
}

TEST(CfnIntrinsics, SelectOutOfRangeIsMalformed) {
  Diagnostics diags;
  EXPECT_TRUE(eval_one(R"({"Fn::Select": [5, ["a"]]})", diags).is_unknown());
  ASSERT_TRUE(has_diag(diags, "cfn.intrinsic"));
  EXPECT_NE(diag(diags, "cfn.intrinsic")->message.find("outside"), std::string::npos);
}

TEST(CfnIntrinsics, FindInMapWithParameterKey) {
  EXPECT_EQ(eval_one(R"({"Fn::FindInMap": ["Regions", {"Ref": "Env"}, "Cidr"]})").as_string(),
            "10.0.0.0/16");
  Value tiers = eval_one(R"({"Fn::FindInMap": ["Regions", "prod", "Tiers"]})");
  ASSERT_TRUE(tiers.is_list());
  EXPECT_EQ(tiers.as_list()[1].as_string(), "db");
}

TEST(CfnIntrinsics, FindInMapMissingKeyIsAnError) {
  Diagnostics diags;
  EXPECT_TRUE(eval_one(R"({"Fn::FindInMap": ["Regions", "qa", "Cidr"]})", diags).is_unknown());
  EXPECT_TRUE(has_diag(diags, "cfn.mapping"));
}

TEST(CfnIntrinsics, FindInMapDefaultValue) {
  Value v = eval_one(R"({"Fn::FindInMap": ["Regions", "qa", "Cidr", {"DefaultValue": "none"}]})");
  EXPECT_EQ(v.as_string(), "none");
}

TEST(CfnIntrinsics, FindInMapWithUnknownKeyIsUnknown) {
  Value v = eval_one(R"({"Fn::FindInMap": ["Regions", {"Ref": "AWS::Region"}, "Cidr"]})");
  EXPECT_TRUE(v.is_unknown());
}

TEST(CfnIntrinsics, Base64) {
  EXPECT_EQ(eval_one(R"({"Fn::Base64": "hello"})").as_string(), "aGVsbG8=");
  EXPECT_EQ(eval_one(R"({"Fn::Base64": {"Fn::Sub": "#!/bin/sh ${Env}"}})").as_string(),
            "IyEvYmluL3NoIHByb2Q=");
  EXPECT_TRUE(eval_one(R"({"Fn::Base64": {"Ref": "Secret"}})").is_unknown());
}

TEST(CfnIntrinsics, CidrIPv4AndIPv6) {
  Value v = eval_one(R"({"Fn::Cidr": ["10.0.0.0/16", 3, 8]})");
  ASSERT_TRUE(v.is_list());
  ASSERT_EQ(v.as_list().size(), 3u);
  EXPECT_EQ(v.as_list()[0].as_string(), "10.0.0.0/24");
  EXPECT_EQ(v.as_list()[2].as_string(), "10.0.2.0/24");
  Value odd = eval_one(R"({"Fn::Cidr": ["192.168.0.0/24", "2", "5"]})");
  EXPECT_EQ(odd.as_list()[1].as_string(), "192.168.0.32/27");
  Value v6 = eval_one(R"({"Fn::Cidr": ["2001:db8::/56", 2, 64]})");
  EXPECT_EQ(v6.as_list()[1].as_string(), "2001:db8:0:1::/64");
}

TEST(CfnIntrinsics, CidrThatDoesNotFitIsMalformed) {
  Diagnostics diags;
  EXPECT_TRUE(eval_one(R"({"Fn::Cidr": ["10.0.0.0/24", 4, 7]})", diags).is_unknown());
  EXPECT_TRUE(has_diag(diags, "cfn.intrinsic"));
  Diagnostics bad;
  EXPECT_TRUE(eval_one(R"({"Fn::Cidr": ["not-an-ip/8", 1, 4]})", bad).is_unknown());
  EXPECT_TRUE(has_diag(bad, "cfn.intrinsic"));
}

TEST(CfnIntrinsics, GetAZsAndImportValueAreUnknown) {
  EXPECT_TRUE(eval_one(R"({"Fn::GetAZs": ""})").is_unknown());
  EXPECT_TRUE(
      eval_one(R"({"Fn::Select": [0, {"Fn::GetAZs": {"Ref": "AWS::Region"}}]})").is_unknown());
  Value imported = eval_one(R"({"Fn::ImportValue": {"Fn::Sub": "${Env}-VpcId"}})");
  ASSERT_TRUE(imported.is_unknown());
  EXPECT_NE(imported.as_unknown().reason.find("prod-VpcId"), std::string::npos);
}

TEST(CfnIntrinsics, LengthAndToJsonString) {
  EXPECT_EQ(eval_one(R"({"Fn::Length": ["a", {"Ref": "AWS::NoValue"}, "c"]})").as_number(), 2.0);
  EXPECT_EQ(eval_one(R"({"Fn::Length": {"Ref": "Zones"}})").as_number(), 3.0);
  EXPECT_EQ(
      eval_one(R"({"Fn::ToJsonString": {"k": [1, true, {"Ref": "Env"}], "n": 2.5}})").as_string(),
      R"({"k":[1,true,"prod"],"n":2.5})");
  EXPECT_TRUE(eval_one(R"({"Fn::ToJsonString": {"k": {"Ref": "Bucket"}}})").is_unknown());
}

TEST(CfnIntrinsics, IfPicksTheBranch) {
  std::string text = R"({
  "Parameters": {"Env": {"Type": "String", "Default": "prod"}, "Free": {"Type": "String"}},
  "Conditions": {
    "IsProd": {"Fn::Equals": [{"Ref": "Env"}, "prod"]},
    "IsFree": {"Fn::Equals": [{"Ref": "Free"}, "yes"]}
  },
  "Resources": {"R": {"Type": "AWS::Test::Thing", "Properties": {
    "A": {"Fn::If": ["IsProd", "big", "small"]},
    "B": {"Fn::If": ["IsProd", {"Ref": "AWS::NoValue"}, "kept"]},
    "C": {"Fn::If": ["IsFree", "x", "y"]},
    "D": {"Fn::If": ["IsFree", "same", "same"]}
  }}}
})";
  Diagnostics diags;
  Document doc = collect_json(text, diags);
  EXPECT_TRUE(diags.empty());
  EXPECT_EQ(prop(doc, "R", "A")->as_string(), "big");
  EXPECT_EQ(prop(doc, "R", "B"), nullptr);
  ASSERT_TRUE(prop(doc, "R", "C")->is_unknown());
  EXPECT_NE(prop(doc, "R", "C")->as_unknown().reason.find("IsFree"), std::string::npos);
  EXPECT_EQ(prop(doc, "R", "D")->as_string(), "same");
}

TEST(CfnIntrinsics, MalformedIntrinsicsReportTheirPosition) {
  struct Case {
    const char* expr;
    const char* function;
  };
  const Case cases[] = {
      {R"({"Ref": ["a"]})", "Ref"},
      {R"({"Fn::GetAtt": ["OnlyOne"]})", "Fn::GetAtt"},
      {R"({"Fn::Join": ["-"]})", "Fn::Join"},
      {R"({"Fn::Join": ["-", "notalist"]})", "Fn::Join"},
      {R"({"Fn::Join": ["-", [{"a": 1}]]})", "Fn::Join"},
      {R"({"Fn::Select": ["x", ["a"]]})", "Fn::Select"},
      {R"({"Fn::Split": ["", "abc"]})", "Fn::Split"},
      {R"({"Fn::Sub": 42})", "Fn::Sub"},
      {R"({"Fn::Sub": ["${x}", "notamap"]})", "Fn::Sub"},
      {R"({"Fn::If": ["OnlyTwo", 1]})", "Fn::If"},
      {R"({"Fn::FindInMap": ["Regions"]})", "Fn::FindInMap"},
      {R"({"Fn::Base64": ["a"]})", "Fn::Base64"},
      {R"({"Fn::Cidr": ["10.0.0.0/16"]})", "Fn::Cidr"},
      {R"({"Fn::Length": "abc"})", "Fn::Length"},
      {R"({"Fn::ToJsonString": "abc"})", "Fn::ToJsonString"},
      {R"({"Fn::Equals": ["a"]})", "Fn::Equals"},
  };
  for (const auto& c : cases) {
    Diagnostics diags;
    Value v = eval_one(c.expr, diags);
    EXPECT_TRUE(v.is_unknown()) << c.expr;
    const Diagnostic* d = diag(diags, "cfn.intrinsic");
    ASSERT_NE(d, nullptr) << c.expr;
    EXPECT_EQ(d->level, DiagLevel::Error);
    // The intrinsic's own map starts at column 59; a bad element is shown where it is.
    EXPECT_EQ(d->span.line, 15u) << c.expr;
    EXPECT_EQ(d->span.col, c.expr == cases[4].expr ? 79u : 59u) << c.expr;
    EXPECT_NE(d->message.find(c.function), std::string::npos) << d->message;
  }
}

TEST(CfnIntrinsics, IntrinsicsNestInsideOrdinaryMapsAndLists) {
  Diagnostics diags;
  Document doc = eval_props(
      R"({"Tags": [{"Key": "env", "Value": {"Ref": "Env"}}], "Nested": {"Deep": {"Fn::Sub": "${Env}!"}}})",
      diags);
  EXPECT_EQ(prop(doc, "R", "Tags.0.Value")->as_string(), "prod");
  EXPECT_EQ(prop(doc, "R", "Nested.Deep")->as_string(), "prod!");
  // Ordinary values keep their own positions.
  EXPECT_EQ(prop(doc, "R", "Tags.0.Key")->span().line, 15u);
}

TEST(CfnIntrinsics, ConditionKeyOutsideConditionsIsOrdinaryData) {
  Value v = eval_one(R"({"Condition": {"StringEquals": {"aws:SourceVpc": "vpc-1"}}})");
  ASSERT_TRUE(v.is_map());
  EXPECT_EQ(v.find("Condition")->find("StringEquals")->find("aws:SourceVpc")->as_string(), "vpc-1");
}

}  // namespace
}  // namespace cc::collect::testing

namespace cc::collect {
namespace {

Value sub_of(const char* yaml_value) {
  std::string text = std::string("AWSTemplateFormatVersion: '2010-09-09'\n"
                                 "Parameters:\n  Free: {Type: String}\n"
                                 "Resources:\n  Bucket: {Type: AWS::S3::Bucket}\n"
                                 "  Topic:\n    Type: AWS::SNS::Topic\n    Properties:\n      X: ") +
                     yaml_value + "\n";
  std::vector<Value> docs;
  Diagnostics diags;
  EXPECT_TRUE(parse_yaml(text, 1, Limits{}, docs, diags));
  Document d = collect_cloudformation(docs.at(0), 1, {}, diags);
  for (const auto& r : d.resources)
    if (r.address == "Topic") return *r.attributes.at_path("Properties.X");
  return Value::null();
}

TEST(CfnSubShape, DeploymentFactsKeepTheStringsShape) {
  Value v = sub_of("!Sub 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root'");
  ASSERT_TRUE(v.is_unknown());
  EXPECT_EQ(v.as_unknown().shape, "arn:${AWS::Partition}:iam::${AWS::AccountId}:root");
}

TEST(CfnSubShape, ResourceAttributesKeepShapeAndReference) {
  Value v = sub_of("!Sub '${AWS::Region}-${Bucket.Arn}/*'");
  ASSERT_TRUE(v.is_unknown());
  EXPECT_EQ(v.as_unknown().shape, "${AWS::Region}-${Bucket.Arn}/*");
  EXPECT_EQ(v.as_unknown().ref, "Bucket.Arn");  // the reference wins over the pseudo parameter
}

TEST(CfnSubShape, UserInputGivesNoShape) {
  // A parameter without default could hold anything, even "*".
  Value v = sub_of("!Sub 'arn:aws:iam::${Free}:root'");
  ASSERT_TRUE(v.is_unknown());
  EXPECT_TRUE(v.as_unknown().shape.empty());
  Value w = sub_of("!Sub ['${X}', {X: !ImportValue shared-arn}]");
  ASSERT_TRUE(w.is_unknown());
  EXPECT_TRUE(w.as_unknown().shape.empty());
}

}  // namespace
}  // namespace cc::collect
