#include "model/aws/aws.h"

namespace cc::model::aws {

void adapt_elb(AdaptContext& ctx) { (void)ctx; }

}  // namespace cc::model::aws
