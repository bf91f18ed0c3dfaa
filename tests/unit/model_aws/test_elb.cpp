#include <gtest/gtest.h>

#include "raw2.h"

namespace cc {
namespace {

using test::at;

constexpr const char* kTemplate = R"(
Alb:
  Type: AWS::ElasticLoadBalancingV2::LoadBalancer
  Properties:
    Name: web
    Scheme: internal
    LoadBalancerAttributes:
      - {Key: access_logs.s3.enabled, Value: "true"}
      - {Key: access_logs.s3.bucket, Value: logs-bucket}
      - {Key: routing.http.drop_invalid_header_fields.enabled, Value: "true"}
      - {Key: idle_timeout.timeout_seconds, Value: "60"}
Http:
  Type: AWS::ElasticLoadBalancingV2::Listener
  Properties:
    LoadBalancerArn: {"!Ref": Alb}
    Protocol: HTTP
    Port: 80
    DefaultActions:
      - Type: redirect
        RedirectConfig: {Protocol: HTTPS, Port: "443", StatusCode: HTTP_301}
Https:
  Type: AWS::ElasticLoadBalancingV2::Listener
  Properties:
    LoadBalancerArn: {"!Ref": Alb}
    Protocol: HTTPS
    Port: 443
    SslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06
    Certificates: [{CertificateArn: arn:aws:acm:eu-west-1:111122223333:certificate/abc}]
    DefaultActions: [{Type: forward, TargetGroupArn: {"!Ref": Targets}}]
Elsewhere:
  Type: AWS::ElasticLoadBalancingV2::Listener
  Properties:
    LoadBalancerArn: {"!ImportValue": shared-alb}
    Protocol: HTTP
    Port: 8080
    DefaultActions: [{Type: forward, TargetGroupArn: {"!Ref": Targets}}]
Classic:
  Type: AWS::ElasticLoadBalancing::LoadBalancer
  Properties:
    Listeners:
      - {LoadBalancerPort: "80", InstancePort: "80", Protocol: HTTP}
      - {LoadBalancerPort: "443", InstancePort: "80", Protocol: HTTPS, SSLCertificateId: arn:cert}
    AccessLoggingPolicy: {Enabled: false, S3BucketName: logs}
)";

TEST(AdaptElb, BalancerAttributesBecomeFields) {
  Document doc = test::raw_doc(kTemplate);
  Diagnostics diags;
  auto out = test::run(model::aws::adapt_elb, doc, diags);
  ASSERT_EQ(out.size(), 5u);
  const Resource* alb = test::find(out, "aws.elb.load_balancer", "Alb");
  ASSERT_NE(alb, nullptr);
  EXPECT_EQ(alb->name, "web");
  Value a = test::with_defaults(*alb);
  EXPECT_EQ(at(a, "type"), Value::string("application"));
  EXPECT_EQ(at(a, "scheme"), Value::string("internal"));
  EXPECT_EQ(at(a, "access_logs.enabled"), Value::boolean(true));
  EXPECT_EQ(at(a, "access_logs.enabled").span().line, 8u);
  EXPECT_EQ(at(a, "access_logs.bucket"), Value::string("logs-bucket"));
  EXPECT_EQ(at(a, "drop_invalid_header_fields"), Value::boolean(true));
  EXPECT_EQ(at(a, "deletion_protection"), Value::boolean(false));
  EXPECT_EQ(at(a, "deletion_protection").provenance(), Provenance::Default);
  test::expect_fits_schema(*alb);
}

TEST(AdaptElb, ListenersJoinTheirBalancerAndSeeRedirects) {
  Document doc = test::raw_doc(kTemplate);
  Diagnostics diags;
  auto out = test::run(model::aws::adapt_elb, doc, diags);
  const Resource* http = test::find(out, "aws.elb.listener", "Http");
  const Resource* https = test::find(out, "aws.elb.listener", "Https");
  const Resource* elsewhere = test::find(out, "aws.elb.listener", "Elsewhere");
  ASSERT_TRUE(http && https && elsewhere);
  EXPECT_EQ(at(http->attributes, "load_balancer"), Value::string("Alb"));
  EXPECT_EQ(at(http->attributes, "load_balancer_type"), Value::string("application"));
  EXPECT_EQ(at(http->attributes, "redirects_to_https"), Value::boolean(true));
  EXPECT_EQ(at(http->attributes, "port"), Value::number(80));
  EXPECT_EQ(at(https->attributes, "redirects_to_https"), Value::boolean(false));
  EXPECT_EQ(at(https->attributes, "ssl_policy"),
            Value::string("ELBSecurityPolicy-TLS13-1-2-2021-06"));
  EXPECT_EQ(at(https->attributes, "certificates").as_list().size(), 1u);
  // The balancer lives in another stack: its type cannot be known.
  EXPECT_TRUE(at(elsewhere->attributes, "load_balancer_type").is_unknown());
  for (const Resource* r : {http, https, elsewhere}) test::expect_fits_schema(*r);
}

TEST(AdaptElb, ClassicBalancerKeepsListenersInline) {
  Document doc = test::raw_doc(kTemplate);
  Diagnostics diags;
  auto out = test::run(model::aws::adapt_elb, doc, diags);
  const Resource* classic = test::find(out, "aws.elb.load_balancer", "Classic");
  ASSERT_NE(classic, nullptr);
  const Value& a = classic->attributes;
  EXPECT_EQ(at(a, "type"), Value::string("classic"));
  EXPECT_EQ(at(a, "access_logs.enabled"), Value::boolean(false));
  EXPECT_EQ(at(a, "listeners.0.protocol"), Value::string("HTTP"));
  EXPECT_EQ(at(a, "listeners.1.port"), Value::number(443));
  EXPECT_EQ(at(a, "listeners.1.certificate"), Value::string("arn:cert"));
  test::expect_fits_schema(*classic);
}

TEST(AdaptElb, UnreadableActionsAndAttributesAreUnknown) {
  Document doc = test::raw_doc(R"(
Lb:
  Type: AWS::ElasticLoadBalancingV2::LoadBalancer
  Properties:
    LoadBalancerAttributes: {"!Unknown": from a condition}
L:
  Type: AWS::ElasticLoadBalancingV2::Listener
  Properties:
    LoadBalancerArn: {"!Ref": Lb}
    Protocol: HTTP
    DefaultActions:
      - Type: redirect
        RedirectConfig: {Protocol: {"!Ref": ProtocolParameter}}
)");
  Diagnostics diags;
  auto out = test::run(model::aws::adapt_elb, doc, diags);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_TRUE(at(out[0].attributes, "access_logs.enabled").is_unknown());
  EXPECT_TRUE(at(out[0].attributes, "deletion_protection").is_unknown());
  EXPECT_TRUE(at(out[1].attributes, "redirects_to_https").is_unknown());
}

}  // namespace
}  // namespace cc
