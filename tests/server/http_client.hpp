// A small synchronous HTTP/1.1 client for the server tests, built on Beast, talking to 127.0.0.1 only.
// Every operation has a deadline, so a hung server fails a test instead of hanging it. Assertions do
// not belong here: failures come back as onb::Error for the test to REQUIRE on.
#pragma once

#include "shared/core/json_codec.hpp"
#include "shared/core/result.hpp"

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace onb::test {

using namespace std::chrono_literals;

// Long enough for a cold gzip of a test file on a loaded 2-core machine, short enough to fail fast.
inline constexpr std::chrono::milliseconds http_timeout = 5000ms;

using HeaderList = std::vector<std::pair<std::string, std::string>>;

struct HttpRequest {
  std::string method = "GET";
  std::string target = "/";
  HeaderList headers;
  std::string body;
};

struct HttpResponse {
  int status = 0;
  HeaderList headers;
  std::string body;

  std::optional<std::string> header(std::string_view name) const;  // case-insensitive
  Json json() const;  // the body parsed; a discarded (null) value when it is not JSON
};

// One TCP connection to 127.0.0.1:port, reusable for keep-alive. Not thread-safe.
class HttpConnection {
 public:
  explicit HttpConnection(std::uint16_t port);
  ~HttpConnection();

  [[nodiscard]] Result<void> connect();
  // Serialises `req` (adding Host, and Content-Length when there is a body) and reads the response.
  [[nodiscard]] Result<HttpResponse> send(const HttpRequest& req);
  // Writes bytes exactly as given (for malformed or hostile requests), then reads one response.
  // `head` tells the parser the response has no body (answer to a HEAD).
  [[nodiscard]] Result<HttpResponse> send_raw(const std::string& bytes, bool head = false);
  // True when the server has closed the connection (reads EOF within the timeout).
  bool closed_by_peer(std::chrono::milliseconds timeout = http_timeout);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// A fresh connection per request.
[[nodiscard]] Result<HttpResponse> fetch(std::uint16_t port, const HttpRequest& req);

}  // namespace onb::test
