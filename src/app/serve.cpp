#include "app/serve.h"

#include <fmt/format.h>
#include <pthread.h>
#include <signal.h>

#include <nlohmann/json.hpp>
#include <ostream>
#include <thread>

namespace cc::app {
int serve(const ServeOptions& options, std::ostream& log) {
  // Signals are taken by one thread with sigwait, so they are blocked in this thread
  // before any worker starts (workers inherit the mask).
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  // Ready while the program store opens and answers.
  const StoreSettings store = options.store;
  server::Server http(
      options.server,
      [store]() -> std::optional<std::string> {
        auto opened = open_program(store);
        if (!opened) return "the program store is not available: " + opened.error().message;
        return std::nullopt;
      },
      log);

  auto event = [&http](const nlohmann::json& line) { http.log(line.dump()); };
  auto port = http.bind();
  if (!port) {
    event({{"event", "error"}, {"message", port.error()}});
    return 2;
  }
  const bool tls = !options.server.tls_cert.empty();
  event({{"event", "listening"},
         {"url", fmt::format("{}://{}:{}", tls ? "https" : "http", options.server.host, *port)},
         {"store", store_location(store)}});

  std::thread waiter([&] {
    int signal = 0;
    sigwait(&stop_signals, &signal);
    event({{"event", "stopping"}, {"signal", signal == SIGINT ? "SIGINT" : "SIGTERM"}});
    http.stop();
  });
  const bool served = http.serve();
  // serve() also ends when the socket fails; wake the waiter so it can be joined.
  pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  event({{"event", "stopped"}});
  return served ? 0 : 2;
}

}  // namespace cc::app
