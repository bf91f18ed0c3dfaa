#include <gtest/gtest.h>

#include "../common/raw_tf.h"
#include "model/google/google.h"

namespace cc {
namespace {

using test::at;

TEST(AdaptKms, KeyRingAndKeys) {
  auto out = test::adapt_quietly(model::google::adapt, R"(
google_kms_key_ring.ring:
  name: prod
  location: europe-west1
google_kms_crypto_key.rotated:
  name: data
  key_ring: {"$ref": google_kms_key_ring.ring.id}
  rotation_period: 7776000s
  destroy_scheduled_duration: 86400s
  version_template: [{algorithm: GOOGLE_SYMMETRIC_ENCRYPTION, protection_level: HSM}]
google_kms_crypto_key.never:
  name: never
  key_ring: {"$ref": google_kms_key_ring.ring.id}
google_kms_crypto_key.var:
  name: var
  key_ring: {"$ref": google_kms_key_ring.ring.id}
  rotation_period: {"$unknown": var.rotation}
google_kms_crypto_key_iam_member.public:
  crypto_key_id: {"$ref": google_kms_crypto_key.never.id}
  role: roles/cloudkms.cryptoKeyEncrypterDecrypter
  member: allAuthenticatedUsers
google_kms_key_ring_iam_binding.ops:
  key_ring_id: {"$ref": google_kms_key_ring.ring.id}
  role: roles/cloudkms.admin
  members: [group:kms-admins@acme.example]
)");
  test::expect_all_fit(out);
  const Resource* ring = test::find(out, "gcp.kms.key_ring", "google_kms_key_ring.ring");
  ASSERT_NE(ring, nullptr);
  EXPECT_EQ(at(ring->attributes, "iam_bindings.0.role").as_string(), "roles/cloudkms.admin");

  const Resource* rotated = test::find(out, "gcp.kms.crypto_key", "google_kms_crypto_key.rotated");
  ASSERT_NE(rotated, nullptr);
  Value v = test::with_defaults(*rotated);
  EXPECT_DOUBLE_EQ(at(v, "rotation_period_days").as_number(), 90);
  EXPECT_DOUBLE_EQ(at(v, "destroy_scheduled_days").as_number(), 1);
  EXPECT_EQ(at(v, "protection_level").as_string(), "HSM");
  EXPECT_EQ(at(v, "purpose").as_string(), "ENCRYPT_DECRYPT");
  EXPECT_EQ(at(v, "purpose").provenance(), Provenance::Default);
  EXPECT_EQ(at(v, "key_ring").as_string(), "${google_kms_key_ring.ring.id}");
  EXPECT_TRUE(test::is_false(at(v, "public_access")));

  const Resource* never = test::find(out, "gcp.kms.crypto_key", "google_kms_crypto_key.never");
  ASSERT_NE(never, nullptr);
  Value nv = test::with_defaults(*never);
  EXPECT_EQ(nv.find("rotation_period_days"), nullptr);  // no documented default: never rotates
  EXPECT_DOUBLE_EQ(at(nv, "destroy_scheduled_days").as_number(), 30);
  EXPECT_EQ(at(nv, "protection_level").as_string(), "SOFTWARE");
  EXPECT_TRUE(test::is_true(at(nv, "public_access")));

  const Resource* var = test::find(out, "gcp.kms.crypto_key", "google_kms_crypto_key.var");
  ASSERT_NE(var, nullptr);
  EXPECT_TRUE(at(var->attributes, "rotation_period_days").is_unknown());
}

TEST(AdaptKms, PublicKeyRingMakesItsKeysPublic) {
  auto out = test::adapt_quietly(model::google::adapt, R"(
google_kms_key_ring.open:
  name: open
  location: global
google_kms_key_ring_iam_member.everyone:
  key_ring_id: {"$ref": google_kms_key_ring.open.id}
  role: roles/cloudkms.cryptoKeyDecrypter
  member: allUsers
google_kms_crypto_key.k:
  name: k
  key_ring: {"$ref": google_kms_key_ring.open.id}
google_kms_key_ring.closed:
  name: closed
  location: global
google_kms_crypto_key.other:
  name: other
  key_ring: {"$ref": google_kms_key_ring.closed.id}
)");
  const Resource* ring = test::find(out, "gcp.kms.key_ring", "google_kms_key_ring.open");
  ASSERT_NE(ring, nullptr);
  EXPECT_TRUE(test::is_true(at(ring->attributes, "public_access")));
  const Resource* k = test::find(out, "gcp.kms.crypto_key", "google_kms_crypto_key.k");
  ASSERT_NE(k, nullptr);
  EXPECT_TRUE(test::is_true(at(k->attributes, "public_access")));
  EXPECT_EQ(at(k->attributes, "public_access").span().line, 8u);  // the ring's allUsers grant
  const Resource* other = test::find(out, "gcp.kms.crypto_key", "google_kms_crypto_key.other");
  ASSERT_NE(other, nullptr);
  EXPECT_EQ(other->attributes.find("public_access"), nullptr);  // no grants anywhere
}

TEST(AdaptKms, DurationParsing) {
  auto out = test::adapt_quietly(model::google::adapt, R"(
google_kms_crypto_key.bad:
  name: bad
  rotation_period: 90d
)");
  const Resource* bad = test::find(out, "gcp.kms.crypto_key", "google_kms_crypto_key.bad");
  ASSERT_NE(bad, nullptr);
  EXPECT_TRUE(at(bad->attributes, "rotation_period_days").is_unknown());
}

}  // namespace
}  // namespace cc
