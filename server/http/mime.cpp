#include "server/http/mime.hpp"

#include "server/http/message.hpp"

#include <array>

namespace onb::server::http {
namespace {

struct Entry {
  std::string_view extension;
  MediaType media;
};

// .js must be text/javascript (RFC 9239) and .wasm application/wasm: browsers refuse
// WebAssembly.instantiateStreaming for any other type. .ttf compresses to about half; .woff2 is
// already Brotli-compressed.
constexpr std::array<Entry, 18> table{{
    {"html", {"text/html; charset=utf-8", true}},
    {"htm", {"text/html; charset=utf-8", true}},
    {"js", {"text/javascript; charset=utf-8", true}},
    {"mjs", {"text/javascript; charset=utf-8", true}},
    {"wasm", {"application/wasm", true}},
    {"json", {"application/json", true}},
    {"map", {"application/json", true}},
    {"css", {"text/css; charset=utf-8", true}},
    {"txt", {"text/plain; charset=utf-8", true}},
    {"svg", {"image/svg+xml", true}},
    {"ico", {"image/x-icon", true}},
    {"webmanifest", {"application/manifest+json", true}},
    {"ttf", {"font/ttf", true}},
    {"otf", {"font/otf", true}},
    {"woff2", {"font/woff2", false}},
    {"woff", {"font/woff", false}},
    {"png", {"image/png", false}},
    {"gz", {"application/gzip", false}},
}};

}  // namespace

MediaType media_type_for(std::string_view file_name) {
  const auto dot = file_name.rfind('.');
  if (dot != std::string_view::npos) {
    const auto ext = file_name.substr(dot + 1);
    for (const auto& e : table)
      if (iequals(e.extension, ext)) return e.media;
  }
  return {"application/octet-stream", false};
}

}  // namespace onb::server::http
