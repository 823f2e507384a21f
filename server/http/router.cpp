#include "server/http/router.hpp"

#include "server/http/responses.hpp"
#include "server/log.hpp"
#include "shared/core/json_codec.hpp"

#include <exception>

namespace onb::server::http {
namespace {

struct Health {
  std::string status;
  std::string version;
};
BOOST_DESCRIBE_STRUCT(Health, (), (status, version))

constexpr std::string_view drafts_path = "/v1/drafts";
constexpr std::string_view api_prefix = "/v1/";

bool is_get(const Request& req) { return req.method == "GET" || req.method == "HEAD"; }

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// Runs `f`, turning an escaped exception (a bug, or bad_alloc) into a logged 500 instead of letting it
// unwind into the session or kill a storage thread.
template <class F>
void guarded(const Reply& reply, F&& f) {
  try {
    f();
  } catch (const std::exception& e) {
    reply(internal_error(make_error("internal.exception", "", e.what())));
  } catch (...) {
    reply(internal_error(make_error("internal.exception", "", "unknown exception")));
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
  const auto path = req.path();
  if (path == "/healthz") {
    if (!is_get(req)) return reply(method_not_allowed("GET, HEAD"));
    return reply(json_response(200, Health{"ok", std::string(server_version())}));
  }
  if (path == drafts_path) {
    if (req.method != "POST") return reply(method_not_allowed("POST"));
    return create_draft(req, reply);
  }
  if (starts_with(path, drafts_path) && path.size() > drafts_path.size() + 1 && path[drafts_path.size()] == '/') {
    const auto id = path.substr(drafts_path.size() + 1);
    if (id.find('/') != std::string_view::npos) return reply(not_found());
    if (!is_get(req)) return reply(method_not_allowed("GET, HEAD"));
    return find_draft(std::string(id), reply);
  }
  if (starts_with(path, api_prefix) || path == "/openapi.json") return api_.handle(req, reply);
  if (path == "/v1") return reply(not_found());
  if (!is_get(req)) return reply(method_not_allowed("GET, HEAD"));
  reply(site_.serve(req));
}

void Router::create_draft(const Request& req, const Reply& reply) {
  if (!is_json_content_type(req))
    return reply(
        error_response(415, "http.unsupported_media_type", "", "send the body as Content-Type: application/json"));
  auto basics = onb::decode_text<model::CompanyBasics>(req.body);
  if (!basics) return reply(error_response(400, basics.error()));
  drafts_.create(std::move(*basics), [reply](Result<service::DraftReply> r) {
    guarded(reply, [&] {
      if (!r) return reply(internal_error(r.error()));
      auto res = json_response(201, *r);
      res.set("Location", std::string(drafts_path) + "/" + r->id);
      reply(std::move(res));
    });
  });
}

void Router::find_draft(std::string id, const Reply& reply) {
  drafts_.find(std::move(id), [reply](Result<std::optional<service::DraftReply>> r) {
    guarded(reply, [&] {
      if (!r) return reply(internal_error(r.error()));
      if (!*r) return reply(error_response(404, "draft.not_found", "", "no draft has this id"));
      reply(json_response(200, **r));
    });
  });
}

}  // namespace onb::server::http
