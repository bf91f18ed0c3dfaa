#include <gtest/gtest.h>

#include "../common/raw_tf.h"
#include "model/google/google.h"

namespace cc {
namespace {

using test::at;

TEST(AdaptBigquery, AccessEntriesKeysAndJoins) {
  auto out = test::adapt_quietly(model::google::adapt, R"(
google_bigquery_dataset.sales:
  dataset_id: sales
  location: EU
  default_encryption_configuration: [{kms_key_name: {"$ref": google_kms_crypto_key.bq.id}}]
  access:
    - {role: OWNER, special_group: projectOwners}
    - {role: READER, user_by_email: analyst@acme.example}
google_bigquery_dataset_access.public:
  dataset_id: {"$ref": google_bigquery_dataset.sales.dataset_id}
  role: READER
  special_group: allAuthenticatedUsers
google_bigquery_dataset.plain:
  dataset_id: plain
google_bigquery_dataset_iam_member.viewer:
  dataset_id: plain
  role: roles/bigquery.dataViewer
  member: group:bi@acme.example
)");
  test::expect_all_fit(out);
  const Resource* sales = test::find(out, "gcp.bigquery.dataset", "google_bigquery_dataset.sales");
  ASSERT_NE(sales, nullptr);
  EXPECT_EQ(sales->name, "sales");
  const Value& a = sales->attributes;
  EXPECT_TRUE(test::is_true(at(a, "encryption.customer_managed_key")));
  ASSERT_EQ(at(a, "access").as_list().size(), 3u);
  EXPECT_EQ(at(a, "access.0.member").as_string(), "projectOwners");
  EXPECT_EQ(at(a, "access.1.member").as_string(), "user:analyst@acme.example");
  EXPECT_EQ(at(a, "access.2.member").as_string(), "allAuthenticatedUsers");
  EXPECT_TRUE(test::is_true(at(a, "public_access")));
  EXPECT_EQ(at(a, "public_access").span().line, 12u);

  const Resource* plain = test::find(out, "gcp.bigquery.dataset", "google_bigquery_dataset.plain");
  ASSERT_NE(plain, nullptr);
  Value v = test::with_defaults(*plain);
  EXPECT_TRUE(test::is_false(at(v, "encryption.customer_managed_key")));
  EXPECT_EQ(at(v, "iam_bindings.0.role").as_string(), "roles/bigquery.dataViewer");
  EXPECT_TRUE(test::is_false(at(v, "public_access")));
  EXPECT_EQ(at(v, "public_access").provenance(), Provenance::Set);
}

TEST(AdaptBigquery, UnknownAccessStaysUnknown) {
  auto out = test::adapt_quietly(model::google::adapt, R"(
google_bigquery_dataset.d:
  dataset_id: d
  access: [{role: READER, iam_member: {"$unknown": var.member}}]
)");
  const Resource* d = test::find(out, "gcp.bigquery.dataset", "google_bigquery_dataset.d");
  ASSERT_NE(d, nullptr);
  EXPECT_TRUE(at(d->attributes, "access.0.member").is_unknown());
  EXPECT_TRUE(at(d->attributes, "public_access").is_unknown());
}

}  // namespace
}  // namespace cc
