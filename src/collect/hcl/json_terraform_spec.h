#pragma once
// Which properties of a Terraform .tf.json file are blocks, and with how many labels.
#include "collect/hcl/json_syntax.h"

namespace cc::hcl {

// The Terraform language read from JSON: top-level resource, data, module, variable,
// output, provider, locals, terraform, moved, import, removed and check blocks, with
// their nested lifecycle, provisioner, connection, dynamic, validation and condition
// blocks. Any other object inside a resource, data source or provider is an attribute
// holding an object (a nested block of the provider's schema reads the same either
// way). Strings of type, depends_on, provider, providers, ignore_changes,
// replace_triggered_by, iterator, a provisioner's when and on_failure, and the
// moved/import/removed addresses are expressions.
const BodySpec& terraform_json_spec();

}  // namespace cc::hcl
