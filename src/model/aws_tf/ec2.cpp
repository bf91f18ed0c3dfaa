// EC2 -> aws.ec2.instance, launch_template, volume, security_group, vpc, flow_log and
// ebs_encryption_default.
#include <utility>

#include "model/aws_tf/aws_tf.h"
#include "model/aws_tf/ec2_parts.h"

namespace cc::model::aws_tf {

void adapt_ec2(AdaptContext& ctx) {
  Convert c{ctx.diags};
  ec2::adapt_compute(ctx, c);
  ec2::adapt_network(ctx, c);
  ec2::adapt_ebs_encryption_default(ctx, c);
}

}  // namespace cc::model::aws_tf

namespace cc::model::aws_tf::ec2 {

void set_tags_and_name(Resource& r, const Resource& raw, const Convert& c) {
  set_tags(raw, r.attributes, c);
  const Value* tags = r.attributes.find("tags");
  if (!tags) return;
  if (const Value* n = tags->find("Name"); n && n->is_string()) {
    r.name = n->as_string();
    r.attributes.set("name", *n);
  }
}

}  // namespace cc::model::aws_tf::ec2
