#include <gtest/gtest.h>

#include "../common/raw_tf.h"
#include "model/aws_tf/aws_tf.h"

namespace cc {
namespace {

using test::at;

TEST(TfCloudfront, DistributionArguments) {
  Document doc = test::tf_doc(R"({
"aws_cloudfront_distribution.site": {
  "enabled": true,
  "aliases": ["www.example.com"],
  "default_root_object": "index.html",
  "web_acl_id": {"$ref": "aws_wafv2_web_acl.edge.arn"},
  "origin": [
    {"origin_id": "bucket", "domain_name": {"$ref": "aws_s3_bucket.site.bucket_regional_domain_name"},
     "s3_origin_config": [{"origin_access_identity": ""}]},
    {"origin_id": "api", "domain_name": "api.example.com",
     "custom_origin_config": [{"http_port": 80, "https_port": 443, "origin_protocol_policy": "http-only",
                               "origin_ssl_protocols": ["TLSv1.2"]}]}
  ],
  "default_cache_behavior": [{"target_origin_id": "bucket", "viewer_protocol_policy": "redirect-to-https"}],
  "ordered_cache_behavior": [{"path_pattern": "/api/*", "target_origin_id": "api", "viewer_protocol_policy": "allow-all"}],
  "viewer_certificate": [{"acm_certificate_arn": {"$ref": "aws_acm_certificate.site.arn"},
                          "ssl_support_method": "sni-only", "minimum_protocol_version": "TLSv1.2_2021"}],
  "logging_config": [{"bucket": "logs.s3.amazonaws.com", "include_cookies": false}],
  "restrictions": [{"geo_restriction": [{"restriction_type": "whitelist", "locations": ["DE", "FR"]}]}],
  "tags": {"app": "site"}
}
})");
  Diagnostics diags;
  auto out = test::adapt_checked(model::aws_tf::adapt_cloudfront, doc, diags);
  ASSERT_EQ(out.size(), 1u);
  const Value& d = out[0].attributes;
  EXPECT_EQ(at(d, "enabled"), Value::boolean(true));
  EXPECT_EQ(at(d, "aliases").as_list().size(), 1u);
  EXPECT_EQ(at(d, "waf.enabled"), Value::boolean(true));
  EXPECT_EQ(at(d, "waf.web_acl"), Value::string("${aws_wafv2_web_acl.edge.arn}"));
  const Value& behaviors = at(d, "behaviors");
  ASSERT_EQ(behaviors.as_list().size(), 2u);
  EXPECT_EQ(at(behaviors, "0.default"), Value::boolean(true));
  EXPECT_EQ(at(behaviors, "0.path_pattern"), Value::string("*"));
  EXPECT_EQ(at(behaviors, "1.viewer_protocol_policy"), Value::string("allow-all"));
  EXPECT_EQ(at(behaviors, "1.viewer_protocol_policy").span().line, 15u);
  EXPECT_EQ(at(d, "viewer_certificate.default_certificate"), Value::boolean(false));
  EXPECT_EQ(at(d, "viewer_certificate.minimum_protocol_version"), Value::string("TLSv1.2_2021"));
  EXPECT_EQ(at(d, "viewer_certificate.certificate"),
            Value::string("${aws_acm_certificate.site.arn}"));
  EXPECT_EQ(at(d, "logging.enabled"), Value::boolean(true));
  const Value& origins = at(d, "origins");
  ASSERT_EQ(origins.as_list().size(), 2u);
  EXPECT_EQ(at(origins, "0.type"), Value::string("s3"));
  EXPECT_EQ(at(origins, "1.type"), Value::string("custom"));
  EXPECT_EQ(at(origins, "1.protocol_policy"), Value::string("http-only"));
  EXPECT_EQ(at(d, "geo_restriction.type"), Value::string("whitelist"));
  EXPECT_EQ(at(d, "geo_restriction.locations").as_list().size(), 2u);
  EXPECT_EQ(at(d, "tags.app"), Value::string("site"));
}

TEST(TfCloudfront, DefaultCertificateAcceptsOldTls) {
  Document doc = test::tf_doc(R"({
"aws_cloudfront_distribution.shared": {
  "enabled": true,
  "default_cache_behavior": [{"viewer_protocol_policy": "https-only"}],
  "viewer_certificate": [{"cloudfront_default_certificate": true, "minimum_protocol_version": "TLSv1.2_2021"}]
},
"aws_cloudfront_distribution.own_cert_no_minimum": {
  "enabled": true,
  "viewer_certificate": [{"acm_certificate_arn": "arn:aws:acm:us-east-1:111122223333:certificate/x", "ssl_support_method": "sni-only"}]
},
"aws_cloudfront_distribution.unknown_cert": {"enabled": true, "viewer_certificate": {"$unknown": "dynamic block"}}
})");
  Diagnostics diags;
  auto out = test::adapt_checked(model::aws_tf::adapt_cloudfront, doc, diags);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(at(out[0].attributes, "viewer_certificate.minimum_protocol_version"),
            Value::string("TLSv1"));
  EXPECT_EQ(at(out[0].attributes, "viewer_certificate.default_certificate").span().line, 5u);
  Value own = test::with_defaults(out[1]);
  EXPECT_EQ(at(own, "viewer_certificate.default_certificate"), Value::boolean(false));
  EXPECT_EQ(at(own, "viewer_certificate.minimum_protocol_version"), Value::string("TLSv1"));
  EXPECT_EQ(at(own, "logging.enabled"), Value::boolean(false));
  EXPECT_EQ(at(own, "waf.enabled"), Value::boolean(false));
  EXPECT_TRUE(at(out[2].attributes, "viewer_certificate").is_unknown());
}

TEST(TfCloudfront, LogDeliverySourceCountsAsLogging) {
  Document doc = test::tf_doc(R"({
"aws_cloudfront_distribution.cdn": {"enabled": true},
"aws_cloudwatch_log_delivery_source.cdn": {
  "name": "cdn", "log_type": "ACCESS_LOGS", "resource_arn": {"$ref": "aws_cloudfront_distribution.cdn.arn"}
}
})");
  Diagnostics diags;
  auto out = test::adapt_checked(model::aws_tf::adapt_cloudfront, doc, diags);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(at(out[0].attributes, "logging.enabled"), Value::boolean(true));
}

}  // namespace
}  // namespace cc
