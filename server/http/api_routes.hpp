// The /v1 API besides drafts: accounts, sessions, enrollments, invitations, sync, policy and schema.
// Each route is decode -> authenticate -> service -> encode in a few lines; parsing of headers and
// query parameters is here, rules are in the services and shared/. Route table: api_routes.cpp.
#pragma once

#include "server/http/document_routes.hpp"
#include "server/http/message.hpp"
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

  // Answers every /v1/ path other than /v1/drafts, and /openapi.json; unknown paths 404.
  void handle(const Request& req, const Reply& reply);

 private:
  void public_route(const Request& req, const Reply& reply);
  void enrollment_route(const Request& req, const Reply& reply, const service::Principal& who);
  void with_principal(const Request& req, const Reply& reply,
                      std::function<void(const service::Principal&)> then);

  service::AccountService& accounts_;
  service::EnrollmentService& enrollments_;
  const service::Policies& policies_;
  DocumentRoutes& documents_;  // /v1/enrollments/{id}/documents...
};

Response to_response(service::Answer answer);  // the body is moved, not copied

// True when Content-Type names application/json (defined in router.cpp).
bool is_json_content_type(const Request& req);

// "\"7\"", "W/\"7\"" or "7" -> 7; nullopt when absent; Error request.if_match when malformed.
[[nodiscard]] Result<std::optional<std::uint64_t>> parse_if_match(const Request& req);
// The value of `name` in the query string (no percent-decoding: our parameters are plain tokens).
std::optional<std::string> query_param(const Request& req, std::string_view name);
// GET /v1/enrollments' query: limit, offset, stage, overdue=true|false, assignee=me.
[[nodiscard]] Result<service::ListParams> list_params(const Request& req);

}  // namespace onb::server::http
