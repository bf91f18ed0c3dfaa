#include "server/server.h"

#include <fmt/chrono.h>
#include <fmt/format.h>
#include <httplib.h>
#include <sys/socket.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cmath>
#include <mutex>
#include <nlohmann/json.hpp>
#include <ostream>
#include <thread>

namespace cc::server {
namespace {

using Clock = std::chrono::steady_clock;

// When the request the current worker handles arrived, for the access log.
thread_local Clock::time_point request_started;

const char* reason(int status) {
  switch (status) {
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 408:
      return "Request Timeout";
    case 413:
      return "Content Too Large";
    case 414:
      return "URI Too Long";
    case 500:
      return "Internal Server Error";
    case 503:
      return "Service Unavailable";
    default:
      return status >= 500 ? "Server Error" : "Client Error";
  }
}

void write(httplib::Response& out, const Response& r) {
  out.status = r.status;
  out.set_content(r.body, r.content_type.c_str());
}

std::string utc_now() {
  const auto now = std::chrono::system_clock::now();
  const auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()) % 1000;
  return fmt::format("{:%Y-%m-%dT%H:%M:%S}.{:03d}Z",
                     fmt::gmtime(std::chrono::system_clock::to_time_t(now)),
                     static_cast<int>(ms.count()));
}

}  // namespace

std::optional<std::pair<std::string, int>> parse_listen(std::string_view text) {
  const size_t colon = text.rfind(':');
  if (colon == std::string_view::npos) return std::nullopt;
  std::string host(text.substr(0, colon));
  // "[::1]:8080": brackets around an IPv6 address are not part of it.
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']')
    host = host.substr(1, host.size() - 2);
  if (host.empty()) host = "0.0.0.0";
  const std::string_view port_text = text.substr(colon + 1);
  int port = -1;
  auto [end, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (ec != std::errc{} || end != port_text.data() + port_text.size() || port < 0 || port > 65535)
    return std::nullopt;
  return std::make_pair(std::move(host), port);
}

Response problem(int status, std::string_view detail) {
  nlohmann::json body{{"type", "about:blank"}, {"title", reason(status)}, {"status", status}};
  if (!detail.empty()) body["detail"] = detail;
  return Response{status, "application/problem+json", body.dump() + "\n"};
}

struct Server::Impl {
  ServerOptions options;
  ReadinessCheck ready;
  std::ostream& log;
  std::mutex log_mutex;
  std::unique_ptr<httplib::Server> http;
  // A stop can come before the library has started listening, when its own stop does
  // nothing: serve() checks `stopping` first, and stop() repeats until serve() returns.
  std::atomic<bool> stopping{false};
  std::atomic<bool> serving{false};

  Impl(ServerOptions o, ReadinessCheck r, std::ostream& l)
      : options(std::move(o)), ready(std::move(r)), log(l) {
    if (!options.tls_cert.empty())
      http =
          std::make_unique<httplib::SSLServer>(options.tls_cert.c_str(), options.tls_key.c_str());
    else
      http = std::make_unique<httplib::Server>();
    unsigned threads = options.threads ? options.threads : std::thread::hardware_concurrency();
    threads = std::max(threads, 2u);
    // The library takes ownership of the queue it is handed.
    http->new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    // SO_REUSEADDR only: the library's default also sets SO_REUSEPORT, with which a
    // second server on a port in use starts silently and shares its connections.
    http->set_socket_options([](socket_t sock) {
      int yes = 1;
      ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
    });
    http->set_payload_max_length(options.max_body_bytes);
    http->set_read_timeout(options.read_timeout);
    http->set_write_timeout(options.write_timeout);
    http->set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
      request_started = Clock::now();
      return httplib::Server::HandlerResponse::Unhandled;
    });
    // Errors the library answers itself (no route, body too large, ...) carry a problem
    // document like every other error.
    http->set_error_handler([](const httplib::Request& req, httplib::Response& res) {
      if (!res.body.empty()) return;
      write(res, problem(res.status, res.status == 404 ? fmt::format("no resource at {}", req.path)
                                                       : std::string()));
    });
    http->set_exception_handler(
        [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
          write(res, problem(500, "the server failed to answer this request"));
        });
    http->set_logger([this](const httplib::Request& req, const httplib::Response& res) {
      const double ms =
          std::chrono::duration<double, std::milli>(Clock::now() - request_started).count();
      nlohmann::json line{{"time", utc_now()},
                          {"remote", req.remote_addr},
                          {"method", req.method},
                          {"path", req.path},
                          {"status", res.status},
                          {"bytes", res.body.size()},
                          {"ms", std::round(ms * 1000) / 1000}};
      std::lock_guard lock(log_mutex);
      log << line.dump() << '\n' << std::flush;
    });
  }
};

Server::Server(ServerOptions options, ReadinessCheck ready, std::ostream& access_log)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(ready), access_log)) {
  add_route("GET", "/healthz", [](const Request&) {
    return Response{200, "application/json", "{\"status\":\"ok\"}\n"};
  });
  add_route("GET", "/readyz", [this](const Request&) {
    if (auto waiting = impl_->ready ? impl_->ready() : std::nullopt) return problem(503, *waiting);
    return Response{200, "application/json", "{\"status\":\"ready\"}\n"};
  });
}

Server::~Server() { stop(); }

void Server::add_route(std::string method, std::string path, Handler handler) {
  // Patterns are regular expressions to the library; routes here are exact paths.
  std::string pattern;
  for (char c : path) {
    if (std::string_view("\\^$.|?*+()[]{}").find(c) != std::string_view::npos) pattern += '\\';
    pattern += c;
  }
  auto call = [h = std::move(handler)](const httplib::Request& req, httplib::Response& res) {
    Request r{req.method, req.path, {req.params.begin(), req.params.end()}, req.body};
    write(res, h(r));
  };
  if (method == "GET")
    impl_->http->Get(pattern, call);
  else if (method == "POST")
    impl_->http->Post(pattern, call);
  else if (method == "PUT")
    impl_->http->Put(pattern, call);
  else if (method == "PATCH")
    impl_->http->Patch(pattern, call);
  else if (method == "DELETE")
    impl_->http->Delete(pattern, call);
}

Result<int, std::string> Server::bind() {
  if (!impl_->http->is_valid())
    return unexpected(std::string("the TLS certificate or key could not be loaded"));
  const auto& o = impl_->options;
  if (o.port == 0) {
    const int port = impl_->http->bind_to_any_port(o.host);
    if (port <= 0) return unexpected(fmt::format("cannot listen on {}", o.host));
    return port;
  }
  if (!impl_->http->bind_to_port(o.host, o.port))
    return unexpected(
        fmt::format("cannot listen on {}:{} (in use, or not an address of this "
                    "machine)",
                    o.host, o.port));
  return o.port;
}

bool Server::serve() {
  impl_->serving = true;
  const bool ok = impl_->stopping || impl_->http->listen_after_bind();
  impl_->serving = false;
  return ok;
}

void Server::log(std::string_view json_line) {
  std::lock_guard lock(impl_->log_mutex);
  impl_->log << json_line << '\n' << std::flush;
}

void Server::stop() {
  impl_->stopping = true;
  while (impl_->serving) {
    impl_->http->stop();
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

}  // namespace cc::server
