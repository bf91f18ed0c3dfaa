#pragma once
// The pieces adapt_ec2 is made of for Terraform: compute (aws_instance,
// aws_launch_template, aws_ebs_volume), network (security groups and their rule
// resources, VPCs, flow logs) and the account's EBS encryption default.
#include "model/aws_tf/common.h"

namespace cc::model::aws_tf::ec2 {

void adapt_compute(AdaptContext& ctx, const Convert& c);
void adapt_network(AdaptContext& ctx, const Convert& c);
void adapt_ebs_encryption_default(AdaptContext& ctx, const Convert& c);

// Sets `tags` from the resource's tags; a Name tag also names the resource, as the EC2
// console shows it.
void set_tags_and_name(Resource& r, const Resource& raw, const Convert& c);

}  // namespace cc::model::aws_tf::ec2
