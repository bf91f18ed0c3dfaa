// YAML short-form tags, as the YAML reader delivers them, become long forms.
#include "cfn_test_support.h"

namespace cc::collect::testing {
namespace {

Value yaml(std::string_view text) {
  std::vector<Value> docs;
  Diagnostics diags;
  EXPECT_TRUE(parse_yaml(text, kFile, Limits{}, docs, diags));
  return docs.empty() ? Value() : docs[0];
}

TEST(CfnShortForms, EveryTagHasItsLongForm) {
  const std::pair<const char*, const char*> cases[] = {
      {"!Ref X", "Ref"},
      {"!Condition C", "Condition"},
      {"!GetAtt [A, B]", "Fn::GetAtt"},
      {"!Sub x", "Fn::Sub"},
      {"!If [C, a, b]", "Fn::If"},
      {"!Join [',', [a]]", "Fn::Join"},
      {"!Select [0, [a]]", "Fn::Select"},
      {"!Split [',', a]", "Fn::Split"},
      {"!FindInMap [M, a, b]", "Fn::FindInMap"},
      {"!Equals [a, b]", "Fn::Equals"},
      {"!And [a, b]", "Fn::And"},
      {"!Or [a, b]", "Fn::Or"},
      {"!Not [a]", "Fn::Not"},
      {"!Base64 x", "Fn::Base64"},
      {"!Cidr [10.0.0.0/16, 1, 8]", "Fn::Cidr"},
      {"!GetAZs ''", "Fn::GetAZs"},
      {"!ImportValue x", "Fn::ImportValue"},
      {"!Length [a]", "Fn::Length"},
      {"!ToJsonString {a: 1}", "Fn::ToJsonString"},
  };
  for (const auto& [source, long_name] : cases) {
    Value v = yaml(std::string("v: ") + source);
    Diagnostics diags;
    normalize_short_forms(v, diags);
    EXPECT_TRUE(diags.empty()) << source;
    const Value* node = v.find("v");
    ASSERT_TRUE(node && node->is_map()) << source;
    ASSERT_EQ(node->as_map().size(), 1u);
    EXPECT_EQ(node->as_map()[0].key, long_name) << source;
  }
}

TEST(CfnShortForms, GetAttStringSplitsAtTheFirstDot) {
  Value v = yaml("a: !GetAtt Db.Endpoint.Address\nb: !GetAtt Plain");
  Diagnostics diags;
  normalize_short_forms(v, diags);
  const Value* a = v.find("a")->find("Fn::GetAtt");
  ASSERT_TRUE(a->is_list());
  EXPECT_EQ(a->as_list()[0].as_string(), "Db");
  EXPECT_EQ(a->as_list()[1].as_string(), "Endpoint.Address");
  EXPECT_TRUE(v.find("b")->find("Fn::GetAtt")->is_string());
}

TEST(CfnShortForms, NestedTagsAreAllRewritten) {
  Value v = yaml("v: !Join ['', [!Ref A, !Sub '${B}', !If [C, !GetAtt D.E, !Ref F]]]");
  Diagnostics diags;
  normalize_short_forms(v, diags);
  const Value* join = v.find("v")->find("Fn::Join");
  ASSERT_NE(join, nullptr);
  const List& items = join->as_list()[1].as_list();
  EXPECT_NE(items[0].find("Ref"), nullptr);
  EXPECT_NE(items[1].find("Fn::Sub"), nullptr);
  const Value* branches = items[2].find("Fn::If");
  ASSERT_NE(branches, nullptr);
  EXPECT_EQ(branches->as_list()[1].find("Fn::GetAtt")->as_list()[1].as_string(), "E");
  EXPECT_NE(branches->as_list()[2].find("Ref"), nullptr);
}

TEST(CfnShortForms, UnknownTagBecomesUnknownWithWarning) {
  Value v = yaml("a: 1\nb: !Bogus thing\n");
  Diagnostics diags;
  normalize_short_forms(v, diags);
  EXPECT_TRUE(v.find("b")->is_unknown());
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].code, "cfn.tag");
  EXPECT_EQ(diags[0].span.line, 2u);
}

TEST(CfnShortForms, YamlTemplateWithMalformedShortFormsKeepsGoing) {
  const char* text =
      "Resources:\n"
      "  R:\n"
      "    Type: AWS::SNS::Topic\n"
      "    Properties:\n"
      "      A: !Select [9, [a]]\n"
      "      B: !If [Missing, x, y]\n"
      "      C: !Join [only-one]\n"
      "      D: !Sub ok\n";
  Diagnostics diags;
  Document doc = collect_yaml(text, diags);
  ASSERT_EQ(doc.resources.size(), 1u);
  EXPECT_TRUE(prop(doc, "R", "A")->is_unknown());
  EXPECT_TRUE(prop(doc, "R", "B")->is_unknown());
  EXPECT_TRUE(prop(doc, "R", "C")->is_unknown());
  EXPECT_EQ(prop(doc, "R", "D")->as_string(), "ok");
  ASSERT_EQ(diags.size(), 3u);
  EXPECT_EQ(diags[0].span.line, 5u);
  EXPECT_EQ(diags[1].code, "cfn.condition");
  EXPECT_EQ(diags[1].span.line, 6u);
  EXPECT_EQ(diags[2].span.line, 7u);
}

}  // namespace
}  // namespace cc::collect::testing
