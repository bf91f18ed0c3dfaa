#include "model/aws/aws.h"

namespace cc::model::aws {

void adapt_ecr(AdaptContext& ctx) { (void)ctx; }

}  // namespace cc::model::aws
