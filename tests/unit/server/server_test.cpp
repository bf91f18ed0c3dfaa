// The HTTP server: probes, problem documents, body limits, the access log and a stop
// that lets requests in flight finish. Each test runs a real server on a free loopback
// port and talks to it with the HTTP library's client.
#include "server/server.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

namespace cc::server {
namespace {

using json = nlohmann::json;

// A server on 127.0.0.1 and a free port, serving on its own thread until destroyed.
class Running {
 public:
  explicit Running(ServerOptions options = {}, ReadinessCheck ready = {},
                   std::function<void(Server&)> routes = {}) {
    options.host = "127.0.0.1";
    options.port = 0;
    server_ = std::make_unique<Server>(options, std::move(ready), log_);
    if (routes) routes(*server_);
    auto port = server_->bind();
    EXPECT_TRUE(port) << (port ? "" : port.error());
    port_ = port ? *port : 0;
    thread_ = std::thread([this] { served_ = server_->serve(); });
  }
  ~Running() { stop(); }
  Running(const Running&) = delete;
  Running& operator=(const Running&) = delete;

  void stop() {
    server_->stop();
    if (thread_.joinable()) thread_.join();
  }
  [[nodiscard]] httplib::Client client() const {
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(5, 0);
    return c;
  }
  [[nodiscard]] std::vector<json> log_lines() const {
    std::vector<json> out;
    std::istringstream in(log_.str());
    for (std::string line; std::getline(in, line);) out.push_back(json::parse(line));
    return out;
  }
  [[nodiscard]] bool served() const { return served_; }
  [[nodiscard]] int port() const { return port_; }

 private:
  std::ostringstream log_;
  std::unique_ptr<Server> server_;
  int port_ = 0;
  std::thread thread_;
  std::atomic<bool> served_{false};
};

TEST(ServerListen, ReadsHostAndPort) {
  EXPECT_EQ(parse_listen("127.0.0.1:8080"), std::make_pair(std::string("127.0.0.1"), 8080));
  EXPECT_EQ(parse_listen(":9000"), std::make_pair(std::string("0.0.0.0"), 9000));
  EXPECT_EQ(parse_listen("[::1]:0"), std::make_pair(std::string("::1"), 0));
  EXPECT_FALSE(parse_listen("8080"));
  EXPECT_FALSE(parse_listen("host:"));
  EXPECT_FALSE(parse_listen("host:70000"));
  EXPECT_FALSE(parse_listen("host:80x"));
}

TEST(Server, HealthAndReadinessProbes) {
  std::atomic<bool> store_up{true};
  Running s({}, [&]() -> std::optional<std::string> {
    if (store_up) return std::nullopt;
    return "the program store is not available";
  });
  auto c = s.client();
  auto health = c.Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  EXPECT_EQ(json::parse(health->body)["status"], "ok");
  auto ready = c.Get("/readyz");
  ASSERT_TRUE(ready);
  EXPECT_EQ(ready->status, 200);

  store_up = false;
  auto waiting = c.Get("/readyz");
  ASSERT_TRUE(waiting);
  EXPECT_EQ(waiting->status, 503);
  EXPECT_EQ(waiting->get_header_value("Content-Type"), "application/problem+json");
  EXPECT_EQ(json::parse(waiting->body)["detail"], "the program store is not available");
  auto alive = c.Get("/healthz");
  ASSERT_TRUE(alive);
  EXPECT_EQ(alive->status, 200) << "alive while not ready";
}

TEST(Server, ErrorsAreProblemDocuments) {
  Running s({}, {}, [](Server& server) {
    server.add_route("GET", "/a.b", [](const Request&) {
      return Response{200, "text/plain", "ab"};
    });
    server.add_route("GET", "/fails",
                     [](const Request&) -> Response { throw std::runtime_error("handler broke"); });
  });
  auto c = s.client();
  auto missing = c.Get("/nowhere?x=1");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  EXPECT_EQ(missing->get_header_value("Content-Type"), "application/problem+json");
  const json problem = json::parse(missing->body);
  EXPECT_EQ(problem["status"], 404);
  EXPECT_EQ(problem["title"], "Not Found");
  EXPECT_EQ(problem["type"], "about:blank");
  EXPECT_EQ(problem["detail"], "no resource at /nowhere");

  // Routes are exact paths: a '.' is not any character.
  EXPECT_EQ(c.Get("/a.b")->status, 200);
  EXPECT_EQ(c.Get("/aXb")->status, 404);

  auto broken = c.Get("/fails");
  ASSERT_TRUE(broken);
  EXPECT_EQ(broken->status, 500);
  EXPECT_EQ(json::parse(broken->body)["title"], "Internal Server Error");
  EXPECT_EQ(broken->body.find("handler broke"), std::string::npos) << "internals stay inside";
}

TEST(Server, BodiesOverTheLimitAre413) {
  ServerOptions options;
  options.max_body_bytes = 1024;
  std::atomic<int> handled{0};
  Running s(options, {}, [&](Server& server) {
    server.add_route("POST", "/echo", [&](const Request& r) {
      ++handled;
      return Response{200, "text/plain", r.body};
    });
  });
  auto c = s.client();
  auto small = c.Post("/echo", std::string(1000, 'a'), "text/plain");
  ASSERT_TRUE(small);
  EXPECT_EQ(small->status, 200);
  EXPECT_EQ(small->body.size(), 1000u);
  auto large = c.Post("/echo", std::string(4096, 'a'), "text/plain");
  ASSERT_TRUE(large);
  EXPECT_EQ(large->status, 413);
  EXPECT_EQ(json::parse(large->body)["status"], 413);
  EXPECT_EQ(handled, 1) << "the handler never saw the large body";
}

TEST(Server, AccessLogHasAJsonLinePerRequest) {
  Running s;
  auto c = s.client();
  ASSERT_TRUE(c.Get("/healthz"));
  ASSERT_TRUE(c.Get("/missing"));
  s.stop();
  auto lines = s.log_lines();
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0]["method"], "GET");
  EXPECT_EQ(lines[0]["path"], "/healthz");
  EXPECT_EQ(lines[0]["status"], 200);
  EXPECT_EQ(lines[0]["remote"], "127.0.0.1");
  EXPECT_GT(lines[0]["bytes"].get<int>(), 0);
  EXPECT_GE(lines[0]["ms"].get<double>(), 0.0);
  EXPECT_EQ(lines[0]["time"].get<std::string>().size(), 24u) << "2026-11-24T09:00:00.000Z";
  EXPECT_EQ(lines[1]["status"], 404);
}

TEST(Server, StopLetsRequestsInFlightFinish) {
  std::atomic<bool> started{false};
  Running s({}, {}, [&](Server& server) {
    server.add_route("GET", "/slow", [&](const Request&) {
      started = true;
      std::this_thread::sleep_for(std::chrono::milliseconds(300));
      return Response{200, "text/plain", "done"};
    });
  });
  int status = 0;
  std::string body;
  std::thread caller([&] {
    if (auto slow = s.client().Get("/slow")) {
      status = slow->status;
      body = slow->body;
    }
  });
  while (!started) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  s.stop();  // returns once serving has ended
  caller.join();
  EXPECT_EQ(status, 200) << "the request in flight got its answer";
  EXPECT_EQ(body, "done");
  EXPECT_TRUE(s.served());
  EXPECT_FALSE(s.client().Get("/healthz")) << "nothing is accepted after the stop";
}

TEST(Server, PortInUseIsAClearError) {
  Running first;
  ServerOptions options;
  options.host = "127.0.0.1";
  std::ostringstream log;
  options.port = first.port();
  Server second(options, {}, log);
  auto bound = second.bind();
  ASSERT_FALSE(bound);
  EXPECT_NE(bound.error().find("cannot listen on 127.0.0.1:"), std::string::npos);
}

}  // namespace
}  // namespace cc::server
