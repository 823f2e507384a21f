// HTTP for the browser build: emscripten_fetch (-sFETCH=1) to our own origin, JSON in and out.
// Every request ends in exactly one callback, with a bounded wait; nothing here knows what a reply means.
#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace onb::portal::web {

struct HttpReply {
  int status = 0;  // 0: no HTTP answer (offline, refused, timed out, blocked); body then says why
  std::string body;
};

// Long enough for a slow mobile link, short enough that a hung server does not leave "Sending…" forever.
inline constexpr unsigned http_timeout_ms = 20'000;

// Extra request headers as name/value pairs (Authorization, Idempotency-Key).
using HttpHeaders = std::vector<std::pair<std::string, std::string>>;

// Sends `method url` with `body` (JSON; empty for none) and calls `done` once, on the main thread.
void http_send(const std::string& method, const std::string& url, std::string body, HttpHeaders headers,
               std::function<void(HttpReply)> done);

}  // namespace onb::portal::web
