#pragma once
// `terraform show -json` output to raw Terraform resources (model/base/terraform.h): a
// saved plan (planned_values, resource_changes, configuration, prior_state) or the
// current state (values). A plan knows what the configuration alone cannot: module
// sources resolved, count and for_each expanded, data sources read, and variables set;
// what it still does not know (after_unknown) becomes Value::unknown, with the
// resource attribute the configuration took it from as Unknown::ref so adapters can
// join resources the way they do for .tf files.
#include <cstdint>

#include "core/diagnostic.h"
#include "core/resource.h"
#include "core/value.h"

namespace cc::collect {

// True when `doc` is a JSON object with "format_version" and at least one of
// "planned_values", "values", "resource_changes" or "prior_state".
bool looks_like_terraform_plan(const Value& doc);

// One raw resource per resource instance the plan leaves in place or creates:
// planned_values (root module and child modules, recursively), or values for a state
// document, or resource_changes when neither is given; plus data sources read during
// planning, which a plan keeps in prior_state. Instances the plan deletes are left out.
// Document.format is "terraform"; each resource spans its object in the plan file and
// each value keeps its own span. Entries of the wrong shape become diagnostics
// ("tfplan.format") and are skipped; the rest is still read.
Document collect_terraform_plan(const Value& doc, uint32_t file, Diagnostics& diags);

}  // namespace cc::collect
