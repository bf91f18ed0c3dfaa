#include <gtest/gtest.h>

#include "../common/raw_tf.h"
#include "model/google/google.h"

namespace cc {
namespace {

using test::at;

TEST(AdaptNetwork, NetworkAndSubnetworks) {
  auto out = test::adapt_quietly(model::google::adapt, R"(
google_compute_network.vpc:
  name: prod
  auto_create_subnetworks: false
google_compute_network.auto:
  name: auto
google_compute_subnetwork.app:
  name: app
  network: {"$ref": google_compute_network.vpc.id}
  ip_cidr_range: 10.0.0.0/24
  private_ip_google_access: true
  log_config: [{aggregation_interval: INTERVAL_10_MIN, flow_sampling: 0.8}]
google_compute_subnetwork.old:
  name: old
  network: prod
  ip_cidr_range: 10.1.0.0/24
  enable_flow_logs: true
google_compute_subnetwork.bare:
  name: bare
  network: prod
  ip_cidr_range: 10.2.0.0/24
)");
  test::expect_all_fit(out);
  const Resource* vpc = test::find(out, "gcp.compute.network", "google_compute_network.vpc");
  ASSERT_NE(vpc, nullptr);
  EXPECT_TRUE(test::is_false(at(vpc->attributes, "auto_create_subnetworks")));
  const Resource* autonet = test::find(out, "gcp.compute.network", "google_compute_network.auto");
  ASSERT_NE(autonet, nullptr);
  Value av = test::with_defaults(*autonet);
  EXPECT_TRUE(test::is_true(at(av, "auto_create_subnetworks")));
  EXPECT_EQ(at(av, "auto_create_subnetworks").provenance(), Provenance::Default);

  const Resource* app = test::find(out, "gcp.compute.subnetwork", "google_compute_subnetwork.app");
  ASSERT_NE(app, nullptr);
  Value v = test::with_defaults(*app);
  EXPECT_EQ(at(v, "network").as_string(), "${google_compute_network.vpc.id}");
  EXPECT_TRUE(test::is_true(at(v, "private_ip_google_access")));
  EXPECT_TRUE(test::is_true(at(v, "flow_logs.enabled")));
  EXPECT_EQ(at(v, "flow_logs.enabled").span().line, 12u);
  EXPECT_EQ(at(v, "flow_logs.aggregation_interval").as_string(), "INTERVAL_10_MIN");
  EXPECT_DOUBLE_EQ(at(v, "flow_logs.sampling").as_number(), 0.8);
  EXPECT_EQ(at(v, "flow_logs.metadata").as_string(), "INCLUDE_ALL_METADATA");  // default

  const Resource* old = test::find(out, "gcp.compute.subnetwork", "google_compute_subnetwork.old");
  ASSERT_NE(old, nullptr);
  EXPECT_TRUE(test::is_true(at(old->attributes, "flow_logs.enabled")));

  const Resource* bare =
      test::find(out, "gcp.compute.subnetwork", "google_compute_subnetwork.bare");
  ASSERT_NE(bare, nullptr);
  Value bv = test::with_defaults(*bare);
  EXPECT_TRUE(test::is_false(at(bv, "flow_logs.enabled")));
  EXPECT_TRUE(test::is_false(at(bv, "private_ip_google_access")));
}

}  // namespace
}  // namespace cc
