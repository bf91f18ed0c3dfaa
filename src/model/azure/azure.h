#pragma once
// Adapters from Terraform resources of Azure (provider azurerm) to canonical kinds. Raw
// resources follow model/base/terraform.h, whether they come from .tf files or a plan.
#include "model/base/adapt.h"

namespace cc::model::azure {

void adapt(AdaptContext& ctx);  // runs every service adapter of this provider

}  // namespace cc::model::azure
