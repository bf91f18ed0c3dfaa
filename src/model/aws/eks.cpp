#include "model/aws/aws.h"

namespace cc::model::aws {

void adapt_eks(AdaptContext& ctx) { (void)ctx; }

}  // namespace cc::model::aws
