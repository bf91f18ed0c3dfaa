// google_compute_network -> gcp.compute.network and google_compute_subnetwork ->
// gcp.compute.subnetwork (VPC flow logs from log_config, Private Google Access).
#include "model/base/terraform.h"
#include "model/google/adapters.h"
#include "model/google/common.h"

namespace cc::model::google {

namespace {

void adapt_network(AdaptContext& ctx, const Resource& raw) {
  Resource out = tf::make_canonical(raw, "gcp.compute.network", "name");
  Value& a = out.attributes;
  copy_attr(raw, "name", a, "name");
  copy_bool(raw, "auto_create_subnetworks", a, "auto_create_subnetworks");
  copy_attr(raw, "routing_mode", a, "routing_mode");
  copy_bool(raw, "delete_default_routes_on_create", a, "delete_default_routes_on_create");
  ctx.out.push_back(std::move(out));
}

void adapt_subnetwork(AdaptContext& ctx, const Resource& raw) {
  Resource out = tf::make_canonical(raw, "gcp.compute.subnetwork", "name");
  Value& a = out.attributes;
  copy_attr(raw, "name", a, "name");
  if (const Value* n = raw.attributes.find("network"); n && !n->is_null())
    a.set("network", named_or_unknown(*n));
  copy_attr(raw, "region", a, "region");
  copy_attr(raw, "ip_cidr_range", a, "ip_cidr_range");
  copy_attr(raw, "purpose", a, "purpose");
  copy_bool(raw, "private_ip_google_access", a, "private_ip_google_access");
  // enable_flow_logs is the argument before provider version 4; log_config replaced it.
  copy_bool(raw, "enable_flow_logs", a, "flow_logs.enabled");
  if (const Value* lc = tf::first_block(raw, "log_config")) {
    if (lc->is_unknown()) {
      a.set_path("flow_logs.enabled", *lc);
    } else {
      set_bool(a, "flow_logs.enabled", true, lc->span());
      copy_attr(raw, "log_config.aggregation_interval", a, "flow_logs.aggregation_interval");
      copy_attr(raw, "log_config.flow_sampling", a, "flow_logs.sampling");
      copy_attr(raw, "log_config.metadata", a, "flow_logs.metadata");
      copy_attr(raw, "log_config.filter_expr", a, "flow_logs.filter");
    }
  }
  ctx.out.push_back(std::move(out));
}

}  // namespace

void adapt_networks(AdaptContext& ctx) {
  for (const Resource* raw : tf::resources_of_type(ctx, "google_compute_network"))
    adapt_network(ctx, *raw);
  for (const Resource* raw : tf::resources_of_type(ctx, "google_compute_subnetwork"))
    adapt_subnetwork(ctx, *raw);
}

}  // namespace cc::model::google
