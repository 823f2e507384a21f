// The bad-request corpus (data/bad_requests.json): every request in it is answered with a 4xx and a
// JSON error {code, path, message} with a message for people, and the server is still healthy after.
#include "api_support.hpp"

using namespace onb::test;
using onb::Json;

namespace {

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (auto at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
  return s;
}

}  // namespace

TEST_CASE("every request of the bad-request corpus gets a 4xx JSON error, none a 5xx") {
  const Json corpus = Json::parse(read_source("tests/server/data/bad_requests.json"));
  REQUIRE(corpus["cases"].size() >= 100);
  ApiFixture f;
  f.register_customer("taken");
  const auto created =
      f.call("taken", "POST", "/v1/enrollments", Json{{"application", complete_application()}}.dump());
  REQUIRE(created.status == 201);
  const std::string own = created.json()["id"];
  for (const auto& c : corpus["cases"]) {
    const std::string name = c["name"];
    CAPTURE(name);
    HeaderList headers;
    for (const auto& [k, v] : c["headers"].items()) headers.emplace_back(k, v.get<std::string>());
    if (c["auth"].get<bool>()) headers.emplace_back("Authorization", "Bearer " + f.tokens["taken"]);
    const auto r = must(fetch(f.server.port, HttpRequest{c["method"], replace_all(c["target"], "{own}", own), headers,
                                                         replace_all(c["body"], "{own}", own)}));
    CHECK(r.status >= 400);
    CHECK(r.status < 500);
    const Json body = r.json();
    CHECK_MESSAGE(body.is_object(), r.body);
    if (!body.is_object()) continue;
    CHECK_FALSE(body.value("code", "").empty());
    CHECK_FALSE(body.value("message", "").empty());
    CHECK(body.contains("path"));
  }
  CHECK(f.get("/healthz").status == 200);
}

// A body is exactly one JSON value: a NUL byte used to end it for the parser, so what followed was
// ignored and the account below was created (issue 16 §3).
TEST_CASE("bytes after the JSON value, a NUL byte included, are refused and create nothing") {
  ApiFixture f;
  const std::string value = Json{{"email", "nul@example.com"}, {"password", test_password}}.dump();
  for (const std::string& tail : {std::string("\0garbage{{", 10), std::string(" {}"), std::string("x")}) {
    CAPTURE(tail);
    const auto r = f.post_json("/v1/accounts", value + tail);
    CHECK(r.status == 400);
    CHECK(r.json().value("code", "") == "json.trailing_bytes");
  }
  const auto login = f.post_json("/v1/sessions", value);
  CHECK(login.status == 401);  // no account was made
  CHECK(f.post_json("/v1/accounts", value + " \n").status == 201);  // trailing white space is fine
}

// With the last of two equal keys winning, a proxy or a client library reading the first one would
// see another account or amount than the server.
TEST_CASE("a key repeated in one object is refused as json.duplicate_key with its path") {
  ApiFixture f;
  const auto r = f.post_json("/v1/accounts", R"({"email":"a@example.com","password":")" + std::string(test_password) +
                                                 R"(","email":"b@example.com"})");
  CHECK(r.status == 400);
  CHECK(r.json().value("code", "") == "json.duplicate_key");
  CHECK(r.json().value("path", "") == "/email");
  f.register_customer("dup");
  const auto nested = f.call("dup", "POST", "/v1/enrollments", R"({"application":{"company":{},"company":{}}})");
  CHECK(nested.status == 400);
  CHECK(nested.json().value("code", "") == "json.duplicate_key");
  CHECK(nested.json().value("path", "") == "/application/company");
}
