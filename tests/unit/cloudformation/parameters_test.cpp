// Parameter types, YAML-typed defaults, and bounds on what the evaluator will follow.
#include "cfn_test_support.h"

namespace cc::collect::testing {
namespace {

TEST(CfnParameters, TypesShapeTheValue) {
  const char* text =
      "Parameters:\n"
      "  Ports: {Type: List<Number>, Default: '80, 443'}\n"
      "  Subnets: {Type: 'List<AWS::EC2::Subnet::Id>', Default: 'subnet-1,subnet-2'}\n"
      "  Names: {Type: CommaDelimitedList, Default: [x, y]}\n"
      "  Version: {Type: String, Default: 12}\n"
      "  Ratio: {Type: Number, Default: 0.5}\n"
      "  Ami: {Type: 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>', Default: /aws/ami}\n"
      "  Empty: {Type: CommaDelimitedList, Default: ''}\n"
      "Resources:\n"
      "  R:\n"
      "    Type: AWS::EC2::Instance\n"
      "    Properties:\n"
      "      Ports: !Ref Ports\n"
      "      Subnets: !Ref Subnets\n"
      "      Names: !Ref Names\n"
      "      Version: !Ref Version\n"
      "      Ratio: !Ref Ratio\n"
      "      Ami: !Ref Ami\n"
      "      Empty: !Ref Empty\n";
  Diagnostics diags;
  Document doc = collect_yaml(text, diags);
  EXPECT_TRUE(diags.empty());
  const Value* ports = prop(doc, "R", "Ports");
  ASSERT_TRUE(ports->is_list());
  EXPECT_EQ(ports->as_list()[1].as_number(), 443.0);
  EXPECT_EQ(ports->as_list()[1].span().line, 13u);
  EXPECT_EQ(prop(doc, "R", "Subnets.1")->as_string(), "subnet-2");
  EXPECT_EQ(prop(doc, "R", "Names.0")->as_string(), "x");
  EXPECT_EQ(prop(doc, "R", "Version")->as_string(), "12");
  EXPECT_EQ(prop(doc, "R", "Ratio")->as_number(), 0.5);
  const Value* ami = prop(doc, "R", "Ami");
  ASSERT_TRUE(ami->is_unknown());
  EXPECT_NE(ami->as_unknown().reason.find("/aws/ami"), std::string::npos);
  EXPECT_TRUE(prop(doc, "R", "Empty")->as_list().empty());
}

TEST(CfnParameters, MalformedDeclarationIsUnknownWithWarning) {
  Diagnostics diags;
  Document doc = collect_json(
      R"({"Parameters": {"P": "not a map", "Q": {"Type": "Number", "Default": "abc"}},
          "Resources": {"R": {"Type": "AWS::SNS::Topic", "Properties": {
            "A": {"Ref": "P"}, "B": {"Ref": "Q"}, "C": {"Ref": "Q"}}}}})",
      diags);
  EXPECT_TRUE(prop(doc, "R", "A")->is_unknown());
  EXPECT_TRUE(prop(doc, "R", "B")->is_unknown());
  EXPECT_TRUE(prop(doc, "R", "C")->is_unknown());
  // A parameter is resolved once, so two uses of Q warn once.
  int warnings = 0;
  for (const auto& d : diags) warnings += d.code == "cfn.parameter";
  EXPECT_EQ(warnings, 2);
}

TEST(CfnParameters, UnknownPseudoParameterWarns) {
  Diagnostics diags;
  Document doc = collect_json(
      R"({"Resources": {"R": {"Type": "AWS::SNS::Topic", "Properties": {"A": {"Ref": "AWS::Nope"}}}}})",
      diags);
  EXPECT_TRUE(prop(doc, "R", "A")->is_unknown());
  EXPECT_TRUE(has_diag(diags, "cfn.ref"));
}

TEST(CfnLimits, VeryDeepTreeIsCutWithADiagnostic) {
  // Readers stop at their own depth limit; a tree built another way must not exhaust
  // the stack either.
  Value deep = Value::string("leaf");
  for (int i = 0; i < 1000; ++i) {
    List l;
    l.push_back(std::move(deep));
    deep = Value::list(std::move(l), Span{kFile, 9, 9});
  }
  Value props = Value::map();
  props.set("Deep", std::move(deep));
  Value resource = Value::map();
  resource.set("Type", Value::string("AWS::SNS::Topic"));
  resource.set("Properties", std::move(props));
  Value resources = Value::map();
  resources.set("R", std::move(resource));
  Value doc = Value::map();
  doc.set("Resources", std::move(resources));

  Diagnostics diags;
  Document out = collect_cloudformation(doc, kFile, {}, diags);
  ASSERT_EQ(out.resources.size(), 1u);
  EXPECT_TRUE(out.resources[0].attributes.contains_unknown());
  EXPECT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].code, "limit.depth");
  EXPECT_EQ(diags[0].span.file, kFile);
}

TEST(CfnLimits, JsonTemplateAtReaderDepthLimitIsRefused) {
  std::string text =
      "{\"Resources\": {\"R\": {\"Type\": \"AWS::SNS::Topic\", \"Properties\": {\"A\": ";
  text += std::string(10'000, '[') + std::string(10'000, ']') + "}}}}";
  Value doc;
  Diagnostics diags;
  EXPECT_FALSE(parse_json(text, kFile, Limits{}, doc, diags));
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].code, "limit.depth");
}

}  // namespace
}  // namespace cc::collect::testing
