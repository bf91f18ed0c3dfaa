#include <gtest/gtest.h>

#include "../common/raw_tf.h"
#include "model/azure/azure.h"

namespace cc {
namespace {

using test::at;

TEST(AzureCompute, LinuxMachineDefaultsAndPublicAddress) {
  Document doc = test::tf_doc(R"(
azurerm_linux_virtual_machine.web:
  name: vm-web
  size: Standard_B2s
  network_interface_ids: [{$ref: azurerm_network_interface.web.id}]
  admin_ssh_key: [{username: azureuser, public_key: ssh-ed25519 AAAA}]
  os_disk:
    - caching: ReadWrite
      storage_account_type: Premium_LRS
      disk_encryption_set_id: {$ref: azurerm_disk_encryption_set.des.id}
  secure_boot_enabled: true
azurerm_network_interface.web:
  name: nic-web
  ip_configuration:
    - name: ipconfig
      subnet_id: {$ref: azurerm_subnet.app.id}
      public_ip_address_id: {$ref: azurerm_public_ip.web.id}
azurerm_virtual_machine_extension.ade:
  name: ade
  virtual_machine_id: {$ref: azurerm_linux_virtual_machine.web.id}
  type: AzureDiskEncryptionForLinux
)");
  Diagnostics diags;
  auto out = test::run(model::azure::adapt, doc, diags);
  ASSERT_EQ(out.size(), 1u);
  Value a = test::with_defaults(out[0]);
  EXPECT_EQ(at(a, "os"), Value::string("linux"));
  EXPECT_EQ(at(a, "password_authentication"), Value::boolean(false));
  EXPECT_EQ(at(a, "password_authentication").provenance(), Provenance::Default);
  EXPECT_EQ(at(a, "ssh_keys"), Value::number(1));
  EXPECT_EQ(at(a, "os_disk.customer_managed_key"), Value::boolean(true));
  EXPECT_EQ(at(a, "secure_boot"), Value::boolean(true));
  EXPECT_EQ(at(a, "vtpm"), Value::boolean(false));
  EXPECT_EQ(at(a, "public_ip"), Value::boolean(true));
  EXPECT_EQ(at(a, "public_ip").span().line, 17u);
  EXPECT_EQ(at(a, "patch_mode"), Value::string("ImageDefault"));
  EXPECT_EQ(at(a, "encryption_at_host"), Value::boolean(false));
  EXPECT_EQ(at(a, "extensions.0"), Value::string("AzureDiskEncryptionForLinux"));
  test::expect_all_fit(out);
}

TEST(AzureCompute, PasswordLoginsAndInterfacesOutsideConfiguration) {
  Document doc = test::tf_doc(R"(
azurerm_linux_virtual_machine.pw:
  name: vm-pw
  disable_password_authentication: false
  network_interface_ids: [{$unknown: var.nic_id}]
azurerm_windows_virtual_machine.win:
  name: vm-win
  network_interface_ids: [{$ref: azurerm_network_interface.private.id}]
  enable_automatic_updates: false
azurerm_network_interface.private:
  name: nic
  ip_configuration: [{name: ipconfig, subnet_id: {$ref: azurerm_subnet.app.id}}]
azurerm_virtual_machine.legacy:
  name: vm-old
  network_interface_ids: []
  os_profile_linux_config: [{disable_password_authentication: false}]
  storage_os_disk: [{name: os, managed_disk_type: Standard_LRS}]
)");
  Diagnostics diags;
  auto out = test::run(model::azure::adapt, doc, diags);
  ASSERT_EQ(out.size(), 3u);
  Value pw = test::with_defaults(out[0]);
  EXPECT_EQ(at(pw, "password_authentication"), Value::boolean(true));
  EXPECT_EQ(at(pw, "password_authentication").provenance(), Provenance::Set);
  EXPECT_TRUE(at(pw, "public_ip").is_unknown());
  Value win = test::with_defaults(out[1]);
  EXPECT_EQ(at(win, "password_authentication"), Value::boolean(true));
  EXPECT_EQ(at(win, "public_ip"), Value::boolean(false));
  EXPECT_EQ(at(win, "automatic_updates"), Value::boolean(false));
  EXPECT_EQ(at(win, "patch_mode"), Value::string("AutomaticByOS"));
  Value legacy = test::with_defaults(out[2]);
  EXPECT_EQ(at(legacy, "os"), Value::string("linux"));
  EXPECT_EQ(at(legacy, "password_authentication"), Value::boolean(true));
  EXPECT_EQ(at(legacy, "os_disk.storage_account_type"), Value::string("Standard_LRS"));
  EXPECT_EQ(legacy.at_path("patch_mode"), nullptr);
  test::expect_all_fit(out);
}

TEST(AzureCompute, ScaleSetAndManagedDisk) {
  Document doc = test::tf_doc(R"(
azurerm_linux_virtual_machine_scale_set.web:
  name: vmss-web
  sku: Standard_B2s
  encryption_at_host_enabled: true
  network_interface:
    - name: nic
      primary: true
      ip_configuration:
        - name: internal
          subnet_id: {$ref: azurerm_subnet.app.id}
          public_ip_address: [{name: pip}]
azurerm_managed_disk.data:
  name: disk-data
  storage_account_type: Premium_LRS
  disk_size_gb: 128
  public_network_access_enabled: false
  network_access_policy: DenyAll
)");
  Diagnostics diags;
  auto out = test::run(model::azure::adapt, doc, diags);
  ASSERT_EQ(out.size(), 2u);
  Value vmss = test::with_defaults(out[0]);
  EXPECT_EQ(out[0].kind, "azure.compute.scale_set");
  EXPECT_EQ(at(vmss, "public_ip"), Value::boolean(true));
  EXPECT_EQ(at(vmss, "encryption_at_host"), Value::boolean(true));
  EXPECT_EQ(at(vmss, "size"), Value::string("Standard_B2s"));
  Value disk = test::with_defaults(out[1]);
  EXPECT_EQ(at(disk, "customer_managed_key"), Value::boolean(false));
  EXPECT_EQ(at(disk, "public_network_access"), Value::boolean(false));
  EXPECT_EQ(at(disk, "network_access_policy"), Value::string("DenyAll"));
  EXPECT_EQ(at(disk, "size_gb"), Value::number(128));
  test::expect_all_fit(out);
}

}  // namespace
}  // namespace cc
