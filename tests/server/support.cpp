#include "support.hpp"

#include <zlib.h>

#include <filesystem>

namespace onb::test {
namespace {

std::string repeat(std::string_view unit, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += unit;
  return out;
}

}  // namespace

std::string gzip_with_name(const std::string& data, const char* name) {
  z_stream zs{};
  REQUIRE(deflateInit2(&zs, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK);
  gz_header header{};
  header.name = reinterpret_cast<Bytef*>(const_cast<char*>(name));
  REQUIRE(deflateSetHeader(&zs, &header) == Z_OK);
  std::string out(deflateBound(&zs, static_cast<uLong>(data.size())) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  REQUIRE(deflate(&zs, Z_FINISH) == Z_STREAM_END);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

std::optional<std::string> gunzip(const std::string& data) {
  z_stream zs{};
  if (inflateInit2(&zs, 15 + 16) != Z_OK) return std::nullopt;
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  std::string out;
  char chunk[16384];
  int rc = Z_OK;
  while (rc == Z_OK) {
    zs.next_out = reinterpret_cast<Bytef*>(chunk);
    zs.avail_out = sizeof chunk;
    rc = inflate(&zs, Z_NO_FLUSH);
    out.append(chunk, sizeof chunk - zs.avail_out);
  }
  inflateEnd(&zs);
  if (rc != Z_STREAM_END) return std::nullopt;
  return out;
}

SiteFiles make_site(const std::filesystem::path& root) {
  const auto site = root / "site";
  SiteFiles f;
  f.index_html = "<!doctype html><title>onboard</title>" + repeat("<p>portal shell</p>", 30);
  f.app_js = "// the portal's glue\n" + repeat("console.log('ready');\n", 40);
  f.app_wasm = std::string("\0asm\1\0\0\0", 8) + repeat(std::string("\x01\x02\x03\x00", 4), 200);
  f.app_wasm_gz = gzip_with_name(f.app_wasm, "app.wasm");
  f.secret = "not for the web";
  write_file(site / "index.html", f.index_html);
  write_file(site / "sw.js", "self.addEventListener('fetch', () => {});\n");
  write_file(site / "app.js", f.app_js);
  write_file(site / "app.wasm", f.app_wasm);
  write_file(site / "app.wasm.gz", f.app_wasm_gz);
  write_file(site / "other.wasm", f.app_wasm);
  write_file(site / "style.css", "body { margin: 0 }\n");
  write_file(site / "data.json", "{\"k\":1}\n");
  write_file(site / "font.ttf", std::string("\0\1\0\0", 4) + repeat("glyf", 100));
  write_file(site / "font.woff2", "wOF2" + repeat("x", 64));
  write_file(site / "icon.png", "\x89PNG\r\n\x1a\n" + repeat("p", 32));
  write_file(site / "logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n");
  write_file(site / "favicon.ico", std::string("\0\0\1\0", 4));
  write_file(site / "manifest.webmanifest", "{\"name\":\"onboard\"}\n");
  write_file(site / "notes.txt", "plain text\n");
  write_file(site / "sub" / "page.html", "<p>sub</p>\n");
  write_file(site / ".hidden", "dot file\n");
  write_file(root / "secret.txt", f.secret);
  std::filesystem::create_symlink("../secret.txt", site / "link.txt");
  return f;
}

}  // namespace onb::test
