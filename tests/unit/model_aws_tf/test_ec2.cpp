#include <gtest/gtest.h>

#include "../common/raw_tf.h"
#include "model/aws_tf/aws_tf.h"

namespace cc {
namespace {

using test::at;

const Resource& get(const std::vector<Resource>& out, std::string_view kind,
                    std::string_view address) {
  const Resource* r = test::find(out, kind, address);
  EXPECT_NE(r, nullptr) << kind << " " << address;
  static const Resource missing;
  return r ? *r : missing;
}

TEST(TfEc2, InstanceInheritsLaunchTemplateAndJoinsProfileAndSubnet) {
  Document doc = test::tf_doc(R"({
"aws_launch_template.web": {"name": "web", "image_id": "ami-1",
  "metadata_options": [{"http_tokens": "required"}],
  "monitoring": [{"enabled": true}],
  "block_device_mappings": [{"device_name": "/dev/xvda", "ebs": [{"encrypted": "true", "volume_size": 20}]}],
  "user_data": "IyEvYmluL2Jhc2gKZXhwb3J0IERCX1BBU1NXT1JEPSJodW50ZXIyLWh1bnRlcjIiCg=="},
"aws_instance.app": {"launch_template": [{"id": {"$ref": "aws_launch_template.web.id"}}],
  "subnet_id": {"$ref": "aws_subnet.private.id"},
  "iam_instance_profile": {"$ref": "aws_iam_instance_profile.ssm.name"},
  "tags": {"Name": "app-1"}},
"aws_subnet.private": {"cidr_block": "10.0.1.0/24"},
"aws_iam_instance_profile.ssm": {"name": "ssm", "role": {"$ref": "aws_iam_role.ssm.name"}},
"aws_iam_role.ssm": {"name": "ssm"},
"aws_iam_role_policy_attachment.ssm": {"role": {"$ref": "aws_iam_role.ssm.name"},
  "policy_arn": "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"}
})");
  Diagnostics diags;
  auto out = test::adapt_checked(model::aws_tf::adapt_ec2, doc, diags);
  const Resource& inst = get(out, "aws.ec2.instance", "aws_instance.app");
  const Value& a = inst.attributes;
  EXPECT_EQ(inst.name, "app-1");
  EXPECT_EQ(at(a, "launch_template"), Value::string("${aws_launch_template.web.id}"));
  EXPECT_EQ(at(a, "imdsv2_required"), Value::boolean(true));
  EXPECT_EQ(at(a, "imdsv2_required").span().line, 3u);
  EXPECT_EQ(at(a, "monitoring"), Value::boolean(true));
  EXPECT_EQ(at(a, "block_devices_encrypted"), Value::boolean(true));
  EXPECT_EQ(at(a, "user_data.secrets"), Value::boolean(true));  // decoded from base64
  EXPECT_EQ(at(a, "public_ip"), Value::boolean(false));         // subnet does not map
  EXPECT_EQ(at(a, "has_instance_profile"), Value::boolean(true));
  EXPECT_EQ(at(a, "ssm_managed"), Value::boolean(true));
  const Value& lt = get(out, "aws.ec2.launch_template", "aws_launch_template.web").attributes;
  EXPECT_EQ(at(lt, "block_devices.0.encrypted"), Value::boolean(true));
  EXPECT_EQ(at(lt, "block_devices.0.volume_size"), Value::number(20));
  EXPECT_TRUE(diags.empty());
}

TEST(TfEc2, InstanceDefaultsAndUnknowns) {
  Document doc = test::tf_doc(R"({
"aws_instance.bare": {"ami": "ami-1", "instance_type": "t3.micro"},
"aws_instance.vague": {"ami": "ami-1", "subnet_id": {"$unknown": "var.subnet"},
  "metadata_options": [{"http_tokens": {"$unknown": "var.tokens"}}],
  "iam_instance_profile": "made-elsewhere",
  "root_block_device": [{"volume_size": 8}],
  "user_data": "#!/bin/sh\necho hello\n"},
"aws_instance.external": {"launch_template": [{"name": "shared-template"}]}
})");
  Diagnostics diags;
  auto out = test::adapt_checked(model::aws_tf::adapt_ec2, doc, diags);
  Value bare = test::with_defaults(get(out, "aws.ec2.instance", "aws_instance.bare"));
  EXPECT_EQ(at(bare, "imdsv2_required"), Value::boolean(false));
  EXPECT_EQ(at(bare, "public_ip"), Value::boolean(true));  // default VPC
  EXPECT_TRUE(at(bare, "block_devices_encrypted").is_unknown());
  EXPECT_EQ(at(bare, "ssm_managed"), Value::boolean(false));
  const Value& v = get(out, "aws.ec2.instance", "aws_instance.vague").attributes;
  EXPECT_TRUE(at(v, "public_ip").is_unknown());
  EXPECT_TRUE(at(v, "imdsv2_required").is_unknown());
  EXPECT_TRUE(at(v, "ssm_managed").is_unknown());
  EXPECT_EQ(at(v, "block_devices_encrypted"), Value::boolean(false));
  EXPECT_EQ(at(v, "user_data.secrets"), Value::boolean(false));
  const Value& e = get(out, "aws.ec2.instance", "aws_instance.external").attributes;
  EXPECT_TRUE(at(e, "imdsv2_required").is_unknown());
  EXPECT_TRUE(at(e, "monitoring").is_unknown());
  EXPECT_TRUE(at(e, "block_devices_encrypted").is_unknown());
}

TEST(TfEc2, SecurityGroupJoinsEveryRuleSpelling) {
  Document doc = test::tf_doc(R"({
"aws_security_group.app": {"name": "app", "vpc_id": {"$ref": "aws_vpc.main.id"},
  "ingress": [{"from_port": 443, "to_port": 443, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0", "10.0.0.0/8"]}],
  "egress": [{"from_port": 0, "to_port": 0, "protocol": "-1", "cidr_blocks": ["0.0.0.0/0"]}]},
"aws_security_group_rule.ssh": {"type": "ingress", "security_group_id": {"$ref": "aws_security_group.app.id"},
  "from_port": 22, "to_port": 22, "protocol": "6", "cidr_blocks": ["0.0.0.0/0"]},
"aws_vpc_security_group_ingress_rule.peer": {"security_group_id": {"$ref": "aws_security_group.app.id"},
  "ip_protocol": "tcp", "from_port": 8080, "to_port": 8080,
  "referenced_security_group_id": {"$ref": "aws_security_group.lb.id"}},
"aws_security_group_rule.self": {"type": "ingress", "security_group_id": {"$ref": "aws_security_group.app.id"},
  "from_port": 0, "to_port": 0, "protocol": "-1", "self": true},
"aws_security_group.bare": {"name": "bare"}
})");
  Diagnostics diags;
  auto out = test::adapt_checked(model::aws_tf::adapt_ec2, doc, diags);
  const Value& a = get(out, "aws.ec2.security_group", "aws_security_group.app").attributes;
  EXPECT_EQ(at(a, "vpc"), Value::string("${aws_vpc.main.id}"));
  const Value& in = at(a, "ingress");
  ASSERT_EQ(in.as_list().size(), 4u);
  EXPECT_EQ(at(in, "0.cidrs"),
            Value::list({Value::string("0.0.0.0/0"), Value::string("10.0.0.0/8")}));
  EXPECT_EQ(at(in, "1.protocol"), Value::string("tcp"));
  EXPECT_EQ(at(in, "1.from_port"), Value::number(22));
  EXPECT_EQ(at(in, "1.from_port").span().line, 6u);
  // aws_security_group_rule resources come before aws_vpc_security_group_*_rule ones.
  EXPECT_EQ(at(in, "2.protocol"), Value::string("all"));
  EXPECT_EQ(at(in, "2.to_port"), Value::number(65535));
  EXPECT_EQ(at(in, "2.source_groups"), Value::list({Value::string("${aws_security_group.app}")}));
  EXPECT_EQ(at(in, "3.source_groups"), Value::list({Value::string("${aws_security_group.lb.id}")}));
  EXPECT_EQ(at(a, "egress.0.protocol"), Value::string("all"));
  // Terraform removes AWS's default egress rule: a group without egress blocks has none.
  const Value& bare = get(out, "aws.ec2.security_group", "aws_security_group.bare").attributes;
  EXPECT_EQ(at(bare, "egress").as_list().size(), 0u);
  EXPECT_TRUE(diags.empty());
}

TEST(TfEc2, VpcFlowLogsAndDefaultSecurityGroup) {
  Document doc = test::tf_doc(R"({
"aws_vpc.main": {"cidr_block": "10.0.0.0/16", "tags": {"Name": "main"}},
"aws_flow_log.main": {"vpc_id": {"$ref": "aws_vpc.main.id"}, "traffic_type": "ALL",
  "log_destination_type": "s3", "log_destination": {"$ref": "aws_s3_bucket.fl.arn"}},
"aws_default_security_group.main": {"vpc_id": {"$ref": "aws_vpc.main.id"},
  "ingress": [{"protocol": "-1", "self": true, "from_port": 0, "to_port": 0}]},
"aws_vpc.other": {"cidr_block": "10.1.0.0/16"},
"aws_instance.app": {"vpc_security_group_ids": [{"$ref": "aws_vpc.other.default_security_group_id"}]}
})");
  Diagnostics diags;
  auto out = test::adapt_checked(model::aws_tf::adapt_ec2, doc, diags);
  const Resource& main = get(out, "aws.ec2.vpc", "aws_vpc.main");
  EXPECT_EQ(main.name, "main");
  EXPECT_EQ(at(main.attributes, "flow_logs_enabled"), Value::boolean(true));
  EXPECT_EQ(at(main.attributes, "flow_log_traffic_types"), Value::list({Value::string("ALL")}));
  EXPECT_EQ(at(main.attributes, "default_security_group.ingress").as_list().size(), 1u);
  EXPECT_EQ(at(main.attributes, "default_security_group.in_use"), Value::boolean(false));
  const Value& other = get(out, "aws.ec2.vpc", "aws_vpc.other").attributes;
  EXPECT_EQ(at(other, "flow_logs_enabled"), Value::boolean(false));
  EXPECT_EQ(at(other, "default_security_group.in_use"), Value::boolean(true));
  EXPECT_EQ(at(other, "default_security_group.in_use").span().line, 8u);
  const Value& fl = get(out, "aws.ec2.flow_log", "aws_flow_log.main").attributes;
  EXPECT_EQ(at(fl, "resource_type"), Value::string("VPC"));
  EXPECT_EQ(at(fl, "resource_id"), Value::string("${aws_vpc.main.id}"));
  EXPECT_EQ(at(fl, "destination"), Value::string("${aws_s3_bucket.fl.arn}"));
  EXPECT_TRUE(diags.empty());
}

TEST(TfEc2, VolumesAndEbsEncryptionDefault) {
  Document doc = test::tf_doc(R"({
"aws_ebs_volume.data": {"availability_zone": "eu-west-1a", "size": 100, "type": "gp3",
  "encrypted": true, "kms_key_id": {"$ref": "aws_kms_key.ebs.arn"}},
"aws_ebs_volume.plain": {"availability_zone": "eu-west-1a", "size": 10},
"aws_kms_key.ebs": {},
"aws_ebs_encryption_by_default.this": {},
"aws_ebs_default_kms_key.this": {"key_arn": {"$ref": "aws_kms_key.ebs.arn"}}
})");
  Diagnostics diags;
  auto out = test::adapt_checked(model::aws_tf::adapt_ec2, doc, diags);
  const Value& data = get(out, "aws.ec2.volume", "aws_ebs_volume.data").attributes;
  EXPECT_EQ(at(data, "encrypted"), Value::boolean(true));
  EXPECT_EQ(at(data, "volume_type"), Value::string("gp3"));
  EXPECT_EQ(at(data, "kms_key"), Value::string("${aws_kms_key.ebs.arn}"));
  Value plain = test::with_defaults(get(out, "aws.ec2.volume", "aws_ebs_volume.plain"));
  EXPECT_EQ(at(plain, "encrypted"), Value::boolean(false));
  Value def = test::with_defaults(
      get(out, "aws.ec2.ebs_encryption_default", "aws_ebs_encryption_by_default.this"));
  EXPECT_EQ(at(def, "enabled"), Value::boolean(true));
  EXPECT_EQ(at(def, "enabled").provenance(), Provenance::Default);
  EXPECT_EQ(at(def, "customer_managed_key"), Value::boolean(true));
  EXPECT_EQ(at(def, "kms_key"), Value::string("${aws_kms_key.ebs.arn}"));
  EXPECT_TRUE(diags.empty());
}

}  // namespace
}  // namespace cc
