#include <gtest/gtest.h>

#include "../common/raw_tf.h"
#include "model/google/google.h"

namespace cc {
namespace {

using test::at;

constexpr const char* kConfig = R"(
google_compute_instance.hardened:
  name: app-1
  machine_type: e2-medium
  zone: europe-west1-b
  shielded_instance_config: [{enable_secure_boot: true}]
  metadata: {block-project-ssh-keys: "TRUE", serial-port-enable: "false"}
  network_interface: [{subnetwork: {"$ref": google_compute_subnetwork.app.id}}]
  service_account: [{email: {"$ref": google_service_account.app.email}, scopes: [cloud-platform]}]
  boot_disk: [{kms_key_self_link: {"$ref": google_kms_crypto_key.disk.id}, initialize_params: [{image: debian-12}]}]
  attached_disk: [{source: {"$ref": google_compute_disk.data.id}}]
google_compute_disk.data:
  name: app-data
  disk_encryption_key: [{kms_key_self_link: {"$ref": google_kms_crypto_key.disk.id}}]
google_compute_instance.exposed:
  name: web-1
  metadata: {enable-oslogin: "FALSE"}
  network_interface: [{network: default, access_config: [{}]}]
  service_account: [{scopes: [https://www.googleapis.com/auth/cloud-platform]}]
  boot_disk: [{initialize_params: [{image: debian-12}]}]
  attached_disk: [{source: projects/p/zones/z/disks/elsewhere}]
google_compute_instance.inherits:
  name: batch-1
  network_interface: [{network: default}]
google_compute_project_metadata_item.oslogin:
  key: enable-oslogin
  value: "TRUE"
google_compute_instance_template.tpl:
  name_prefix: web-
  shielded_instance_config: [{enable_secure_boot: false, enable_vtpm: true}]
  network_interface: [{network: default, access_config: [{}]}]
  service_account: [{email: 123-compute@developer.gserviceaccount.com, scopes: [userinfo-email]}]
  disk: [{boot: true, source_image: debian-12, disk_encryption_key: [{kms_key_self_link: projects/p/locations/l/keyRings/r/cryptoKeys/k}]}]
)";

TEST(AdaptCompute, HardenedInstance) {
  auto out = test::adapt_quietly(model::google::adapt, kConfig);
  test::expect_all_fit(out);
  const Resource* r = test::find(out, "gcp.compute.instance", "google_compute_instance.hardened");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->name, "app-1");
  Value v = test::with_defaults(*r);
  EXPECT_TRUE(test::is_true(at(v, "shielded_vm.secure_boot")));
  EXPECT_TRUE(test::is_true(at(v, "shielded_vm.vtpm")));
  EXPECT_EQ(at(v, "shielded_vm.vtpm").provenance(), Provenance::Default);
  EXPECT_TRUE(test::is_true(at(v, "block_project_ssh_keys")));
  EXPECT_TRUE(test::is_false(at(v, "serial_port_enabled")));
  EXPECT_EQ(at(v, "serial_port_enabled").provenance(), Provenance::Set);
  // Project metadata of the configuration turns OS Login on for VMs that do not set it.
  EXPECT_TRUE(test::is_true(at(v, "os_login")));
  EXPECT_TRUE(test::is_false(at(v, "public_ip")));
  EXPECT_TRUE(test::is_false(at(v, "service_account.default_account")));
  EXPECT_TRUE(test::is_true(at(v, "service_account.full_api_access")));
  EXPECT_TRUE(test::is_false(at(v, "default_service_account_full_access")));
  EXPECT_TRUE(test::is_true(at(v, "disks.0.boot")));
  EXPECT_TRUE(test::is_true(at(v, "disks.1.customer_managed_key")));  // from the joined disk
  EXPECT_TRUE(test::is_true(at(v, "disks_customer_managed_key")));
}

TEST(AdaptCompute, ExposedInstance) {
  auto out = test::adapt_quietly(model::google::adapt, kConfig);
  const Resource* r = test::find(out, "gcp.compute.instance", "google_compute_instance.exposed");
  ASSERT_NE(r, nullptr);
  const Value& a = r->attributes;
  EXPECT_TRUE(test::is_false(at(a, "os_login")));  // its own FALSE wins over the project's TRUE
  EXPECT_TRUE(test::is_true(at(a, "public_ip")));
  EXPECT_EQ(at(a, "public_ip").span().line, 18u);
  EXPECT_TRUE(test::is_true(at(a, "service_account.default_account")));
  EXPECT_TRUE(test::is_true(at(a, "default_service_account_full_access")));
  EXPECT_TRUE(test::is_false(at(a, "disks.0.customer_managed_key")));
  // A disk attached by a self link the configuration does not declare: its key is unknown,
  // but the boot disk already decides "not every disk".
  EXPECT_TRUE(at(a, "disks.1.customer_managed_key").is_unknown());
  EXPECT_TRUE(test::is_false(at(a, "disks_customer_managed_key")));
}

TEST(AdaptCompute, InstanceWithoutServiceAccountBlock) {
  auto out = test::adapt_quietly(model::google::adapt, kConfig);
  const Resource* r = test::find(out, "gcp.compute.instance", "google_compute_instance.inherits");
  ASSERT_NE(r, nullptr);
  Value v = test::with_defaults(*r);
  EXPECT_TRUE(test::is_false(at(v, "service_account.attached")));
  EXPECT_TRUE(test::is_false(at(v, "default_service_account_full_access")));
  EXPECT_TRUE(test::is_false(at(v, "shielded_vm.secure_boot")));
  EXPECT_EQ(at(v, "shielded_vm.secure_boot").provenance(), Provenance::Default);
}

TEST(AdaptCompute, InstanceTemplate) {
  auto out = test::adapt_quietly(model::google::adapt, kConfig);
  const Resource* t =
      test::find(out, "gcp.compute.instance_template", "google_compute_instance_template.tpl");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->name, "google_compute_instance_template.tpl");  // name_prefix only
  const Value& a = t->attributes;
  EXPECT_TRUE(test::is_false(at(a, "shielded_vm.secure_boot")));
  EXPECT_TRUE(test::is_true(at(a, "public_ip")));
  EXPECT_TRUE(test::is_true(at(a, "service_account.default_account")));
  EXPECT_TRUE(test::is_false(at(a, "service_account.full_api_access")));
  EXPECT_TRUE(test::is_true(at(a, "disks.0.boot")));
  EXPECT_TRUE(test::is_true(at(a, "disks_customer_managed_key")));
}

TEST(AdaptCompute, RegionalInstanceTemplate) {
  auto out = test::adapt_quietly(model::google::adapt, R"(
google_compute_region_instance_template.web:
  name: web
  region: europe-west1
  metadata: {serial-port-enable: "TRUE"}
  network_interface: [{network: default}]
  disk: [{boot: true, source_image: debian-12}]
)");
  const Resource* t = test::find(out, "gcp.compute.instance_template",
                                 "google_compute_region_instance_template.web");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->name, "web");
  EXPECT_TRUE(test::is_true(at(t->attributes, "serial_port_enabled")));
  EXPECT_TRUE(test::is_false(at(t->attributes, "public_ip")));
  EXPECT_TRUE(test::is_false(at(t->attributes, "disks_customer_managed_key")));
}

TEST(AdaptCompute, UnknownMetadataAndScopesStayUnknown) {
  auto out = test::adapt_quietly(model::google::adapt, R"(
google_compute_instance.vm:
  name: vm
  metadata: {"$unknown": var.metadata}
  network_interface: {"$unknown": var.nics}
  service_account: [{scopes: {"$unknown": var.scopes}}]
  boot_disk: [{kms_key_self_link: {"$unknown": var.key}}]
)");
  const Resource* r = test::find(out, "gcp.compute.instance", "google_compute_instance.vm");
  ASSERT_NE(r, nullptr);
  const Value& a = r->attributes;
  EXPECT_TRUE(at(a, "os_login").is_unknown());
  EXPECT_TRUE(at(a, "serial_port_enabled").is_unknown());
  EXPECT_TRUE(at(a, "public_ip").is_unknown());
  EXPECT_TRUE(at(a, "service_account.full_api_access").is_unknown());
  EXPECT_TRUE(at(a, "default_service_account_full_access").is_unknown());
  EXPECT_TRUE(at(a, "disks_customer_managed_key").is_unknown());
}

}  // namespace
}  // namespace cc
