// The API around the enrollments, over real HTTP: sessions end when logged out, guessing passwords is
// slowed down, /v1/sync catches a client up from its cursor, and the policy, schema and OpenAPI
// documents describe what the server really does.
#include "api_support.hpp"

#include "shared/protocol/routes.hpp"

#include <cctype>
#include <functional>

#include <chrono>
#include <thread>

using namespace onb::test;
using onb::Json;
namespace protocol = onb::protocol;

namespace {

HttpResponse login_as(ApiFixture& f, const std::string& name, const std::string& password) {
  return f.post_json("/v1/sessions", Json{{"email", name + "@example.com"}, {"password", password}}.dump());
}

}  // namespace

TEST_CASE("logging out ends the session; unknown tokens are 401") {
  ApiFixture f;
  f.register_customer("cust");
  CHECK(f.call("cust", "GET", "/v1/enrollments").status == 200);
  const auto out = f.call("cust", "DELETE", "/v1/sessions/current");
  CHECK(out.status == 204);
  const auto after = f.call("cust", "GET", "/v1/enrollments");
  CHECK(after.status == 401);
  CHECK(after.json()["code"] == "auth.unauthenticated");
  CHECK(after.header("WWW-Authenticate") == "Bearer");
  f.tokens["forged"] = std::string(64, 'a');
  CHECK(f.call("forged", "GET", "/v1/enrollments").status == 401);
  CHECK(f.call("forged", "DELETE", "/v1/sessions/current").status == 204);  // idempotent: nothing to end
  f.login("cust");  // a new session works
  CHECK(f.call("cust", "GET", "/v1/enrollments").status == 200);
}

TEST_CASE("repeated failed logins are slowed down, and the wait ends") {
  ApiFixture f;
  f.register_customer("cust");
  for (int i = 0; i < 5; ++i) {
    const auto r = login_as(f, "cust", "not the password");
    CHECK(r.status == 401);
    CHECK(r.json()["code"] == "auth.invalid_credentials");
  }
  const auto throttled = login_as(f, "cust", test_password);  // even the right password waits now
  CHECK(throttled.status == 429);
  CHECK(throttled.json()["code"] == "auth.throttled");
  CHECK(throttled.json()["message"].get<std::string>().find("retry in") != std::string::npos);
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));  // the first lockout is one second
  CHECK(login_as(f, "cust", test_password).status == 201);
}

TEST_CASE("/v1/sync returns what changed after the cursor, only what the caller may see") {
  ApiFixture f;
  f.register_customer("cust");
  f.register_customer("other");
  const auto create = [&](const std::string& who) {
    const auto r = f.call(who, "POST", "/v1/enrollments", Json{{"application", complete_application()}}.dump());
    REQUIRE(r.status == 201);
    return r.json()["id"].get<std::string>();
  };
  const auto mine = create("cust");
  create("other");
  const auto first = f.call("cust", "GET", "/v1/sync?since=0").json();
  REQUIRE(first["changes"].size() == 1);
  CHECK(first["changes"][0]["enrollment_id"] == mine);
  CHECK(first["changes"][0]["version"] == 1);
  const std::string cursor = first["cursor"];
  CHECK(f.call("cust", "GET", "/v1/sync?since=" + cursor).json()["changes"].empty());

  create("other");  // someone else's change moves nothing for this customer
  CHECK(f.call("cust", "GET", "/v1/sync?since=" + cursor).json()["changes"].empty());
  REQUIRE(f.call("cust", "POST", "/v1/enrollments/" + mine + "/events", action("submitted", 1).dump()).status == 200);
  const auto next = f.call("cust", "GET", "/v1/sync?since=" + cursor).json();
  REQUIRE(next["changes"].size() == 1);
  CHECK(next["changes"][0]["stage"] == "submitted");
  CHECK(next["changes"][0]["version"] == 2);
  CHECK(next["cursor"].get<std::string>() != cursor);

  const auto bad = f.call("cust", "GET", "/v1/sync?since=yesterday");
  CHECK(bad.status == 400);
  CHECK(bad.json()["code"] == "request.since");
}

TEST_CASE("/v1/policy is the policy the server validates with, /v1/schema the application's schema") {
  ApiFixture f;
  const auto policy = f.get("/v1/policy");
  REQUIRE(policy.status == 200);
  CHECK(policy.json()["workflow"] == Json::parse(read_source("assets/policy/workflow-v1.json")));
  CHECK(policy.json()["documents"] == Json::parse(read_source("assets/policy/documents-v1.json")));

  const auto schema = f.get("/v1/schema").json();
  CHECK(schema["protocol_version"] == 1);
  CHECK(schema["application"]["$schema"] == "https://json-schema.org/draft/2020-12/schema");
  CHECK(schema["application"]["properties"].contains("entity"));
  CHECK(schema["application"]["properties"].contains("owners"));
}

TEST_CASE("/openapi.json describes every route of the API") {
  ApiFixture f;
  const auto doc = f.get("/openapi.json");
  REQUIRE(doc.status == 200);
  const auto j = doc.json();
  CHECK(j["openapi"].get<std::string>().rfind("3.1", 0) == 0);
  // Written from the API's description, not from the table.
  for (const auto& [path, method] : std::vector<std::pair<std::string, std::string>>{
           {"/healthz", "get"},
           {"/metrics", "get"},
           {"/openapi.json", "get"},
           {"/v1/drafts", "post"},
           {"/v1/drafts/{id}", "get"},
           {"/v1/accounts", "post"},
           {"/v1/sessions", "post"},
           {"/v1/sessions/current", "delete"},
           {"/v1/policy", "get"},
           {"/v1/schema", "get"},
           {"/v1/enrollments", "get"},
           {"/v1/enrollments", "post"},
           {"/v1/enrollments/{id}", "get"},
           {"/v1/enrollments/{id}/application", "put"},
           {"/v1/enrollments/{id}/events", "post"},
           {"/v1/enrollments/{id}/timeline", "get"},
           {"/v1/enrollments/{id}/documents", "get"},
           {"/v1/enrollments/{id}/documents", "post"},
           {"/v1/enrollments/{id}/documents/{document_id}", "get"},
           {"/v1/enrollments/{id}/documents/{document_id}/content", "get"},
           {"/v1/enrollments/{id}/documents/{document_id}/content", "put"},
           {"/v1/invites/{token}/claim", "post"},
           {"/v1/sync", "get"}}) {
    CAPTURE(path);
    CAPTURE(method);
    CHECK(j["paths"].contains(path));
    CHECK(j["paths"][path].contains(method));
  }
  // Every schema a path refers to is defined.
  const std::function<void(const Json&)> refs = [&](const Json& node) {
    if (node.is_object()) {
      if (node.contains("$ref")) {
        const std::string ref = node["$ref"];
        CAPTURE(ref);
        REQUIRE(ref.rfind("#/components/schemas/", 0) == 0);
        CHECK(j["components"]["schemas"].contains(ref.substr(std::string("#/components/schemas/").size())));
      }
      for (const auto& [k, v] : node.items()) refs(v);
    } else if (node.is_array()) {
      for (const auto& v : node) refs(v);
    }
  };
  refs(j["paths"]);
}

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool has_parameter(const Json& operation, const std::string& in, const std::string& name) {
  for (const auto& p : operation.value("parameters", Json::array()))
    if (p["in"] == in && p["name"] == name) return true;
  return false;
}

// The template with every {parameter} replaced by "x".
std::string instantiate(const std::string& tmpl) {
  std::string out;
  for (std::size_t i = 0; i < tmpl.size(); ++i) {
    if (tmpl[i] != '{') {
      out += tmpl[i];
      continue;
    }
    out += 'x';
    i = tmpl.find('}', i);
  }
  return out;
}

}  // namespace

TEST_CASE("every route of the table is documented with its parameters and headers, and nothing else is") {
  ApiFixture f;
  const auto j = f.get("/openapi.json").json();
  std::size_t documented = 0;
  for (const auto& [path, item] : j["paths"].items())
    for (const auto& [method, op] : item.items()) documented += op.contains("operationId") ? 1 : 0;
  std::size_t expected = 0;
  for (const auto& r : protocol::route_table) {
    const std::string path(r.path);
    CAPTURE(path);
    CAPTURE(protocol::method_name(r.method));
    const auto& op = j["paths"][path][lower(protocol::method_name(r.method))];
    REQUIRE(op.is_object());
    ++expected;
    CHECK(op["operationId"] == std::string(protocol::operation_id(r.id)));
    CHECK(op["tags"] == Json::array({std::string(r.tag)}));
    CHECK(op["responses"].contains(std::to_string(r.status)));
    for (std::size_t open = path.find('{'); open != std::string::npos; open = path.find('{', open + 1))
      CHECK(has_parameter(op, "path", path.substr(open + 1, path.find('}', open) - open - 1)));
    for (const auto& q : r.query) CHECK(has_parameter(op, "query", std::string(q.name)));
    CHECK(has_parameter(op, "header", "Idempotency-Key") == bool(r.headers & protocol::idempotency_key));
    CHECK(has_parameter(op, "header", "If-Match") == bool(r.headers & protocol::if_match));
    CHECK(has_parameter(op, "header", "Content-Range") == bool(r.headers & protocol::content_range));
    CHECK(op.contains("security") == (r.access != protocol::Access::anyone));
    if (r.answers_head) {
      CHECK(j["paths"][path].contains("head"));
      ++expected;
    }
  }
  CHECK(documented == expected);
}

TEST_CASE("every documented operation answers: no 404 for the path, no 405 for the method, JSON labelled as JSON") {
  ApiFixture f;
  f.register_customer("cust");
  f.register_customer("leaver");  // logs out last
  const auto j = f.get("/openapi.json").json();
  for (const auto& [path, item] : j["paths"].items())
    for (const auto& [method, op] : item.items()) {
      const auto target = instantiate(path);
      const auto verb = [&] {
        std::string m = method;
        for (auto& c : m) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        return m;
      }();
      CAPTURE(verb);
      CAPTURE(target);
      const bool with_body = verb == "POST" || verb == "PUT";
      const auto r = f.call(verb == "DELETE" ? "leaver" : "cust", verb, target, with_body ? "{}" : "");
      CHECK(r.status != 405);
      CHECK_FALSE((r.status == 404 && verb != "HEAD" && r.json()["code"] == "http.not_found"));
      if (op.contains("security") && verb != "DELETE") CHECK(r.status != 401);
      if (!r.json().is_discarded() && !r.body.empty())  // every JSON answer says so, errors included
        CHECK(r.header("Content-Type").value_or("").starts_with("application/json"));
    }
}

TEST_CASE("the headers the table names are read by their routes") {
  ApiFixture f;
  f.register_customer("cust");
  for (const auto& r : protocol::route_table) {
    if (r.method == protocol::Method::get || r.method == protocol::Method::delete_) continue;
    const auto target = instantiate(std::string(r.path));
    const std::string verb(protocol::method_name(r.method));
    CAPTURE(target);
    CAPTURE(verb);
    const auto bad_key = f.call("cust", verb, target, "{}", {{"Idempotency-Key", "not a key!"}});
    const auto body = bad_key.json();
    const bool refused = body.is_object() && body.value("code", "") == "request.idempotency_key";
    CHECK(refused == bool(r.headers & protocol::idempotency_key));
    if (r.headers & protocol::if_match) {
      const auto bad = f.call("cust", verb, target, "{}", {{"If-Match", "yesterday"}});
      CHECK(bad.status == 400);
      CHECK(bad.json()["code"] == "request.if_match");
    }
    if (r.headers & protocol::content_range) {
      const auto bad = must(fetch(f.server.port, HttpRequest{verb, target,
                                                             {{"Authorization", "Bearer " + f.tokens["cust"]},
                                                              {"Content-Type", "application/octet-stream"}},
                                                             "bytes"}));
      CHECK(bad.status == 400);
      CHECK(bad.json()["code"] == "request.content_range");
    }
  }
  SUBCASE("a list's page size is bounded by the table's maximum") {
    const auto limit = protocol::route(protocol::RouteId::list_enrollments).query[0];
    REQUIRE(limit.name == "limit");
    const auto at_max = std::to_string(*limit.maximum);
    CHECK(f.call("cust", "GET", "/v1/enrollments?limit=" + at_max).status == 200);
    const auto over = f.call("cust", "GET", "/v1/enrollments?limit=" + std::to_string(*limit.maximum + 1));
    CHECK(over.status == 400);
    CHECK(over.json()["code"] == "request.page");
  }
}

TEST_CASE("a method a resource does not take is 405 with Allow; signed-in resources authenticate first") {
  ApiFixture f;
  f.register_customer("cust");
  for (const auto& [target, allow] : std::vector<std::pair<std::string, std::string>>{
           {"/healthz", "GET, HEAD"},
           {"/openapi.json", "GET, HEAD"},
           {"/v1/drafts", "POST"},
           {"/v1/drafts/d-1", "GET, HEAD"},
           {"/v1/accounts", "POST"},
           {"/v1/sessions", "POST"},
           {"/v1/sessions/current", "DELETE"},
           {"/v1/policy", "GET, HEAD"},
           {"/v1/schema", "GET, HEAD"},
           {"/v1/sync", "GET"},
           {"/v1/enrollments", "GET, POST"},
           {"/v1/enrollments/e-1", "GET"},
           {"/v1/enrollments/e-1/timeline", "GET"},
           {"/v1/enrollments/e-1/application", "PUT"},
           {"/v1/enrollments/e-1/events", "POST"},
           {"/v1/enrollments/e-1/documents", "GET, POST"},
           {"/v1/enrollments/e-1/documents/d-1", "GET"},
           {"/v1/enrollments/e-1/documents/d-1/content", "GET, HEAD, PUT"},
           {"/v1/invites/t-1/claim", "POST"},
           {"/index.html", "GET, HEAD"}}) {
    CAPTURE(target);
    const auto r = f.call("cust", "PATCH", target);
    CHECK(r.status == 405);
    CHECK(r.header("Allow") == allow);
    CHECK(r.json()["code"] == "http.method_not_allowed");
  }
  CHECK(f.call("nobody", "PATCH", "/v1/enrollments/e-1").status == 401);
  CHECK(f.call("nobody", "GET", "/v1/enrollments/e-1/bogus").status == 401);  // no hint which paths exist
  CHECK(f.call("cust", "GET", "/v1/enrollments/e-1/bogus").status == 404);
  CHECK(f.call("nobody", "GET", "/v1/nowhere").status == 404);
  CHECK(f.call("nobody", "HEAD", "/v1/enrollments").status == 401);
  CHECK(f.call("cust", "HEAD", "/v1/enrollments").status == 405);
}

TEST_CASE("registering with an Idempotency-Key creates the account once; a replay gets the first answer") {
  ApiFixture f;
  const std::string body = Json{{"email", "New@Example.com"}, {"password", test_password}}.dump();
  const auto post = [&](const std::string& b, const std::string& key) {
    return must(fetch(f.server.port, HttpRequest{"POST", "/v1/accounts",
                                                 {{"Content-Type", "application/json"}, {"Idempotency-Key", key}}, b}));
  };
  const auto first = post(body, "signup-1");
  REQUIRE(first.status == 201);
  const auto again = post(body, "signup-1");  // the answer was lost; the portal retries
  CHECK(again.status == 201);
  CHECK(again.body == first.body);
  CHECK(again.header("Idempotent-Replayed") == "true");
  CHECK(post(body, "signup-2").status == 409);  // a new key is a new request: the e-mail is taken
  const auto other = post(Json{{"email", "someone@example.com"}, {"password", test_password}}.dump(), "signup-1");
  CHECK(other.status == 422);
  CHECK(other.json()["code"] == "idempotency.key_reused");
  const auto bad = post(body, "no spaces allowed");
  CHECK(bad.status == 400);
  CHECK(bad.json()["code"] == "request.idempotency_key");
  CHECK(login_as(f, "new", test_password).status == 201);
}
