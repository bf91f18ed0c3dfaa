#pragma once
// Adapters from Terraform resources of Google Cloud (provider google) to canonical kinds. Raw
// resources follow model/base/terraform.h, whether they come from .tf files or a plan.
#include "model/base/adapt.h"

namespace cc::model::google {

void adapt(AdaptContext& ctx);  // runs every service adapter of this provider

}  // namespace cc::model::google
