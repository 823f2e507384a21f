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
