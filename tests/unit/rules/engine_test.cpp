// Verdicts, messages and spans of findings.
#include "rules/engine.h"

#include <gtest/gtest.h>

#include <thread>

#include "rules/pack_loader.h"
#include "test_support.h"

namespace cc::rules {
namespace {

using namespace testing;

constexpr const char* kPack = R"(- id: TEST-BKT-001
  title: Buckets encrypt objects
  kind: test.bucket
  severity: high
  controls: [iso27017:2015/10.1.1]
  when: resource.public == false
  assert: resource.encryption.enabled
  message: "Bucket {{resource.name}} ({{resource.size}} GB, {{resource.extra}}) is unencrypted"
- id: TEST-BKT-002
  title: Buckets have an owner tag
  kind: test.bucket
  severity: low
  controls: [iso27017:2015/8.1.1]
  assert: "'Owner' in resource.tags"
  message: Bucket {{resource.name}} has no owner
- id: TEST-RAW-001
  title: Raw resources name themselves
  kind: "cfn:AWS::S3::Bucket"
  severity: info
  controls: [iso27017:2015/8.1.1]
  assert: has(resource.Properties.BucketName)
)";

const RuleSet& rules() {
  static const RuleSet set = [] {
    RuleSet s;
    Diagnostics diags;
    PackOptions o;
    o.schemas = &registry();
    EXPECT_TRUE(load_pack_text(kPack, 4, "pack.yaml", o, s, diags))
        << (diags.empty() ? "" : diags[0].message);
    return s;
  }();
  return set;
}

Resource bucket(std::string_view attributes) {
  Resource r;
  r.kind = "test.bucket";
  r.address = "Logs";
  r.span = Span{9, 2, 3};
  r.attributes = yaml(attributes, 9);
  return r;
}

const Finding* by_rule(const std::vector<Finding>& fs, std::string_view id) {
  for (const auto& f : fs)
    if (f.rule_id == id) return &f;
  return nullptr;
}

TEST(Engine, PassAndFail) {
  auto pass = evaluate(
      rules(), bucket("{name: a, public: false, encryption: {enabled: true}, tags: {Owner: x}}"));
  ASSERT_EQ(pass.size(), 2u);
  EXPECT_EQ(by_rule(pass, "TEST-BKT-001")->verdict, Verdict::Pass);
  EXPECT_EQ(by_rule(pass, "TEST-BKT-002")->verdict, Verdict::Pass);
  EXPECT_EQ(by_rule(pass, "TEST-BKT-001")->severity, Severity::High);
  EXPECT_EQ(by_rule(pass, "TEST-BKT-001")->resource_address, "Logs");
  EXPECT_EQ(by_rule(pass, "TEST-BKT-001")->resource_kind, "test.bucket");

  auto fail = evaluate(
      rules(), bucket("{name: a, size: 5, public: false, encryption: {enabled: false}, tags: {}}"));
  const Finding* f = by_rule(fail, "TEST-BKT-001");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->verdict, Verdict::Fail);
  EXPECT_EQ(f->message, "Bucket a (5 GB, <unset>) is unencrypted");
  EXPECT_EQ(by_rule(fail, "TEST-BKT-002")->verdict, Verdict::Fail);
  EXPECT_EQ(by_rule(fail, "TEST-BKT-002")->message, "Bucket a has no owner");
}

TEST(Engine, FalsePreconditionGivesNoFinding) {
  auto fs = evaluate(rules(), bucket("{name: a, public: true, encryption: {enabled: false}}"));
  EXPECT_EQ(by_rule(fs, "TEST-BKT-001"), nullptr);
  EXPECT_NE(by_rule(fs, "TEST-BKT-002"), nullptr);
}

TEST(Engine, UnknownPreconditionOrAssertionGivesUnknownWithTheReason) {
  Resource r = bucket("{name: a, encryption: {enabled: true}}");
  r.attributes.set("public", Value::unknown("depends on parameter Exposure, which has no default"));
  auto fs = evaluate(rules(), r);
  const Finding* f = by_rule(fs, "TEST-BKT-001");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->verdict, Verdict::Unknown);
  EXPECT_NE(f->message.find("depends on parameter Exposure, which has no default"),
            std::string::npos);

  Resource s = bucket("{public: false, encryption: {}}");
  s.attributes.set("name", Value::unknown("depends on parameter BucketName, which has no default"));
  s.attributes.find("encryption")
      ->set("enabled", Value::unknown("depends on parameter Encrypt, which has no default"));
  auto gs = evaluate(rules(), s);
  const Finding* g = by_rule(gs, "TEST-BKT-001");
  EXPECT_EQ(g->verdict, Verdict::Unknown);
  EXPECT_EQ(g->message.rfind("Bucket <unknown> (<unset> GB", 0), 0u) << g->message;
  EXPECT_NE(g->message.find("parameter Encrypt"), std::string::npos);
}

TEST(Engine, UnsetAssertionValueIsUnknownNotPass) {
  auto fs = evaluate(rules(), bucket("{name: a, public: false}"));
  EXPECT_EQ(by_rule(fs, "TEST-BKT-001")->verdict, Verdict::Unknown);
}

TEST(Engine, SpanIsTheDeepestPositionedValueElseTheResource) {
  Resource r = bucket("name: a\npublic: false\nencryption:\n  enabled: false\n");
  auto fs = evaluate(rules(), r);
  const Finding* f = by_rule(fs, "TEST-BKT-001");
  EXPECT_EQ(f->span.file, 9u);
  EXPECT_EQ(f->span.line, 4u);
  EXPECT_EQ(f->span.col, 12u);
  // No value read has a position: the finding points at the resource.
  Resource plain;
  plain.kind = "test.bucket";
  plain.span = Span{9, 2, 3};
  plain.attributes = Value::map();
  plain.attributes.set("public", Value::boolean(false));
  auto gs = evaluate(rules(), plain);
  EXPECT_EQ(by_rule(gs, "TEST-BKT-001")->span, (Span{9, 2, 3}));
}

TEST(Engine, RawKindsAndOneRule) {
  Resource raw;
  raw.kind = "cfn:AWS::S3::Bucket";
  raw.attributes = yaml("{Properties: {BucketName: x}}");
  std::vector<Finding> out;
  evaluate_rule(*rules().find("TEST-RAW-001"), raw, out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].verdict, Verdict::Pass);
  EXPECT_EQ(out[0].message, "Raw resources name themselves");
  evaluate(rules(), raw, out);  // appends
  EXPECT_EQ(out.size(), 2u);
  Resource other;
  other.kind = "test.other";
  EXPECT_TRUE(evaluate(rules(), other).empty());
}

TEST(Engine, ConcurrentScansShareOneRuleSet) {
  Resource good = bucket("{name: a, public: false, encryption: {enabled: true}, tags: {Owner: x}}");
  Resource bad = bucket("{name: b, public: false, encryption: {enabled: false}}");
  std::vector<int> wrong(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 300; ++i) {
        auto fg = evaluate(rules(), good);
        auto fb = evaluate(rules(), bad);
        if (fg.size() != 2 || fg[0].verdict != Verdict::Pass) ++wrong[t];
        if (fb.size() != 2 || fb[0].verdict != Verdict::Fail || fb[0].message.find("Bucket b") != 0)
          ++wrong[t];
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int w : wrong) EXPECT_EQ(w, 0);
}

}  // namespace
}  // namespace cc::rules
