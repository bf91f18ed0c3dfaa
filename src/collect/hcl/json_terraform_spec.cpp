#include "collect/hcl/json_terraform_spec.h"

namespace cc::hcl {
namespace {

// Every spec of the language in one place; specs point at each other (a dynamic
// block's content may hold further dynamic blocks), so they are built together once.
struct TerraformSpecs {
  BodySpec root;
  BodySpec resource;  // resource and data bodies
  BodySpec lifecycle;
  BodySpec provisioner;
  BodySpec dynamic;
  BodySpec content;  // the body of a dynamic block's content
  BodySpec module;
  BodySpec variable;
  BodySpec output;
  BodySpec provider;
  BodySpec terraform;
  BodySpec cloud;
  BodySpec moved;
  BodySpec import;
  BodySpec removed;
  BodySpec check;

  TerraformSpecs() {
    const BlockSpec plain{0, nullptr};  // a body of attributes only
    const BlockSpec condition = plain;  // precondition / postcondition / validation / assert

    lifecycle.blocks = {{"precondition", condition}, {"postcondition", condition}};
    lifecycle.expression_attributes = {"ignore_changes", "replace_triggered_by"};

    provisioner.blocks = {{"connection", plain}};
    provisioner.expression_attributes = {"when", "on_failure"};  // keywords: destroy, continue

    dynamic.blocks = {{"content", {0, &content}}};
    dynamic.expression_attributes = {"iterator"};
    content.blocks = {{"dynamic", {1, &dynamic}}};

    resource.blocks = {
        {"lifecycle", {0, &lifecycle}}, {"provisioner", {1, &provisioner}},
        {"connection", plain},          {"dynamic", {1, &dynamic}},
        {"precondition", condition},    {"postcondition", condition},
    };
    resource.expression_attributes = {"depends_on", "provider"};

    module.expression_attributes = {"depends_on", "providers"};

    variable.blocks = {{"validation", condition}};
    variable.expression_attributes = {"type"};

    output.blocks = {{"precondition", condition}, {"postcondition", condition}};
    output.expression_attributes = {"depends_on"};

    provider.blocks = {{"dynamic", {1, &dynamic}}};

    cloud.blocks = {{"workspaces", plain}};
    terraform.blocks = {
        {"required_providers", plain},
        {"backend", {1, nullptr}},
        {"cloud", {0, &cloud}},
        {"provider_meta", {1, nullptr}},
    };

    moved.expression_attributes = {"from", "to"};
    import.expression_attributes = {"to", "provider"};
    removed.blocks = {{"lifecycle", {0, &lifecycle}}, {"provisioner", {1, &provisioner}}};
    removed.expression_attributes = {"from"};
    check.blocks = {{"data", {2, &resource}}, {"assert", condition}};

    root.blocks = {
        {"resource", {2, &resource}},
        {"data", {2, &resource}},
        {"module", {1, &module}},
        {"variable", {1, &variable}},
        {"output", {1, &output}},
        {"provider", {1, &provider}},
        {"locals", plain},
        {"terraform", {0, &terraform}},
        {"moved", {0, &moved}},
        {"import", {0, &import}},
        {"removed", {0, &removed}},
        {"check", {1, &check}},
    };
  }
};

}  // namespace

const BodySpec& terraform_json_spec() {
  static const TerraformSpecs specs;
  return specs.root;
}

}  // namespace cc::hcl
