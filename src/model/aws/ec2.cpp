// EC2 -> aws.ec2.instance, launch_template, volume, security_group, vpc, flow_log.
#include "model/aws/aws.h"
#include "model/aws/ec2_parts.h"

namespace cc::model::aws {

void adapt_ec2(AdaptContext& ctx) {
  Convert c{ctx.diags};
  ec2::adapt_compute(ctx, c);
  ec2::adapt_network(ctx, c);
}

}  // namespace cc::model::aws
