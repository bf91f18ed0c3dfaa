// Conditions in three-valued logic, cycles, and how they decide which resources exist.
#include <string>

#include "cfn_test_support.h"

namespace cc::collect::testing {
namespace {

// Collects a template with the given Conditions (JSON) and one resource per condition
// name in `names`; returns which of those resources were kept.
std::string kept(const std::string& conditions, const std::vector<std::string>& names,
                 Diagnostics& diags) {
  std::string resources;
  for (const auto& n : names) {
    if (!resources.empty()) resources += ",";
    resources += "\"R" + n + "\": {\"Type\": \"AWS::SNS::Topic\", \"Condition\": \"" + n + "\"}";
  }
  std::string text = R"({"Parameters": {"Env": {"Type": "String", "Default": "prod"},
                                         "Free": {"Type": "String"}},
                         "Conditions": )" +
                     conditions + R"(, "Resources": {)" + resources + "}}";
  Document doc = collect_json(text, diags);
  std::string out;
  for (const auto& r : doc.resources) out += r.address.substr(1) + " ";
  return out;
}

std::string kept(const std::string& conditions, const std::vector<std::string>& names) {
  Diagnostics diags;
  std::string out = kept(conditions, names, diags);
  EXPECT_TRUE(diags.empty()) << diags[0].message;
  return out;
}

TEST(CfnConditions, EqualsComparesEvaluatedValues) {
  EXPECT_EQ(kept(R"({"P": {"Fn::Equals": [{"Ref": "Env"}, "prod"]},
                     "D": {"Fn::Equals": ["dev", {"Ref": "Env"}]},
                     "N": {"Fn::Equals": [3, "3"]}})",
                 {"P", "D", "N"}),
            "P N ");
}

TEST(CfnConditions, NotAndOrWithKnownOperands) {
  EXPECT_EQ(kept(R"({"T": {"Fn::Equals": ["a", "a"]}, "F": {"Fn::Equals": ["a", "b"]},
                     "NotF": {"Fn::Not": [{"Condition": "F"}]},
                     "TandF": {"Fn::And": [{"Condition": "T"}, {"Condition": "F"}]},
                     "TorF": {"Fn::Or": [{"Condition": "T"}, {"Condition": "F"}]},
                     "Inline": {"Fn::And": [{"Fn::Equals": [1, 1]}, {"Fn::Not": [{"Fn::Equals": [1, 2]}]}]}})",
                 {"T", "F", "NotF", "TandF", "TorF", "Inline"}),
            "T NotF TorF Inline ");
}

TEST(CfnConditions, UnknownOperandsFollowThreeValuedLogic) {
  // U is unknown: a parameter without default. False decides And, true decides Or.
  EXPECT_EQ(kept(R"({"U": {"Fn::Equals": [{"Ref": "Free"}, "x"]},
                     "F": {"Fn::Equals": ["a", "b"]}, "T": {"Fn::Equals": ["a", "a"]},
                     "UandF": {"Fn::And": [{"Condition": "U"}, {"Condition": "F"}]},
                     "UorT": {"Fn::Or": [{"Condition": "U"}, {"Condition": "T"}]},
                     "UandT": {"Fn::And": [{"Condition": "U"}, {"Condition": "T"}]},
                     "UorF": {"Fn::Or": [{"Condition": "U"}, {"Condition": "F"}]},
                     "NotU": {"Fn::Not": [{"Condition": "U"}]}})",
                 {"U", "UandF", "UorT", "UandT", "UorF", "NotU"}),
            "U UorT UandT UorF NotU ");
}

TEST(CfnConditions, CycleIsReportedAndUnknown) {
  Diagnostics diags;
  std::string out = kept(R"({"A": {"Fn::Not": [{"Condition": "B"}]},
                             "B": {"Fn::Not": [{"Condition": "A"}]},
                             "Self": {"Condition": "Self"}})",
                         {"A", "B", "Self"}, diags);
  EXPECT_EQ(out, "A B Self ");  // unknown keeps them
  int cycles = 0;
  for (const auto& d : diags) cycles += d.message.find("cycle") != std::string::npos;
  EXPECT_EQ(cycles, 2);
}

TEST(CfnConditions, LongConditionChainIsBounded) {
  std::string conditions = "{";
  const int n = 5000;
  for (int i = 0; i < n; ++i) {
    conditions +=
        "\"C" + std::to_string(i) + "\": {\"Condition\": \"C" + std::to_string(i + 1) + "\"},";
  }
  conditions += "\"C" + std::to_string(n) + "\": {\"Fn::Equals\": [1, 2]}}";
  Diagnostics diags;
  std::string out = kept(conditions, {"C0", std::to_string(n - 10).insert(0, "C")}, diags);
  // C0 is too deep to resolve (unknown, kept); C4990 is close enough to be false.
  EXPECT_EQ(out, "C0 ");
  EXPECT_TRUE(has_diag(diags, "limit.depth"));
}

TEST(CfnConditions, MalformedConditionFunctions) {
  Diagnostics diags;
  std::string out = kept(R"({"BadAnd": {"Fn::And": [{"Fn::Equals": [1, 1]}]},
                             "BadNot": {"Fn::Not": {"Fn::Equals": [1, 1]}},
                             "NotBool": {"Fn::Not": ["hello"]},
                             "BadRef": {"Condition": ["x"]}})",
                         {"BadAnd", "BadNot", "NotBool", "BadRef"}, diags);
  EXPECT_EQ(out, "BadAnd BadNot NotBool BadRef ");
  int malformed = 0;
  for (const auto& d : diags) malformed += d.code == "cfn.intrinsic";
  EXPECT_EQ(malformed, 4);
}

TEST(CfnConditions, EachConditionIsEvaluatedOnce) {
  // A broken condition used by three resources reports one diagnostic, not three.
  Diagnostics diags;
  std::string text = R"({"Conditions": {"Bad": {"Fn::Equals": ["only one"]}},
    "Resources": {"A": {"Type": "AWS::SNS::Topic", "Condition": "Bad"},
                  "B": {"Type": "AWS::SNS::Topic", "Condition": "Bad"},
                  "C": {"Type": "AWS::SNS::Topic", "Properties": {"X": {"Fn::If": ["Bad", 1, 2]}}}}})";
  Document doc = collect_json(text, diags);
  EXPECT_EQ(doc.resources.size(), 3u);
  EXPECT_EQ(diags.size(), 1u);
  EXPECT_TRUE(prop(doc, "C", "X")->is_unknown());
}

TEST(CfnConditions, StringBooleansFromParametersCount) {
  Diagnostics diags;
  std::string text = R"({"Parameters": {"On": {"Type": "String", "Default": "true"}},
    "Conditions": {"Enabled": {"Fn::Or": [{"Fn::Equals": [{"Ref": "On"}, "true"]}, {"Fn::Equals": [1, 2]}]}},
    "Resources": {"A": {"Type": "AWS::SNS::Topic", "Condition": "Enabled"}}})";
  EXPECT_EQ(collect_json(text, diags).resources.size(), 1u);
  EXPECT_TRUE(diags.empty());
}

}  // namespace
}  // namespace cc::collect::testing
