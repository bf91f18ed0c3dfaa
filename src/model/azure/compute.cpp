// Virtual machines (Linux, Windows and the older combined resource), scale sets and
// managed disks.
#include "model/azure/common.h"
#include "model/azure/services.h"
#include "model/base/terraform.h"

namespace cc::model::azure {

namespace {

enum class Os { Linux, Windows, Unknown };

struct MachineType {
  std::string_view type;
  std::string_view kind;
  Os os;
  bool scale_set;
};

constexpr MachineType kMachines[] = {
    {"azurerm_linux_virtual_machine", "azure.compute.virtual_machine", Os::Linux, false},
    {"azurerm_windows_virtual_machine", "azure.compute.virtual_machine", Os::Windows, false},
    {"azurerm_virtual_machine", "azure.compute.virtual_machine", Os::Unknown, false},
    {"azurerm_linux_virtual_machine_scale_set", "azure.compute.scale_set", Os::Linux, true},
    {"azurerm_windows_virtual_machine_scale_set", "azure.compute.scale_set", Os::Windows, true},
};

// Public addresses of a machine's network interfaces: true when an interface of the
// configuration has a public IP; unknown when an interface is not in the configuration.
Value public_ip_of_interfaces(const AdaptContext& ctx, const Value* ids, Span span) {
  if (!ids) return Value::boolean(false, span);
  if (ids->is_unknown()) return *ids;
  bool unknown = false;
  for (const Value* id : tf::blocks(ids)) {
    const Resource* nic = target_of(ctx, *id, {"azurerm_network_interface"});
    if (!nic) {
      unknown = true;
      continue;
    }
    for (const Value* ip : tf::blocks(*nic, "ip_configuration")) {
      Value set = is_set(member(ip, {"public_ip_address_id"}), ip->span());
      if (set.is_bool() && set.as_bool()) return Value::boolean(true, set.span());
      if (set.is_unknown()) unknown = true;
    }
  }
  if (unknown)
    return Value::unknown("a network interface is not in the configuration", ids->span());
  return Value::boolean(false, ids->span());
}

// Scale sets describe their interfaces inline.
Value public_ip_of_scale_set(const Resource& raw) {
  for (const Value* nic : tf::blocks(raw, "network_interface")) {
    if (nic->is_unknown()) return *nic;
    for (const Value* ip : tf::blocks(member(nic, {"ip_configuration"}))) {
      if (ip->is_unknown()) return *ip;
      if (const Value* pip = member(ip, {"public_ip_address"}))
        return pip->is_unknown() ? *pip : Value::boolean(true, pip->span());
    }
  }
  return Value::null();
}

void adapt_machine(AdaptContext& ctx, const Resource& raw, const MachineType& t) {
  Resource out = tf::make_canonical(raw, std::string(t.kind), "name");
  Value& a = out.attributes;
  Diagnostics& d = ctx.diags;
  set_string(a, "name", arg(raw, {"name"}), d);
  set_string(a, "size", arg(raw, {"size", "sku", "vm_size"}), d);

  Os os = t.os;
  if (os == Os::Unknown) {
    if (tf::first_block(raw, "os_profile_linux_config")) os = Os::Linux;
    if (tf::first_block(raw, "os_profile_windows_config")) os = Os::Windows;
  }
  if (os != Os::Unknown)
    a.set("os", Value::string(os == Os::Linux ? "linux" : "windows", raw.span));

  // Password logins: the Linux resources turn them off unless told otherwise; Windows
  // administrators always have a password.
  if (os == Os::Windows) {
    a.set("password_authentication", provider_default(Value::boolean(true), raw.span));
  } else if (os == Os::Linux) {
    const Value* disable =
        t.type == "azurerm_virtual_machine"
            ? arg(raw, {"os_profile_linux_config.disable_password_authentication"})
            : arg(raw, {"disable_password_authentication"});
    if (disable) {
      Value off = to_bool(*disable, d);
      a.set("password_authentication",
            off.is_bool() ? Value::boolean(!off.as_bool(), off.span()) : off);
    } else {
      a.set("password_authentication", provider_default(Value::boolean(false), raw.span));
    }
  }
  size_t keys = tf::blocks(raw, "admin_ssh_key").size();
  if (const Value* legacy = tf::first_block(raw, "os_profile_linux_config"))
    keys += tf::blocks(member(legacy, {"ssh_keys"})).size();
  if (keys > 0) a.set("ssh_keys", Value::number(static_cast<double>(keys), raw.span));

  set_bool(a, "encryption_at_host", arg(raw, {"encryption_at_host_enabled"}), d);
  if (const Value* disk = tf::first_block(raw, "os_disk")) {
    Value o = Value::map({}, disk->span());
    if (const Value* des =
            member(disk, {"disk_encryption_set_id", "secure_vm_disk_encryption_set_id"})) {
      o.set("disk_encryption_set", reference_name(*des));
      o.set("customer_managed_key", is_set(des, disk->span()));
    }
    set_string(o, "storage_account_type", member(disk, {"storage_account_type"}), d);
    a.set("os_disk", std::move(o));
  } else if (const Value* legacy_disk = tf::first_block(raw, "storage_os_disk")) {
    Value o = Value::map({}, legacy_disk->span());
    set_string(o, "storage_account_type", member(legacy_disk, {"managed_disk_type"}), d);
    a.set("os_disk", std::move(o));
  }
  set_bool(a, "secure_boot", arg(raw, {"secure_boot_enabled"}), d);
  set_bool(a, "vtpm", arg(raw, {"vtpm_enabled"}), d);

  if (t.scale_set) {
    Value pip = public_ip_of_scale_set(raw);
    if (!pip.is_null()) a.set("public_ip", std::move(pip));
  } else {
    a.set("public_ip", public_ip_of_interfaces(ctx, arg(raw, {"network_interface_ids"}), raw.span));
  }

  if (os == Os::Windows) {
    const Value* updates =
        t.type == "azurerm_virtual_machine"
            ? arg(raw, {"os_profile_windows_config.enable_automatic_upgrades"})
            : arg(raw, {"automatic_updates_enabled", "enable_automatic_updates"});
    if (!set_bool(a, "automatic_updates", updates, d))
      a.set("automatic_updates",
            provider_default(Value::boolean(t.type != "azurerm_virtual_machine"), raw.span));
  }
  if (!set_string(a, "patch_mode", arg(raw, {"patch_mode"}), d) &&
      t.type != "azurerm_virtual_machine") {
    std::string mode = os == Os::Windows ? "AutomaticByOS" : "ImageDefault";
    a.set("patch_mode", provider_default(Value::string(mode), raw.span));
  }
  set_bool(a, "extension_operations",
           arg(raw, {"extension_operations_enabled", "allow_extension_operations"}), d);
  if (const Value* boot = tf::first_block(raw, "boot_diagnostics")) {
    const Value* enabled = member(boot, {"enabled"});  // the older resource has a switch
    a.set("boot_diagnostics", enabled ? to_bool(*enabled, d) : Value::boolean(true, boot->span()));
  }
  if (const Value* identity = tf::first_block(raw, "identity"))
    a.set("managed_identity", is_set(member(identity, {"type"}), identity->span()));

  List extensions;
  for (const Resource* e :
       children(ctx, "azurerm_virtual_machine_extension", {"virtual_machine_id"}, raw))
    if (const Value* type = arg(*e, {"type"})) extensions.push_back(to_string(*type, d));
  for (const Resource* e : children(ctx, "azurerm_virtual_machine_scale_set_extension",
                                    {"virtual_machine_scale_set_id"}, raw))
    if (const Value* type = arg(*e, {"type"})) extensions.push_back(to_string(*type, d));
  for (const Value* e : tf::blocks(raw, "extension"))
    if (const Value* type = member(e, {"type"})) extensions.push_back(to_string(*type, d));
  if (!extensions.empty()) a.set("extensions", Value::list(std::move(extensions), raw.span));

  Value tags = tags_of(raw, d);
  if (!tags.is_null()) a.set("tags", std::move(tags));
  ctx.out.push_back(std::move(out));
}

void adapt_disk(AdaptContext& ctx, const Resource& raw) {
  Resource out = tf::make_canonical(raw, "azure.compute.managed_disk", "name");
  Value& a = out.attributes;
  Diagnostics& d = ctx.diags;
  set_string(a, "name", arg(raw, {"name"}), d);
  set_number(a, "size_gb", arg(raw, {"disk_size_gb"}), d);
  set_string(a, "storage_account_type", arg(raw, {"storage_account_type"}), d);
  if (const Value* des = arg(raw, {"disk_encryption_set_id", "secure_vm_disk_encryption_set_id"})) {
    a.set("disk_encryption_set", reference_name(*des));
    a.set("customer_managed_key", is_set(des, raw.span));
  }
  if (const Value* ade = tf::first_block(raw, "encryption_settings")) {
    const Value* enabled = member(ade, {"enabled"});  // older providers had a switch
    a.set("azure_disk_encryption",
          enabled ? to_bool(*enabled, d) : Value::boolean(true, ade->span()));
  }
  set_bool(a, "public_network_access", arg(raw, {"public_network_access_enabled"}), d);
  set_string(a, "network_access_policy", arg(raw, {"network_access_policy"}), d);
  Value tags = tags_of(raw, d);
  if (!tags.is_null()) a.set("tags", std::move(tags));
  ctx.out.push_back(std::move(out));
}

}  // namespace

void adapt_compute(AdaptContext& ctx) {
  for (const MachineType& t : kMachines)
    for (const Resource* r : tf::resources_of_type(ctx, t.type)) adapt_machine(ctx, *r, t);
  for (const Resource* r : tf::resources_of_type(ctx, "azurerm_managed_disk"))
    adapt_disk(ctx, *r);
}

}  // namespace cc::model::azure
