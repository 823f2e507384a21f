#include "server/http/openapi.hpp"

#include "shared/core/json_schema.hpp"
#include "shared/protocol/api.hpp"
#include "shared/protocol/documents.hpp"

#include <string>
#include <vector>

namespace onb::server::http {
namespace {

template <class T>
Json schema() {
  Json s = onb::detail::schema_of<T>();
  return s;
}

Json ref(const char* name) { return {{"$ref", std::string("#/components/schemas/") + name}}; }

Json body(const char* name) { return {{"required", true}, {"content", {{"application/json", {{"schema", ref(name)}}}}}}; }

Json answer(const char* status, const char* name, const char* description) {
  return {{status, {{"description", description}, {"content", {{"application/json", {{"schema", ref(name)}}}}}}}};
}

Json op(const char* summary, Json responses, std::optional<Json> request = std::nullopt, bool auth = true) {
  Json o{{"summary", summary}, {"responses", std::move(responses)}};
  o["responses"]["default"] = {{"description", "error {code, path, message}"},
                               {"content", {{"application/json", {{"schema", ref("Error")}}}}}};
  if (request) o["requestBody"] = std::move(*request);
  if (auth) o["security"] = Json::array({{{"bearer", Json::array()}}});
  return o;
}

// The byte side of documents: chunks go up as application/octet-stream with a Content-Range, the
// complete file comes down with its checked media type.
Json binary(const std::vector<const char*>& media_types) {
  Json content = Json::object();
  for (const char* m : media_types) content[m] = {{"schema", {{"type", "string"}, {"format", "binary"}}}};
  return content;
}

Json query(const char* name, Json schema, const char* description) {
  return {{"name", name}, {"in", "query"}, {"required", false}, {"description", description}, {"schema", std::move(schema)}};
}

// Customers and sales reps get their own enrollments; reviewers their queue (what their roles may act
// on); auditors and admins everything. Filters apply to the rows of the page, so a page may be short
// while next_offset says more follow.
Json list_operation() {
  Json o = op("list (mine, or my queue)", answer("200", "EnrollmentPage", "a page"));
  o["parameters"] = Json::array(
      {query("limit", {{"type", "integer"}, {"minimum", 1}, {"maximum", 200}, {"default", 50}}, "rows per page"),
       query("offset", {{"type", "integer"}, {"minimum", 0}, {"default", 0}}, "next_offset of the previous page"),
       query("stage", ref("Stage"), "only this stage"),
       query("overdue", {{"type", "boolean"}}, "true: only cases past their stage's SLA target"),
       query("assignee", {{"type", "string"}, {"enum", {"me"}}}, "me: only cases assigned to the caller")});
  return o;
}

void document_paths(Json& p) {
  const std::string base = "/v1/enrollments/{id}/documents";
  p[base]["post"] = op("announce a document (Idempotency-Key honoured); then PUT its bytes",
                       answer("201", "DocumentView", "announced, nothing received yet"), body("CreateDocument"));
  p[base]["get"] = op("the enrollment's documents, oldest first", answer("200", "DocumentList", "documents"));
  p[base + "/{doc}"]["get"] =
      op("one document; `received` is where an interrupted upload resumes", answer("200", "DocumentView", "document"));
  Json put =
      op("upload one chunk of at most 1 MiB starting exactly at `received`; re-sending a stored range is "
         "answered with the current state; the last byte completes the upload (SHA-256 checked)",
         answer("200", "DocumentView", "stored; state complete after the last byte"),
         Json{{"required", true}, {"content", binary({"application/octet-stream"})}});
  put["parameters"] = Json::array({{{"name", "Content-Range"},
                                    {"in", "header"},
                                    {"required", true},
                                    {"description", "bytes FIRST-LAST/SIZE, SIZE the announced size"},
                                    {"schema", {{"type", "string"}, {"example", "bytes 0-1048575/3000000"}}}}});
  put["responses"]["409"] = {{"description", "document.offset: resume from `received`"},
                             {"content", {{"application/json", {{"schema", ref("OffsetConflict")}}}}}};
  p[base + "/{doc}/content"]["put"] = std::move(put);
  Json get = op("download a complete document (Content-Disposition: attachment)", Json::object());
  get["responses"]["200"] = {{"description", "the file"},
                             {"content", binary({"application/pdf", "image/png", "image/jpeg"})}};
  p[base + "/{doc}/content"]["get"] = std::move(get);
}

Json build() {
  using namespace protocol;
  Json doc{{"openapi", "3.1.0"},
           {"info", {{"title", "onboard sync server"}, {"version", std::to_string(protocol_version)}}}};
  doc["components"]["securitySchemes"]["bearer"] = {{"type", "http"}, {"scheme", "bearer"}};
  auto& s = doc["components"]["schemas"];
  s["Error"] = schema<Error>();
  s["Stage"] = schema<workflow::Stage>();
  s["RegisterAccount"] = schema<RegisterAccount>();
  s["AccountView"] = schema<AccountView>();
  s["CreateSession"] = schema<CreateSession>();
  s["SessionView"] = schema<SessionView>();
  s["CreateEnrollment"] = schema<CreateEnrollment>();
  s["UpdateApplication"] = schema<UpdateApplication>();
  s["ActionRequest"] = schema<ActionRequest>();
  s["EnrollmentView"] = schema<EnrollmentView>();
  s["EnrollmentPage"] = schema<EnrollmentPage>();
  s["Timeline"] = schema<Timeline>();
  s["SyncPage"] = schema<SyncPage>();
  s["Conflict"] = schema<Conflict>();
  s["ValidationFailure"] = schema<ValidationFailure>();
  s["CreateDocument"] = schema<CreateDocument>();
  s["DocumentView"] = schema<DocumentView>();
  s["DocumentList"] = schema<DocumentList>();
  s["OffsetConflict"] = schema<OffsetConflict>();
  auto& p = doc["paths"];
  p["/v1/accounts"]["post"] = op("register a customer", answer("201", "AccountView", "created"), body("RegisterAccount"), false);
  p["/v1/sessions"]["post"] = op("log in", answer("201", "SessionView", "a bearer token"), body("CreateSession"), false);
  p["/v1/sessions/current"]["delete"] = op("log out", {{"204", {{"description", "logged out"}}}});
  p["/v1/enrollments"]["post"] = op("create an enrollment", answer("201", "EnrollmentView", "created"), body("CreateEnrollment"));
  p["/v1/enrollments"]["get"] = list_operation();
  p["/v1/enrollments/{id}"]["get"] = op("read one (ETag = version)", answer("200", "EnrollmentView", "the enrollment"));
  p["/v1/enrollments/{id}/application"]["put"] =
      op("edit the application (If-Match or base_version)", answer("200", "EnrollmentView", "edited"), body("UpdateApplication"));
  p["/v1/enrollments/{id}/events"]["post"] =
      op("a workflow action (If-Match or base_version)", answer("200", "EnrollmentView", "done"), body("ActionRequest"));
  p["/v1/enrollments/{id}/timeline"]["get"] = op("events (staff) or status (customers)", answer("200", "Timeline", "timeline"));
  p["/v1/invites/{token}/claim"]["post"] = op("claim a sales rep's invitation", answer("200", "EnrollmentView", "claimed"));
  p["/v1/sync"]["get"] = op("changes since a cursor", answer("200", "SyncPage", "changes"));
  document_paths(p);
  return doc;
}

}  // namespace

const Json& openapi_document() {
  static const Json doc = build();
  return doc;
}

}  // namespace onb::server::http
