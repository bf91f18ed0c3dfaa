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

namespace cc::model::aws::ec2 {

void set_tags_and_name(Resource& r, const Resource& raw, const Convert& c) {
  const Value* tags = property(raw, "Tags");
  if (!tags) return;
  Value t = tags_map(*tags, c);
  if (const Value* n = t.find("Name"); n && n->is_string()) {
    r.name = n->as_string();
    r.attributes.set("name", *n);
  }
  r.attributes.set("tags", std::move(t));
}

}  // namespace cc::model::aws::ec2
