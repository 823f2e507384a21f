// [SECTION] index: request helpers, public routes (accounts, sessions, policy, schema), authenticated
// routes (enrollments, invitations, sync).
#include "server/http/api_routes.hpp"

#include "server/http/openapi.hpp"
#include "server/http/responses.hpp"
#include "server/storage/audit_chain.hpp"
#include "shared/core/json_schema.hpp"
#include "shared/protocol/api.hpp"

#include <charconv>

namespace onb::server::http {
namespace {

using service::Answer;

constexpr std::string_view enrollments_path = "/v1/enrollments";
constexpr std::size_t token_hex_length = service::token_bytes * 2;

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }


template <class T>
std::optional<T> decode_body(const Request& req, const Reply& reply) {
  if (!is_json_content_type(req)) {
    reply(error_response(415, "http.unsupported_media_type", "", "send the body as Content-Type: application/json"));
    return std::nullopt;
  }
  auto v = onb::decode_text<T>(req.body);
  if (!v) {
    reply(error_response(400, v.error()));
    return std::nullopt;
  }
  return std::move(*v);
}

std::optional<std::string> bearer_token(const Request& req) {
  const auto h = req.header("Authorization");
  constexpr std::string_view scheme = "Bearer ";
  if (!h || h->size() != scheme.size() + token_hex_length || !iequals(h->substr(0, scheme.size()), scheme))
    return std::nullopt;
  const auto token = h->substr(scheme.size());
  if (token.find_first_not_of("0123456789abcdef") != std::string_view::npos) return std::nullopt;
  return std::string(token);
}

Response unauthenticated() {
  auto res = error_response(401, "auth.unauthenticated", "", "log in and send Authorization: Bearer <token>");
  res.set("WWW-Authenticate", "Bearer");
  return res;
}

// Builds the write context; false when a header is malformed (the reply is sent).
bool write_context(const Request& req, const Reply& reply, const service::Principal& who, service::WriteContext& ctx) {
  ctx.who = who;
  auto if_match = parse_if_match(req);
  if (!if_match) return reply(error_response(400, if_match.error())), false;
  ctx.if_match = *if_match;
  auto key = idempotency_key(req);
  if (!key) return reply(error_response(400, key.error())), false;
  if (*key) {
    const auto fingerprint = storage::blake2b_hex(req.method + " " + req.target + "\n" + req.body);
    ctx.idempotency = service::IdempotencyKey{**key, fingerprint};
  }
  return true;
}

}  // namespace

std::optional<std::uint64_t> parse_number(std::string_view s) {
  std::uint64_t v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || s.empty()) return std::nullopt;
  return v;
}

service::Done answer_with(const Reply& reply) {
  return [reply](Answer a) {
    try {
      reply(to_response(std::move(a)));
    } catch (const std::exception& e) {
      reply(internal_error(make_error("internal.exception", "", e.what())));
    }
  };
}

Response to_response(Answer a) {
  Response res;
  res.status = a.status;
  res.body = std::move(a.body);
  if (!a.body.empty()) res.set("Content-Type", json_media_type);
  res.set("Cache-Control", "no-store");
  if (a.etag) res.set("ETag", *a.etag);
  if (a.replayed) res.set("Idempotent-Replayed", "true");
  return res;
}

Result<std::optional<std::string>> idempotency_key(const Request& req) {
  const auto key = req.header("Idempotency-Key");
  if (!key) return std::optional<std::string>{};
  const bool printable = key->find_first_not_of("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_.:") ==
                         std::string_view::npos;
  if (key->empty() || key->size() > max_idempotency_key_bytes || !printable)
    return make_error("request.idempotency_key", "Idempotency-Key",
                      "Idempotency-Key: 1-200 characters of letters, digits, '-', '_', '.', ':'");
  return std::optional<std::string>(std::string(*key));
}

Result<service::ListParams> list_params(const Request& req) {
  service::ListParams p;
  const auto limit = parse_number(query_param(req, "limit").value_or("50"));
  const auto offset = parse_number(query_param(req, "offset").value_or("0"));
  if (!limit || !offset || *limit == 0 || *limit > service::max_page_size)
    return make_error("request.page", "limit", "limit 1-200 and offset >= 0");
  p.limit = *limit;
  p.offset = *offset;
  if (const auto stage = query_param(req, "stage")) {
    auto s = onb::decode<workflow::Stage>(Json(*stage), "stage");
    if (!s) return make_error("request.stage", "stage", s.error().message);
    p.stage = *s;
  }
  if (const auto overdue = query_param(req, "overdue")) {
    if (*overdue != "true" && *overdue != "false")
      return make_error("request.overdue", "overdue", "overdue is true or false");
    p.overdue_only = *overdue == "true";
  }
  if (const auto assignee = query_param(req, "assignee")) {
    if (*assignee != "me") return make_error("request.assignee", "assignee", "the only assignee filter is assignee=me");
    p.assigned_to_me = true;
  }
  return p;
}

Result<std::optional<std::uint64_t>> parse_if_match(const Request& req) {
  auto h = req.header("If-Match");
  if (!h) return std::optional<std::uint64_t>{};
  std::string_view v = *h;
  if (starts_with(v, "W/")) v.remove_prefix(2);
  if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
  auto n = parse_number(v);
  if (!n) return make_error("request.if_match", "If-Match", "If-Match must be the enrollment's ETag, e.g. \"3\"");
  return std::optional<std::uint64_t>(*n);
}

std::optional<std::string> query_param(const Request& req, std::string_view name) {
  const auto q = req.target.find('?');
  if (q == std::string::npos) return std::nullopt;
  std::string_view rest = std::string_view(req.target).substr(q + 1);
  while (!rest.empty()) {
    const auto amp = rest.find('&');
    const auto pair = rest.substr(0, amp);
    const auto eq = pair.find('=');
    if (pair.substr(0, eq) == name) return std::string(eq == std::string_view::npos ? "" : pair.substr(eq + 1));
    if (amp == std::string_view::npos) break;
    rest.remove_prefix(amp + 1);
  }
  return std::nullopt;
}

void ApiRoutes::handle(const Request& req, const Reply& reply) {
  const auto path = req.path();
  if (starts_with(path, enrollments_path) || starts_with(path, "/v1/invites/") || path == "/v1/sync")
    return with_principal(req, reply, [this, req, reply](const service::Principal& who) {
      enrollment_route(req, reply, who);
    });
  public_route(req, reply);
}

void ApiRoutes::with_principal(const Request& req, const Reply& reply,
                               std::function<void(const service::Principal&)> then) {
  const auto token = bearer_token(req);
  if (!token) return reply(unauthenticated());
  accounts_.authenticate(*token, [reply, then](Result<std::optional<service::Principal>> who) {
    try {
      if (!who) return reply(to_response(service::failure(who.error())));
      if (!*who) return reply(unauthenticated());
      then(**who);
    } catch (const std::exception& e) {
      reply(internal_error(make_error("internal.exception", "", e.what())));
    }
  });
}

void ApiRoutes::public_route(const Request& req, const Reply& reply) {
  const auto path = req.path();
  const bool get = req.method == "GET" || req.method == "HEAD";
  if (path == "/v1/accounts") {
    if (req.method != "POST") return reply(method_not_allowed("POST"));
    auto key = idempotency_key(req);
    if (!key) return reply(error_response(400, key.error()));
    if (auto b = decode_body<protocol::RegisterAccount>(req, reply)) {
      std::optional<service::IdempotencyKey> k;
      if (*key) k = service::IdempotencyKey{**key, ""};  // the service fingerprints the normalised e-mail
      accounts_.register_customer(b->email, b->password, std::move(k), answer_with(reply));
    }
    return;
  }
  if (path == "/v1/sessions") {
    if (req.method != "POST") return reply(method_not_allowed("POST"));
    if (auto b = decode_body<protocol::CreateSession>(req, reply))
      accounts_.login(b->email, b->password, req.remote_address, answer_with(reply));
    return;
  }
  if (path == "/v1/sessions/current") {
    if (req.method != "DELETE") return reply(method_not_allowed("DELETE"));
    const auto token = bearer_token(req);
    if (!token) return reply(unauthenticated());
    return accounts_.logout(*token, answer_with(reply));
  }
  if (path == "/v1/policy") {
    if (!get) return reply(method_not_allowed("GET, HEAD"));
    return reply(json_response(200, Json{{"workflow", Json::parse(policies_.workflow_text, nullptr, false)},
                                         {"documents", Json::parse(policies_.documents_text, nullptr, false)}}));
  }
  if (path == "/v1/schema") {
    if (!get) return reply(method_not_allowed("GET, HEAD"));
    return reply(json_response(200, Json{{"protocol_version", protocol::protocol_version},
                                         {"application", json_schema<model::Application>("application", "Application")}}));
  }
  if (path == "/openapi.json") {
    if (!get) return reply(method_not_allowed("GET, HEAD"));
    return reply(json_response(200, openapi_document()));
  }
  reply(not_found());
}

void ApiRoutes::enrollment_route(const Request& req, const Reply& reply, const service::Principal& who) {
  const std::string path(req.path());
  const auto done = answer_with(reply);
  service::WriteContext ctx;
  if (path == "/v1/sync") {
    if (req.method != "GET") return reply(method_not_allowed("GET"));
    const auto since = parse_number(query_param(req, "since").value_or("0"));
    if (!since) return reply(error_response(400, "request.since", "since", "since must be a cursor from /v1/sync"));
    return enrollments_.sync(who, *since, done);
  }
  if (starts_with(path, "/v1/invites/")) {
    const auto rest = path.substr(std::string_view("/v1/invites/").size());
    const auto slash = rest.find('/');
    if (slash == std::string::npos || rest.substr(slash) != "/claim") return reply(not_found());
    if (req.method != "POST") return reply(method_not_allowed("POST"));
    if (!write_context(req, reply, who, ctx)) return;
    return enrollments_.claim(ctx, rest.substr(0, slash), done);
  }
  if (path == enrollments_path) {
    if (req.method == "GET") {
      auto p = list_params(req);
      if (!p) return reply(error_response(400, p.error()));
      return enrollments_.list(who, *p, done);
    }
    if (req.method != "POST") return reply(method_not_allowed("GET, POST"));
    if (!write_context(req, reply, who, ctx)) return;
    if (auto b = decode_body<protocol::CreateEnrollment>(req, reply)) enrollments_.create(ctx, std::move(*b), done);
    return;
  }
  if (path.size() <= enrollments_path.size() + 1 || path[enrollments_path.size()] != '/') return reply(not_found());
  const auto rest = path.substr(enrollments_path.size() + 1);
  const auto slash = rest.find('/');
  const std::string id = rest.substr(0, slash);
  const std::string sub = slash == std::string::npos ? "" : rest.substr(slash);
  if (sub.empty()) {
    if (req.method != "GET") return reply(method_not_allowed("GET"));
    return enrollments_.get(who, id, [reply, inm = std::string(req.header("If-None-Match").value_or(""))](Answer a) {
      if (a.status == 200 && a.etag && *a.etag == inm) return reply(Response{304, {{"ETag", *a.etag}}, "", false});
      reply(to_response(std::move(a)));
    });
  }
  if (starts_with(sub, "/documents")) return documents_.handle(req, reply, who, id, sub);
  if (sub == "/timeline") {
    if (req.method != "GET") return reply(method_not_allowed("GET"));
    return enrollments_.timeline(who, id, done);
  }
  if (sub == "/application") {
    if (req.method != "PUT") return reply(method_not_allowed("PUT"));
    if (!write_context(req, reply, who, ctx)) return;
    if (auto b = decode_body<protocol::UpdateApplication>(req, reply))
      enrollments_.update_application(ctx, id, std::move(*b), done);
    return;
  }
  if (sub == "/events") {
    if (req.method != "POST") return reply(method_not_allowed("POST"));
    if (!write_context(req, reply, who, ctx)) return;
    if (auto b = decode_body<protocol::ActionRequest>(req, reply)) enrollments_.act(ctx, id, std::move(*b), done);
    return;
  }
  reply(not_found());
}

}  // namespace onb::server::http
