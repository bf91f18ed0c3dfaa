#include <gtest/gtest.h>

#include "../common/raw_tf.h"
#include "model/aws_tf/aws_tf.h"

namespace cc {
namespace {

using test::at;

TEST(TfElb, LoadBalancers) {
  Document doc = test::tf_doc(R"({
"aws_lb.web": {
  "name": "web",
  "internal": false,
  "drop_invalid_header_fields": true,
  "enable_deletion_protection": true,
  "access_logs": [{"bucket": {"$ref": "aws_s3_bucket.logs.id"}, "enabled": true}]
},
"aws_alb.bucket_only": {"internal": true, "access_logs": [{"bucket": "logs"}]},
"aws_lb.nlb": {"load_balancer_type": "network"}
})");
  Diagnostics diags;
  auto out = test::adapt_checked(model::aws_tf::adapt_elb, doc, diags);
  ASSERT_EQ(out.size(), 3u);
  const Value& web = out[0].attributes;
  EXPECT_EQ(out[0].name, "web");
  EXPECT_EQ(at(web, "scheme"), Value::string("internet-facing"));
  EXPECT_EQ(at(web, "scheme").span().line, 4u);
  EXPECT_EQ(at(web, "access_logs.enabled"), Value::boolean(true));
  EXPECT_EQ(at(web, "access_logs.bucket"), Value::string("${aws_s3_bucket.logs.id}"));
  EXPECT_EQ(at(web, "drop_invalid_header_fields"), Value::boolean(true));
  EXPECT_EQ(at(web, "deletion_protection"), Value::boolean(true));
  // aws_lb and aws_alb are listed by type, so the order follows them.
  Value nlb = test::with_defaults(out[1]);
  EXPECT_EQ(out[1].address, "aws_lb.nlb");
  EXPECT_EQ(at(nlb, "type"), Value::string("network"));
  EXPECT_EQ(at(nlb, "access_logs.enabled"), Value::boolean(false));
  // A bucket alone does not turn access logs on for aws_lb.
  Value alb = test::with_defaults(out[2]);
  EXPECT_EQ(at(alb, "type"), Value::string("application"));
  EXPECT_EQ(at(alb, "scheme"), Value::string("internal"));
  EXPECT_EQ(at(alb, "access_logs.enabled"), Value::boolean(false));
  EXPECT_EQ(at(alb, "access_logs.enabled").provenance(), Provenance::Set);
}

TEST(TfElb, ClassicLoadBalancer) {
  Document doc = test::tf_doc(R"({
"aws_elb.legacy": {
  "name": "legacy",
  "listener": [
    {"lb_port": 443, "lb_protocol": "https", "instance_port": 8080, "instance_protocol": "http",
     "ssl_certificate_id": {"$ref": "aws_acm_certificate.c.arn"}},
    {"lb_port": 80, "lb_protocol": "http", "instance_port": 8080, "instance_protocol": "http"}
  ],
  "access_logs": [{"bucket": "logs"}]
}
})");
  Diagnostics diags;
  auto out = test::adapt_checked(model::aws_tf::adapt_elb, doc, diags);
  ASSERT_EQ(out.size(), 1u);
  const Value& elb = out[0].attributes;
  EXPECT_EQ(at(elb, "type"), Value::string("classic"));
  // The classic load balancer's access_logs.enabled defaults to true.
  EXPECT_EQ(at(elb, "access_logs.enabled"), Value::boolean(true));
  const Value& listeners = at(elb, "listeners");
  ASSERT_EQ(listeners.as_list().size(), 2u);
  EXPECT_EQ(at(listeners, "0.protocol"), Value::string("https"));
  EXPECT_EQ(at(listeners, "0.port"), Value::number(443));
  EXPECT_EQ(at(listeners, "0.certificate"), Value::string("${aws_acm_certificate.c.arn}"));
  EXPECT_EQ(at(listeners, "1.protocol").span().line, 7u);
}

TEST(TfElb, ListenersJoinTheirLoadBalancer) {
  Document doc = test::tf_doc(R"({
"aws_lb.web": {"name": "web"},
"aws_lb.net": {"load_balancer_type": "network"},
"aws_lb_listener.http": {
  "load_balancer_arn": {"$ref": "aws_lb.web.arn"},
  "port": 80,
  "default_action": [{"type": "redirect", "redirect": [{"port": "443", "protocol": "HTTPS", "status_code": "HTTP_301"}]}]
},
"aws_lb_listener.plain": {
  "load_balancer_arn": {"$ref": "aws_lb.web.arn"},
  "port": 8080,
  "default_action": [{"type": "forward", "target_group_arn": {"$ref": "aws_lb_target_group.app.arn"}}]
},
"aws_alb_listener.https": {
  "load_balancer_arn": {"$ref": "aws_lb.web.arn"},
  "port": 443,
  "protocol": "HTTPS",
  "ssl_policy": "ELBSecurityPolicy-TLS13-1-2-2021-06",
  "certificate_arn": {"$ref": "aws_acm_certificate.main.arn"}
},
"aws_lb_listener_certificate.extra": {
  "listener_arn": {"$ref": "aws_alb_listener.https.arn"},
  "certificate_arn": "arn:aws:acm:eu-west-1:111122223333:certificate/extra"
},
"aws_lb_listener.tcp": {"load_balancer_arn": {"$ref": "aws_lb.net.arn"}, "port": 5432},
"aws_lb_listener.outside": {"load_balancer_arn": {"$unknown": "var.lb_arn"}, "port": 80, "protocol": "HTTP"}
})");
  Diagnostics diags;
  auto out = test::adapt_checked(model::aws_tf::adapt_elb, doc, diags);
  ASSERT_EQ(out.size(), 7u);
  const Resource* http = test::find(out, "aws.elb.listener", "aws_lb_listener.http");
  ASSERT_NE(http, nullptr);
  EXPECT_EQ(at(http->attributes, "load_balancer"), Value::string("aws_lb.web"));
  EXPECT_EQ(at(http->attributes, "load_balancer_type"), Value::string("application"));
  // The provider listens with HTTP when an application listener names no protocol.
  EXPECT_EQ(at(http->attributes, "protocol"), Value::string("HTTP"));
  EXPECT_EQ(at(http->attributes, "redirects_to_https"), Value::boolean(true));
  EXPECT_EQ(at(http->attributes, "redirects_to_https").span().line, 7u);

  const Resource* plain = test::find(out, "aws.elb.listener", "aws_lb_listener.plain");
  ASSERT_NE(plain, nullptr);
  EXPECT_EQ(at(plain->attributes, "redirects_to_https"), Value::boolean(false));

  const Resource* https = test::find(out, "aws.elb.listener", "aws_alb_listener.https");
  ASSERT_NE(https, nullptr);
  EXPECT_EQ(at(https->attributes, "ssl_policy"),
            Value::string("ELBSecurityPolicy-TLS13-1-2-2021-06"));
  const Value& certs = at(https->attributes, "certificates");
  ASSERT_EQ(certs.as_list().size(), 2u);
  EXPECT_EQ(certs.as_list()[0], Value::string("${aws_acm_certificate.main.arn}"));

  const Resource* tcp = test::find(out, "aws.elb.listener", "aws_lb_listener.tcp");
  ASSERT_NE(tcp, nullptr);
  EXPECT_EQ(at(tcp->attributes, "load_balancer_type"), Value::string("network"));
  EXPECT_EQ(at(tcp->attributes, "protocol"), Value::string("TCP"));

  const Resource* outside = test::find(out, "aws.elb.listener", "aws_lb_listener.outside");
  ASSERT_NE(outside, nullptr);
  EXPECT_TRUE(at(outside->attributes, "load_balancer_type").is_unknown());
  EXPECT_TRUE(at(outside->attributes, "load_balancer").is_unknown());
}

}  // namespace
}  // namespace cc
