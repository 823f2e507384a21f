// Request and Response as plain values: what the router and the handlers see, with no Beast types, so
// handlers compile fast and tests can call the router without sockets. Converting to and from the
// wire is http_server.cpp's job; routing and rules do not belong here.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace onb::server::http {

// Header names compare case-insensitively (RFC 9110 §5.1); order is kept as received.
using Headers = std::vector<std::pair<std::string, std::string>>;

bool iequals(std::string_view a, std::string_view b);

// The first value of header `name`, or nullopt.
std::optional<std::string_view> find_header(const Headers& headers, std::string_view name);

struct Request {
  std::string method;  // as sent, e.g. "GET"; methods are case-sensitive
  std::string target;  // origin-form: path plus optional "?query", still percent-encoded
  Headers headers;
  std::string body;
  std::string remote_address;  // the peer's IP address (login throttling); empty in in-process tests

  std::optional<std::string_view> header(std::string_view name) const { return find_header(headers, name); }
  std::string_view path() const;  // target without the query
};

struct Response {
  int status = 200;
  Headers headers;
  std::string body;
  // HEAD: Content-Length still announces body.size(), but the bytes are not sent.
  bool omit_body = false;

  void set(std::string name, std::string value);  // replaces an existing header of that name
  std::optional<std::string_view> header(std::string_view name) const { return find_header(headers, name); }
};

// How a handler answers. Called exactly once, from any thread (a storage thread, for instance); the
// session moves the response back onto its own strand. Synchronous handlers call it before returning.
using Reply = std::function<void(Response)>;

}  // namespace onb::server::http
