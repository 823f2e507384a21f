// [SECTION] index: request helpers, the handler table, public routes (accounts, sessions, policy,
// schema, OpenAPI), signed-in routes (sync, enrollments, invitations).
#include "server/http/api_routes.hpp"

#include "server/crypto/blake2b.hpp"
#include "server/http/openapi.hpp"
#include "server/http/responses.hpp"
#include "shared/core/json_schema.hpp"
#include "shared/protocol/api.hpp"
#include "shared/protocol/limits.hpp"

#include <charconv>

namespace onb::server::http {
namespace {

using protocol::RouteId;
using service::Answer;

constexpr std::size_t token_hex_length = service::token_bytes * 2;

// Builds the write context; false when a header is malformed (the reply is sent).
bool write_context(const Request& req, const Reply& reply, const service::Principal& who, service::WriteContext& ctx) {
  ctx.who = who;
  auto if_match = parse_if_match(req);
  if (!if_match) return reply(error_response(400, if_match.error())), false;
  ctx.if_match = *if_match;
  auto key = idempotency_key(req);
  if (!key) return reply(error_response(400, key.error())), false;
  if (*key) ctx.idempotency = service::IdempotencyKey{**key, request_fingerprint(req)};
  return true;
}

}  // namespace

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

std::string request_fingerprint(const Request& req) {
  return crypto::blake2b_hex(req.method + " " + req.target + "\n" + req.body);
}

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
      reply(internal_error(make_error(ErrorCategory::internal, "internal.exception", "", e.what())));
    }
  };
}

Response to_response(Answer a) {
  Response res;
  res.status = a.status;
  res.body = std::move(a.body);
  if (!res.body.empty()) res.set("Content-Type", json_media_type);
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
    return make_error(ErrorCategory::malformed, "request.idempotency_key", "Idempotency-Key",
                      "Idempotency-Key: 1-200 characters of letters, digits, '-', '_', '.', ':'");
  return std::optional<std::string>(std::string(*key));
}

Result<service::ListParams> list_params(const Request& req) {
  service::ListParams p;
  const auto limit_text = query_param(req, "limit");
  const auto limit =
      limit_text ? parse_number(*limit_text) : std::optional<std::uint64_t>(protocol::default_page_size);
  const auto offset = parse_number(query_param(req, "offset").value_or("0"));
  if (!limit || !offset || *limit == 0 || *limit > service::max_page_size)
    return make_error(ErrorCategory::malformed, "request.page", "limit", "limit 1-" + std::to_string(protocol::max_page_size) + " and offset >= 0");
  p.limit = *limit;
  p.offset = *offset;
  if (const auto stage = query_param(req, "stage")) {
    auto s = onb::decode<workflow::Stage>(Json(*stage), "stage");
    if (!s) return make_error(ErrorCategory::malformed, "request.stage", "stage", s.error().message);
    p.stage = *s;
  }
  if (const auto overdue = query_param(req, "overdue")) {
    if (*overdue != "true" && *overdue != "false")
      return make_error(ErrorCategory::malformed, "request.overdue", "overdue", "overdue is true or false");
    p.overdue_only = *overdue == "true";
  }
  if (const auto assignee = query_param(req, "assignee")) {
    if (*assignee != "me") return make_error(ErrorCategory::malformed, "request.assignee", "assignee", "the only assignee filter is assignee=me");
    p.assigned_to_me = true;
  }
  return p;
}

Result<std::optional<std::uint64_t>> parse_if_match(const Request& req) {
  auto h = req.header("If-Match");
  if (!h) return std::optional<std::uint64_t>{};
  std::string_view v = *h;
  if (v.starts_with("W/")) v.remove_prefix(2);
  if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
  auto n = parse_number(v);
  if (!n) return make_error(ErrorCategory::malformed, "request.if_match", "If-Match", "If-Match must be the enrollment's ETag, e.g. \"3\"");
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

// [SECTION] the handler table

void ApiRoutes::add_to(HandlerTable& table) {
  const auto on = [&](RouteId id, void (ApiRoutes::*handler)(const Call&)) {
    table.set(id, [this, handler](const Call& c) { (this->*handler)(c); });
  };
  on(RouteId::register_account, &ApiRoutes::register_account);
  on(RouteId::create_session, &ApiRoutes::create_session);
  table.set(RouteId::delete_session, [this](const Call& c) { accounts_.logout(c.token, answer_with(c.reply)); });
  table.set(RouteId::get_policy, [this](const Call& c) {
    c.reply(json_response(200, Json{{"workflow", Json::parse(policies_.workflow_text, nullptr, false)},
                                    {"documents", Json::parse(policies_.documents_text, nullptr, false)}}));
  });
  table.set(RouteId::get_schema, [](const Call& c) {
    c.reply(json_response(200, Json{{"protocol_version", protocol::protocol_version},
                                    {"application", json_schema<model::Application>("application", "Application")}}));
  });
  table.set(RouteId::get_openapi, [](const Call& c) { c.reply(json_response(200, openapi_document())); });
  on(RouteId::get_sync, &ApiRoutes::get_sync);
  on(RouteId::list_enrollments, &ApiRoutes::list_enrollments);
  on(RouteId::create_enrollment, &ApiRoutes::create_enrollment);
  on(RouteId::get_enrollment, &ApiRoutes::get_enrollment);
  table.set(RouteId::get_timeline,
            [this](const Call& c) { enrollments_.timeline(*c.who, c.param(0), answer_with(c.reply)); });
  on(RouteId::put_application, &ApiRoutes::put_application);
  on(RouteId::post_event, &ApiRoutes::post_event);
  on(RouteId::claim_invite, &ApiRoutes::claim_invite);
  documents_.add_to(table);
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
      reply(internal_error(make_error(ErrorCategory::internal, "internal.exception", "", e.what())));
    }
  });
}

// [SECTION] public routes

void ApiRoutes::register_account(const Call& c) {
  auto key = idempotency_key(c.req);
  if (!key) return c.reply(error_response(400, key.error()));
  if (auto b = decode_body<protocol::RegisterAccount>(c.req, c.reply)) {
    std::optional<service::IdempotencyKey> k;
    if (*key) k = service::IdempotencyKey{**key, ""};  // the service fingerprints the normalised e-mail
    accounts_.register_customer(b->email, b->password, std::move(k), answer_with(c.reply));
  }
}

void ApiRoutes::create_session(const Call& c) {
  if (auto b = decode_body<protocol::CreateSession>(c.req, c.reply))
    accounts_.login(b->email, b->password, c.req.remote_address, answer_with(c.reply));
}

// [SECTION] signed-in routes

void ApiRoutes::get_sync(const Call& c) {
  const auto since = parse_number(query_param(c.req, "since").value_or("0"));
  if (!since) return c.reply(error_response(400, "request.since", "since", "since must be a cursor from /v1/sync"));
  enrollments_.sync(*c.who, *since, answer_with(c.reply));
}

void ApiRoutes::list_enrollments(const Call& c) {
  auto p = list_params(c.req);
  if (!p) return c.reply(error_response(400, p.error()));
  enrollments_.list(*c.who, *p, answer_with(c.reply));
}

void ApiRoutes::create_enrollment(const Call& c) {
  service::WriteContext ctx;
  if (!write_context(c.req, c.reply, *c.who, ctx)) return;
  if (auto b = decode_body<protocol::CreateEnrollment>(c.req, c.reply))
    enrollments_.create(ctx, std::move(*b), answer_with(c.reply));
}

void ApiRoutes::get_enrollment(const Call& c) {
  enrollments_.get(*c.who, c.param(0),
                   [reply = c.reply, inm = std::string(c.req.header("If-None-Match").value_or(""))](Answer a) {
                     if (a.status == 200 && a.etag && *a.etag == inm)
                       return reply(Response{304, {{"ETag", *a.etag}}, "", false});
                     reply(to_response(std::move(a)));
                   });
}

void ApiRoutes::put_application(const Call& c) {
  service::WriteContext ctx;
  if (!write_context(c.req, c.reply, *c.who, ctx)) return;
  if (auto b = decode_body<protocol::UpdateApplication>(c.req, c.reply))
    enrollments_.update_application(ctx, c.param(0), std::move(*b), answer_with(c.reply));
}

void ApiRoutes::post_event(const Call& c) {
  service::WriteContext ctx;
  if (!write_context(c.req, c.reply, *c.who, ctx)) return;
  if (auto b = decode_body<protocol::ActionRequest>(c.req, c.reply))
    enrollments_.act(ctx, c.param(0), std::move(*b), answer_with(c.reply));
}

void ApiRoutes::claim_invite(const Call& c) {
  service::WriteContext ctx;
  if (!write_context(c.req, c.reply, *c.who, ctx)) return;
  enrollments_.claim(ctx, c.param(0), answer_with(c.reply));
}

}  // namespace onb::server::http
