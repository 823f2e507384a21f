// What a route handler receives once the Router has matched a row of shared/protocol/routes.hpp,
// checked its method and authenticated its caller, and the table of handlers by RouteId. A handler is
// decode -> service -> encode; rules live in the services and shared/, dispatch in router.cpp.
#pragma once

#include "server/http/message.hpp"
#include "server/service/answer.hpp"
#include "shared/protocol/routes.hpp"

#include <array>
#include <functional>
#include <string>

namespace onb::server::service {
struct Principal;
}

namespace onb::server::http {

struct Call {
  const Request& req;
  const Reply& reply;  // copy it (or use answer_with) before answering later from another thread
  const protocol::Route& route;
  std::array<std::string, protocol::max_path_params> params;  // the template's {parameters}, in order
  const service::Principal* who = nullptr;                    // Access::signed_in routes
  std::string token;                                          // Access::bearer_token routes

  const std::string& param(std::size_t i) const { return params[i]; }
};

// Answers `call` exactly once, possibly later from a storage thread.
using Handler = std::function<void(const Call&)>;

// One handler per route, set by the classes that own the services it calls.
class HandlerTable {
 public:
  void set(protocol::RouteId id, Handler h) { handlers_[static_cast<std::size_t>(id)] = std::move(h); }
  const Handler& operator[](protocol::RouteId id) const { return handlers_[static_cast<std::size_t>(id)]; }

 private:
  std::array<Handler, protocol::route_count> handlers_;
};

}  // namespace onb::server::http
