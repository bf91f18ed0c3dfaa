#pragma once
// The pieces adapt_ec2 is made of: compute (instances, launch templates, volumes) and
// network (security groups, VPCs, flow logs). Private to the AWS adapters.
#include "model/aws/common.h"

namespace cc::model::aws::ec2 {

void adapt_compute(AdaptContext& ctx, const Convert& c);
void adapt_network(AdaptContext& ctx, const Convert& c);

// One security group rule (inline entry or AWS::EC2::SecurityGroupIngress/Egress
// properties) in the aws.ec2.sg_rule shape: protocol named, "all ports" as 0..65535,
// IPv4 and IPv6 CIDRs together.
Value sg_rule(const Value& entry, bool ingress, const Convert& c);

// Sets `tags` from the Tags property; a Name tag also names the resource, as the EC2
// console shows it. Reads `r.attributes` as the canonical map.
void set_tags_and_name(Resource& r, const Resource& raw, const Convert& c);

// Heuristic: does this user data text look like it carries a credential?
bool looks_like_secret(std::string_view text);

}  // namespace cc::model::aws::ec2
