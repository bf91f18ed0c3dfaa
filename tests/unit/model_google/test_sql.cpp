#include <gtest/gtest.h>

#include "../common/raw_tf.h"
#include "model/google/google.h"

namespace cc {
namespace {

using test::at;

constexpr const char* kConfig = R"(
google_sql_database_instance.pg:
  name: orders
  database_version: POSTGRES_15
  region: europe-west1
  deletion_protection: false
  encryption_key_name: {"$ref": google_kms_crypto_key.sql.id}
  settings:
    - tier: db-custom-2-7680
      availability_type: REGIONAL
      deletion_protection_enabled: true
      ip_configuration:
        - ipv4_enabled: true
          ssl_mode: ENCRYPTED_ONLY
          authorized_networks:
            - {name: office, value: 203.0.113.0/24}
            - {name: anyone, value: 0.0.0.0/0}
      backup_configuration: [{enabled: true, point_in_time_recovery_enabled: true}]
      database_flags:
        - {name: log_connections, value: "on"}
        - {name: log_min_duration_statement, value: -1}
google_sql_database_instance.mysql:
  name: legacy
  database_version: MYSQL_5_7
  settings:
    - tier: db-f1-micro
      ip_configuration: [{ipv4_enabled: false, require_ssl: true, private_network: {"$ref": google_compute_network.vpc.id}}]
google_sql_database_instance.bare:
  database_version: SQLSERVER_2019_STANDARD
  settings: [{tier: db-custom-2-7680, ip_configuration: [{ssl_mode: ALLOW_UNENCRYPTED_AND_ENCRYPTED, require_ssl: true}]}]
)";

TEST(AdaptSql, ReadsSettings) {
  auto out = test::adapt_quietly(model::google::adapt, kConfig);
  test::expect_all_fit(out);
  const Resource* pg = test::find(out, "gcp.sql.instance", "google_sql_database_instance.pg");
  ASSERT_NE(pg, nullptr);
  Value v = test::with_defaults(*pg);
  EXPECT_EQ(at(v, "engine").as_string(), "postgres");
  EXPECT_TRUE(test::is_false(at(v, "deletion_protection")));
  EXPECT_TRUE(test::is_true(at(v, "api_deletion_protection")));
  EXPECT_TRUE(test::is_true(at(v, "public_ip")));
  EXPECT_TRUE(test::is_true(at(v, "ssl_required")));
  EXPECT_EQ(at(v, "authorized_networks.1.cidr").as_string(), "0.0.0.0/0");
  EXPECT_EQ(at(v, "authorized_networks.1.cidr").span().line, 17u);
  EXPECT_TRUE(test::is_true(at(v, "backups.enabled")));
  EXPECT_TRUE(test::is_true(at(v, "backups.point_in_time_recovery")));
  EXPECT_DOUBLE_EQ(at(v, "backups.retained_backups").as_number(), 7);
  EXPECT_EQ(at(v, "database_flags.log_connections").as_string(), "on");
  EXPECT_EQ(at(v, "database_flags.log_min_duration_statement").as_string(), "-1");
  EXPECT_TRUE(test::is_true(at(v, "encryption.customer_managed_key")));
  EXPECT_EQ(at(v, "availability_type").as_string(), "REGIONAL");
}

TEST(AdaptSql, OlderArgumentsAndDefaults) {
  auto out = test::adapt_quietly(model::google::adapt, kConfig);
  const Resource* my = test::find(out, "gcp.sql.instance", "google_sql_database_instance.mysql");
  ASSERT_NE(my, nullptr);
  Value v = test::with_defaults(*my);
  EXPECT_EQ(at(v, "engine").as_string(), "mysql");
  EXPECT_TRUE(test::is_false(at(v, "public_ip")));
  EXPECT_TRUE(test::is_true(at(v, "ssl_required")));  // require_ssl, before ssl_mode
  EXPECT_EQ(at(v, "private_network").as_string(), "${google_compute_network.vpc.id}");
  EXPECT_TRUE(test::is_true(at(v, "deletion_protection")));  // provider default
  EXPECT_EQ(at(v, "deletion_protection").provenance(), Provenance::Default);
  EXPECT_TRUE(test::is_false(at(v, "backups.enabled")));

  const Resource* bare = test::find(out, "gcp.sql.instance", "google_sql_database_instance.bare");
  ASSERT_NE(bare, nullptr);
  Value bv = test::with_defaults(*bare);
  // ssl_mode decides over the older switch when both are written.
  EXPECT_TRUE(test::is_false(at(bv, "ssl_required")));
  EXPECT_TRUE(test::is_true(at(bv, "public_ip")));  // ipv4_enabled defaults to true
}

TEST(AdaptSql, UnknownSslModeStaysUnknown) {
  auto out = test::adapt_quietly(model::google::adapt, R"(
google_sql_database_instance.x:
  name: x
  database_version: POSTGRES_15
  settings: [{ip_configuration: [{ssl_mode: {"$unknown": var.ssl_mode}}], database_flags: {"$unknown": var.flags}}]
)");
  const Resource* x = test::find(out, "gcp.sql.instance", "google_sql_database_instance.x");
  ASSERT_NE(x, nullptr);
  EXPECT_TRUE(at(x->attributes, "ssl_required").is_unknown());
  EXPECT_TRUE(at(x->attributes, "database_flags").is_unknown());
}

}  // namespace
}  // namespace cc
