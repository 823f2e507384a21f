// The handlers of the /v1 API besides drafts: accounts, sessions, enrollments, invitations, sync,
// policy and schema (and /openapi.json). Each is decode -> service -> encode in a few lines; parsing of
// headers and query parameters is here, rules are in the services and shared/, which handler answers
// which route is shared/protocol/routes.hpp's table.
#pragma once

#include "server/http/document_routes.hpp"
#include "server/http/handlers.hpp"
#include "server/http/message.hpp"
#include "server/http/responses.hpp"
#include "server/service/accounts.hpp"
#include "server/service/enrollments.hpp"
#include "server/service/policies.hpp"

#include <string_view>

namespace onb::server::http {

// An Idempotency-Key is a client-made UUID or similar; 200 bytes is generous and bounds storage.
inline constexpr std::size_t max_idempotency_key_bytes = 200;

// A decimal number that is the whole of `s` (no sign, no spaces); nullopt otherwise.
std::optional<std::uint64_t> parse_number(std::string_view s);

// The completion that turns a service's Answer into the reply. Completions run on storage or hashing
// threads: an exception there becomes a 500, not a crash.
service::Done answer_with(const Reply& reply);

// The Idempotency-Key header, checked (1-200 of A-Z a-z 0-9 - _ . :); nullopt when absent.
Result<std::optional<std::string>> idempotency_key(const Request& req);

class ApiRoutes {
 public:
  ApiRoutes(service::AccountService& accounts, service::EnrollmentService& enrollments,
            const service::Policies& policies, DocumentRoutes& documents)
      : accounts_(accounts), enrollments_(enrollments), policies_(policies), documents_(documents) {}

  // Sets the handlers of its routes and of the documents' in `table`.
  void add_to(HandlerTable& table);

  // Resolves the bearer token to the caller and calls `then` with it (possibly on a storage thread);
  // answers 401 itself when the token is missing, malformed or unknown.
  void with_principal(const Request& req, const Reply& reply, std::function<void(const service::Principal&)> then);

 private:
  void register_account(const Call& c);
  void create_session(const Call& c);
  void get_sync(const Call& c);
  void list_enrollments(const Call& c);
  void create_enrollment(const Call& c);
  void get_enrollment(const Call& c);
  void put_application(const Call& c);
  void post_event(const Call& c);
  void claim_invite(const Call& c);

  service::AccountService& accounts_;
  service::EnrollmentService& enrollments_;
  const service::Policies& policies_;
  DocumentRoutes& documents_;  // /v1/enrollments/{id}/documents...
};

Response to_response(service::Answer answer);  // the body is moved, not copied

// The token of "Authorization: Bearer <64 lowercase hex>"; nullopt when absent or malformed.
std::optional<std::string> bearer_token(const Request& req);
// 401 auth.unauthenticated with WWW-Authenticate: Bearer.
Response unauthenticated();

// BLAKE2b of method, target and body: what makes a replay with the same Idempotency-Key "the same request".
std::string request_fingerprint(const Request& req);

// True when Content-Type names application/json (defined in router.cpp).
bool is_json_content_type(const Request& req);

// The body decoded as T, or nullopt after answering 415 (not JSON) or 400 (the codec's Error).
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

// "\"7\"", "W/\"7\"" or "7" -> 7; nullopt when absent; Error request.if_match when malformed.
[[nodiscard]] Result<std::optional<std::uint64_t>> parse_if_match(const Request& req);
// The value of `name` in the query string (no percent-decoding: our parameters are plain tokens).
std::optional<std::string> query_param(const Request& req, std::string_view name);
// GET /v1/enrollments' query: limit, offset, stage, overdue=true|false, assignee=me.
[[nodiscard]] Result<service::ListParams> list_params(const Request& req);

}  // namespace onb::server::http
