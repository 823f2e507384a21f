// The network side of the server: the listener, one epoll loop per I/O thread (event_loop.hpp) owning
// its connections (connection.hpp, parsed by Boost.Beast's HTTP/1.1 parser, wire.hpp), limits and
// timeouts, the signal wait, and the metrics of all of it (GET /metrics). It only moves bytes between
// sockets and the Router; everything a request means is decided there. Why epoll loops and not Asio:
// docs/perf/http_server.md. Beast and the socket calls stay inside those four units.
#pragma once

#include "server/http/metrics.hpp"
#include "server/http/router.hpp"
#include "shared/core/result.hpp"

#include <cstdint>
#include <memory>
#include <string>

namespace onb::server::http {

class HttpServer {
 public:
  // Installs the SIGINT/SIGTERM handlers right away, so a signal that arrives before run_until_signal()
  // still ends the server cleanly instead of killing it.
  explicit HttpServer(Router& router);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds host (an IP literal) and port (0 = any free port) and starts listening; returns the actual
  // port. Errors: "server.address" (not an IP address), "server.listen" (in use, no permission).
  [[nodiscard]] Result<std::uint16_t> listen(const std::string& host, std::uint16_t port);

  // The server's metrics, also served at GET /metrics before the router sees the request. Add gauges
  // (queue sizes) before run_until_signal().
  Metrics& metrics();

  // Serves on limits::io_threads threads until SIGINT or SIGTERM; then stops accepting, stops the
  // I/O threads and returns the signal number. Answers still pending in storage arrive later at a
  // stopped loop and are dropped (their connections close).
  int run_until_signal();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace onb::server::http
