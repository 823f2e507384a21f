// The API around the enrollments, over real HTTP: sessions end when logged out, guessing passwords is
// slowed down, /v1/sync catches a client up from its cursor, and the policy, schema and OpenAPI
// documents describe what the server really does.
#include "api_support.hpp"

#include <chrono>
#include <thread>

using namespace onb::test;
using onb::Json;

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
  for (const auto& [path, method] : std::vector<std::pair<std::string, std::string>>{
           {"/v1/accounts", "post"},
           {"/v1/sessions", "post"},
           {"/v1/sessions/current", "delete"},
           {"/v1/enrollments", "get"},
           {"/v1/enrollments", "post"},
           {"/v1/enrollments/{id}", "get"},
           {"/v1/enrollments/{id}/application", "put"},
           {"/v1/enrollments/{id}/events", "post"},
           {"/v1/enrollments/{id}/timeline", "get"},
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
