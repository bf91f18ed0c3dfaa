#include <gtest/gtest.h>

#include "raw2.h"

namespace cc {
namespace {

using test::at;

TEST(AdaptGuardduty, DataSourcesAndFeaturesShareOneList) {
  Document doc = test::raw_doc(R"(
Detector:
  Type: AWS::GuardDuty::Detector
  Properties:
    Enable: true
    FindingPublishingFrequency: FIFTEEN_MINUTES
    DataSources:
      S3Logs: {Enable: true}
      Kubernetes: {AuditLogs: {Enable: false}}
    Features:
      - {Name: RDS_LOGIN_EVENTS, Status: ENABLED}
)");
  Diagnostics diags;
  auto out = test::run(model::aws::adapt_guardduty, doc, diags);
  ASSERT_EQ(out.size(), 1u);
  const Value& a = out[0].attributes;
  EXPECT_EQ(at(a, "enabled"), Value::boolean(true));
  EXPECT_EQ(at(a, "enabled").span().line, 5u);
  EXPECT_EQ(at(a, "finding_publishing_frequency"), Value::string("FIFTEEN_MINUTES"));
  ASSERT_EQ(at(a, "features").as_list().size(), 3u);
  EXPECT_EQ(at(a, "features.0.name"), Value::string("S3_DATA_EVENTS"));
  EXPECT_EQ(at(a, "features.0.status"), Value::string("ENABLED"));
  EXPECT_EQ(at(a, "features.1.status"), Value::string("DISABLED"));
  EXPECT_EQ(at(a, "features.2.name"), Value::string("RDS_LOGIN_EVENTS"));
  test::expect_fits_schema(out[0]);
}

TEST(AdaptGuardduty, MissingOrUnknownEnableIsUnknown) {
  Document doc = test::raw_doc(R"(
Missing:
  Type: AWS::GuardDuty::Detector
  Properties: {}
FromParameter:
  Type: AWS::GuardDuty::Detector
  Properties: {Enable: {"!Ref": EnableParameter}}
Off:
  Type: AWS::GuardDuty::Detector
  Properties: {Enable: "false"}
)");
  Diagnostics diags;
  auto out = test::run(model::aws::adapt_guardduty, doc, diags);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_TRUE(at(out[0].attributes, "enabled").is_unknown());
  EXPECT_TRUE(at(out[1].attributes, "enabled").is_unknown());
  EXPECT_EQ(at(out[2].attributes, "enabled"), Value::boolean(false));
}

}  // namespace
}  // namespace cc
