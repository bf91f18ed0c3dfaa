#include <gtest/gtest.h>

#include "raw2.h"

namespace cc {
namespace {

using test::at;

TEST(AdaptCloudfront, BehavioursCertificateLoggingAndWaf) {
  Document doc = test::raw_doc(R"(
Cdn:
  Type: AWS::CloudFront::Distribution
  Properties:
    DistributionConfig:
      Enabled: true
      Aliases: [www.example.com]
      DefaultRootObject: index.html
      DefaultCacheBehavior: {TargetOriginId: site, ViewerProtocolPolicy: redirect-to-https}
      CacheBehaviors:
        - {PathPattern: /api/*, TargetOriginId: api, ViewerProtocolPolicy: allow-all}
      ViewerCertificate:
        AcmCertificateArn: arn:aws:acm:us-east-1:111122223333:certificate/abc
        SslSupportMethod: sni-only
        MinimumProtocolVersion: TLSv1.2_2021
      Logging: {Bucket: logs.s3.amazonaws.com}
      WebACLId: {"!GetAtt": Acl.Arn}
      Origins:
        - {Id: site, DomainName: site.s3.amazonaws.com, S3OriginConfig: {}}
        - Id: api
          DomainName: api.example.com
          CustomOriginConfig: {OriginProtocolPolicy: http-only}
      Restrictions: {GeoRestriction: {RestrictionType: blacklist, Locations: [KP]}}
Acl:
  Type: AWS::WAFv2::WebACL
)");
  Diagnostics diags;
  auto out = test::run(model::aws::adapt_cloudfront, doc, diags);
  ASSERT_EQ(out.size(), 1u);
  const Value& a = out[0].attributes;
  ASSERT_EQ(at(a, "behaviors").as_list().size(), 2u);
  EXPECT_EQ(at(a, "behaviors.0.path_pattern"), Value::string("*"));
  EXPECT_EQ(at(a, "behaviors.0.default"), Value::boolean(true));
  EXPECT_EQ(at(a, "behaviors.1.viewer_protocol_policy"), Value::string("allow-all"));
  EXPECT_EQ(at(a, "behaviors.1.viewer_protocol_policy").span().line, 11u);
  EXPECT_EQ(at(a, "viewer_certificate.default_certificate"), Value::boolean(false));
  EXPECT_EQ(at(a, "viewer_certificate.minimum_protocol_version"), Value::string("TLSv1.2_2021"));
  EXPECT_EQ(at(a, "logging.enabled"), Value::boolean(true));
  EXPECT_EQ(at(a, "waf.enabled"), Value::boolean(true));
  EXPECT_EQ(at(a, "origins.0.type"), Value::string("s3"));
  EXPECT_EQ(at(a, "origins.1.protocol_policy"), Value::string("http-only"));
  EXPECT_EQ(at(a, "geo_restriction.type"), Value::string("blacklist"));
  EXPECT_EQ(at(a, "default_root_object"), Value::string("index.html"));
  test::expect_fits_schema(out[0]);
}

TEST(AdaptCloudfront, DefaultCertificateMeansTlsV1AndNoLoggingByDefault) {
  Document doc = test::raw_doc(R"(
Cdn:
  Type: AWS::CloudFront::Distribution
  Properties:
    DistributionConfig:
      Enabled: true
      DefaultCacheBehavior: {TargetOriginId: site, ViewerProtocolPolicy: https-only}
      ViewerCertificate: {CloudFrontDefaultCertificate: true, MinimumProtocolVersion: TLSv1.2_2021}
)");
  Diagnostics diags;
  auto out = test::run(model::aws::adapt_cloudfront, doc, diags);
  ASSERT_EQ(out.size(), 1u);
  Value a = test::with_defaults(out[0]);
  EXPECT_EQ(at(a, "viewer_certificate.default_certificate"), Value::boolean(true));
  // The shared certificate ignores the requested minimum.
  EXPECT_EQ(at(a, "viewer_certificate.minimum_protocol_version"), Value::string("TLSv1"));
  EXPECT_EQ(at(a, "logging.enabled"), Value::boolean(false));
  EXPECT_EQ(at(a, "waf.enabled"), Value::boolean(false));
  test::expect_fits_schema(out[0]);
}

TEST(AdaptCloudfront, LogDeliverySourceCountsAsLogging) {
  Document doc = test::raw_doc(R"(
Cdn:
  Type: AWS::CloudFront::Distribution
  Properties:
    DistributionConfig:
      Enabled: true
      DefaultCacheBehavior: {TargetOriginId: site, ViewerProtocolPolicy: https-only}
Source:
  Type: AWS::Logs::DeliverySource
  Properties:
    Name: cdn-logs
    LogType: ACCESS_LOGS
    ResourceArn: {"!Ref": Cdn}
)");
  Diagnostics diags;
  auto out = test::run(model::aws::adapt_cloudfront, doc, diags);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(at(out[0].attributes, "logging.enabled"), Value::boolean(true));
}

TEST(AdaptCloudfront, UnknownConfigurationMakesFieldsUnknown) {
  Document doc = test::raw_doc(R"(
Cdn:
  Type: AWS::CloudFront::Distribution
  Properties:
    DistributionConfig: {"!Unknown": from a transform}
)");
  Diagnostics diags;
  auto out = test::run(model::aws::adapt_cloudfront, doc, diags);
  ASSERT_EQ(out.size(), 1u);
  Value a = test::with_defaults(out[0]);
  EXPECT_TRUE(at(a, "behaviors").is_unknown());
  EXPECT_TRUE(at(a, "waf").is_unknown());
  EXPECT_TRUE(diags.empty());
}

}  // namespace
}  // namespace cc
