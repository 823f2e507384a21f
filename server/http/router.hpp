// The request -> response function of the server: matches method and path, decodes JSON bodies with
// the shared codec, calls a service and encodes its answer. No sockets here (tests may call it
// directly), and no rules: those live in shared/ and service/.
#pragma once

#include "server/http/message.hpp"
#include "server/http/api_routes.hpp"
#include "server/http/static_files.hpp"
#include "server/service/drafts.hpp"

namespace onb::server::http {

class Router {
 public:
  Router(StaticSite& site, service::DraftService& drafts, ApiRoutes& api) : site_(site), drafts_(drafts), api_(api) {}

  // Answers `req` through `reply` exactly once, possibly later from a storage thread. Never throws:
  // an unexpected exception becomes a logged 500. For HEAD the body is marked omit_body.
  //   GET|HEAD /healthz            200 {"status":"ok","version":...}
  //   POST     /v1/drafts          201 DraftReply | 400 codec Error | 415
  //   GET|HEAD /v1/drafts/{id}     200 DraftReply | 404
  //   /v1/... and /openapi.json    ApiRoutes (api_routes.hpp)
  //   GET|HEAD anything else       a static file of the site, or 404
  // Other methods on a known resource: 405 with Allow. Request-size limits are the session's job.
  void handle(Request req, Reply reply);

 private:
  void route(const Request& req, const Reply& reply);
  void create_draft(const Request& req, const Reply& reply);
  void find_draft(std::string id, const Reply& reply);

  StaticSite& site_;
  service::DraftService& drafts_;
  ApiRoutes& api_;
};

// True when Content-Type names application/json (parameters such as charset are allowed).
bool is_json_content_type(const Request& req);

}  // namespace onb::server::http
