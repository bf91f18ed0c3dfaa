#include "model/google/google.h"

#include "model/google/adapters.h"

namespace cc::model::google {

void adapt(AdaptContext& ctx) {
  adapt_storage(ctx);
  adapt_compute_instances(ctx);
  adapt_firewalls(ctx);
  adapt_networks(ctx);
  adapt_sql(ctx);
  adapt_kms(ctx);
  adapt_container(ctx);
  adapt_iam(ctx);
  adapt_logging(ctx);
  adapt_bigquery(ctx);
}

}  // namespace cc::model::google
