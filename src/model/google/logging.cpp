// google_logging_project_sink / _folder_sink / _organization_sink -> gcp.logging.sink.
#include <array>

#include "model/base/terraform.h"
#include "model/google/adapters.h"
#include "model/google/common.h"

namespace cc::model::google {

namespace {

struct SinkType {
  std::string_view type;
  std::string_view scope;
  std::string_view target;
};

constexpr std::array<SinkType, 4> kSinks{{
    {"google_logging_project_sink", "project", "project"},
    {"google_logging_folder_sink", "folder", "folder"},
    {"google_logging_organization_sink", "organization", "org_id"},
    {"google_logging_billing_account_sink", "billing_account", "billing_account"},
}};

// The service a destination URI names: "storage.googleapis.com/bucket" -> "storage".
std::string destination_type(std::string_view uri) {
  for (std::string_view service : {"storage", "bigquery", "pubsub", "logging"})
    if (uri.starts_with(std::string(service) + ".googleapis.com/")) return std::string(service);
  return {};
}

void adapt_sink(AdaptContext& ctx, const SinkType& t, const Resource& raw) {
  Resource out = tf::make_canonical(raw, "gcp.logging.sink", "name");
  Value& a = out.attributes;
  copy_attr(raw, "name", a, "name");
  a.set("scope", Value::string(std::string(t.scope), raw.span));
  if (const Value* target = raw.attributes.find(t.target); target && !target->is_null())
    a.set("target", named_or_unknown(*target));
  if (const Value* d = raw.attributes.find("destination"); d && !d->is_null()) {
    Value dest = named_or_unknown(*d);
    a.set("destination", dest);
    if (dest.is_unknown())
      a.set("destination_type", dest);
    else if (std::string type = destination_type(str_of(&dest)); !type.empty())
      a.set("destination_type", Value::string(type, d->span()));
  }
  const Value* filter = raw.attributes.find("filter");
  if (filter && !filter->is_null()) {
    a.set("filter", *filter);
    if (filter->is_unknown())
      a.set("exports_all", *filter);
    else
      set_bool(a, "exports_all", str_of(filter).empty(), filter->span());
  }
  copy_bool(raw, "include_children", a, "include_children");
  copy_bool(raw, "disabled", a, "disabled");
  const Value* exclusions = raw.attributes.find("exclusions");
  if (exclusions && exclusions->is_unknown()) {
    a.set("exclusions", Value::unknown("exclusions not known", exclusions->span()));
  } else if (exclusions && !exclusions->is_null()) {
    double n = 0;
    for (const Value* e : tf::blocks(exclusions))
      if (!bool_of(e->is_map() ? e->find("disabled") : nullptr).value_or(false)) ++n;
    a.set("exclusions", Value::number(n, exclusions->span()));
  }
  ctx.out.push_back(std::move(out));
}

}  // namespace

void adapt_logging(AdaptContext& ctx) {
  for (const SinkType& t : kSinks)
    for (const Resource* raw : tf::resources_of_type(ctx, t.type)) adapt_sink(ctx, t, *raw);
}

}  // namespace cc::model::google
