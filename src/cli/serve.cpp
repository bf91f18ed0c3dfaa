// `cloudcomply serve`: the program store over HTTP.
#include "app/serve.h"

#include <fmt/format.h>

#include <iostream>

#include "cli/commands.h"
#include "cli/store_options.h"

namespace cc::cli {
namespace {

struct ServeCommand {
  std::string listen = "127.0.0.1:8080";
  app::ServeOptions options;
  size_t max_body_mib = 16;
};

void run_serve(ServeCommand& c) {
  auto where = server::parse_listen(c.listen);
  if (!where) fail("serve", fmt::format("--listen takes HOST:PORT or :PORT, not \"{}\"", c.listen));
  c.options.server.host = where->first;
  c.options.server.port = where->second;
  if (c.options.server.tls_cert.empty() != c.options.server.tls_key.empty())
    fail("serve", "--tls-cert and --tls-key go together");
  c.options.server.max_body_bytes = c.max_body_mib << 20;
  if (int code = app::serve(c.options, std::cerr); code != 0) throw Exit(code);
}

}  // namespace

void add_serve(CLI::App& app) {
  auto c = std::make_shared<ServeCommand>();
  auto* cmd = app.add_subcommand(
      "serve", "Serve the program over HTTP until SIGTERM or SIGINT (log lines on stderr)");
  cmd->add_option("--listen", c->listen, "HOST:PORT, or :PORT for every address; port 0 picks one")
      ->capture_default_str();
  cmd->add_option("--threads", c->options.server.threads, "Worker threads (default: one per core)");
  cmd->add_option("--tls-cert", c->options.server.tls_cert, "PEM certificate: serve HTTPS");
  cmd->add_option("--tls-key", c->options.server.tls_key, "PEM private key of --tls-cert");
  cmd->add_option("--max-body-mib", c->max_body_mib, "Largest request body, in MiB (larger: 413)")
      ->capture_default_str()
      ->check(CLI::Range(1, 1024));
  add_store_options(*cmd, c->options.store);
  cmd->callback([c] { run_serve(*c); });
}

}  // namespace cc::cli
