#include <gtest/gtest.h>

#include "../common/raw_tf.h"
#include "model/aws_tf/aws_tf.h"

namespace cc {
namespace {

using test::at;

TEST(TfGuardduty, DetectorIsOnUnlessTurnedOff) {
  Document doc = test::tf_doc(R"({
"aws_guardduty_detector.default": {},
"aws_guardduty_detector.off": {"enable": false},
"aws_guardduty_detector.var": {"enable": {"$unknown": "var.enabled"}, "finding_publishing_frequency": "FIFTEEN_MINUTES"}
})");
  Diagnostics diags;
  auto out = test::adapt_checked(model::aws_tf::adapt_guardduty, doc, diags);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(at(out[0].attributes, "enabled"), Value::boolean(true));
  EXPECT_EQ(at(out[0].attributes, "enabled").span().line, 2u);
  EXPECT_EQ(at(out[1].attributes, "enabled"), Value::boolean(false));
  EXPECT_EQ(at(out[1].attributes, "enabled").span().line, 3u);
  EXPECT_TRUE(at(out[2].attributes, "enabled").is_unknown());
  EXPECT_EQ(at(out[2].attributes, "finding_publishing_frequency"),
            Value::string("FIFTEEN_MINUTES"));
}

TEST(TfGuardduty, DatasourcesAndFeatureResourcesBecomeFeatures) {
  Document doc = test::tf_doc(R"({
"aws_guardduty_detector.main": {
  "enable": true,
  "datasources": [{
    "s3_logs": [{"enable": true}],
    "kubernetes": [{"audit_logs": [{"enable": false}]}],
    "malware_protection": [{"scan_ec2_instance_with_findings": [{"ebs_volumes": [{"enable": true}]}]}]
  }]
},
"aws_guardduty_detector_feature.runtime": {
  "detector_id": {"$ref": "aws_guardduty_detector.main.id"},
  "name": "RUNTIME_MONITORING",
  "status": "ENABLED"
}
})");
  Diagnostics diags;
  auto out = test::adapt_checked(model::aws_tf::adapt_guardduty, doc, diags);
  ASSERT_EQ(out.size(), 1u);
  const Value& features = at(out[0].attributes, "features");
  ASSERT_EQ(features.as_list().size(), 4u);
  EXPECT_EQ(at(features, "0.name"), Value::string("S3_DATA_EVENTS"));
  EXPECT_EQ(at(features, "0.status"), Value::string("ENABLED"));
  EXPECT_EQ(at(features, "1.name"), Value::string("EKS_AUDIT_LOGS"));
  EXPECT_EQ(at(features, "1.status"), Value::string("DISABLED"));
  EXPECT_EQ(at(features, "1.status").span().line, 6u);
  EXPECT_EQ(at(features, "2.name"), Value::string("EBS_MALWARE_PROTECTION"));
  EXPECT_EQ(at(features, "3.name"), Value::string("RUNTIME_MONITORING"));
  EXPECT_EQ(at(features, "3.status"), Value::string("ENABLED"));
}

}  // namespace
}  // namespace cc
