// Shared fixtures of the server tests: the site directory every test serves, gzip helpers written
// independently of the server's, and `must` to turn a client failure into a test failure.
#pragma once

#include "http_client.hpp"
#include "server_process.hpp"
#include "tests/shared/support.hpp"  // doctest printing of described values and Result

#include <filesystem>
#include <string>

namespace onb::test {

// Files of the test site (under <tmp>/site) and one file beside it that must never be served.
struct SiteFiles {
  std::string index_html;   // > 256 bytes, so it is gzipped on the fly
  std::string app_js;       // > 256 bytes
  std::string app_wasm;     // binary, with a precompressed app.wasm.gz sibling
  std::string app_wasm_gz;  // gzip of app_wasm with a file name in its header (differs from the server's output)
  std::string secret;       // <tmp>/secret.txt, outside the site
};

// Writes the site under root/site (index.html, sw.js, app.js, app.wasm + .gz, other.wasm, style.css,
// data.json, font.ttf, font.woff2, icon.png, logo.svg, favicon.ico, manifest.webmanifest,
// notes.txt, sub/page.html, .hidden, link.txt -> ../secret.txt) and root/secret.txt.
SiteFiles make_site(const std::filesystem::path& root);

// gzip with a file name in the header: bytes that on-the-fly compression never produces.
std::string gzip_with_name(const std::string& data, const char* name);
// Inflates gzip data; nullopt when it is not valid gzip.
std::optional<std::string> gunzip(const std::string& data);

inline HttpResponse must(Result<HttpResponse> r) {
  REQUIRE_MESSAGE(r.has_value(), (r ? std::string() : r.error().code + ": " + r.error().message));
  return std::move(*r);
}

// A server on a fresh temp dir with the test site; `dir` outlives `server` (declared first).
struct ServerFixture {
  TempDir dir;
  SiteFiles files = make_site(dir.path());
  RunningServer server{dir.path() / "onboard.db", dir.path() / "site", dir.path()};

  HttpResponse get(const std::string& target, HeaderList headers = {}) {
    return must(fetch(server.port, HttpRequest{"GET", target, std::move(headers), ""}));
  }
  HttpResponse post_json(const std::string& target, const std::string& body) {
    return must(fetch(server.port, HttpRequest{"POST", target, {{"Content-Type", "application/json"}}, body}));
  }
};

}  // namespace onb::test
