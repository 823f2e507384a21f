// The server as a process: health, flags, persistence across restarts, clean stop on signals, and
// surviving hostile connections.
#include "support.hpp"

#include <signal.h>

using namespace onb::test;
using onb::Json;

TEST_CASE("GET /healthz says ok and names the version") {
  ServerFixture f;
  const auto r = f.get("/healthz");
  CHECK(r.status == 200);
  CHECK(r.header("Content-Type") == "application/json");
  CHECK(r.json().value("status", "") == "ok");
  CHECK_FALSE(r.json().value("version", "").empty());
  const auto lines = f.server.process.log_lines();
  REQUIRE_FALSE(lines.empty());
  CHECK(lines.front().value("event", "") == "listening");
  CHECK(lines.front().value("host", "") == "127.0.0.1");
  CHECK(lines.front().value("port", 0) == f.server.port);
}

TEST_CASE("drafts survive a restart on the same database file") {
  TempDir dir;
  make_site(dir.path());
  const auto db = dir.path() / "onboard.db";
  std::string id, body;
  {
    RunningServer s(db, dir.path() / "site", dir.path());
    const auto created =
        must(fetch(s.port, HttpRequest{"POST",
                                       "/v1/drafts",
                                       {{"Content-Type", "application/json"}},
                                       R"({"legal_name":"ООО Ромашка","country":"DE","vat_number":""})"}));
    REQUIRE(created.status == 201);
    id = created.json().value("id", "");
    body = created.body;
    CHECK(s.process.stop(SIGTERM) == 0);
  }
  RunningServer again(db, dir.path() / "site", dir.path());
  const auto read = must(fetch(again.port, HttpRequest{"GET", "/v1/drafts/" + id, {}, ""}));
  CHECK(read.status == 200);
  CHECK(read.body == body);
}

TEST_CASE("SIGTERM and SIGINT stop the server cleanly with exit code 0") {
  for (int signal : {SIGTERM, SIGINT}) {
    CAPTURE(signal);
    ServerFixture f;
    HttpConnection idle(f.server.port);  // an open keep-alive connection must not delay the stop
    REQUIRE(idle.connect());
    CHECK(f.server.process.stop(signal) == 0);
    std::vector<std::string> events;
    for (const auto& line : f.server.process.log_lines()) events.push_back(line.value("event", ""));
    CHECK(events == std::vector<std::string>{"listening", "stopping", "stopped"});
  }
}

TEST_CASE("flags: --help lists them all, a bad one exits 2, the environment is read") {
  TempDir dir;
  SUBCASE("--help") {
    ServerProcess p({"--help"}, dir.path());
    CHECK(p.wait_exit() == 0);
    const auto text = p.stdout_text();
    for (const char* word : {"--host", "--port", "--data", "--site", "ONB_HOST", "ONB_PORT", "ONB_DATA", "ONB_SITE"})
      CHECK(text.find(word) != std::string::npos);
  }
  SUBCASE("bad flags and values") {
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"--bogus"}, {"--port", "99999"}, {"--port", "http"}, {"--data"}}) {
      ServerProcess p(args, dir.path());
      CHECK(p.wait_exit() == 2);
      CHECK_FALSE(p.stderr_text().empty());
    }
  }
  SUBCASE("an unusable database or address exits 1") {
    ServerProcess p({"--port", "0", "--data", (dir.path() / "no" / "such" / "dir.db").string()}, dir.path());
    CHECK(p.wait_exit() == 1);
    ServerProcess q({"--port", "0", "--host", "localhost.invalid", "--data", (dir.path() / "x.db").string()},
                    dir.path());
    CHECK(q.wait_exit() == 1);
  }
}

TEST_CASE("keep-alive serves several requests on one connection") {
  ServerFixture f;
  HttpConnection c(f.server.port);
  REQUIRE(c.connect());
  for (int i = 0; i < 3; ++i) {
    CHECK(must(c.send(HttpRequest{"GET", "/healthz", {}, ""})).status == 200);
    CHECK(must(c.send(HttpRequest{"GET", "/app.js", {}, ""})).body == f.files.app_js);
  }
}

TEST_CASE("hostile or broken requests get a JSON error and the server keeps serving") {
  ServerFixture f;
  SUBCASE("garbage instead of HTTP is 400") {
    HttpConnection c(f.server.port);
    REQUIRE(c.connect());
    const auto r = must(c.send_raw("HELLO\x01 WORLD\r\n\r\n"));
    CHECK(r.status == 400);
    CHECK(r.json().value("code", "") == "http.bad_request");
  }
  SUBCASE("headers over 16 KiB are 431") {
    HttpConnection c(f.server.port);
    REQUIRE(c.connect());
    const auto r = must(c.send_raw("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(20 * 1024, 'a') + "\r\n\r\n"));
    CHECK(r.status == 431);
  }
  SUBCASE("Expect: 100-continue is answered so the body follows at once") {
    HttpConnection c(f.server.port);
    REQUIRE(c.connect());
    const std::string body = R"({"legal_name":"A","country":"DE","vat_number":""})";
    const auto interim =
        must(c.send_raw("POST /v1/drafts HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        "Expect: 100-continue\r\nContent-Length: " +
                        std::to_string(body.size()) + "\r\n\r\n"));
    CHECK(interim.status == 100);
    CHECK(must(c.send_raw(body)).status == 201);
  }
  SUBCASE("a client that connects and leaves does no harm") {
    for (int i = 0; i < 20; ++i) {
      HttpConnection c(f.server.port);
      REQUIRE(c.connect());
    }
  }
  CHECK(f.get("/healthz").status == 200);
}
