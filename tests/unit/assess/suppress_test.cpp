#include "assess/suppress.h"

#include <gtest/gtest.h>

namespace cc::assess {
namespace {

Resource resource(std::string address, uint32_t line, uint32_t end) {
  Resource r;
  r.address = std::move(address);
  r.span = Span{1, line, 3};
  r.end_line = end;
  return r;
}

Finding finding(std::string rule, std::string address) {
  Finding f;
  f.rule_id = std::move(rule);
  f.resource_address = std::move(address);
  f.verdict = Verdict::Fail;
  return f;
}

TEST(Suppress, InlineMarkerAboveAResourceSuppressesItsFinding) {
  std::string text =
      "Resources:\n"
      "  # cloudcomply:ignore AWS-S3-003 logs bucket, versioned by backup expires=2030-01-01\n"
      "  Logs:\n"
      "    Type: AWS::S3::Bucket\n"
      "  Data:\n"
      "    Type: AWS::S3::Bucket\n";
  Diagnostics diags;
  auto marks = find_inline_suppressions(text, 1, diags);
  ASSERT_EQ(marks.size(), 1u);
  EXPECT_EQ(marks[0].rule, "AWS-S3-003");
  EXPECT_EQ(marks[0].reason, "logs bucket, versioned by backup");
  EXPECT_EQ(marks[0].expires, "2030-01-01");
  EXPECT_EQ(marks[0].line, 2u);

  std::vector<Resource> resources{resource("Logs", 3, 4), resource("Data", 5, 6)};
  std::vector<Finding> findings{finding("AWS-S3-003", "Logs"), finding("AWS-S3-003", "Data"),
                                finding("AWS-S3-001", "Logs")};
  apply_suppressions(findings, resources, marks, {}, "t.yaml", "2026-11-23", diags);
  EXPECT_TRUE(findings[0].suppressed);
  EXPECT_EQ(findings[0].suppression_reason, "logs bucket, versioned by backup");
  EXPECT_FALSE(findings[1].suppressed);
  EXPECT_FALSE(findings[2].suppressed);
  EXPECT_TRUE(diags.empty());
}

TEST(Suppress, MarkerInsideAResourceAppliesToThatResource) {
  std::string text = "a\nb\n  # cloudcomply:ignore * accepted\nc\n";
  Diagnostics diags;
  auto marks = find_inline_suppressions(text, 1, diags);
  std::vector<Resource> resources{resource("Outer", 1, 10), resource("Inner", 2, 4), resource("Later", 11, 12)};
  std::vector<Finding> findings{finding("X-001", "Inner"), finding("X-001", "Outer"), finding("X-001", "Later")};
  apply_suppressions(findings, resources, marks, {}, "t.yaml", "2026-11-23", diags);
  EXPECT_TRUE(findings[0].suppressed);
  EXPECT_FALSE(findings[1].suppressed);
  EXPECT_FALSE(findings[2].suppressed);
}

TEST(Suppress, ExpiredMarkerDoesNotApplyAndWarns) {
  std::string text = "# cloudcomply:ignore R-001 old exception expires=2020-01-01\nx\n";
  Diagnostics diags;
  auto marks = find_inline_suppressions(text, 1, diags);
  std::vector<Resource> resources{resource("A", 2, 2)};
  std::vector<Finding> findings{finding("R-001", "A")};
  apply_suppressions(findings, resources, marks, {}, "t.yaml", "2026-11-23", diags);
  EXPECT_FALSE(findings[0].suppressed);
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].code, "suppress.expired");
  EXPECT_EQ(diags[0].span.line, 1u);
}

TEST(Suppress, MarkerWithoutReasonWarnsAndBadDateIsIgnored) {
  Diagnostics diags;
  auto marks = find_inline_suppressions("# cloudcomply:ignore R-001\n# cloudcomply:ignore R-002 x expires=soon\n", 1, diags);
  ASSERT_EQ(marks.size(), 1u);
  EXPECT_EQ(marks[0].rule, "R-001");
  ASSERT_EQ(diags.size(), 2u);
  EXPECT_EQ(diags[0].code, "suppress.reason");
  EXPECT_EQ(diags[1].code, "suppress.syntax");
}

TEST(Suppress, FileRulesMatchByRuleResourceGlobAndPath) {
  Value doc = Value::map();
  Value list = Value::list();
  Value item = Value::map();
  item.set("rule", Value::string("R-001"));
  item.set("resource", Value::string("Bastion*"));
  item.set("path", Value::string("infra/*"));
  item.set("reason", Value::string("replaced next quarter"));
  list.as_list().push_back(item);
  doc.set("suppressions", list);
  Diagnostics diags;
  auto rules = parse_suppressions(doc, diags);
  ASSERT_EQ(rules.size(), 1u);
  std::vector<Finding> findings{finding("R-001", "BastionHost"), finding("R-001", "Web"), finding("R-002", "BastionHost")};
  apply_suppressions(findings, {}, {}, rules, "infra/net.yaml", "2026-11-23", diags);
  EXPECT_TRUE(findings[0].suppressed);
  EXPECT_FALSE(findings[1].suppressed);
  EXPECT_FALSE(findings[2].suppressed);
  std::vector<Finding> other{finding("R-001", "BastionHost")};
  apply_suppressions(other, {}, {}, rules, "legacy/net.yaml", "2026-11-23", diags);
  EXPECT_FALSE(other[0].suppressed);
}

TEST(Suppress, FileEntriesNeedRuleAndReasonAndKnownKeys) {
  Value doc = Value::map();
  Value list = Value::list();
  Value no_reason = Value::map();
  no_reason.set("rule", Value::string("R-001"));
  Value extra = Value::map();
  extra.set("rule", Value::string("R-001"));
  extra.set("reason", Value::string("x"));
  extra.set("owner", Value::string("me"));
  list.as_list().push_back(no_reason);
  list.as_list().push_back(extra);
  doc.set("suppressions", list);
  Diagnostics diags;
  EXPECT_TRUE(parse_suppressions(doc, diags).empty());
  EXPECT_GE(diags.size(), 2u);
}

}  // namespace
}  // namespace cc::assess
