#include "server/http/router.hpp"

#include "server/http/responses.hpp"
#include "server/log.hpp"
#include "shared/core/json_codec.hpp"

#include <exception>
#include <stdexcept>

namespace onb::server::http {
namespace {

using protocol::RouteId;

bool is_get(const Request& req) { return req.method == "GET" || req.method == "HEAD"; }

// Runs `f`, turning an escaped exception (a bug, or bad_alloc) into a logged 500 instead of letting it
// unwind into the session or kill a storage thread.
template <class F>
void guarded(const Reply& reply, F&& f) {
  try {
    f();
  } catch (const std::exception& e) {
    reply(internal_error(make_error(ErrorCategory::internal, "internal.exception", "", e.what())));
  } catch (...) {
    reply(internal_error(make_error(ErrorCategory::internal, "internal.exception", "", "unknown exception")));
  }
}

}  // namespace

bool is_json_content_type(const Request& req) {
  const auto type = req.header("Content-Type");
  if (!type) return false;
  auto media = type->substr(0, type->find(';'));
  while (!media.empty() && (media.back() == ' ' || media.back() == '\t')) media.remove_suffix(1);
  while (!media.empty() && (media.front() == ' ' || media.front() == '\t')) media.remove_prefix(1);
  return iequals(media, json_media_type);
}

Router::Router(StaticSite& site, service::DraftService& drafts, ApiRoutes& api)
    : site_(site), drafts_(drafts), api_(api) {
  handlers_.set(RouteId::get_health, [](const Call& c) {
    c.reply(json_response(200, Health{"ok", std::string(server_version())}));
  });
  // The HTTP server answers /metrics before routing (the metrics are its own); a router called
  // directly has none to show.
  handlers_.set(RouteId::get_metrics, [](const Call& c) { c.reply(not_found()); });
  handlers_.set(RouteId::create_draft, [this](const Call& c) { create_draft(c); });
  handlers_.set(RouteId::get_draft, [this](const Call& c) { find_draft(c); });
  api_.add_to(handlers_);
  for (const auto& r : protocol::route_table)
    if (!handlers_[r.id])
      throw std::logic_error("no handler for " + std::string(protocol::method_name(r.method)) + " " +
                             std::string(r.path));
}

void Router::handle(Request req, Reply reply) {
  if (req.method == "HEAD") {
    reply = [inner = std::move(reply)](Response res) {
      res.omit_body = true;
      inner(std::move(res));
    };
  }
  guarded(reply, [&] { route(req, reply); });
}

void Router::route(const Request& req, const Reply& reply) {
  const auto m = protocol::match(req.path());
  if (!m) return unmatched(req, reply);
  Params params;
  for (std::size_t i = 0; i < params.size(); ++i) params[i] = std::string(m->params[i]);
  if (protocol::access_of(m->resource) != protocol::Access::signed_in)
    return dispatch(req, reply, m->resource, std::move(params), nullptr);
  api_.with_principal(req, reply, [this, req, reply, resource = m->resource, params](const service::Principal& who) {
    dispatch(req, reply, resource, params, &who);
  });
}

void Router::dispatch(const Request& req, const Reply& reply, std::size_t resource, Params params,
                      const service::Principal* who) {
  const auto* row = protocol::find(resource, req.method);
  if (!row) return reply(method_not_allowed(protocol::allowed_methods(resource)));
  Call call{req, reply, *row, std::move(params), who, {}};
  if (row->access == protocol::Access::bearer_token) {
    auto token = bearer_token(req);
    if (!token) return reply(unauthenticated());
    call.token = std::move(*token);
  }
  handlers_[row->id](call);
}

void Router::unmatched(const Request& req, const Reply& reply) {
  const auto path = req.path();
  if (protocol::below_signed_in_route(path))
    return api_.with_principal(req, reply, [reply](const service::Principal&) { reply(not_found()); });
  if (path == "/v1" || path.starts_with("/v1/")) return reply(not_found());
  if (!is_get(req)) return reply(method_not_allowed("GET, HEAD"));
  reply(site_.serve(req));
}

void Router::create_draft(const Call& c) {
  if (!is_json_content_type(c.req))
    return c.reply(
        error_response(415, "http.unsupported_media_type", "", "send the body as Content-Type: application/json"));
  auto basics = onb::decode_text<model::CompanyBasics>(c.req.body);
  if (!basics) return c.reply(error_response(400, basics.error()));
  drafts_.create(std::move(*basics), [reply = c.reply](Result<service::DraftReply> r) {
    guarded(reply, [&] {
      if (!r) return reply(internal_error(r.error()));
      auto res = json_response(201, *r);
      res.set("Location", protocol::path(RouteId::get_draft, {r->id}));
      reply(std::move(res));
    });
  });
}

void Router::find_draft(const Call& c) {
  drafts_.find(c.param(0), [reply = c.reply](Result<std::optional<service::DraftReply>> r) {
    guarded(reply, [&] {
      if (!r) return reply(internal_error(r.error()));
      if (!*r) return reply(error_response(404, "draft.not_found", "", "no draft has this id"));
      reply(json_response(200, **r));
    });
  });
}

}  // namespace onb::server::http
