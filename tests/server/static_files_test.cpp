// Static files of the portal over real HTTP: media types, gzip (precompressed and on the fly), ETag
// and 304, cache headers, HEAD, and refusal of every path that leaves the site directory.
#include "support.hpp"

#include <thread>

using namespace onb::test;

TEST_CASE("static files have the right media type") {
  ServerFixture f;
  const std::pair<const char*, const char*> expected[] = {
      {"/index.html", "text/html; charset=utf-8"},
      {"/app.js", "text/javascript; charset=utf-8"},
      {"/app.wasm", "application/wasm"},
      {"/data.json", "application/json"},
      {"/style.css", "text/css; charset=utf-8"},
      {"/font.ttf", "font/ttf"},
      {"/font.woff2", "font/woff2"},
      {"/icon.png", "image/png"},
      {"/logo.svg", "image/svg+xml"},
      {"/favicon.ico", "image/x-icon"},
      {"/manifest.webmanifest", "application/manifest+json"},
      {"/notes.txt", "text/plain; charset=utf-8"},
      {"/sub/page.html", "text/html; charset=utf-8"},
  };
  for (const auto& [target, type] : expected) {
    CAPTURE(target);
    const auto r = f.get(target);
    CHECK(r.status == 200);
    CHECK(r.header("Content-Type") == type);
    CHECK(r.header("Vary") == "Accept-Encoding");
    CHECK_FALSE(r.header("Content-Encoding").has_value());  // no Accept-Encoding: identity
  }
  CHECK(f.get("/app.wasm").body == f.files.app_wasm);
}

TEST_CASE("/ is index.html; index.html and sw.js must revalidate, other files are cached briefly") {
  ServerFixture f;
  const auto root = f.get("/");
  CHECK(root.status == 200);
  CHECK(root.body == f.files.index_html);
  CHECK(root.header("Cache-Control") == "no-cache");
  CHECK(f.get("/index.html").header("Cache-Control") == "no-cache");
  CHECK(f.get("/sw.js").header("Cache-Control") == "no-cache");
  CHECK(f.get("/app.js").header("Cache-Control") == "public, max-age=300");
}

TEST_CASE("gzip: the precompressed sibling when there is one, else compressed on the fly") {
  ServerFixture f;
  const HeaderList gzip{{"Accept-Encoding", "gzip, deflate, br"}};

  SUBCASE("app.wasm.gz is served as is for app.wasm") {
    const auto r = f.get("/app.wasm", gzip);
    CHECK(r.status == 200);
    CHECK(r.header("Content-Encoding") == "gzip");
    CHECK(r.header("Content-Type") == "application/wasm");
    CHECK(r.body == f.files.app_wasm_gz);
  }
  SUBCASE("other.wasm and app.js are compressed on the fly, the same bytes from the cache the second time") {
    for (const char* target : {"/other.wasm", "/app.js", "/"}) {
      CAPTURE(target);
      const auto first = f.get(target, gzip);
      CHECK(first.header("Content-Encoding") == "gzip");
      CHECK(first.header("Vary") == "Accept-Encoding");
      const auto plain = gunzip(first.body);
      REQUIRE(plain.has_value());
      CHECK(*plain == f.get(target).body);
      const auto second = f.get(target, gzip);
      CHECK(second.body == first.body);
      CHECK(second.header("ETag") == first.header("ETag"));
      CHECK(first.header("ETag") != f.get(target).header("ETag"));  // each encoding has its own tag
    }
  }
  SUBCASE("gzip;q=0 and already-compressed types get identity") {
    const auto refused = f.get("/app.js", {{"Accept-Encoding", "gzip;q=0, deflate"}});
    CHECK_FALSE(refused.header("Content-Encoding").has_value());
    CHECK(refused.body == f.files.app_js);
    CHECK_FALSE(f.get("/icon.png", gzip).header("Content-Encoding").has_value());
  }
  SUBCASE("a changed file is compressed again (the cache is keyed by mtime and size)") {
    const auto before = f.get("/app.js", gzip);
    const std::string changed = f.files.app_js + "console.log('v2');\n";
    write_file(f.dir.path() / "site" / "app.js", changed);
    const auto after = f.get("/app.js", gzip);
    CHECK(after.header("ETag") != before.header("ETag"));
    CHECK(gunzip(after.body) == changed);
  }
}

TEST_CASE("ETag and If-None-Match give 304 without a body") {
  ServerFixture f;
  for (const HeaderList& enc : {HeaderList{}, HeaderList{{"Accept-Encoding", "gzip"}}}) {
    const auto first = f.get("/app.js", enc);
    const auto etag = first.header("ETag");
    REQUIRE(etag.has_value());
    HeaderList conditional = enc;
    conditional.emplace_back("If-None-Match", *etag);
    const auto again = f.get("/app.js", conditional);
    CHECK(again.status == 304);
    CHECK(again.body.empty());
    CHECK(again.header("ETag") == etag);
    CHECK(again.header("Cache-Control") == "public, max-age=300");
    CHECK(f.get("/app.js", HeaderList{{"If-None-Match", "\"something-else\""}}).status == 200);
    CHECK(f.get("/app.js", HeaderList{{"If-None-Match", "\"x\", W/" + *etag}}).status == (enc.empty() ? 304 : 200));
  }
}

TEST_CASE("HEAD announces the length without sending the body") {
  ServerFixture f;
  const auto r = must(fetch(f.server.port, HttpRequest{"HEAD", "/app.js", {}, ""}));
  CHECK(r.status == 200);
  CHECK(r.body.empty());
  CHECK(r.header("Content-Length") == std::to_string(f.files.app_js.size()));
  CHECK(r.header("Content-Type") == "text/javascript; charset=utf-8");
}

TEST_CASE("paths that leave the site directory or name hidden files are 404 JSON") {
  ServerFixture f;
  const char* attempts[] = {
      "/../secret.txt",
      "/%2e%2e/secret.txt",
      "/%2E%2E/secret.txt",
      "/..%2fsecret.txt",
      "/%2e%2e%2fsecret.txt",
      "/sub/../../secret.txt",
      "/sub/%2e%2e/%2e%2e/secret.txt",
      "//etc/passwd",
      "/etc/passwd",
      "/index.html%00",
      "/%00../secret.txt",
      "/..%5csecret.txt",
      "/%5c..%5csecret.txt",
      "/.hidden",
      "/link.txt",
      "/sub/./page.html",
      "/%2fetc%2fpasswd",
      "/%",
      "/%zz",
  };
  for (const char* target : attempts) {
    CAPTURE(target);
    const auto r = f.get(target);
    CHECK(r.status == 404);
    CHECK(r.header("Content-Type") == "application/json");
    CHECK(r.json().value("code", "") == "http.not_found");
    CHECK(r.body.find(f.files.secret) == std::string::npos);
  }
  CHECK(f.get("/sub/page.html").status == 200);  // the legitimate neighbour still works
}

TEST_CASE("the static tree accepts only GET and HEAD") {
  ServerFixture f;
  const auto r = must(fetch(f.server.port, HttpRequest{"PUT", "/index.html", {{"Content-Type", "text/html"}}, "x"}));
  CHECK(r.status == 405);
  CHECK(r.header("Allow") == "GET, HEAD");
  CHECK(r.json().value("code", "") == "http.method_not_allowed");
}

TEST_CASE("portal answers carry the browser defences: no framing, nosniff, no referrer, no device permissions") {
  ServerFixture f;
  for (const char* target : {"/", "/app.js", "/app.wasm"}) {
    CAPTURE(target);
    const auto r = f.get(target);
    CHECK(r.status == 200);
    CHECK(r.header("Content-Security-Policy") == "frame-ancestors 'none'");
    CHECK(r.header("X-Frame-Options") == "DENY");
    CHECK(r.header("X-Content-Type-Options") == "nosniff");
    CHECK(r.header("Referrer-Policy") == "no-referrer");
    const auto permissions = r.header("Permissions-Policy").value_or("");
    for (const char* feature : {"camera=()", "microphone=()", "geolocation=()"}) CHECK(permissions.find(feature) != std::string::npos);
  }
}

TEST_CASE("the Server header names the product, not its version") {
  ServerFixture f;
  CHECK(f.get("/").header("Server") == "onboard");
  CHECK(f.get("/healthz").header("Server") == "onboard");
}
