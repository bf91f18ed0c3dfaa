#include <gtest/gtest.h>

#include "../common/raw_tf.h"
#include "model/google/google.h"

namespace cc {
namespace {

using test::at;

constexpr const char* kConfig = R"(
google_storage_bucket.data:
  name: acme-data
  location: EU
  uniform_bucket_level_access: true
  public_access_prevention: enforced
  versioning: [{enabled: true}]
  logging: [{log_bucket: acme-logs}]
  encryption: [{default_kms_key_name: {"$ref": google_kms_crypto_key.k.id}}]
  retention_policy: [{retention_period: 2592000, is_locked: true}]
  labels: {team: data}
google_storage_bucket.plain:
  name: acme-plain
  location: US
google_storage_bucket.legacy:
  name: acme-legacy
  bucket_policy_only: "true"
google_storage_bucket_iam_member.public:
  bucket: acme-plain
  role: roles/storage.objectViewer
  member: allUsers
google_storage_bucket_iam_binding.readers:
  bucket: {"$ref": google_storage_bucket.plain.name}
  role: roles/storage.objectViewer
  members: ["group:readers@acme.example", {"$shape": "serviceAccount:${google_service_account.ci.email}"}]
  condition: [{title: office, expression: request.time < timestamp("2030-01-01T00:00:00Z")}]
google_storage_bucket_iam_policy.data:
  bucket: {"$ref": google_storage_bucket.data.name}
  policy_data: {"$ref": data.google_iam_policy.data.policy_data}
data.google_iam_policy.data:
  binding: [{role: roles/storage.admin, members: ["user:ops@acme.example"]}]
)";

TEST(AdaptStorage, ReadsSettingsWithSpans) {
  auto out = test::adapt_quietly(model::google::adapt, kConfig);
  ASSERT_EQ(test::count(out, "gcp.storage.bucket"), 3u);
  test::expect_all_fit(out);
  const Resource* data = test::find(out, "gcp.storage.bucket", "google_storage_bucket.data");
  ASSERT_NE(data, nullptr);
  EXPECT_EQ(data->name, "acme-data");
  EXPECT_EQ(data->format, "terraform");
  const Value& a = data->attributes;
  EXPECT_TRUE(test::is_true(at(a, "uniform_bucket_level_access")));
  EXPECT_EQ(at(a, "public_access_prevention").as_string(), "enforced");
  EXPECT_TRUE(test::is_true(at(a, "versioning.enabled")));
  EXPECT_TRUE(test::is_true(at(a, "logging.enabled")));
  EXPECT_EQ(at(a, "logging.log_bucket").as_string(), "acme-logs");
  EXPECT_TRUE(test::is_true(at(a, "encryption.customer_managed_key")));
  EXPECT_EQ(at(a, "encryption.kms_key").as_string(), "${google_kms_crypto_key.k.id}");
  EXPECT_DOUBLE_EQ(at(a, "retention_policy.retention_days").as_number(), 30.0);
  EXPECT_TRUE(test::is_true(at(a, "retention_policy.locked")));
  // Spans point at the argument in the source (line 5 holds uniform_bucket_level_access).
  EXPECT_EQ(at(a, "uniform_bucket_level_access").span().line, 5u);
  EXPECT_EQ(data->span.line, 2u);
}

TEST(AdaptStorage, AbsentArgumentsTakeDocumentedDefaults) {
  auto out = test::adapt_quietly(model::google::adapt, kConfig);
  const Resource* plain = test::find(out, "gcp.storage.bucket", "google_storage_bucket.plain");
  ASSERT_NE(plain, nullptr);
  EXPECT_EQ(plain->attributes.find("uniform_bucket_level_access"), nullptr);
  Value v = test::with_defaults(*plain);
  EXPECT_TRUE(test::is_false(at(v, "uniform_bucket_level_access")));
  EXPECT_EQ(at(v, "uniform_bucket_level_access").provenance(), Provenance::Default);
  EXPECT_EQ(at(v, "public_access_prevention").as_string(), "inherited");
  EXPECT_TRUE(test::is_false(at(v, "encryption.customer_managed_key")));
  EXPECT_TRUE(test::is_false(at(v, "versioning.enabled")));
}

TEST(AdaptStorage, PreviousMajorArgumentName) {
  auto out = test::adapt_quietly(model::google::adapt, kConfig);
  const Resource* legacy = test::find(out, "gcp.storage.bucket", "google_storage_bucket.legacy");
  ASSERT_NE(legacy, nullptr);
  EXPECT_TRUE(test::is_true(at(legacy->attributes, "uniform_bucket_level_access")));
}

TEST(AdaptStorage, JoinsIamMembersBindingsAndPolicies) {
  auto out = test::adapt_quietly(model::google::adapt, kConfig);
  const Resource* plain = test::find(out, "gcp.storage.bucket", "google_storage_bucket.plain");
  ASSERT_NE(plain, nullptr);
  const Value& bindings = at(plain->attributes, "iam_bindings");
  ASSERT_TRUE(bindings.is_list());
  ASSERT_EQ(bindings.as_list().size(), 2u);  // joined by name and by reference
  EXPECT_EQ(at(bindings, "0.members.0").as_string(), "allUsers");
  EXPECT_EQ(at(bindings, "1.members.1").as_string(),
            "serviceAccount:${google_service_account.ci.email}");
  EXPECT_EQ(at(bindings, "1.condition.title").as_string(), "office");
  EXPECT_TRUE(test::is_true(at(plain->attributes, "public_access")));
  EXPECT_EQ(at(plain->attributes, "public_access").span().line, 21u);  // the allUsers member

  const Resource* data = test::find(out, "gcp.storage.bucket", "google_storage_bucket.data");
  ASSERT_NE(data, nullptr);
  EXPECT_EQ(at(data->attributes, "iam_bindings.0.role").as_string(), "roles/storage.admin");
  EXPECT_TRUE(test::is_false(at(data->attributes, "public_access")));
}

TEST(AdaptStorage, UnknownPolicyDocumentAndKeyStayUnknown) {
  auto out = test::adapt_quietly(model::google::adapt, R"(
google_storage_bucket.b:
  name: b
  encryption: [{default_kms_key_name: {"$unknown": var.key}}]
google_storage_bucket_iam_policy.p:
  bucket: b
  policy_data: {"$ref": data.terraform_remote_state.org.outputs.policy}
)");
  const Resource* b = test::find(out, "gcp.storage.bucket", "google_storage_bucket.b");
  ASSERT_NE(b, nullptr);
  EXPECT_TRUE(at(b->attributes, "encryption.customer_managed_key").is_unknown());
  EXPECT_TRUE(at(b->attributes, "iam_bindings").is_unknown());
  EXPECT_TRUE(at(b->attributes, "public_access").is_unknown());
}

TEST(AdaptStorage, JsonPolicyDataIsParsed) {
  auto out = test::adapt_quietly(model::google::adapt, R"(
google_storage_bucket.b:
  name: b
google_storage_bucket_iam_policy.p:
  bucket: b
  policy_data: '{"bindings":[{"role":"roles/storage.objectViewer","members":["allAuthenticatedUsers"]}]}'
)");
  const Resource* b = test::find(out, "gcp.storage.bucket", "google_storage_bucket.b");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(at(b->attributes, "iam_bindings.0.members.0").as_string(), "allAuthenticatedUsers");
  EXPECT_TRUE(test::is_true(at(b->attributes, "public_access")));
  EXPECT_EQ(at(b->attributes, "iam_bindings.0.role").span().line, 6u);
}

}  // namespace
}  // namespace cc
