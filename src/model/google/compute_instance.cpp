// google_compute_instance -> gcp.compute.instance and google_compute_instance_template ->
// gcp.compute.instance_template. Both carry the same hardening facts: Shielded VM, the
// metadata keys for OS Login, project-wide SSH keys and the serial console (falling
// back to project metadata of the same configuration), external addresses, the service
// account and its scopes, and whether every disk is encrypted with the customer's key.
#include <optional>

#include "model/base/terraform.h"
#include "model/google/adapters.h"
#include "model/google/common.h"

namespace cc::model::google {

namespace {

constexpr std::string_view kCloudPlatformScope = "https://www.googleapis.com/auth/cloud-platform";

// Project metadata set by google_compute_project_metadata(_item) in the same
// configuration: it applies to every instance that does not set the key itself.
const Value* project_metadata(const AdaptContext& ctx, std::string_view key) {
  for (const Resource* r : tf::resources_of_type(ctx, "google_compute_project_metadata_item")) {
    const Value* k = r->attributes.find("key");
    if (k && k->is_string() && k->as_string() == key) return r->attributes.find("value");
  }
  for (const Resource* r : tf::resources_of_type(ctx, "google_compute_project_metadata"))
    if (const Value* v = metadata_value(r->attributes.find("metadata"), key)) return v;
  return nullptr;
}

// A boolean metadata key: the resource's own value, else the project's, else absent.
void metadata_bool(const AdaptContext& ctx, const Resource& raw, std::string_view key,
                   bool project_applies, Value& out, std::string_view path) {
  const Value* v = metadata_value(raw.attributes.find("metadata"), key);
  if (!v && project_applies) v = project_metadata(ctx, key);
  if (!v || v->is_null()) return;
  if (v->is_unknown()) {
    out.set_path(path, Value::unknown("metadata value not known", v->span()));
    return;
  }
  if (auto b = v->loose_bool())
    out.set_path(path, Value::boolean(*b, v->span()));
  else
    out.set_path(path, Value::unknown("metadata value is not a boolean", v->span()));
}

Value tri(std::optional<bool> b, Span span, const char* why) {
  return b ? Value::boolean(*b, span) : Value::unknown(why, span);
}

bool is_default_compute_account(std::string_view email) {
  return email.empty() || email == "default" ||
         email.ends_with("-compute@developer.gserviceaccount.com");
}

void service_account(const Resource& raw, Value& a) {
  const Value* sa = tf::first_block(raw, "service_account");
  if (!sa) return;
  if (sa->is_unknown()) {
    a.set_path("service_account.attached", *sa);
    a.set("default_service_account_full_access", *sa);
    return;
  }
  Span span = sa->span();
  set_bool(a, "service_account.attached", true, span);
  const Value* email = sa->find("email");
  std::optional<bool> is_default;
  if (!email || email->is_null()) {
    is_default = true;  // the provider attaches the project's default compute account
  } else if (email->is_string()) {
    is_default = is_default_compute_account(email->as_string());
    a.set_path("service_account.email", *email);
  } else {
    Value named = named_or_unknown(*email);
    a.set_path("service_account.email", named);
    if (named.is_string()) is_default = false;  // another resource's account
  }
  a.set_path("service_account.default_account", tri(is_default, span, "service account not known"));
  std::optional<bool> full;
  const Value* scopes = sa->find("scopes");
  if (!scopes || scopes->is_null()) {
    full = false;
  } else if (auto list = string_list(scopes); list && list->is_list()) {
    full = false;
    bool unknown = false;
    for (const auto& s : list->as_list()) {
      if (!s.is_string())
        unknown = true;
      else if (s.as_string() == "cloud-platform" || s.as_string() == kCloudPlatformScope)
        full = true;
    }
    if (!*full && unknown) full = std::nullopt;
    a.set_path("service_account.scopes", *list);
  }
  a.set_path("service_account.full_api_access", tri(full, span, "scopes not known"));
  std::optional<bool> both;
  if (is_default == false || full == false)
    both = false;
  else if (is_default && full)
    both = true;
  a.set("default_service_account_full_access", tri(both, span, "service account not known"));
}

void shielded_vm(const Resource& raw, Value& a) {
  copy_bool(raw, "shielded_instance_config.enable_secure_boot", a, "shielded_vm.secure_boot");
  copy_bool(raw, "shielded_instance_config.enable_vtpm", a, "shielded_vm.vtpm");
  copy_bool(raw, "shielded_instance_config.enable_integrity_monitoring", a,
            "shielded_vm.integrity_monitoring");
  copy_bool(raw, "confidential_instance_config.enable_confidential_compute", a,
            "confidential_compute");
}

void network_interfaces(const Resource& raw, Value& a) {
  const Value* nis = raw.attributes.find("network_interface");
  if (!nis || nis->is_null()) return;
  if (nis->is_unknown()) {
    a.set("public_ip", Value::unknown("network interfaces not known", nis->span()));
    return;
  }
  bool unknown = false;
  for (const Value* ni : tf::blocks(nis)) {
    if (ni->is_unknown()) {
      unknown = true;
      continue;
    }
    for (const char* key : {"access_config", "ipv6_access_config"}) {
      const Value* ac = ni->find(key);
      if (ac && ac->is_unknown()) {
        unknown = true;
        continue;
      }
      auto configs = tf::blocks(ac);
      if (!configs.empty()) {
        // An access_config block, even an empty one, gives the interface an external address.
        set_bool(a, "public_ip", true, configs.front()->span());
        return;
      }
    }
  }
  if (unknown)
    a.set("public_ip", Value::unknown("access configuration not known", nis->span()));
  else
    set_bool(a, "public_ip", false, nis->span());
}

// The key of a google_compute_disk this configuration declares, for disks attached by
// reference or by name.
struct DiskKey {
  std::optional<bool> customer_managed;
  Value kms_key;
};

DiskKey key_of(const Value* kms_key, const Value* raw_key) {
  DiskKey k;
  if (kms_key && !kms_key->is_null()) {
    k.kms_key = named_or_unknown(*kms_key);
    if (!k.kms_key.is_unknown())
      k.customer_managed = !k.kms_key.is_string() || !k.kms_key.as_string().empty();
    return k;
  }
  if (raw_key && !raw_key->is_null()) {
    k.customer_managed = true;  // a customer-supplied key (CSEK) is the customer's too
    return k;
  }
  k.customer_managed = false;
  return k;
}

DiskKey declared_disk_key(const AdaptContext& ctx, const Value& source) {
  for (const Resource* d : tf::resources_of_type(ctx, "google_compute_disk")) {
    if (!tf::refers_to(source, *d, str_of(d->attributes.find("name")))) continue;
    return key_of(tf::attr(*d, "disk_encryption_key.kms_key_self_link"),
                  tf::attr(*d, "disk_encryption_key.raw_key"));
  }
  return DiskKey{};  // the disk is declared elsewhere: its key is not known
}

Value disk_value(const AdaptContext& ctx, const Value& block, bool boot, const Value* kms_key,
                 const Value* raw_key) {
  Value d = Value::map();
  d.set_span(block.span());
  d.set("boot", Value::boolean(boot, block.span()));
  const Value* source = block.find("source");
  DiskKey k = key_of(kms_key, raw_key);
  if (k.customer_managed == false && source && !source->is_null()) {
    k = declared_disk_key(ctx, *source);
    d.set("source", named_or_unknown(*source));
  }
  d.set("customer_managed_key",
        tri(k.customer_managed, block.span(), "disk not in the configuration"));
  if (!k.kms_key.is_null()) d.set("kms_key", k.kms_key);
  return d;
}

void finish_disks(Value& a, List disks, Span span) {
  std::optional<bool> all = true;
  for (const auto& d : disks) {
    const Value* c = d.find("customer_managed_key");
    if (!c || c->is_unknown()) {
      if (all) all = std::nullopt;
    } else if (!c->as_bool()) {
      all = false;
      break;
    }
  }
  if (disks.empty()) return;
  a.set("disks_customer_managed_key", tri(all, span, "a disk's key is not known"));
  a.set("disks", Value::list(std::move(disks), span));
}

void instance_disks(const AdaptContext& ctx, const Resource& raw, Value& a) {
  List disks;
  for (const Value* b : tf::blocks(raw, "boot_disk")) {
    if (b->is_unknown()) continue;
    disks.push_back(disk_value(ctx, *b, true, b->find("kms_key_self_link"),
                               b->find("disk_encryption_key_raw")));
  }
  for (const Value* b : tf::blocks(raw, "attached_disk")) {
    if (b->is_unknown()) continue;
    disks.push_back(disk_value(ctx, *b, false, b->find("kms_key_self_link"),
                               b->find("disk_encryption_key_raw")));
  }
  for (const Value* b : tf::blocks(raw, "scratch_disk")) {
    Value d = Value::map();
    d.set_span(b->span());
    d.set("boot", Value::boolean(false, b->span()));
    // Local SSDs are always encrypted with keys Google manages.
    d.set("customer_managed_key", Value::boolean(false, b->span()));
    disks.push_back(std::move(d));
  }
  finish_disks(a, std::move(disks), raw.span);
}

void template_disks(const AdaptContext& ctx, const Resource& raw, Value& a) {
  List disks;
  for (const Value* b : tf::blocks(raw, "disk")) {
    if (b->is_unknown()) continue;
    const Value* boot = b->find("boot");
    auto keys = tf::blocks(b->find("disk_encryption_key"));
    const Value* key = keys.empty() ? nullptr : keys.front();
    // An unknown key block stands in for the key itself: the disk's key is then unknown.
    const Value* kms = key && key->is_map() ? key->find("kms_key_self_link") : key;
    disks.push_back(disk_value(ctx, *b, bool_of(boot).value_or(false), kms, nullptr));
  }
  finish_disks(a, std::move(disks), raw.span);
}

void common_facts(const AdaptContext& ctx, const Resource& raw, Value& a) {
  copy_attr(raw, "name", a, "name");
  copy_attr(raw, "machine_type", a, "machine_type");
  copy_bool(raw, "can_ip_forward", a, "can_ip_forward");
  shielded_vm(raw, a);
  metadata_bool(ctx, raw, "enable-oslogin", true, a, "os_login");
  metadata_bool(ctx, raw, "enable-oslogin-2fa", true, a, "os_login_2fa");
  metadata_bool(ctx, raw, "block-project-ssh-keys", false, a, "block_project_ssh_keys");
  metadata_bool(ctx, raw, "serial-port-enable", true, a, "serial_port_enabled");
  network_interfaces(raw, a);
  service_account(raw, a);
  copy_attr(raw, "labels", a, "labels");
}

}  // namespace

void adapt_compute_instances(AdaptContext& ctx) {
  for (const Resource* raw : tf::resources_of_type(ctx, "google_compute_instance")) {
    Resource out = tf::make_canonical(*raw, "gcp.compute.instance", "name");
    common_facts(ctx, *raw, out.attributes);
    copy_attr(*raw, "zone", out.attributes, "zone");
    copy_bool(*raw, "deletion_protection", out.attributes, "deletion_protection");
    instance_disks(ctx, *raw, out.attributes);
    ctx.out.push_back(std::move(out));
  }
  for (std::string_view type :
       {"google_compute_instance_template", "google_compute_region_instance_template"}) {
    for (const Resource* raw : tf::resources_of_type(ctx, type)) {
      Resource out = tf::make_canonical(*raw, "gcp.compute.instance_template", "name");
      common_facts(ctx, *raw, out.attributes);
      template_disks(ctx, *raw, out.attributes);
      ctx.out.push_back(std::move(out));
    }
  }
}

}  // namespace cc::model::google
