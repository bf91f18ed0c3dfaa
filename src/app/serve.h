#pragma once
// `cloudcomply serve`: the program store over HTTP. Runs until SIGTERM or SIGINT, then
// finishes the requests in flight and returns.
#include <iosfwd>

#include "app/program_store.h"
#include "server/server.h"

namespace cc::app {

struct ServeOptions {
  server::ServerOptions server;
  StoreSettings store;
};

// Serves until a stop signal; writes lifecycle events and the access log to `log`, one
// JSON object per line. Returns the process exit code: 0 after a clean stop, 2 when the
// server could not start.
int serve(const ServeOptions& options, std::ostream& log);

}  // namespace cc::app
