#include "model/aws/aws.h"

namespace cc::model::aws {

void adapt_ec2(AdaptContext& ctx) { (void)ctx; }

}  // namespace cc::model::aws
