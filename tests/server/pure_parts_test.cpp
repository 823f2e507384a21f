// The server's pure pieces, in-process and without sockets: URL path resolution, content negotiation
// and the command line. The HTTP tests cover the same behaviour end to end; these pin the edge cases.
#include "server/config.hpp"
#include "server/http/router.hpp"
#include "server/http/site_path.hpp"
#include "server/http/static_files.hpp"

#include "support.hpp"

#include <string_view>
#include <vector>

using namespace onb::server;

TEST_CASE("URL paths decode strictly") {
  CHECK(http::decode_url_path("/a%20b") == "/a b");
  CHECK(http::decode_url_path("/%2e%2E") == "/..");  // decoded; resolve_site_path then refuses the segment
  for (const char* bad : {"/%2f", "/%2F", "/%5c", "/%00", "/%", "/%4", "/%g0"}) {
    CAPTURE(bad);
    CHECK_FALSE(http::decode_url_path(bad).has_value());
  }
}

TEST_CASE("resolve_site_path stays inside the site") {
  onb::test::TempDir dir;
  onb::test::make_site(dir.path());
  const auto site = std::filesystem::canonical(dir.path() / "site");
  CHECK(http::resolve_site_path(site, "/") == site / "index.html");
  CHECK(http::resolve_site_path(site, "/sub/page.html") == site / "sub" / "page.html");
  for (const char* bad : {"", "index.html", "/sub", "/sub/", "/../secret.txt", "/link.txt", "/.hidden", "/a//b"}) {
    CAPTURE(bad);
    CHECK_FALSE(http::resolve_site_path(site, bad).has_value());
  }
}

TEST_CASE("Accept-Encoding, If-None-Match and Content-Type parsing") {
  auto with = [](const char* name, const char* value) { return http::Request{"GET", "/", {{name, value}}, ""}; };
  CHECK(http::accepts_gzip(with("Accept-Encoding", "gzip")));
  CHECK(http::accepts_gzip(with("accept-encoding", "br, GZIP;q=0.5")));
  CHECK(http::accepts_gzip(with("Accept-Encoding", "*")));
  CHECK_FALSE(http::accepts_gzip(with("Accept-Encoding", "gzip;q=0")));
  CHECK_FALSE(http::accepts_gzip(with("Accept-Encoding", "*, gzip;q=0.000")));
  CHECK_FALSE(http::accepts_gzip(with("Accept-Encoding", "br")));
  CHECK_FALSE(http::accepts_gzip(http::Request{}));
  CHECK(http::etag_matches("\"a\", W/\"b\"", "\"b\""));
  CHECK(http::etag_matches("*", "\"b\""));
  CHECK_FALSE(http::etag_matches("\"a\"", "\"b\""));
  CHECK(http::is_json_content_type(with("Content-Type", " application/json ; charset=utf-8")));
  CHECK_FALSE(http::is_json_content_type(with("Content-Type", "application/json-seq")));
}

TEST_CASE("command line: flags over environment over defaults") {
  auto parse = [](std::vector<std::string_view> args, std::map<std::string, std::string> env = {}) {
    return parse_command_line(args, [env](const char* name) -> const char* {
      auto it = env.find(name);
      return it == env.end() ? nullptr : it->second.c_str();
    });
  };
  SUBCASE("defaults") {
    auto r = parse({});
    REQUIRE(r);
    CHECK(r->config.host == "127.0.0.1");
    CHECK(r->config.port == 8080);
    CHECK(r->config.data == "onboard.db");
    CHECK(r->config.site == "build/wasm/site");
  }
  SUBCASE("environment, then flags in both spellings") {
    auto r = parse({"--port=9000", "--site", "s"}, {{"ONB_PORT", "7000"}, {"ONB_DATA", "env.db"}, {"ONB_HOST", "::1"}});
    REQUIRE(r);
    CHECK(r->config.port == 9000);
    CHECK(r->config.data == "env.db");
    CHECK(r->config.host == "::1");
    CHECK(r->config.site == "s");
  }
  SUBCASE("errors name the flag or variable") {
    CHECK(parse({"--port", "65536"}).error().path == "--port");
    CHECK(parse({}, {{"ONB_PORT", "x"}}).error().path == "ONB_PORT");
    CHECK(parse({"--nope"}).error().code == "config.unknown_flag");
    CHECK(parse({"--host"}).error().code == "config.missing_value");
  }
  SUBCASE("user add's --tier goes before, between or after the other flags") {
    for (const auto& args : std::vector<std::vector<std::string_view>>{
             {"--tier", "2", "--data", "x.db"}, {"--data", "x.db", "--tier", "2"}, {"--data=x.db", "--tier=2"}}) {
      auto r = parse(args);
      REQUIRE(r);
      CHECK(r->tier == 2);
      CHECK(r->config.data == "x.db");
    }
    CHECK_FALSE(parse({"--data", "x.db"})->tier);
    CHECK(parse({"--tier", "two"}).error().code == "config.tier");
    CHECK(parse({"--tier"}).error().code == "config.missing_value");
  }
}
