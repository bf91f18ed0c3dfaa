#include <gtest/gtest.h>

#include "../common/raw_tf.h"
#include "model/google/google.h"

namespace cc {
namespace {

using test::at;

TEST(AdaptFirewall, FlattensAllowBlocksPerPortRange) {
  auto out = test::adapt_quietly(model::google::adapt, R"(
google_compute_firewall.ssh:
  name: allow-ssh
  network: {"$ref": google_compute_network.vpc.name}
  source_ranges: [0.0.0.0/0]
  allow: [{protocol: tcp, ports: ["22", "8000-8080"]}, {protocol: icmp}]
  log_config: [{metadata: INCLUDE_ALL_METADATA}]
)");
  test::expect_all_fit(out);
  const Resource* fw = test::find(out, "gcp.compute.firewall", "google_compute_firewall.ssh");
  ASSERT_NE(fw, nullptr);
  Value v = test::with_defaults(*fw);
  EXPECT_EQ(at(v, "network").as_string(), "${google_compute_network.vpc.name}");
  EXPECT_EQ(at(v, "direction").as_string(), "INGRESS");
  const Value& allow = at(v, "allow");
  ASSERT_EQ(allow.as_list().size(), 3u);
  EXPECT_EQ(at(allow, "0.protocol").as_string(), "tcp");
  EXPECT_DOUBLE_EQ(at(allow, "0.from_port").as_number(), 22);
  EXPECT_DOUBLE_EQ(at(allow, "1.from_port").as_number(), 8000);
  EXPECT_DOUBLE_EQ(at(allow, "1.to_port").as_number(), 8080);
  EXPECT_DOUBLE_EQ(at(allow, "2.to_port").as_number(), 65535);  // no ports: all of them
  EXPECT_EQ(at(allow, "0.from_port").span().line, 6u);
  EXPECT_TRUE(test::is_true(at(v, "logging")));
}

TEST(AdaptFirewall, IngressWithoutSourcesAdmitsEveryAddressByDefault) {
  auto out = test::adapt_quietly(model::google::adapt, R"(
google_compute_firewall.open:
  name: open
  network: default
  allow: [{protocol: "6", ports: [3389]}]
google_compute_firewall.tagged:
  name: tagged
  network: default
  source_tags: [bastion]
  allow: [{protocol: tcp, ports: ["22"]}]
google_compute_firewall.egress:
  name: egress
  network: default
  direction: EGRESS
  enable_logging: true
  deny: [{protocol: all}]
)");
  const Resource* open = test::find(out, "gcp.compute.firewall", "google_compute_firewall.open");
  ASSERT_NE(open, nullptr);
  const Value& ranges = at(open->attributes, "source_ranges");
  ASSERT_EQ(ranges.as_list().size(), 1u);
  EXPECT_EQ(at(ranges, "0").as_string(), "0.0.0.0/0");
  EXPECT_EQ(ranges.provenance(), Provenance::Default);
  EXPECT_EQ(at(open->attributes, "allow.0.protocol").as_string(), "tcp");
  EXPECT_DOUBLE_EQ(at(open->attributes, "allow.0.to_port").as_number(), 3389);

  const Resource* tagged =
      test::find(out, "gcp.compute.firewall", "google_compute_firewall.tagged");
  ASSERT_NE(tagged, nullptr);
  EXPECT_EQ(tagged->attributes.find("source_ranges"), nullptr);

  const Resource* egress =
      test::find(out, "gcp.compute.firewall", "google_compute_firewall.egress");
  ASSERT_NE(egress, nullptr);
  EXPECT_EQ(egress->attributes.find("source_ranges"), nullptr);
  EXPECT_TRUE(test::is_true(at(egress->attributes, "logging")));  // provider 3 argument
  EXPECT_EQ(at(egress->attributes, "deny.0.protocol").as_string(), "all");
}

TEST(AdaptFirewall, UnknownPortsAndSourcesStayUnknown) {
  auto out = test::adapt_quietly(model::google::adapt, R"(
google_compute_firewall.var:
  name: var
  network: default
  source_ranges: {"$unknown": var.cidrs}
  allow: [{protocol: tcp, ports: {"$unknown": var.ports}}]
)");
  const Resource* fw = test::find(out, "gcp.compute.firewall", "google_compute_firewall.var");
  ASSERT_NE(fw, nullptr);
  EXPECT_TRUE(at(fw->attributes, "source_ranges").is_unknown());
  EXPECT_TRUE(at(fw->attributes, "allow.0.from_port").is_unknown());
}

}  // namespace
}  // namespace cc
