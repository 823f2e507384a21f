// The request -> response function of the server: matches a row of the route table
// (shared/protocol/routes.hpp), answers 405 with Allow for a method the resource does not take,
// authenticates the caller the row asks for, and calls the row's handler. No sockets here (tests may
// call it directly), and no rules: those live in shared/ and service/.
#pragma once

#include "server/http/api_routes.hpp"
#include "server/http/handlers.hpp"
#include "server/http/message.hpp"
#include "server/http/static_files.hpp"
#include "server/service/drafts.hpp"

#include <boost/describe.hpp>

namespace onb::server::http {

struct Health {  // GET /healthz
  std::string status;
  std::string version;
};
BOOST_DESCRIBE_STRUCT(Health, (), (status, version))

class Router {
 public:
  // Takes the handlers of `api` (and through it the documents'); every route of the table must then
  // have one, or this throws std::logic_error at start-up.
  Router(StaticSite& site, service::DraftService& drafts, ApiRoutes& api);

  // Answers `req` through `reply` exactly once, possibly later from a storage thread. Never throws:
  // an unexpected exception becomes a logged 500. For HEAD the body is marked omit_body.
  //   a route of the table      its handler (signed-in routes authenticate first, even before 405)
  //   another /v1 path          404 (401 first when below a signed-in route)
  //   GET|HEAD anything else    a static file of the site, or 404; other methods 405
  // Request-size limits are the session's job; /metrics is answered by the HTTP server itself.
  void handle(Request req, Reply reply);

 private:
  using Params = std::array<std::string, protocol::max_path_params>;
  void route(const Request& req, const Reply& reply);
  void dispatch(const Request& req, const Reply& reply, std::size_t resource, Params params,
                const service::Principal* who);
  void unmatched(const Request& req, const Reply& reply);
  void create_draft(const Call& call);
  void find_draft(const Call& call);

  StaticSite& site_;
  service::DraftService& drafts_;
  ApiRoutes& api_;
  HandlerTable handlers_;
};

// True when Content-Type names application/json (parameters such as charset are allowed).
bool is_json_content_type(const Request& req);

}  // namespace onb::server::http
