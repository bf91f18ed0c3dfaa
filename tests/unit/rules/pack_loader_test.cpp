// Rule-pack loading: one test per rejection, positions inside the YAML file.
#include "rules/pack_loader.h"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "test_support.h"

namespace cc::rules {
namespace {

using namespace testing;

constexpr const char* kGood = R"(- id: TEST-BKT-001
  title: Buckets encrypt objects
  kind: test.bucket
  severity: high
  controls: [iso27017:2015/10.1.1, iso27001:2022/A.8.24]
  when: resource.public == false
  assert: resource.encryption.enabled
  message: "Bucket {{resource.name}} is unencrypted"
  description: Unencrypted buckets expose data at rest.
  remediation:
    text: Turn on default encryption.
    cloudformation: |
      BucketEncryption: {}
  references: [https://example.org/s3]
  tags: [encryption]
)";

struct Loaded {
  RuleSet rules;
  Diagnostics diags;
  bool ok = false;
};

PackOptions options() {
  PackOptions o;
  o.schemas = &registry();
  o.control_exists = [](std::string_view ref) {
    return ref.rfind("iso27017:2015/", 0) == 0 || ref.rfind("iso27001:2022/", 0) == 0;
  };
  return o;
}

Loaded load(std::string_view text) {
  Loaded l;
  l.ok = load_pack_text(text, 3, "rules/test/pack.yaml", options(), l.rules, l.diags);
  return l;
}

// Replaces the first occurrence of `from` in the good pack.
std::string variant(std::string_view from, std::string_view to) {
  std::string s = kGood;
  size_t at = s.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  s.replace(at, from.size(), to);
  return s;
}

void expect_rejected(const Loaded& l, std::string_view code, uint32_t line, uint32_t col,
                     std::string_view fragment) {
  EXPECT_FALSE(l.ok);
  EXPECT_EQ(l.rules.size(), 0u);
  ASSERT_FALSE(l.diags.empty());
  const Diagnostic& d = l.diags[0];
  EXPECT_EQ(d.code, code) << d.message;
  EXPECT_EQ(d.span.file, 3u);
  EXPECT_EQ(d.span.line, line) << d.message;
  EXPECT_EQ(d.span.col, col) << d.message;
  EXPECT_NE(d.message.find(fragment), std::string::npos) << d.message;
}

TEST(PackLoader, LoadsAWellFormedRule) {
  Loaded l = load(kGood);
  ASSERT_TRUE(l.ok) << (l.diags.empty() ? "" : l.diags[0].message);
  ASSERT_EQ(l.rules.size(), 1u);
  const Rule* r = l.rules.find("TEST-BKT-001");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->title, "Buckets encrypt objects");
  EXPECT_EQ(r->severity, Severity::High);
  EXPECT_EQ(r->controls.size(), 2u);
  EXPECT_TRUE(r->when.has_value());
  EXPECT_EQ(r->remediation.at("cloudformation"), "BucketEncryption: {}\n");
  EXPECT_EQ(r->references[0], "https://example.org/s3");
  EXPECT_EQ(r->tags[0], "encryption");
  EXPECT_EQ(r->source, "rules/test/pack.yaml");
  EXPECT_EQ(r->span.line, 1u);
  EXPECT_EQ(l.rules.rules_for("test.bucket").size(), 1u);
  EXPECT_TRUE(l.rules.rules_for("aws.s3.bucket").empty());
  EXPECT_EQ(r->message.render(yaml("{name: b1}")), "Bucket b1 is unencrypted");
}

TEST(PackLoader, RejectsUnknownKeys) {
  expect_rejected(load(variant("  tags:", "  tagz:")), "rule.unknown-key", 15, 3,
                  "did you mean 'tags'");
}

TEST(PackLoader, RejectsUnknownRemediationFormat) {
  expect_rejected(load(variant("    cloudformation: |", "    pulumi: |")), "rule.unknown-key", 12,
                  5, "unknown remediation format 'pulumi'");
}

TEST(PackLoader, RejectsMissingRequiredKeys) {
  expect_rejected(load(variant("  severity: high\n", "")), "rule.missing-key", 1, 3,
                  "no 'severity'");
}

TEST(PackLoader, RejectsWrongValueTypes) {
  expect_rejected(load(variant("tags: [encryption]", "tags: encryption")), "rule.type", 15, 9,
                  "'tags' must be a list of strings");
  expect_rejected(load(variant("title: Buckets encrypt objects", "title: [a]")), "rule.type", 2, 10,
                  "'title' must be a string");
  expect_rejected(load(variant("assert: resource.encryption.enabled", "assert: true")), "rule.type",
                  7, 11, "expression string");
}

TEST(PackLoader, RejectsBadIdPattern) {
  expect_rejected(load(variant("TEST-BKT-001", "test-bkt-1")), "rule.id", 1, 7,
                  "does not have the form");
  EXPECT_FALSE(load(variant("TEST-BKT-001", "TEST-BKT-01")).ok);
  EXPECT_FALSE(load(variant("TEST-BKT-001", "TEST--BKT-001")).ok);
  EXPECT_TRUE(load(variant("TEST-BKT-001", "K8S-001")).ok);
}

TEST(PackLoader, RejectsUnknownSeverity) {
  expect_rejected(load(variant("severity: high", "severity: severe")), "rule.severity", 4, 13,
                  "unknown severity 'severe'");
}

TEST(PackLoader, RejectsUnknownKindButAcceptsRawKinds) {
  expect_rejected(load(variant("kind: test.bucket", "kind: test.buckt")), "rule.kind", 3, 9,
                  "did you mean 'test.bucket'");
  Loaded raw = load(variant("kind: test.bucket", "kind: 'cfn:AWS::S3::Bucket'"));
  EXPECT_TRUE(raw.ok);
  EXPECT_EQ(raw.rules.rules_for("cfn:AWS::S3::Bucket").size(), 1u);
}

TEST(PackLoader, RejectsControlsTheCatalogDoesNotHave) {
  expect_rejected(load(variant("iso27001:2022/A.8.24", "nist:800-53/AC-1")), "rule.control", 5, 36,
                  "control 'nist:800-53/AC-1' is not in the catalog");
  expect_rejected(
      load(variant("controls: [iso27017:2015/10.1.1, iso27001:2022/A.8.24]", "controls: []")),
      "rule.controls", 5, 13, "at least one control");
}

TEST(PackLoader, ExpressionErrorsPointIntoThePlainScalar) {
  expect_rejected(
      load(variant("assert: resource.encryption.enabled", "assert: resource.encrytion.enabled")),
      "rule.expr", 7, 20, "unknown field 'encrytion' on test.bucket; did you mean 'encryption'?");
}

TEST(PackLoader, ExpressionErrorsPointIntoQuotedAndBlockScalars) {
  expect_rejected(
      load(variant("when: resource.public == false", "when: \"resource.public == 'no'\"")),
      "rule.expr", 6, 26, "cannot compare bool with string");
  expect_rejected(
      load(variant("assert: resource.encryption.enabled",
                   "assert: |\n    resource.public == false &&\n      resource.sise > 1")),
      "rule.expr", 9, 16, "unknown field 'sise'");
}

TEST(PackLoader, MessageTemplateErrorsPointAtTheInterpolation) {
  expect_rejected(load(variant("{{resource.name}}", "{{resource.nme}}")), "rule.expr", 8, 31,
                  "unknown field 'nme'");
  expect_rejected(load(variant("{{resource.name}}", "{{resource.name")), "rule.expr", 8, 20,
                  "not closed");
}

TEST(PackLoader, DuplicateIdsAcrossPacksAndBadRulesDoNotStopTheOthers) {
  RuleSet rules;
  Diagnostics diags;
  EXPECT_TRUE(load_pack_text(kGood, 1, "a.yaml", options(), rules, diags));
  std::string second = std::string(kGood) + variant("TEST-BKT-001", "TEST-BKT-002") +
                       variant("TEST-BKT-001", "TEST-BKT-003");
  // Make the third rule bad (unknown severity) so only TEST-BKT-002 loads from pack two.
  size_t third = second.rfind("severity: high");
  second.replace(third, 14, "severity: huge");
  EXPECT_FALSE(load_pack_text(second, 2, "b.yaml", options(), rules, diags));
  EXPECT_EQ(rules.size(), 2u);
  ASSERT_EQ(diags.size(), 2u);
  EXPECT_EQ(diags[0].code, "rule.duplicate-id");
  EXPECT_EQ(diags[0].span.file, 2u);
  EXPECT_NE(diags[0].message.find("a.yaml:1"), std::string::npos);
  EXPECT_EQ(diags[1].code, "rule.severity");
  EXPECT_NE(rules.find("TEST-BKT-002"), nullptr);
  EXPECT_EQ(rules.find("TEST-BKT-003"), nullptr);
}

TEST(PackLoader, RejectsAPackThatIsNotAListAndBadYaml) {
  Loaded map = load("id: X-001\n");
  EXPECT_FALSE(map.ok);
  EXPECT_EQ(map.diags[0].code, "rule.pack");
  Loaded scalar_rule = load("- just text\n");
  EXPECT_FALSE(scalar_rule.ok);
  EXPECT_EQ(scalar_rule.diags[0].code, "rule.type");
  Loaded broken = load("- id: [unclosed\n");
  EXPECT_FALSE(broken.ok);
  EXPECT_EQ(broken.diags[0].code, "yaml.syntax");
  EXPECT_TRUE(load("").ok);
}

TEST(PackLoader, LoadsADirectoryRecursivelySkippingFixtures) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / fmt::format("cc_rules_dir_{}", ::getpid());
  fs::remove_all(dir);
  fs::create_directories(dir / "aws" / "fixtures" / "TEST-BKT-001");
  std::ofstream(dir / "aws" / "a.yaml") << kGood;
  std::ofstream(dir / "aws" / "b.yml") << variant("TEST-BKT-001", "TEST-BKT-002");
  std::ofstream(dir / "aws" / "notes.txt") << "not a pack";
  std::ofstream(dir / "aws" / "fixtures" / "TEST-BKT-001" / "fail.yaml") << "Resources: {}\n";
  SourceTable sources;
  RuleSet rules;
  Diagnostics diags;
  EXPECT_TRUE(load_pack_dir(dir, sources, options(), rules, diags))
      << (diags.empty() ? "" : diags[0].message);
  EXPECT_EQ(rules.size(), 2u);
  EXPECT_EQ(sources.size(), 3u);  // "no file" plus the two packs
  EXPECT_NE(rules.find("TEST-BKT-002")->source.find("b.yml"), std::string::npos);
  Diagnostics missing;
  EXPECT_FALSE(load_pack_dir(dir / "nope", sources, options(), rules, missing));
  EXPECT_EQ(missing[0].code, "rule.read");
  fs::remove_all(dir);
}

}  // namespace
}  // namespace cc::rules
