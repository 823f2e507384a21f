// The sync server's HTTP routes as data: one row per operation (method + path template) saying who may
// call it, what it takes and answers, and which headers and query parameters it reads. The server
// dispatches, labels /metrics and writes /openapi.json from this table; the portal builds its request
// paths with path(). No handlers, I/O or rules here: a row says what, the server's handler says how.
//
// Adding a route: one row in routes.cpp (and its RouteId here, in the same order), one handler in
// server/http/, one test. The OpenAPI document, the metrics label and the Allow header follow.
#pragma once

#include "shared/protocol/limits.hpp"
#include "shared/validation/documents.hpp"

#include <boost/describe.hpp>
#include <boost/mp11/algorithm.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>

namespace onb::protocol {

// One per row of the table, in table order (checked at compile time below). The enumerator names are
// the OpenAPI operationIds.
BOOST_DEFINE_FIXED_ENUM_CLASS(RouteId, std::uint8_t, get_health, get_metrics, get_openapi, create_draft, get_draft,
                              register_account, create_session, delete_session, get_policy, get_schema, get_sync,
                              list_enrollments, create_enrollment, get_enrollment, get_timeline, put_application,
                              post_event, list_documents, create_document, get_document, get_document_content,
                              put_document_content, claim_invite)
inline constexpr std::size_t route_count = boost::mp11::mp_size<boost::describe::describe_enumerators<RouteId>>::value;
std::string_view operation_id(RouteId id);  // the enumerator's name: "get_enrollment"

enum class Method : std::uint8_t { get, post, put, delete_ };
std::string_view method_name(Method method);  // "GET", "POST", "PUT", "DELETE"

// Who may call a route. What a signed-in person may see and do beyond that is the service's and
// shared/workflow's decision (roles, segregation of duties), never the table's.
enum class Access : std::uint8_t {
  anyone,        // no credentials
  bearer_token,  // "Authorization: Bearer <token>", not resolved to an account (logging out)
  signed_in,     // a live session; the caller is authenticated before the method or path is judged
};

// Request headers a route reads besides Authorization and Content-Type (a bit set).
enum RequestHeader : std::uint8_t {
  idempotency_key = 1,  // a replay with the same key gets the first answer
  if_match = 2,         // the version the change was made on (or base_version in the body)
  if_none_match = 4,    // 304 when the ETag still matches
  content_range = 8,    // which bytes of a document a chunk holds (required)
};

enum class ParamType : std::uint8_t { integer, boolean, text, stage };

// A query parameter, all optional. Values are plain tokens: the server does not percent-decode them.
struct QueryParam {
  std::string_view name;
  ParamType type = ParamType::text;
  std::string_view description;
  std::optional<std::int64_t> minimum{};  // integer
  std::optional<std::int64_t> maximum{};  // integer
  std::optional<std::int64_t> default_value{};
  std::string_view only_value{};  // text: the one value accepted ("me")
};

// What a request or an answer carries: nothing, a described struct as JSON (by its OpenAPI component
// name; "" = any JSON object), raw bytes or text of the given media types.
struct Body {
  enum class Kind : std::uint8_t { none, json, bytes, text } kind = Kind::none;
  std::string_view schema{};
  std::span<const std::string_view> media_types{};
};

// A documented answer besides the route's success and the generic error {code, path, message}.
struct OtherAnswer {
  int status;
  std::string_view schema;  // component name
  std::string_view description;
};

struct Route {
  RouteId id;
  Method method;
  std::string_view path;  // template: literal segments and {name} segments, e.g. /v1/enrollments/{id}
  bool answers_head;      // HEAD is answered like GET, without the body
  Access access;
  std::string_view tag;      // the OpenAPI tag grouping it
  std::string_view summary;  // one line for the OpenAPI document
  Body request;
  int status;  // of success
  Body response;
  std::string_view response_description;
  std::uint8_t headers = 0;  // RequestHeader bits
  std::span<const QueryParam> query{};
  std::span<const OtherAnswer> other_answers{};
};

// [SECTION] the table

namespace detail {
using enum Method;
using enum Access;
using K = Body::Kind;

inline constexpr Body none{};
constexpr Body json(std::string_view schema) { return {K::json, schema, {}}; }

inline constexpr std::string_view octet_stream[] = {"application/octet-stream"};
inline constexpr std::string_view prometheus_text[] = {"text/plain; version=0.0.4; charset=utf-8"};
// What a complete document is served as: the media types its upload was checked against.
inline constexpr std::span<const std::string_view> document_types = validation::media_type_names;

// Customers and sales reps get their own enrollments; reviewers their queue (what their roles may act
// on); auditors and admins everything. Filters apply to the rows of the page, so a page may be short
// while next_offset says more follow.
inline constexpr QueryParam list_query[] = {
    {"limit", ParamType::integer, "rows per page", 1, max_page_size, default_page_size},
    {"offset", ParamType::integer, "next_offset of the previous page", 0, {}, 0},
    {"stage", ParamType::stage, "only this stage"},
    {"overdue", ParamType::boolean, "true: only cases past their stage's SLA target"},
    {"assignee", ParamType::text, "me: only cases assigned to the caller", {}, {}, {}, "me"},
};
inline constexpr QueryParam sync_query[] = {
    {"since", ParamType::integer, "the cursor of the previous page; 0 or absent: from the start", 0, {}, 0},
};

inline constexpr OtherAnswer upload_answers[] = {{409, "OffsetConflict", "document.offset: resume from `received`"}};
inline constexpr OtherAnswer write_answers[] = {{409, "Conflict", "the enrollment changed since base_version"},
                                                {422, "ValidationFailure", "the application breaks a rule"}};

inline constexpr std::uint8_t write = idempotency_key | if_match;

// Every route, in RouteId order. Rows of one template are adjacent, GET first: Allow lists them so.
inline constexpr Route table[] = {
    {RouteId::get_health, get, "/healthz", true, anyone, "server", "liveness and the server's version", none, 200,
     json("Health"), "up"},
    {RouteId::get_metrics, get, "/metrics", true, anyone, "server", "Prometheus metrics (text format 0.0.4)", none,
     200, {K::text, {}, prometheus_text}, "the exposition"},
    {RouteId::get_openapi, get, "/openapi.json", true, anyone, "server", "this document", none, 200, json(""),
     "OpenAPI 3.1"},
    {RouteId::create_draft, post, "/v1/drafts", false, anyone, "drafts", "keep a company's basics as a draft",
     json("CompanyBasics"), 201, json("DraftReply"), "stored (Location names it)"},
    {RouteId::get_draft, get, "/v1/drafts/{id}", true, anyone, "drafts", "a stored draft", none, 200,
     json("DraftReply"), "the draft"},
    {RouteId::register_account, post, "/v1/accounts", false, anyone, "accounts", "register a customer",
     json("RegisterAccount"), 201, json("AccountView"), "created", idempotency_key},
    {RouteId::create_session, post, "/v1/sessions", false, anyone, "accounts", "log in", json("CreateSession"), 201,
     json("SessionView"), "a bearer token"},
    {RouteId::delete_session, delete_, "/v1/sessions/current", false, bearer_token, "accounts",
     "log out (a token that is no longer valid is logged out already)", none, 204, none, "logged out"},
    {RouteId::get_policy, get, "/v1/policy", true, anyone, "reference",
     "the workflow and document policies the server validates with", none, 200, json(""),
     "{workflow, documents}"},
    {RouteId::get_schema, get, "/v1/schema", true, anyone, "reference",
     "the protocol version and the application's JSON Schema", none, 200, json(""),
     "{protocol_version, application}"},
    {RouteId::get_sync, get, "/v1/sync", false, signed_in, "sync", "changes since a cursor", none, 200,
     json("SyncPage"), "changes", 0, sync_query},
    {RouteId::list_enrollments, get, "/v1/enrollments", false, signed_in, "enrollments", "list (mine, or my queue)",
     none, 200, json("EnrollmentPage"), "a page", 0, list_query},
    {RouteId::create_enrollment, post, "/v1/enrollments", false, signed_in, "enrollments", "create an enrollment",
     json("CreateEnrollment"), 201, json("EnrollmentView"), "created", idempotency_key, {}, write_answers},
    {RouteId::get_enrollment, get, "/v1/enrollments/{id}", false, signed_in, "enrollments",
     "read one (ETag = version)", none, 200, json("EnrollmentView"), "the enrollment", if_none_match},
    {RouteId::get_timeline, get, "/v1/enrollments/{id}/timeline", false, signed_in, "enrollments",
     "events (staff) or status (customers)", none, 200, json("Timeline"), "timeline"},
    {RouteId::put_application, put, "/v1/enrollments/{id}/application", false, signed_in, "enrollments",
     "edit the application (If-Match or base_version)", json("UpdateApplication"), 200, json("EnrollmentView"),
     "edited", write, {}, write_answers},
    {RouteId::post_event, post, "/v1/enrollments/{id}/events", false, signed_in, "enrollments",
     "a workflow action (If-Match or base_version)", json("ActionRequest"), 200, json("EnrollmentView"), "done",
     write, {}, write_answers},
    {RouteId::list_documents, get, "/v1/enrollments/{id}/documents", false, signed_in, "documents",
     "the enrollment's documents, oldest first", none, 200, json("DocumentList"), "documents"},
    {RouteId::create_document, post, "/v1/enrollments/{id}/documents", false, signed_in, "documents",
     "announce a document; then PUT its bytes", json("CreateDocument"), 201, json("DocumentView"),
     "announced, nothing received yet", idempotency_key},
    {RouteId::get_document, get, "/v1/enrollments/{id}/documents/{document_id}", false, signed_in, "documents",
     "one document; `received` is where an interrupted upload resumes", none, 200, json("DocumentView"),
     "document"},
    {RouteId::get_document_content, get, "/v1/enrollments/{id}/documents/{document_id}/content", true, signed_in,
     "documents", "download a complete document (Content-Disposition: attachment)", none, 200,
     {K::bytes, {}, document_types}, "the file"},
    {RouteId::put_document_content, put, "/v1/enrollments/{id}/documents/{document_id}/content", false, signed_in,
     "documents",
     "upload one chunk of at most 1 MiB starting exactly at `received`; re-sending a stored range is answered "
     "with the current state; the last byte completes the upload (SHA-256 checked)",
     {K::bytes, {}, octet_stream}, 200, json("DocumentView"), "stored; state complete after the last byte",
     content_range, {}, upload_answers},
    {RouteId::claim_invite, post, "/v1/invites/{token}/claim", false, signed_in, "invitations",
     "claim a sales rep's invitation", none, 200, json("EnrollmentView"), "claimed", idempotency_key},
};

constexpr bool in_id_order() {
  for (std::size_t i = 0; i < std::size(table); ++i)
    if (static_cast<std::size_t>(table[i].id) != i) return false;
  return std::size(table) == route_count;
}
static_assert(in_id_order(), "detail::table must list every RouteId once, in enum order");

constexpr std::size_t count_templates() {
  std::size_t n = 0;
  for (std::size_t i = 0; i < std::size(table); ++i) {
    bool seen = false;
    for (std::size_t j = 0; j < i; ++j) seen = seen || table[j].path == table[i].path;
    n += seen ? 0 : 1;
  }
  return n;
}

constexpr auto make_templates() {
  std::array<std::string_view, count_templates()> out{};
  std::size_t n = 0;
  for (const auto& r : table) {
    bool seen = false;
    for (std::size_t j = 0; j < n; ++j) seen = seen || out[j] == r.path;
    if (!seen) out[n++] = r.path;
  }
  return out;
}

constexpr std::size_t template_of(RouteId id, std::span<const std::string_view> templates) {
  for (std::size_t i = 0; i < templates.size(); ++i)
    if (templates[i] == table[static_cast<std::size_t>(id)].path) return i;
  return templates.size();
}
}  // namespace detail

inline constexpr std::span<const Route> route_table = detail::table;
constexpr const Route& route(RouteId id) { return detail::table[static_cast<std::size_t>(id)]; }

// Each path template once, in order of first appearance: a "resource" that several rows (methods)
// share. /metrics labels and the OpenAPI "paths" keys are these.
inline constexpr auto templates = detail::make_templates();
// The index in `templates` of `id`'s template.
constexpr std::size_t template_index(RouteId id) { return detail::template_of(id, templates); }

// [SECTION] matching (the server)

// The largest number of {parameters} in a template.
inline constexpr std::size_t max_path_params = 2;

struct PathMatch {
  std::size_t resource = 0;  // index into templates
  std::array<std::string_view, max_path_params> params{};  // the {name} segments, in template order
};

// The template `path` (no query) instantiates: same number of segments, literal segments equal, each
// parameter a non-empty segment. nullopt when none does. Allocation-free (runs on every request).
std::optional<PathMatch> match(std::string_view path);

// The row of `resource` answering `method` as sent ("HEAD" finds a GET row that answers_head);
// nullptr when the resource does not take the method (405).
const Route* find(std::size_t resource, std::string_view method);

// "GET, HEAD, PUT": what a 405 on `resource` lists in Allow, in table order.
std::string allowed_methods(std::size_t resource);

// The access of `resource`'s rows (they agree; routes.cpp's test holds them to it).
Access access_of(std::size_t resource);

// True when an unknown path lies below a signed-in route's literal prefix (the template up to its first
// parameter, or all of it): the caller is authenticated before hearing 404, so paths under
// /v1/enrollments tell nothing to a caller without a session.
bool below_signed_in_route(std::string_view path);

// [SECTION] building paths (the portal, tests)

// The path of `id` with its {parameters} filled in template order, then the query pairs whose value is
// set, in the order given: path(RouteId::get_enrollment, {"e-1"}) == "/v1/enrollments/e-1";
// path(RouteId::list_enrollments, {}, {{"limit", "50"}, {"stage", std::nullopt}}) == "/v1/enrollments?limit=50".
// Characters outside RFC 3986's unreserved set are percent-encoded (ids and tokens never have any).
// A wrong number of parameters is a programming error: the missing ones are left empty, extra ones
// dropped, and tests catch it (no exception, so the portal's wasm is safe).
using QueryValue = std::pair<std::string_view, std::optional<std::string>>;
std::string path(RouteId id, std::initializer_list<std::string_view> params = {},
                 std::initializer_list<QueryValue> query = {});

}  // namespace onb::protocol
