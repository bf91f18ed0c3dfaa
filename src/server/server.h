#pragma once
// The HTTP server of `cloudcomply serve`: one process, a pool of worker threads, a JSON
// access log line per request, RFC 9457 problem details for every error it answers
// itself, health (/healthz) and readiness (/readyz) probes, and a stop that lets the
// requests in flight finish. Routes are added by the layers above; the HTTP library
// stays behind this interface.
#include <chrono>
#include <functional>
#include <iosfwd>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "core/result.h"

namespace cc::server {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;       // 0: any free port (see Server::port)
  unsigned threads = 0;  // worker threads; 0: one per core
  std::string tls_cert;  // PEM files; both or neither
  std::string tls_key;
  size_t max_body_bytes = size_t{16} << 20;  // larger bodies get 413
  std::chrono::seconds read_timeout{10};     // a client this slow is dropped
  std::chrono::seconds write_timeout{10};
};

// Where "host:port" or ":port" puts the server; nullopt when the text is not that.
std::optional<std::pair<std::string, int>> parse_listen(std::string_view text);

struct Request {
  std::string method;
  std::string path;
  std::multimap<std::string, std::string> params;  // query parameters
  std::string body;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
};

// A problem detail (RFC 9457) as a response: `title` from the status, `detail` for people.
Response problem(int status, std::string_view detail);

using Handler = std::function<Response(const Request&)>;
// nullopt when the server can take work, else what it is waiting for.
using ReadinessCheck = std::function<std::optional<std::string>()>;

class Server {
 public:
  // `access_log` gets one JSON object per line per request; it must outlive the server.
  Server(ServerOptions options, ReadinessCheck ready, std::ostream& access_log);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Exact paths only, for now; a route added twice keeps the last handler.
  void add_route(std::string method, std::string path, Handler handler);

  // Binds the listening socket; the port bound (the chosen one for port 0), or why not.
  Result<int, std::string> bind();
  // Serves until stop(); call after bind(). False when the socket failed while serving.
  bool serve();
  // Stops accepting; requests already being handled finish and get their answers, and
  // serve() has returned when this does. From any thread but a handler's, any number
  // of times, before or after serve() has started.
  void stop();
  // Writes one line (a JSON object) to the access log, between the request lines.
  void log(std::string_view json_line);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace cc::server
