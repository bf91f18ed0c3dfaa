// aws_instance, aws_launch_template and aws_ebs_volume. An instance started from a
// launch template of the same configuration inherits its settings (the instance's own
// arguments win); one started from a launch template elsewhere has them unknown.
#include <openssl/evp.h>

#include <optional>
#include <string>
#include <utility>

#include "model/aws/ec2_parts.h"
#include "model/aws_tf/ec2_parts.h"

namespace cc::model::aws_tf::ec2 {
namespace {

using aws::As;

// One block device in the aws.ec2.block_device shape. Instances spell the EBS settings
// on the block itself, launch templates inside an `ebs` block.
Value block_device(const Value& block, const Value* device_name, const Convert& c) {
  if (block.is_unknown()) return block;
  Value d = Value::map({}, block.span());
  if (present(device_name)) aws::set_string(d, "device_name", device_name, c);
  if (!block.is_map()) return d;
  if (const Value* e = block.find("encrypted"); present(e)) aws::set_bool(d, "encrypted", e, c);
  if (const Value* k = block.find("kms_key_id"); present(k))
    d.set("kms_key", aws::to_reference_string(*k, c));
  if (const Value* s = block.find("volume_size"); present(s))
    aws::set_number(d, "volume_size", s, c);
  if (const Value* t = block.find("volume_type"); present(t))
    aws::set_string(d, "volume_type", t, c);
  return d;
}

void read_instance_devices(const Resource& raw, Value& a, const Convert& c) {
  const Value* root = raw.attributes.find("root_block_device");
  const Value* ebs = raw.attributes.find("ebs_block_device");
  if (!present(root) && !present(ebs)) return;
  for (const Value* v : {root, ebs})
    if (v && v->is_unknown()) {
      a.set("block_devices", *v);
      return;
    }
  List devices;
  for (const Value* b : tf::blocks(root))
    devices.push_back(block_device(*b, b->is_map() ? b->find("device_name") : nullptr, c));
  for (const Value* b : tf::blocks(ebs))
    devices.push_back(block_device(*b, b->is_map() ? b->find("device_name") : nullptr, c));
  a.set("block_devices", Value::list(std::move(devices), (present(root) ? root : ebs)->span()));
}

void read_template_devices(const Resource& raw, Value& a, const Convert& c) {
  const Value* mappings = raw.attributes.find("block_device_mappings");
  if (!present(mappings)) return;
  if (mappings->is_unknown()) {
    a.set("block_devices", *mappings);
    return;
  }
  List devices;
  for (const Value* m : tf::blocks(mappings)) {
    if (!m->is_map()) continue;
    auto ebs = tf::blocks(m->find("ebs"));
    if (ebs.empty()) continue;  // instance store or no_device mappings hold no EBS volume
    devices.push_back(block_device(*ebs.front(), m->find("device_name"), c));
  }
  a.set("block_devices", Value::list(std::move(devices), mappings->span()));
}

std::optional<std::string> decode_base64(std::string_view s) {
  if (s.size() % 4 != 0) return std::nullopt;
  std::string out(s.size() / 4 * 3, '\0');
  int n =
      EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                      reinterpret_cast<const unsigned char*>(s.data()), static_cast<int>(s.size()));
  if (n < 0) return std::nullopt;
  size_t padding = 0;  // EVP_DecodeBlock counts the padding as output bytes
  for (size_t i = s.size(); i > 0 && s[i - 1] == '=' && padding < 2; --i) ++padding;
  out.resize(static_cast<size_t>(n) - padding);
  return out;
}

// `text` is the script as written (aws_instance.user_data) or base64 of it
// (user_data_base64, and aws_launch_template.user_data, which must be base64).
void read_user_data(const Value* text, const Value* base64, Value& a) {
  const Value* ud = present(text) ? text : (present(base64) ? base64 : nullptr);
  if (!ud) return;
  a.set_path("user_data.present", Value::boolean(true, ud->span()));
  if (!ud->is_string()) {
    a.set_path("user_data.secrets", Value::unknown("the user data is unknown", ud->span()));
    return;
  }
  std::optional<std::string> decoded;
  if (ud == base64) decoded = decode_base64(ud->as_string());
  bool secrets = aws::ec2::looks_like_secret(decoded ? std::string_view(*decoded)
                                                     : std::string_view(ud->as_string()));
  a.set_path("user_data.secrets", Value::boolean(secrets, ud->span()));
}

void read_metadata(const Value* md, Value& a, const Convert& c) {
  if (!md) return;
  if (md->is_unknown()) {
    a.set("imdsv2_required", *md);
    return;
  }
  if (!md->is_map()) return;
  for (auto [attr, field] : {std::pair{"http_tokens", "metadata.http_tokens"},
                             std::pair{"http_endpoint", "metadata.http_endpoint"}})
    if (const Value* v = md->find(attr); present(v)) aws::set_string(a, field, v, c);
  if (const Value* v = md->find("http_put_response_hop_limit"); present(v))
    aws::set_number(a, "metadata.hop_limit", v, c);
  const Value* t = a.at_path("metadata.http_tokens");
  const Value* e = a.at_path("metadata.http_endpoint");
  // A disabled metadata endpoint cannot leak credentials either.
  if (e && e->is_string() && e->as_string() == "disabled")
    a.set("imdsv2_required", Value::boolean(true, e->span()));
  else if (t && t->is_string())
    a.set("imdsv2_required", Value::boolean(t->as_string() == "required", t->span()));
  else if (t)
    a.set("imdsv2_required", *t);
}

void set_security_groups(const Resource& raw, Value& a, const Convert& c,
                         std::initializer_list<std::string_view> attrs) {
  List groups;
  Span span;
  for (auto attr : attrs) {
    const Value* g = raw.attributes.find(attr);
    if (!present(g)) continue;
    span = g->span();
    Value list = aws::to_reference_list(*g, c);
    if (list.is_list())
      for (const auto& v : list.as_list()) groups.push_back(v);
  }
  if (span.known()) a.set("security_groups", Value::list(std::move(groups), span));
}

// The settings instances and launch templates share, as the launch template spells them.
void read_template_settings(const Resource& lt, Value& a, const Convert& c) {
  copy_attrs(lt, a,
             {{"image_id", "image_id", As::String},
              {"instance_type", "instance_type", As::String},
              {"monitoring.enabled", "monitoring", As::Bool},
              {"ebs_optimized", "ebs_optimized", As::Bool},
              {"disable_api_termination", "disable_api_termination", As::Bool}},
             c);
  read_metadata(tf::first_block(lt, "metadata_options"), a, c);
  if (const Value* profile = tf::first_block(lt, "iam_instance_profile")) {
    const Value* p = profile->is_map() ? profile->find("arn") : profile;
    if (!present(p) && profile->is_map()) p = profile->find("name");
    if (present(p)) {
      a.set("iam_instance_profile", aws::to_reference_string(*p, c));
      a.set("has_instance_profile", aws::is_set(*p));
    }
  }
  for (const Value* ni : tf::blocks(lt, "network_interfaces"))
    if (const Value* pub = ni->is_map() ? ni->find("associate_public_ip_address") : nullptr;
        present(pub))
      aws::set_bool(a, "public_ip", pub, c);
  set_security_groups(lt, a, c, {"vpc_security_group_ids", "security_group_names"});
  read_user_data(nullptr, lt.attributes.find("user_data"), a);
  read_template_devices(lt, a, c);
}

// The instance profile's role carries AmazonSSMManagedInstanceCore, which lets Systems
// Manager manage (patch, inventory, session) the instance.
Value ssm_managed(const AdaptContext& ctx, const Value* profile, Span fallback) {
  if (!present(profile)) return Value::boolean(false, fallback);
  const Resource* ip = nullptr;
  for (const Resource* cand : tf::resources_of_type(ctx, "aws_iam_instance_profile"))
    if (tf::refers_to(*profile, *cand, known_string(*cand, "name"))) ip = cand;
  if (!ip)
    return Value::unknown("the instance profile is not in this configuration", profile->span());
  const Value* role_ref = ip->attributes.find("role");
  if (!present(role_ref)) return Value::boolean(false, ip->span);
  const Resource* role = nullptr;
  for (const Resource* cand : tf::resources_of_type(ctx, "aws_iam_role"))
    if (tf::refers_to(*role_ref, *cand, known_string(*cand, "name"))) role = cand;
  if (!role)
    return Value::unknown("the instance profile's role is not in this configuration", ip->span);
  bool uncertain = false;
  auto check = [&](const Value& arn) {
    if (arn.is_string() && arn.as_string().ends_with("/AmazonSSMManagedInstanceCore")) return true;
    if (arn.is_unknown() && tf::ref_of(arn).empty() && arn.as_unknown().shape.empty())
      uncertain = true;
    return false;
  };
  if (const Value* arns = role->attributes.find("managed_policy_arns"); present(arns)) {
    if (!arns->is_list())
      uncertain = true;
    else
      for (const auto& arn : arns->as_list())
        if (check(arn)) return Value::boolean(true, arn.span());
  }
  for (const Resource* att : tf::resources_of_type(ctx, "aws_iam_role_policy_attachment")) {
    const Value* target = att->attributes.find("role");
    const Value* arn = att->attributes.find("policy_arn");
    if (!target || !arn) continue;
    if (tf::refers_to(*target, *role, known_string(*role, "name"))) {
      if (check(*arn)) return Value::boolean(true, arn->span());
    } else if (target->is_unknown() && tf::ref_of(*target).empty()) {
      uncertain = true;
    }
  }
  if (uncertain)
    return Value::unknown("the instance profile role's policies are not all known", ip->span);
  return Value::boolean(false, ip->span);
}

// Public IPv4 address when the instance does not say: the subnet decides.
Value public_ip_from_subnet(const AdaptContext& ctx, const Value* subnet, Span fallback,
                            const Convert& c) {
  // Without a subnet the instance lands in the default VPC, whose subnets assign
  // public addresses.
  if (!present(subnet)) return Value::boolean(true, fallback);
  const Resource* s = tf::referenced(ctx, *subnet, "aws_subnet");
  if (!s || !tf::is_type(*s, "aws_subnet"))
    return Value::unknown("public IP assignment depends on a subnet outside this configuration",
                          subnet->span());
  if (const Value* map = s->attributes.find("map_public_ip_on_launch"); present(map))
    return aws::to_bool(*map, c);
  return Value::boolean(false, s->span);
}

Value all_encrypted(const Value* devices, Span fallback) {
  if (!devices || (devices->is_list() && devices->as_list().empty()))
    return Value::unknown(
        "no EBS block device: the root volume follows the image and account default", fallback);
  if (devices->is_unknown()) return *devices;
  Value result = Value::boolean(true, devices->span());
  for (const auto& d : devices->as_list()) {
    const Value* e = d.is_map() ? d.find("encrypted") : &d;
    if (!e || (e->is_bool() && !e->as_bool()))
      return Value::boolean(false, e ? e->span() : d.span());
    if (e->is_unknown()) result = *e;
  }
  return result;
}

void adapt_instances(AdaptContext& ctx, const Convert& c) {
  for (const Resource* raw : tf::resources_of_type(ctx, "aws_instance")) {
    Resource r = make_named(*raw, "aws.ec2.instance");
    Value& a = r.attributes;
    const Value* profile = raw->attributes.find("iam_instance_profile");
    const Value* lt_spec = tf::first_block(*raw, "launch_template");
    bool lt_missing = false;
    if (lt_spec) {
      const Value* id = lt_spec->is_map() ? lt_spec->find("id") : nullptr;
      if (!present(id) && lt_spec->is_map()) id = lt_spec->find("name");
      if (present(id)) a.set("launch_template", aws::to_reference_string(*id, c));
      const Resource* lt = nullptr;
      for (const Resource* cand : tf::resources_of_type(ctx, "aws_launch_template"))
        if (present(id) && tf::refers_to(*id, *cand, known_string(*cand, "name"))) lt = cand;
      if (lt) {
        // The launch template reports problems with its arguments once, as its own resource.
        Diagnostics reported_by_template;
        read_template_settings(*lt, a, Convert{reported_by_template});
        if (!present(profile))
          if (const Value* p = tf::first_block(*lt, "iam_instance_profile"); p && p->is_map())
            profile = present(p->find("arn")) ? p->find("arn") : p->find("name");
      } else {
        lt_missing = true;
      }
    }
    copy_attrs(*raw, a,
               {{"ami", "image_id", As::String},
                {"instance_type", "instance_type", As::String},
                {"monitoring", "monitoring", As::Bool},
                {"ebs_optimized", "ebs_optimized", As::Bool},
                {"associate_public_ip_address", "public_ip", As::Bool},
                {"disable_api_termination", "disable_api_termination", As::Bool}},
               c);
    read_metadata(tf::first_block(*raw, "metadata_options"), a, c);
    if (const Value* p = raw->attributes.find("iam_instance_profile"); present(p)) {
      a.set("iam_instance_profile", aws::to_reference_string(*p, c));
      a.set("has_instance_profile", aws::is_set(*p));
    }
    set_security_groups(*raw, a, c, {"vpc_security_group_ids", "security_groups"});
    read_user_data(raw->attributes.find("user_data"), raw->attributes.find("user_data_base64"), a);
    read_instance_devices(*raw, a, c);
    if (lt_missing) {
      // Settings the instance leaves to a launch template this configuration does not hold.
      for (const char* field : {"imdsv2_required", "monitoring", "ebs_optimized",
                                "has_instance_profile", "disable_api_termination", "public_ip"})
        if (!a.find(field))
          a.set(field, Value::unknown("set by a launch template outside this configuration",
                                      lt_spec->span()));
    }
    const Value* subnet = raw->attributes.find("subnet_id");
    if (present(subnet)) a.set("subnet", aws::to_reference_string(*subnet, c));
    if (!a.find("public_ip")) a.set("public_ip", public_ip_from_subnet(ctx, subnet, raw->span, c));
    if (lt_missing && !present(profile))
      a.set("ssm_managed",
            Value::unknown("set by a launch template outside this configuration", lt_spec->span()));
    else
      a.set("ssm_managed", ssm_managed(ctx, profile, raw->span));
    if (lt_missing && !a.find("block_devices"))
      a.set("block_devices_encrypted",
            Value::unknown("set by a launch template outside this configuration", lt_spec->span()));
    else
      a.set("block_devices_encrypted", all_encrypted(a.find("block_devices"), raw->span));
    set_tags_and_name(r, *raw, c);
    ctx.out.push_back(std::move(r));
  }
}

void adapt_launch_templates(AdaptContext& ctx, const Convert& c) {
  for (const Resource* raw : tf::resources_of_type(ctx, "aws_launch_template")) {
    Resource r = make_named(*raw, "aws.ec2.launch_template", "name");
    read_template_settings(*raw, r.attributes, c);
    set_tags(*raw, r.attributes, c);
    ctx.out.push_back(std::move(r));
  }
}

void adapt_volumes(AdaptContext& ctx, const Convert& c) {
  for (const Resource* raw : tf::resources_of_type(ctx, "aws_ebs_volume")) {
    Resource r = make_named(*raw, "aws.ec2.volume");
    Value& a = r.attributes;
    copy_attrs(*raw, a,
               {{"encrypted", "encrypted", As::Bool},
                {"size", "size", As::Number},
                {"type", "volume_type", As::String},
                {"availability_zone", "availability_zone", As::String}},
               c);
    if (const Value* k = raw->attributes.find("kms_key_id"); present(k))
      a.set("kms_key", aws::to_reference_string(*k, c));
    set_tags_and_name(r, *raw, c);
    ctx.out.push_back(std::move(r));
  }
}

}  // namespace

void adapt_compute(AdaptContext& ctx, const Convert& c) {
  adapt_instances(ctx, c);
  adapt_launch_templates(ctx, c);
  adapt_volumes(ctx, c);
}

}  // namespace cc::model::aws_tf::ec2
