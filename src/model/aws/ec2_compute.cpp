// Instances, launch templates and volumes. An instance started from a launch template
// of the same template inherits its settings (the instance's own properties win);
// one started from a launch template elsewhere has those settings unknown.
#include <openssl/evp.h>

#include <optional>
#include <string>

#include "model/aws/ec2_parts.h"

namespace cc::model::aws::ec2 {
namespace {

constexpr std::string_view kLaunchTemplate = "AWS::EC2::LaunchTemplate";

Value read_block_devices(const Value& mappings, const Convert& c) {
  if (!mappings.is_list()) {
    if (mappings.is_unknown()) return mappings;
    c.type_warning(mappings, "a list of block device mappings");
    return Value::unknown("block device mappings are not a list", mappings.span());
  }
  List devices;
  for (const auto& m : mappings.as_list()) {
    const Value* ebs = m.find("Ebs");
    if (!ebs) continue;  // instance store or NoDevice entries hold no EBS volume
    Value d = Value::map({}, m.span());
    set_string(d, "device_name", m.find("DeviceName"), c);
    if (ebs->is_unknown()) {
      d.set("encrypted", *ebs);
    } else {
      set_bool(d, "encrypted", ebs->find("Encrypted"), c);
      set_reference(d, "kms_key", ebs->find("KmsKeyId"), c);
      set_number(d, "volume_size", ebs->find("VolumeSize"), c);
      set_string(d, "volume_type", ebs->find("VolumeType"), c);
    }
    devices.push_back(std::move(d));
  }
  return Value::list(std::move(devices), mappings.span());
}

// True when the text is plausibly base64 (what Fn::Base64 produces).
bool looks_base64(std::string_view s) {
  if (s.size() < 16 || s.size() % 4 != 0) return false;
  for (char ch : s)
    if (!std::isalnum(static_cast<unsigned char>(ch)) && ch != '+' && ch != '/' && ch != '=')
      return false;
  return true;
}

// Fn::Base64 output decoded back to the script text, or nothing if it is not base64.
std::optional<std::string> decode_base64(std::string_view s) {
  std::string out(s.size() / 4 * 3, '\0');
  int n =
      EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                      reinterpret_cast<const unsigned char*>(s.data()), static_cast<int>(s.size()));
  if (n < 0) return std::nullopt;
  // EVP_DecodeBlock counts the padding as output bytes.
  size_t padding = 0;
  for (size_t i = s.size(); i > 0 && s[i - 1] == '=' && padding < 2; --i) ++padding;
  out.resize(static_cast<size_t>(n) - padding);
  return out;
}

void read_user_data(const Value& ud, Value& a) {
  a.set_path("user_data.present", Value::boolean(true, ud.span()));
  if (ud.is_unknown()) {
    a.set_path("user_data.secrets", Value::unknown("user data is unknown", ud.span()));
    return;
  }
  if (!ud.is_string()) {
    a.set_path("user_data.secrets", Value::unknown("user data is not text", ud.span()));
    return;
  }
  std::string_view text = ud.as_string();
  std::optional<std::string> decoded;
  if (looks_base64(text)) decoded = decode_base64(text);
  bool secrets = looks_like_secret(decoded ? std::string_view(*decoded) : text);
  a.set_path("user_data.secrets", Value::boolean(secrets, ud.span()));
}

// The settings instances and launch templates share: `props` is an instance's
// Properties or a launch template's LaunchTemplateData (whose few differences in
// spelling are handled here).
void read_launch_settings(const Value& props, bool launch_template, Value& a, const Convert& c) {
  set_string(a, "image_id", props.find("ImageId"), c);
  set_string(a, "instance_type", props.find("InstanceType"), c);
  if (const Value* md = props.find("MetadataOptions")) {
    Value tokens = md->is_unknown() ? *md : Value::null();
    if (md->is_map()) {
      set_string(a, "metadata.http_tokens", md->find("HttpTokens"), c);
      set_string(a, "metadata.http_endpoint", md->find("HttpEndpoint"), c);
      set_number(a, "metadata.hop_limit", md->find("HttpPutResponseHopLimit"), c);
      const Value* t = a.at_path("metadata.http_tokens");
      const Value* e = a.at_path("metadata.http_endpoint");
      // A disabled metadata endpoint cannot leak credentials either.
      if (e && e->is_string() && e->as_string() == "disabled")
        tokens = Value::boolean(true, e->span());
      else if (t && t->is_string())
        tokens = Value::boolean(t->as_string() == "required", t->span());
      else if (t)
        tokens = *t;
    }
    if (!tokens.is_null()) a.set("imdsv2_required", tokens);
  }
  if (const Value* mon = props.find("Monitoring")) {
    if (launch_template && mon->is_map()) {
      set_bool(a, "monitoring", mon->find("Enabled"), c);
    } else {
      set_bool(a, "monitoring", mon, c);
    }
  }
  set_bool(a, "ebs_optimized", props.find("EbsOptimized"), c);
  if (const Value* profile = props.find("IamInstanceProfile")) {
    const Value* p = profile;
    if (launch_template && profile->is_map()) {
      p = profile->find("Arn");
      if (!p) p = profile->find("Name");
    }
    if (p) {
      set_reference(a, "iam_instance_profile", p, c);
      a.set("has_instance_profile", is_set(*p));
    }
  }
  if (const Value* nis = props.find("NetworkInterfaces"); nis && nis->is_list()) {
    for (const auto& ni : nis->as_list())
      if (const Value* pub = ni.find("AssociatePublicIpAddress")) set_bool(a, "public_ip", pub, c);
  }
  List groups;
  Span groups_span;
  for (const char* key : {"SecurityGroupIds", "SecurityGroups"}) {
    if (const Value* g = props.find(key)) {
      Value list = to_reference_list(*g, c);
      groups_span = g->span();
      if (list.is_list())
        for (const auto& v : list.as_list()) groups.push_back(v);
    }
  }
  if (groups_span.known()) a.set("security_groups", Value::list(std::move(groups), groups_span));
  if (const Value* ud = props.find("UserData")) read_user_data(*ud, a);
  if (const Value* bdm = props.find("BlockDeviceMappings"))
    a.set("block_devices", read_block_devices(*bdm, c));
  set_bool(a, "disable_api_termination", props.find("DisableApiTermination"), c);
}

// The instance profile's role(s) carry AmazonSSMManagedInstanceCore, which lets
// Systems Manager manage (patch, inventory, session) the instance.
Value ssm_managed(const AdaptContext& ctx, const Value* profile, Span fallback) {
  if (!profile) return Value::boolean(false, fallback);
  const Resource* ip = nullptr;
  for (const Resource* cand : resources_of_type(ctx, "AWS::IAM::InstanceProfile"))
    if (refers_to(*profile, *cand, physical_name(*cand, "InstanceProfileName"))) ip = cand;
  if (!ip) return Value::unknown("instance profile is not in this template", profile->span());
  const Value* roles = property(*ip, "Roles");
  if (!roles || !roles->is_list())
    return Value::unknown("instance profile roles are unknown", ip->span);
  bool uncertain = false;
  for (const auto& role_ref : roles->as_list()) {
    const Resource* role = nullptr;
    for (const Resource* cand : resources_of_type(ctx, "AWS::IAM::Role"))
      if (refers_to(role_ref, *cand, physical_name(*cand, "RoleName"))) role = cand;
    if (!role) {
      uncertain = true;
      continue;
    }
    const Value* arns = property(*role, "ManagedPolicyArns");
    if (!arns) continue;
    if (!arns->is_list()) {
      uncertain = true;
      continue;
    }
    for (const auto& arn : arns->as_list()) {
      if (arn.is_string() && arn.as_string().ends_with("/AmazonSSMManagedInstanceCore"))
        return Value::boolean(true, arn.span());
      if (arn.is_unknown() && ref_target(arn).empty()) uncertain = true;
    }
  }
  if (uncertain)
    return Value::unknown("the instance profile's role or policies are not all known", ip->span);
  return Value::boolean(false, ip->span);
}

// Public IPv4 address when the network interfaces do not say: the subnet decides.
Value public_ip_from_subnet(const AdaptContext& ctx, const Value* subnet, Span fallback,
                            const Convert& c) {
  if (!subnet) {
    // Without a subnet the instance lands in the default VPC, whose default subnets
    // assign public addresses.
    return Value::boolean(true, fallback);
  }
  const Resource* s = referenced(ctx, *subnet, "AWS::EC2::Subnet");
  if (!s)
    return Value::unknown("public IP assignment depends on a subnet outside this template",
                          subnet->span());
  if (const Value* map = property(*s, "MapPublicIpOnLaunch")) return to_bool(*map, c);
  return Value::boolean(false, s->span);
}

Value all_encrypted(const Value* devices, Span fallback) {
  if (!devices || (devices->is_list() && devices->as_list().empty()))
    return Value::unknown("no EBS mapping: the root volume follows the image and account default",
                          fallback);
  if (devices->is_unknown()) return *devices;
  Value result = Value::boolean(true, devices->span());
  for (const auto& d : devices->as_list()) {
    const Value* e = d.find("encrypted");
    if (!e || (e->is_bool() && !e->as_bool()))
      return Value::boolean(false, e ? e->span() : d.span());
    if (e->is_unknown()) result = *e;
  }
  return result;
}

void adapt_instances(AdaptContext& ctx, const Convert& c) {
  for (const Resource* raw : resources_of_type(ctx, "AWS::EC2::Instance")) {
    Resource r = make_canonical(*raw, "aws.ec2.instance");
    Value& a = r.attributes;
    a.set("name", Value::string(raw->address, raw->span));
    const Value* props = properties(*raw);
    Value empty = Value::map();
    if (!props) props = &empty;

    const Value* lt_spec = props->find("LaunchTemplate");
    const Value* profile = props->find("IamInstanceProfile");
    bool lt_missing = false;
    if (lt_spec) {
      const Value* id = lt_spec->find("LaunchTemplateId");
      if (!id) id = lt_spec->find("LaunchTemplateName");
      if (id) set_reference(a, "launch_template", id, c);
      const Resource* lt = nullptr;
      for (const Resource* cand : resources_of_type(ctx, kLaunchTemplate))
        if (id && refers_to(*id, *cand, physical_name(*cand, "LaunchTemplateName"))) lt = cand;
      const Value* data = lt ? property(*lt, "LaunchTemplateData") : nullptr;
      if (data && data->is_map()) {
        // The launch template reports problems with its data once, as its own resource.
        Diagnostics reported_by_template;
        read_launch_settings(*data, true, a, Convert{reported_by_template});
        if (!profile) {
          if (const Value* p = data->find("IamInstanceProfile"))
            profile = p->is_map() ? (p->find("Arn") ? p->find("Arn") : p->find("Name")) : p;
        }
      } else {
        lt_missing = true;
      }
    }
    read_launch_settings(*props, false, a, c);
    if (lt_missing) {
      // Settings the instance leaves to a launch template this file does not hold.
      for (const char* field : {"imdsv2_required", "monitoring", "ebs_optimized",
                                "has_instance_profile", "disable_api_termination", "public_ip"})
        if (!a.find(field))
          a.set(field,
                Value::unknown("set by a launch template outside this template", lt_spec->span()));
    }

    const Value* subnet = props->find("SubnetId");
    if (const Value* nis = props->find("NetworkInterfaces"); !subnet && nis && nis->is_list())
      for (const auto& ni : nis->as_list())
        if (const Value* s = ni.find("SubnetId")) subnet = s;
    set_reference(a, "subnet", subnet, c);
    if (!a.find("public_ip")) a.set("public_ip", public_ip_from_subnet(ctx, subnet, raw->span, c));
    if (!lt_missing || profile) a.set("ssm_managed", ssm_managed(ctx, profile, raw->span));
    if (lt_missing && !profile)
      a.set("ssm_managed",
            Value::unknown("set by a launch template outside this template", lt_spec->span()));
    if (lt_missing && !a.find("block_devices"))
      a.set("block_devices_encrypted",
            Value::unknown("set by a launch template outside this template", lt_spec->span()));
    else
      a.set("block_devices_encrypted", all_encrypted(a.find("block_devices"), raw->span));

    set_tags_and_name(r, *raw, c);
    ctx.out.push_back(std::move(r));
  }
}

void adapt_launch_templates(AdaptContext& ctx, const Convert& c) {
  for (const Resource* raw : resources_of_type(ctx, kLaunchTemplate)) {
    Resource r = make_canonical(*raw, "aws.ec2.launch_template", "LaunchTemplateName");
    Value& a = r.attributes;
    if (const Value* n = property(*raw, "LaunchTemplateName"))
      set_string(a, "name", n, c);
    else
      a.set("name", Value::string(raw->address, raw->span));
    if (const Value* data = property(*raw, "LaunchTemplateData")) {
      if (data->is_map()) {
        read_launch_settings(*data, true, a, c);
      } else {
        c.type_warning(*data, "a LaunchTemplateData map");
      }
    }
    // Launch templates carry their own tags in TagSpecifications for resource type
    // "launch-template".
    if (const Value* specs = property(*raw, "TagSpecifications"); specs && specs->is_list())
      for (const auto& spec : specs->as_list())
        if (const Value* type = spec.find("ResourceType");
            type && type->is_string() && type->as_string() == "launch-template")
          if (const Value* tags = spec.find("Tags")) a.set("tags", tags_map(*tags, c));
    ctx.out.push_back(std::move(r));
  }
}

void adapt_volumes(AdaptContext& ctx, const Convert& c) {
  for (const Resource* raw : resources_of_type(ctx, "AWS::EC2::Volume")) {
    Resource r = make_canonical(*raw, "aws.ec2.volume");
    Value& a = r.attributes;
    a.set("name", Value::string(raw->address, raw->span));
    set_bool(a, "encrypted", property(*raw, "Encrypted"), c);
    set_reference(a, "kms_key", property(*raw, "KmsKeyId"), c);
    set_number(a, "size", property(*raw, "Size"), c);
    set_string(a, "volume_type", property(*raw, "VolumeType"), c);
    set_string(a, "availability_zone", property(*raw, "AvailabilityZone"), c);
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

}  // namespace cc::model::aws::ec2
