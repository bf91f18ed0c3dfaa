// google_container_cluster -> gcp.container.cluster and google_container_node_pool (and
// node_pool blocks inline in a cluster) -> gcp.container.node_pool.
#include <string>

#include "model/base/terraform.h"
#include "model/google/adapters.h"
#include "model/google/common.h"

namespace cc::model::google {

namespace {

constexpr std::string_view kCloudPlatformScope = "https://www.googleapis.com/auth/cloud-platform";

// A node_config block -> gcp.container.node_config.
Value node_config(const Value* nc) {
  Value out = Value::map();
  if (!nc) return out;
  if (nc->is_unknown()) return *nc;
  out.set_span(nc->span());
  auto block = [&](std::string_view name) -> const Value* {
    auto all = tf::blocks(nc->find(name));
    return all.empty() ? nullptr : all.front();
  };
  auto copy_flag = [&](const Value* from, std::string_view key, std::string_view to) {
    if (!from || from->is_unknown()) return;
    const Value* v = from->find(key);
    if (!v || v->is_null()) return;
    auto b = bool_of(v);
    out.set(std::string(to),
            b ? Value::boolean(*b, v->span()) : Value::unknown("not known", v->span()));
  };
  const Value* shielded = block("shielded_instance_config");
  copy_flag(shielded, "enable_secure_boot", "secure_boot");
  copy_flag(shielded, "enable_integrity_monitoring", "integrity_monitoring");
  if (const Value* legacy = metadata_value(nc->find("metadata"), "disable-legacy-endpoints")) {
    auto disabled = bool_of(legacy);
    out.set("legacy_metadata_endpoints",
            disabled ? Value::boolean(!*disabled, legacy->span())
                     : Value::unknown("metadata value not known", legacy->span()));
  }
  if (const Value* wm = block("workload_metadata_config"); wm && !wm->is_unknown()) {
    // `node_metadata` is the provider 3 name of `mode` (GKE_METADATA_SERVER then).
    const Value* mode = wm->find("mode");
    if (!mode) mode = wm->find("node_metadata");
    if (mode && !mode->is_null()) out.set("workload_metadata_mode", *mode);
  }
  if (const Value* sa = nc->find("service_account"); sa && !sa->is_null()) {
    Value named = named_or_unknown(*sa);
    out.set("service_account", named);
    if (named.is_string()) {
      std::string_view email = named.as_string();
      out.set("default_service_account",
              Value::boolean(
                  email == "default" || email.ends_with("-compute@developer.gserviceaccount.com"),
                  sa->span()));
    } else {
      out.set("default_service_account", Value::unknown("service account not known", sa->span()));
    }
  }
  if (auto scopes = string_list(nc->find("oauth_scopes"))) {
    out.set("oauth_scopes", *scopes);
    if (scopes->is_list()) {
      bool full = false;
      bool unknown = false;
      for (const auto& s : scopes->as_list()) {
        if (!s.is_string())
          unknown = true;
        else if (s.as_string() == "cloud-platform" || s.as_string() == kCloudPlatformScope)
          full = true;
      }
      out.set("full_api_access", !full && unknown
                                     ? Value::unknown("scopes not known", scopes->span())
                                     : Value::boolean(full, scopes->span()));
    } else {
      out.set("full_api_access", *scopes);
    }
  }
  if (const Value* image = nc->find("image_type"); image && !image->is_null())
    out.set("image_type", *image);
  return out;
}

void management(const Value* pool, Value& a) {
  if (!pool || pool->is_unknown()) return;
  auto all = tf::blocks(pool->find("management"));
  if (all.empty()) return;
  const Value* m = all.front();
  if (m->is_unknown()) {
    a.set("auto_repair", *m);
    a.set("auto_upgrade", *m);
    return;
  }
  for (const char* key : {"auto_repair", "auto_upgrade"}) {
    const Value* v = m->find(key);
    if (!v || v->is_null()) continue;
    auto b = bool_of(v);
    a.set(key, b ? Value::boolean(*b, v->span()) : Value::unknown("not known", v->span()));
  }
}

// The facts of a node pool from its map (a google_container_node_pool resource's
// attributes or a node_pool block of a cluster).
void node_pool_facts(const Value& pool, Value& a) {
  if (const Value* name = pool.find("name"); name && !name->is_null()) a.set("name", *name);
  management(&pool, a);
  auto configs = tf::blocks(pool.find("node_config"));
  Value nc = node_config(configs.empty() ? nullptr : configs.front());
  if (!nc.is_map() || !nc.as_map().empty()) a.set("node_config", std::move(nc));
}

void private_cluster(const Resource& raw, Value& a) {
  copy_bool(raw, "private_cluster_config.enable_private_nodes", a, "private_nodes");
  copy_bool(raw, "private_cluster_config.enable_private_endpoint", a, "private_endpoint");
  const Value* man = tf::first_block(raw, "master_authorized_networks_config");
  if (!man) return;
  if (man->is_unknown()) {
    a.set_path("master_authorized_networks.enabled", *man);
    return;
  }
  set_bool(a, "master_authorized_networks.enabled", true, man->span());
  List cidrs;
  for (const Value* b : tf::blocks(man->find("cidr_blocks"))) {
    if (b->is_unknown())
      cidrs.push_back(*b);
    else if (const Value* c = b->find("cidr_block"); c && !c->is_null())
      cidrs.push_back(*c);
  }
  a.set_path("master_authorized_networks.cidrs", Value::list(std::move(cidrs), man->span()));
  copy_bool(raw, "master_authorized_networks_config.gcp_public_cidrs_access_enabled", a,
            "master_authorized_networks.google_public_cidrs");
}

void network_policy(const Resource& raw, Value& a) {
  copy_bool(raw, "network_policy.enabled", a, "network_policy_enforced");
  // Dataplane V2 enforces network policies without the Calico add-on.
  const Value* dp = raw.attributes.find("datapath_provider");
  if (dp && dp->is_string() && dp->as_string() == "ADVANCED_DATAPATH")
    set_bool(a, "network_policy_enforced", true, dp->span());
}

void workload_identity(const Resource& raw, Value& a) {
  // identity_namespace is the provider 3 name of workload_pool.
  for (const char* key :
       {"workload_identity_config.identity_namespace", "workload_identity_config.workload_pool"}) {
    const Value* pool = tf::attr(raw, key);
    if (!pool || pool->is_null()) continue;
    a.set("workload_pool", named_or_unknown(*pool));
    if (pool->is_unknown())
      a.set("workload_identity", *pool);
    else
      set_bool(a, "workload_identity", !str_of(pool).empty(), pool->span());
  }
}

void adapt_cluster(AdaptContext& ctx, const Resource& raw) {
  Resource out = tf::make_canonical(raw, "gcp.container.cluster", "name");
  Value& a = out.attributes;
  copy_attr(raw, "name", a, "name");
  copy_attr(raw, "location", a, "location");
  private_cluster(raw, a);
  copy_bool(raw, "enable_legacy_abac", a, "legacy_abac");
  network_policy(raw, a);
  workload_identity(raw, a);
  copy_bool(raw, "enable_shielded_nodes", a, "shielded_nodes");
  copy_attr(raw, "release_channel.channel", a, "release_channel");
  copy_attr(raw, "logging_service", a, "logging_service");
  copy_attr(raw, "monitoring_service", a, "monitoring_service");
  copy_bool(raw, "enable_binary_authorization", a, "binary_authorization");
  if (const Value* mode = tf::attr(raw, "binary_authorization.evaluation_mode");
      mode && !mode->is_null()) {
    if (mode->is_unknown())
      a.set("binary_authorization", *mode);
    else
      set_bool(a, "binary_authorization", str_of(mode) != "DISABLED", mode->span());
  }
  copy_bool(raw, "binary_authorization.enabled", a, "binary_authorization");
  if (const Value* state = tf::attr(raw, "database_encryption.state"); state && !state->is_null()) {
    if (state->is_unknown())
      a.set("secrets_encryption", *state);
    else
      set_bool(a, "secrets_encryption", str_of(state) == "ENCRYPTED", state->span());
  }
  copy_bool(raw, "master_auth.client_certificate_config.issue_client_certificate", a,
            "client_certificate");
  copy_bool(raw, "remove_default_node_pool", a, "remove_default_node_pool");
  copy_bool(raw, "deletion_protection", a, "deletion_protection");
  if (const Value* nc = tf::first_block(raw, "node_config")) a.set("node_config", node_config(nc));
  copy_attr(raw, "resource_labels", a, "labels");
  std::string cluster_name = out.name;
  ctx.out.push_back(std::move(out));

  // Node pools declared inline belong to the cluster's own resource.
  int index = 0;
  for (const Value* pool : tf::blocks(raw, "node_pool")) {
    if (pool->is_unknown()) continue;
    Resource np = tf::make_canonical(raw, "gcp.container.node_pool");
    np.address = raw.address + ".node_pool[" + std::to_string(index++) + "]";
    np.span = pool->span().known() ? pool->span() : raw.span;
    np.attributes.set_span(np.span);
    if (const Value* name = pool->find("name"); name && name->is_string())
      np.name = name->as_string();
    else
      np.name = np.address;
    np.attributes.set("cluster", Value::string(cluster_name, raw.span));
    node_pool_facts(*pool, np.attributes);
    ctx.out.push_back(std::move(np));
  }
}

void adapt_node_pool(AdaptContext& ctx, const Resource& raw) {
  Resource out = tf::make_canonical(raw, "gcp.container.node_pool", "name");
  Value& a = out.attributes;
  if (const Value* c = raw.attributes.find("cluster"); c && !c->is_null())
    a.set("cluster", named_or_unknown(*c));
  copy_attr(raw, "location", a, "location");
  node_pool_facts(raw.attributes, a);
  ctx.out.push_back(std::move(out));
}

}  // namespace

void adapt_container(AdaptContext& ctx) {
  for (const Resource* raw : tf::resources_of_type(ctx, "google_container_cluster"))
    adapt_cluster(ctx, *raw);
  for (const Resource* raw : tf::resources_of_type(ctx, "google_container_node_pool"))
    adapt_node_pool(ctx, *raw);
}

}  // namespace cc::model::google
