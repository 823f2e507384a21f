// POST/GET /v1/drafts over real HTTP against a real SQLite file: exact round trips in any script,
// validation problems in the answer, and every refusal as JSON {"code","path","message"}.
#include "support.hpp"

#include <set>

using namespace onb::test;
using onb::Json;

namespace {

std::string basics(const std::string& name, const std::string& country, const std::string& vat) {
  return Json{{"legal_name", name}, {"country", country}, {"vat_number", vat}}.dump();
}

bool is_hex_id(const std::string& s) {
  return s.size() == 32 && s.find_first_not_of("0123456789abcdef") == std::string::npos;
}

}  // namespace

TEST_CASE("a draft round-trips exactly, whatever the script") {
  ServerFixture f;
  const std::tuple<const char*, const char*, const char*> names[] = {
      {"Société Générale", "FR", "FR40303265045"},
      {"Ελληνική Εταιρεία", "GR", "EL094259216"},
      {"ООО Ромашка", "DE", ""},
  };
  std::set<std::string> ids;
  for (const auto& [name, country, vat] : names) {
    CAPTURE(name);
    const auto created = f.post_json("/v1/drafts", basics(name, country, vat));
    REQUIRE(created.status == 201);
    CHECK(created.header("Content-Type") == "application/json");
    const Json body = created.json();
    const std::string id = body.value("id", "");
    CHECK(is_hex_id(id));
    CHECK(created.header("Location") == "/v1/drafts/" + id);
    CHECK(body["draft"]["legal_name"] == name);
    CHECK(body["problems"].is_array());
    ids.insert(id);

    const auto read = f.get("/v1/drafts/" + id);
    REQUIRE(read.status == 200);
    CHECK(read.json() == body);
    CHECK(read.json()["draft"]["legal_name"].get<std::string>() == name);  // byte for byte
  }
  CHECK(ids.size() == 3);
}

TEST_CASE("an incomplete or invalid draft is stored, and its problems are returned") {
  ServerFixture f;
  const auto created = f.post_json("/v1/drafts", basics("", "XX", "FR12"));
  REQUIRE(created.status == 201);
  const Json body = created.json();
  std::set<std::string> paths;
  for (const auto& p : body["problems"]) paths.insert(p.value("path", ""));
  CHECK(paths == std::set<std::string>{"/legal_name", "/country", "/vat_number"});
  CHECK(body["problems"][0].contains("code"));
  CHECK(body["problems"][0].contains("message"));
  CHECK(body["problems"][0].value("severity", "") == "error");
  CHECK(f.get("/v1/drafts/" + body.value("id", "")).json()["problems"] == body["problems"]);
}

TEST_CASE("a refused body names what is wrong and where") {
  ServerFixture f;
  struct Case {
    const char* name;
    std::string body;
    const char* code;
    const char* path;
  };
  const Case cases[] = {
      {"malformed JSON", R"({"legal_name": "ACME",)", "json.syntax", ""},
      {"not UTF-8", "{\"legal_name\":\"\xff\",\"country\":\"DE\",\"vat_number\":\"\"}", "json.syntax", ""},
      {"wrong type", R"({"legal_name": 42, "country": "DE", "vat_number": ""})", "json.type", "/legal_name"},
      {"unknown field", R"({"legal_name": "A", "country": "DE", "vat_number": "", "foo": 1})", "json.unknown_field",
       "/foo"},
      {"missing field", R"({"legal_name": "A", "vat_number": ""})", "json.missing_field", "/country"},
      {"not an object", R"([1, 2])", "json.type", ""},
      {"empty body", "", "json.syntax", ""},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    const auto r = f.post_json("/v1/drafts", c.body);
    CHECK(r.status == 400);
    const Json e = r.json();
    CHECK(e.value("code", "") == c.code);
    CHECK(e.value("path", "?") == c.path);
    CHECK_FALSE(e.value("message", "").empty());
  }
}

TEST_CASE("refusals by the HTTP layer: 404, 405, 413, 415") {
  ServerFixture f;
  const auto port = f.server.port;

  SUBCASE("unknown routes and ids are 404") {
    for (const char* target : {"/v1/nothing", "/v1", "/v1/drafts/0123456789abcdef0123456789abcdef",
                               "/v1/drafts/not-an-id", "/v1/drafts/a/b", "/nope.html"}) {
      CAPTURE(target);
      const auto r = f.get(target);
      CHECK(r.status == 404);
      CHECK(r.header("Content-Type") == "application/json");
      CHECK_FALSE(r.json().value("code", "").empty());
    }
  }
  SUBCASE("a wrong method is 405 with Allow") {
    const std::tuple<const char*, const char*, const char*> cases[] = {
        {"GET", "/v1/drafts", "POST"},
        {"DELETE", "/v1/drafts/0123456789abcdef0123456789abcdef", "GET, HEAD"},
        {"POST", "/healthz", "GET, HEAD"},
    };
    for (const auto& [method, target, allow] : cases) {
      CAPTURE(target);
      const auto r = must(fetch(port, HttpRequest{method, target, {{"Content-Type", "application/json"}}, ""}));
      CHECK(r.status == 405);
      CHECK(r.header("Allow") == allow);
      CHECK(r.json().value("code", "") == "http.method_not_allowed");
    }
  }
  SUBCASE("a body over 1 MiB is 413, announced or chunked") {
    const std::string big(2 * 1024 * 1024, ' ');
    const auto announced = f.post_json("/v1/drafts", big);
    CHECK(announced.status == 413);
    CHECK(announced.json().value("code", "") == "http.body_too_large");

    std::string chunked =
        "POST /v1/drafts HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        "Transfer-Encoding: chunked\r\n\r\n";
    const std::string piece(64 * 1024, ' ');
    for (int i = 0; i < 24; ++i) chunked += "10000\r\n" + piece + "\r\n";
    chunked += "0\r\n\r\n";
    HttpConnection c(port);
    REQUIRE(c.connect());
    const auto r = must(c.send_raw(chunked));
    CHECK(r.status == 413);
    CHECK(c.closed_by_peer());
  }
  SUBCASE("a body that is not declared as JSON is 415") {
    for (const HeaderList& headers : {HeaderList{{"Content-Type", "text/plain"}}, HeaderList{},
                                      HeaderList{{"Content-Type", "application/jsonp"}}}) {
      const auto r = must(fetch(port, HttpRequest{"POST", "/v1/drafts", headers, basics("A", "DE", "")}));
      CHECK(r.status == 415);
      CHECK(r.json().value("code", "") == "http.unsupported_media_type");
    }
    const auto with_charset = must(fetch(
        port, HttpRequest{
                  "POST", "/v1/drafts", {{"Content-Type", "Application/JSON; charset=utf-8"}}, basics("A", "DE", "")}));
    CHECK(with_charset.status == 201);
  }
}
