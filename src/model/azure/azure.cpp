#include "model/azure/azure.h"

#include "model/azure/services.h"

namespace cc::model::azure {

void adapt(AdaptContext& ctx) {
  adapt_storage(ctx);
  adapt_keyvault(ctx);
  adapt_sql(ctx);
  adapt_flexible_servers(ctx);
  adapt_network(ctx);
  adapt_compute(ctx);
  adapt_aks(ctx);
  adapt_appservice(ctx);
  adapt_monitor(ctx);
  adapt_authorization(ctx);
  attach_diagnostics(ctx);
}

}  // namespace cc::model::azure
