// [SECTION] index: component schemas (the described structs), one operation per row of the route
// table (parameters, request headers, bodies, answers), the document.
#include "server/http/openapi.hpp"

#include "server/http/router.hpp"
#include "server/service/drafts.hpp"
#include "shared/core/json_schema.hpp"
#include "shared/protocol/api.hpp"
#include "shared/protocol/documents.hpp"
#include "shared/protocol/routes.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace onb::server::http {
namespace {

using protocol::Body;
using protocol::Route;

template <class T>
void add_schema(Json& schemas, const char* name) {
  schemas[name] = onb::detail::schema_of<T>();
}

// Every body a row of the table names, by its component name.
Json component_schemas() {
  using namespace protocol;
  Json s = Json::object();
  add_schema<Error>(s, "Error");
  add_schema<workflow::Stage>(s, "Stage");
  add_schema<Health>(s, "Health");
  add_schema<model::CompanyBasics>(s, "CompanyBasics");
  add_schema<service::DraftReply>(s, "DraftReply");
  add_schema<RegisterAccount>(s, "RegisterAccount");
  add_schema<AccountView>(s, "AccountView");
  add_schema<CreateSession>(s, "CreateSession");
  add_schema<SessionView>(s, "SessionView");
  add_schema<CreateEnrollment>(s, "CreateEnrollment");
  add_schema<UpdateApplication>(s, "UpdateApplication");
  add_schema<ActionRequest>(s, "ActionRequest");
  add_schema<EnrollmentView>(s, "EnrollmentView");
  add_schema<EnrollmentPage>(s, "EnrollmentPage");
  add_schema<Timeline>(s, "Timeline");
  add_schema<SyncPage>(s, "SyncPage");
  add_schema<Conflict>(s, "Conflict");
  add_schema<ValidationFailure>(s, "ValidationFailure");
  add_schema<CreateDocument>(s, "CreateDocument");
  add_schema<DocumentView>(s, "DocumentView");
  add_schema<DocumentList>(s, "DocumentList");
  add_schema<OffsetConflict>(s, "OffsetConflict");
  return s;
}

Json ref(std::string_view name) { return {{"$ref", "#/components/schemas/" + std::string(name)}}; }

// The content of a body; null for none. A JSON body without a component is any object (policy, schema,
// this document).
Json content_of(const Body& body) {
  switch (body.kind) {
    case Body::Kind::none: return nullptr;
    case Body::Kind::json:
      return {{"application/json", {{"schema", body.schema.empty() ? Json{{"type", "object"}} : ref(body.schema)}}}};
    case Body::Kind::bytes:
    case Body::Kind::text: {
      Json content = Json::object();
      const Json schema = body.kind == Body::Kind::bytes ? Json{{"type", "string"}, {"format", "binary"}}
                                                         : Json{{"type", "string"}};
      for (const auto media : body.media_types) content[std::string(media)] = {{"schema", schema}};
      return content;
    }
  }
  return nullptr;
}

Json answer(std::string_view description, Json content) {
  Json a{{"description", description}};
  if (!content.is_null()) a["content"] = std::move(content);
  return a;
}

Json path_parameter(std::string_view name) {
  const auto description = name == "token"         ? "the invitation's token, from its link"
                           : name == "document_id" ? "the document's id, as its announcement answered"
                                                   : "the id its creation answered";
  return {{"name", name}, {"in", "path"}, {"required", true}, {"description", description}, {"schema", {{"type", "string"}}}};
}

Json query_parameter(const protocol::QueryParam& q) {
  Json schema;
  switch (q.type) {
    case protocol::ParamType::integer: schema = {{"type", "integer"}}; break;
    case protocol::ParamType::boolean: schema = {{"type", "boolean"}}; break;
    case protocol::ParamType::text: schema = {{"type", "string"}}; break;
    case protocol::ParamType::stage: schema = ref("Stage"); break;
  }
  if (q.minimum) schema["minimum"] = *q.minimum;
  if (q.maximum) schema["maximum"] = *q.maximum;
  if (q.default_value) schema["default"] = *q.default_value;
  if (!q.only_value.empty()) schema["enum"] = Json::array({q.only_value});
  return {{"name", q.name}, {"in", "query"}, {"required", false}, {"description", q.description}, {"schema", schema}};
}

Json header_parameter(const char* name, bool required, const char* description, Json schema) {
  return {{"name", name}, {"in", "header"}, {"required", required}, {"description", description}, {"schema", schema}};
}

Json parameters_of(const Route& r) {
  Json params = Json::array();
  std::string_view rest = r.path;
  for (auto open = rest.find('{'); open != std::string_view::npos; open = rest.find('{')) {
    const auto close = rest.find('}', open);
    params.push_back(path_parameter(rest.substr(open + 1, close - open - 1)));
    rest.remove_prefix(close + 1);
  }
  for (const auto& q : r.query) params.push_back(query_parameter(q));
  if (r.headers & protocol::idempotency_key)
    params.push_back(header_parameter(
        "Idempotency-Key", false, "a retry with the same key gets the first answer (Idempotent-Replayed: true)",
        {{"type", "string"}, {"minLength", 1}, {"maxLength", 200}, {"pattern", "^[A-Za-z0-9_.:-]+$"}}));
  if (r.headers & protocol::if_match)
    params.push_back(header_parameter("If-Match", false, "the ETag (version) the change was made on",
                                      {{"type", "string"}, {"example", "\"3\""}}));
  if (r.headers & protocol::if_none_match)
    params.push_back(header_parameter("If-None-Match", false, "304 Not Modified while the ETag still matches",
                                      {{"type", "string"}, {"example", "\"3\""}}));
  if (r.headers & protocol::content_range)
    params.push_back(header_parameter("Content-Range", true, "bytes FIRST-LAST/SIZE, SIZE the announced size",
                                      {{"type", "string"}, {"example", "bytes 0-1048575/3000000"}}));
  return params;
}

Json operation(const Route& r) {
  Json o{{"operationId", protocol::operation_id(r.id)}, {"summary", r.summary}, {"tags", Json::array({r.tag})}};
  if (auto params = parameters_of(r); !params.empty()) o["parameters"] = std::move(params);
  if (auto content = content_of(r.request); !content.is_null())
    o["requestBody"] = {{"required", true}, {"content", std::move(content)}};
  auto& responses = o["responses"];
  responses[std::to_string(r.status)] = answer(r.response_description, content_of(r.response));
  for (const auto& other : r.other_answers)
    responses[std::to_string(other.status)] = answer(other.description, content_of(protocol::detail::json(other.schema)));
  responses["default"] = answer("error {code, path, message}", content_of(protocol::detail::json("Error")));
  if (r.access != protocol::Access::anyone) o["security"] = Json::array({{{"bearer", Json::array()}}});
  return o;
}

// HEAD answers like GET without the body.
Json head_operation(const Route& r) {
  Json o = operation(r);
  o["operationId"] = std::string(protocol::operation_id(r.id)) + "_head";
  o["summary"] = std::string(r.summary) + " (headers only)";
  for (auto& [status, a] : o["responses"].items()) a.erase("content");
  return o;
}

std::string lower(std::string_view method) {
  std::string out(method);
  for (auto& c : out) c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// Throws std::logic_error for a body naming no component: a table row added without its schema.
void check_refs(const Json& node, const Json& schemas) {
  if (node.is_object()) {
    if (const auto it = node.find("$ref"); it != node.end()) {
      const auto name = it->get<std::string>().substr(std::string_view("#/components/schemas/").size());
      if (!schemas.contains(name)) throw std::logic_error("openapi: no component schema " + name);
    }
    for (const auto& [k, v] : node.items()) check_refs(v, schemas);
  } else if (node.is_array()) {
    for (const auto& v : node) check_refs(v, schemas);
  }
}

Json build() {
  Json doc{{"openapi", "3.1.0"},
           {"info", {{"title", "onboard sync server"}, {"version", std::to_string(protocol::protocol_version)}}}};
  doc["components"]["securitySchemes"]["bearer"] = {{"type", "http"}, {"scheme", "bearer"}};
  doc["components"]["schemas"] = component_schemas();
  auto& paths = doc["paths"];
  Json tags = Json::array();
  for (const auto& r : protocol::route_table) {
    const std::string path(r.path);
    paths[path][lower(protocol::method_name(r.method))] = operation(r);
    if (r.answers_head) paths[path]["head"] = head_operation(r);
    if (std::find(tags.begin(), tags.end(), Json(r.tag)) == tags.end()) tags.push_back(r.tag);
  }
  for (auto& t : tags) t = Json{{"name", t}};
  doc["tags"] = std::move(tags);
  check_refs(paths, doc["components"]["schemas"]);
  return doc;
}

}  // namespace

const Json& openapi_document() {
  static const Json doc = build();
  return doc;
}

}  // namespace onb::server::http
