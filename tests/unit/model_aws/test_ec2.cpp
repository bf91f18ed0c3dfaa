#include <gtest/gtest.h>

#include "model/aws/ec2_parts.h"
#include "raw2.h"

namespace cc {
namespace {

using test::at;

constexpr const char* kNetwork = R"(
Vpc:
  Type: AWS::EC2::VPC
  Properties:
    CidrBlock: 10.0.0.0/16
    Tags: [{Key: Name, Value: main}]
VpcFlowLog:
  Type: AWS::EC2::FlowLog
  Properties:
    ResourceType: VPC
    ResourceId: !Ref Vpc
    TrafficType: ALL
    LogDestinationType: s3
    LogDestination: !GetAtt FlowBucket.Arn
Web:
  Type: AWS::EC2::SecurityGroup
  Properties:
    GroupDescription: web
    VpcId: !Ref Vpc
    SecurityGroupIngress:
      - {IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0}
      - {IpProtocol: "-1", CidrIpv6: "::/0", Description: everything}
      - {IpProtocol: 6, FromPort: 22, ToPort: 22, SourceSecurityGroupId: !Ref Bastion}
Ssh:
  Type: AWS::EC2::SecurityGroupIngress
  Properties:
    GroupId: !GetAtt Web.GroupId
    IpProtocol: tcp
    FromPort: 22
    ToPort: 22
    CidrIp: 203.0.113.0/24
Closed:
  Type: AWS::EC2::SecurityGroup
  Properties:
    GroupDescription: closed
    SecurityGroupEgress: [{IpProtocol: udp, FromPort: 53, ToPort: 53, DestinationPrefixListId: pl-123}]
Bastion:
  Type: AWS::EC2::SecurityGroup
  Properties: {GroupDescription: bastion, SecurityGroupIngress: !Unknown parameter}
BastionOut:
  Type: AWS::EC2::SecurityGroupEgress
  Properties: {GroupId: !Ref Bastion, IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0}
DefaultOpen:
  Type: AWS::EC2::SecurityGroupIngress
  Properties:
    GroupId: !GetAtt Vpc.DefaultSecurityGroup
    IpProtocol: tcp
    FromPort: 3389
    ToPort: 3389
    CidrIp: 0.0.0.0/0
Other:
  Type: AWS::EC2::VPC
  Properties: {CidrBlock: 10.1.0.0/16}
)";

TEST(AdaptEc2Network, SecurityGroupRulesAreNormalisedAndJoined) {
  Document doc = test::raw_doc(kNetwork);
  Diagnostics diags;
  auto out = test::run(model::aws::adapt_ec2, doc, diags);
  EXPECT_TRUE(diags.empty());
  for (const auto& r : out) test::expect_fits_schema(r);
  const Resource* web = test::find(out, "aws.ec2.security_group", "Web");
  ASSERT_NE(web, nullptr);
  const Value& in = at(web->attributes, "ingress");
  ASSERT_EQ(in.as_list().size(), 4u);
  EXPECT_EQ(at(in, "0.protocol").as_string(), "tcp");
  EXPECT_EQ(at(in, "0.from_port").as_number(), 443);
  EXPECT_EQ(at(in, "0.cidrs.0").as_string(), "0.0.0.0/0");
  EXPECT_EQ(at(in, "0.cidrs.0").span().line, 21u);
  EXPECT_EQ(at(in, "1.protocol").as_string(), "all");
  EXPECT_EQ(at(in, "1.from_port").as_number(), 0);
  EXPECT_EQ(at(in, "1.to_port").as_number(), 65535);
  EXPECT_EQ(at(in, "1.cidrs.0").as_string(), "::/0");
  EXPECT_EQ(at(in, "1.description").as_string(), "everything");
  EXPECT_EQ(at(in, "2.protocol").as_string(), "tcp");
  EXPECT_EQ(at(in, "2.source_groups.0").as_string(), "${Bastion}");
  EXPECT_TRUE(at(in, "2.cidrs").as_list().empty());
  // The separate AWS::EC2::SecurityGroupIngress, at its own position.
  EXPECT_EQ(at(in, "3.cidrs.0").as_string(), "203.0.113.0/24");
  EXPECT_EQ(in.as_list()[3].span().line, 24u);
  EXPECT_EQ(at(web->attributes, "vpc").as_string(), "${Vpc}");
  // No egress declared: AWS's allow-all rule, marked as a default.
  const Value& eg = at(web->attributes, "egress");
  ASSERT_EQ(eg.as_list().size(), 1u);
  EXPECT_EQ(at(eg, "0.protocol").as_string(), "all");
  EXPECT_EQ(at(eg, "0.cidrs.0").as_string(), "0.0.0.0/0");
  EXPECT_EQ(eg.as_list()[0].provenance(), Provenance::Default);

  const Resource* closed = test::find(out, "aws.ec2.security_group", "Closed");
  ASSERT_NE(closed, nullptr);
  ASSERT_EQ(at(closed->attributes, "egress").as_list().size(), 1u);
  EXPECT_EQ(at(closed->attributes, "egress.0.protocol").as_string(), "udp");
  EXPECT_EQ(at(closed->attributes, "egress.0.prefix_lists.0").as_string(), "pl-123");
  EXPECT_TRUE(at(closed->attributes, "ingress").as_list().empty());

  // A separate egress resource adds to the allow-all rule instead of replacing it.
  const Resource* bastion_out = test::find(out, "aws.ec2.security_group", "Bastion");
  ASSERT_NE(bastion_out, nullptr);
  const Value& bastion_egress = at(bastion_out->attributes, "egress");
  ASSERT_EQ(bastion_egress.as_list().size(), 2u);
  EXPECT_EQ(at(bastion_egress, "0.protocol").as_string(), "all");
  EXPECT_EQ(at(bastion_egress, "1.to_port").as_number(), 443);

  const Resource* bastion = test::find(out, "aws.ec2.security_group", "Bastion");
  ASSERT_NE(bastion, nullptr);
  EXPECT_TRUE(at(bastion->attributes, "ingress").is_unknown());
}

TEST(AdaptEc2Network, VpcFlowLogsAndDefaultSecurityGroup) {
  Document doc = test::raw_doc(kNetwork);
  Diagnostics diags;
  auto out = test::run(model::aws::adapt_ec2, doc, diags);
  const Resource* vpc = test::find(out, "aws.ec2.vpc", "Vpc");
  ASSERT_NE(vpc, nullptr);
  EXPECT_EQ(vpc->name, "main");
  EXPECT_TRUE(at(vpc->attributes, "flow_logs_enabled").as_bool());
  EXPECT_EQ(at(vpc->attributes, "flow_logs_enabled").span().line, 7u);
  EXPECT_EQ(at(vpc->attributes, "flow_log_traffic_types.0").as_string(), "ALL");
  ASSERT_EQ(at(vpc->attributes, "default_security_group.ingress").as_list().size(), 1u);
  EXPECT_EQ(at(vpc->attributes, "default_security_group.ingress.0.from_port").as_number(), 3389);
  EXPECT_FALSE(at(vpc->attributes, "default_security_group.in_use").as_bool());

  const Resource* other = test::find(out, "aws.ec2.vpc", "Other");
  ASSERT_NE(other, nullptr);
  EXPECT_FALSE(at(other->attributes, "flow_logs_enabled").as_bool());
  EXPECT_TRUE(at(other->attributes, "default_security_group.ingress").as_list().empty());

  const Resource* fl = test::find(out, "aws.ec2.flow_log", "VpcFlowLog");
  ASSERT_NE(fl, nullptr);
  EXPECT_EQ(at(fl->attributes, "resource_id").as_string(), "${Vpc}");
  EXPECT_EQ(at(fl->attributes, "destination").as_string(), "${FlowBucket.Arn}");
  EXPECT_EQ(at(fl->attributes, "destination_type").as_string(), "s3");
}

TEST(AdaptEc2Network, FlowLogOnAnUnknownVpcMakesTheAnswerUnknown) {
  Document doc = test::raw_doc(R"(
Vpc:
  Type: AWS::EC2::VPC
Log:
  Type: AWS::EC2::FlowLog
  Properties: {ResourceType: VPC, ResourceId: !Unknown imported vpc id, TrafficType: REJECT}
)");
  Diagnostics diags;
  auto out = test::run(model::aws::adapt_ec2, doc, diags);
  const Resource* vpc = test::find(out, "aws.ec2.vpc", "Vpc");
  ASSERT_NE(vpc, nullptr);
  EXPECT_TRUE(at(vpc->attributes, "flow_logs_enabled").is_unknown());
}

constexpr const char* kCompute = R"(
Template:
  Type: AWS::EC2::LaunchTemplate
  Properties:
    LaunchTemplateName: web-lt
    LaunchTemplateData:
      MetadataOptions: {HttpTokens: required, HttpPutResponseHopLimit: 2}
      Monitoring: {Enabled: true}
      IamInstanceProfile: {Name: !Ref Profile}
      BlockDeviceMappings:
        - DeviceName: /dev/xvda
          Ebs: {Encrypted: true, VolumeSize: 20}
FromTemplate:
  Type: AWS::EC2::Instance
  Properties:
    LaunchTemplate: {LaunchTemplateId: !Ref Template, Version: "1"}
    SubnetId: !Ref PrivateSubnet
    SecurityGroupIds: [!GetAtt Web.GroupId]
    Tags: [{Key: Name, Value: web-1}]
Plain:
  Type: AWS::EC2::Instance
  Properties:
    ImageId: ami-123
    UserData: "#!/bin/bash\nexport DB_PASSWORD=hunter22\n"
    BlockDeviceMappings:
      - {DeviceName: /dev/xvda, Ebs: {VolumeSize: 8}}
      - {DeviceName: /dev/sdb, VirtualName: ephemeral0}
    DisableApiTermination: true
    NetworkInterfaces: [{DeviceIndex: "0", AssociatePublicIpAddress: "true", SubnetId: subnet-1}]
Elsewhere:
  Type: AWS::EC2::Instance
  Properties:
    LaunchTemplate: {LaunchTemplateName: shared-lt, Version: "3"}
    SubnetId: subnet-abc
PrivateSubnet:
  Type: AWS::EC2::Subnet
  Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24}
Profile:
  Type: AWS::IAM::InstanceProfile
  Properties: {Roles: [!Ref Role]}
Role:
  Type: AWS::IAM::Role
  Properties:
    ManagedPolicyArns: [arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore]
Disk:
  Type: AWS::EC2::Volume
  Properties: {Size: 100, AvailabilityZone: eu-west-1a, KmsKeyId: !Ref Key, Encrypted: true}
BareDisk:
  Type: AWS::EC2::Volume
  Properties: {Size: 10, AvailabilityZone: eu-west-1a}
)";

TEST(AdaptEc2Compute, InstanceInheritsItsLaunchTemplate) {
  Document doc = test::raw_doc(kCompute);
  Diagnostics diags;
  auto out = test::run(model::aws::adapt_ec2, doc, diags);
  EXPECT_TRUE(diags.empty());
  for (const auto& r : out) test::expect_fits_schema(r);
  const Resource* inst = test::find(out, "aws.ec2.instance", "FromTemplate");
  ASSERT_NE(inst, nullptr);
  const Value& a = inst->attributes;
  EXPECT_EQ(inst->name, "web-1");
  EXPECT_EQ(at(a, "launch_template").as_string(), "${Template}");
  EXPECT_TRUE(at(a, "imdsv2_required").as_bool());
  EXPECT_EQ(at(a, "imdsv2_required").span().line, 7u);  // points into the launch template
  EXPECT_EQ(at(a, "metadata.hop_limit").as_number(), 2);
  EXPECT_TRUE(at(a, "monitoring").as_bool());
  EXPECT_TRUE(at(a, "has_instance_profile").as_bool());
  EXPECT_TRUE(at(a, "ssm_managed").as_bool());
  EXPECT_TRUE(at(a, "block_devices_encrypted").as_bool());
  EXPECT_FALSE(at(a, "public_ip").as_bool());  // subnet of the template, no auto-assign
  EXPECT_EQ(at(a, "security_groups.0").as_string(), "${Web.GroupId}");
  EXPECT_EQ(at(a, "subnet").as_string(), "${PrivateSubnet}");

  const Resource* lt = test::find(out, "aws.ec2.launch_template", "Template");
  ASSERT_NE(lt, nullptr);
  EXPECT_EQ(lt->name, "web-lt");
  EXPECT_TRUE(at(lt->attributes, "imdsv2_required").as_bool());
  EXPECT_EQ(at(lt->attributes, "iam_instance_profile").as_string(), "${Profile}");
}

TEST(AdaptEc2Compute, InstanceWithOwnSettings) {
  Document doc = test::raw_doc(kCompute);
  Diagnostics diags;
  auto out = test::run(model::aws::adapt_ec2, doc, diags);
  const Resource* inst = test::find(out, "aws.ec2.instance", "Plain");
  ASSERT_NE(inst, nullptr);
  const Value& a = inst->attributes;
  EXPECT_TRUE(at(a, "public_ip").as_bool());
  EXPECT_EQ(at(a, "public_ip").span().line, 29u);
  EXPECT_TRUE(at(a, "user_data.present").as_bool());
  EXPECT_TRUE(at(a, "user_data.secrets").as_bool());
  ASSERT_EQ(at(a, "block_devices").as_list().size(), 1u);  // the ephemeral entry has no EBS
  EXPECT_FALSE(at(a, "block_devices_encrypted").as_bool());
  EXPECT_TRUE(at(a, "disable_api_termination").as_bool());
  EXPECT_FALSE(at(a, "ssm_managed").as_bool());  // no instance profile at all
  EXPECT_EQ(a.find("imdsv2_required"), nullptr);
  Value d = test::with_defaults(*inst);
  EXPECT_FALSE(at(d, "imdsv2_required").as_bool());
  EXPECT_FALSE(at(d, "monitoring").as_bool());
  EXPECT_FALSE(at(d, "block_devices.0.encrypted").as_bool());
}

TEST(AdaptEc2Compute, LaunchTemplateOutsideTheFileLeavesSettingsUnknown) {
  Document doc = test::raw_doc(kCompute);
  Diagnostics diags;
  auto out = test::run(model::aws::adapt_ec2, doc, diags);
  const Resource* inst = test::find(out, "aws.ec2.instance", "Elsewhere");
  ASSERT_NE(inst, nullptr);
  const Value& a = inst->attributes;
  EXPECT_EQ(at(a, "launch_template").as_string(), "shared-lt");
  EXPECT_TRUE(at(a, "imdsv2_required").is_unknown());
  EXPECT_TRUE(at(a, "monitoring").is_unknown());
  EXPECT_TRUE(at(a, "ssm_managed").is_unknown());
  EXPECT_TRUE(at(a, "block_devices_encrypted").is_unknown());
  EXPECT_TRUE(at(a, "public_ip").is_unknown());
}

TEST(AdaptEc2Compute, InstanceWithoutSubnetGetsAPublicAddress) {
  Document doc = test::raw_doc(R"(
I:
  Type: AWS::EC2::Instance
  Properties: {ImageId: ami-1, IamInstanceProfile: external-profile}
)");
  Diagnostics diags;
  auto out = test::run(model::aws::adapt_ec2, doc, diags);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_TRUE(at(out[0].attributes, "public_ip").as_bool());
  EXPECT_TRUE(at(out[0].attributes, "has_instance_profile").as_bool());
  EXPECT_TRUE(at(out[0].attributes, "ssm_managed").is_unknown());
  EXPECT_TRUE(at(out[0].attributes, "block_devices_encrypted").is_unknown());
}

TEST(AdaptEc2Compute, Volumes) {
  Document doc = test::raw_doc(kCompute);
  Diagnostics diags;
  auto out = test::run(model::aws::adapt_ec2, doc, diags);
  const Resource* disk = test::find(out, "aws.ec2.volume", "Disk");
  ASSERT_NE(disk, nullptr);
  EXPECT_TRUE(at(disk->attributes, "encrypted").as_bool());
  EXPECT_EQ(at(disk->attributes, "kms_key").as_string(), "${Key}");
  EXPECT_EQ(at(disk->attributes, "size").as_number(), 100);
  const Resource* bare = test::find(out, "aws.ec2.volume", "BareDisk");
  ASSERT_NE(bare, nullptr);
  Value d = test::with_defaults(*bare);
  EXPECT_FALSE(at(d, "encrypted").as_bool());
  EXPECT_EQ(at(d, "encrypted").provenance(), Provenance::Default);
}

TEST(Ec2UserData, Base64UserDataIsDecodedBeforeInspection) {
  // What the CloudFormation collector produces for Fn::Base64 over a literal script.
  Document doc = test::raw_doc(R"(
Leaky:
  Type: AWS::EC2::Instance
  Properties: {UserData: IyEvYmluL2Jhc2gKZXhwb3J0IERCX1BBU1NXT1JEPWh1bnRlcjIyCg==}
Clean:
  Type: AWS::EC2::Instance
  Properties: {UserData: IyEvYmluL2Jhc2gKeXVtIGluc3RhbGwgLXkgbmdpbngK}
)");
  Diagnostics diags;
  auto out = test::run(model::aws::adapt_ec2, doc, diags);
  const Resource* leaky = test::find(out, "aws.ec2.instance", "Leaky");
  const Resource* clean = test::find(out, "aws.ec2.instance", "Clean");
  ASSERT_NE(leaky, nullptr);
  ASSERT_NE(clean, nullptr);
  EXPECT_TRUE(at(leaky->attributes, "user_data.secrets").as_bool());
  EXPECT_EQ(at(leaky->attributes, "user_data.secrets").span().line, 4u);
  EXPECT_FALSE(at(clean->attributes, "user_data.secrets").as_bool());
}

TEST(Ec2UserData, SecretHeuristics) {
  using model::aws::ec2::looks_like_secret;
  EXPECT_TRUE(looks_like_secret("aws configure set aws_access_key_id AKIAABCDEFGHIJKLMNOP"));
  EXPECT_TRUE(looks_like_secret("-----BEGIN RSA PRIVATE KEY-----\nMIIE...\n"));
  EXPECT_TRUE(looks_like_secret("DB_PASSWORD='s3cr3t-value'"));
  EXPECT_TRUE(looks_like_secret("api_key: abcd1234"));
  EXPECT_FALSE(looks_like_secret("DB_PASSWORD=$DB_PASSWORD"));
  EXPECT_FALSE(looks_like_secret("password=${PasswordParam}"));
  EXPECT_FALSE(looks_like_secret("TOKEN=$(aws ssm get-parameter --name t)"));
  EXPECT_FALSE(looks_like_secret("yum install -y httpd\nsystemctl start httpd"));
  EXPECT_FALSE(looks_like_secret("passwd=ab"));
}

TEST(Ec2SecurityGroupRule, ProtocolNumbersAndMissingPorts) {
  Diagnostics diags;
  model::aws::Convert c{diags};
  Document doc = test::raw_doc(R"(
X:
  Type: T
  Properties:
    A: {IpProtocol: "17", CidrIp: 10.0.0.0/8}
    B: {IpProtocol: icmp, FromPort: -1, ToPort: -1, CidrIp: 10.0.0.0/8}
    C: {FromPort: 80, ToPort: 80}
)");
  const Value* props = model::aws::properties(doc.resources[0]);
  ASSERT_NE(props, nullptr);
  Value a = model::aws::ec2::sg_rule(*props->find("A"), true, c);
  EXPECT_EQ(at(a, "protocol").as_string(), "udp");
  EXPECT_EQ(at(a, "from_port").as_number(), 0);
  EXPECT_EQ(at(a, "to_port").as_number(), 65535);
  Value b = model::aws::ec2::sg_rule(*props->find("B"), true, c);
  EXPECT_EQ(at(b, "protocol").as_string(), "icmp");
  EXPECT_EQ(at(b, "to_port").as_number(), 65535);
  Value no_proto = model::aws::ec2::sg_rule(*props->find("C"), true, c);
  EXPECT_TRUE(at(no_proto, "protocol").is_unknown());
  EXPECT_EQ(at(no_proto, "from_port").as_number(), 80);
  Value not_map = model::aws::ec2::sg_rule(Value::string("x", Span{1, 3, 3}), true, c);
  EXPECT_TRUE(not_map.is_unknown());
  EXPECT_EQ(diags.size(), 1u);
}

}  // namespace
}  // namespace cc
