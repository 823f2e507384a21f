// The portal's static files from the site directory: media types, gzip (a precompressed "X.gz" sibling
// or compressed on the fly and cached), ETag/304 and cache headers. Path safety is site_path.hpp's job;
// routing (which paths are static, which methods) is the router's. No Beast types here.
#pragma once

#include "server/http/message.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace onb::server::http {

// Files smaller than this gain nothing from gzip (headers and the gzip wrapper eat the saving).
inline constexpr std::size_t min_gzip_bytes = 256;
// Largest file served. The portal's biggest file (the wasm) is < 1 MiB; a much larger file in the
// site directory is a deployment mistake, reported as a 500 rather than read into memory.
inline constexpr std::uintmax_t max_static_file_bytes = 64ull * 1024 * 1024;
// Bound on the in-memory cache of compressed files; the whole portal gzips to < 1 MiB. Past it the
// cache starts over, which only costs recompression.
inline constexpr std::size_t max_gzip_cache_bytes = 64 * 1024 * 1024;
// Files other than index.html and sw.js: names are not content-hashed, so a deploy must show within
// minutes. index.html and sw.js are "no-cache" (always revalidated) so a new service worker is seen.
inline constexpr int static_max_age_seconds = 300;

// True when Accept-Encoding allows gzip (listed, or "*", with q > 0).
bool accepts_gzip(const Request& req);
// True when an If-None-Match value lists `etag` (weak comparison, "*" matches).
bool etag_matches(std::string_view if_none_match, std::string_view etag);

class StaticSite {
 public:
  // A missing directory is allowed (every file is then 404); the server logs it at startup.
  explicit StaticSite(const std::filesystem::path& root);

  bool available() const { return !root_.empty(); }
  const std::filesystem::path& root() const { return root_; }

  // Answers a GET or HEAD for req.path(): 200, 304, 404 (JSON) or 500 (JSON, file unreadable).
  // Thread-safe; may read and compress a file, so it costs up to a few ms on a cold cache.
  Response serve(const Request& req);

 private:
  struct CacheEntry {
    std::int64_t mtime_ns = 0;
    std::uintmax_t size = 0;
    std::shared_ptr<const std::string> gz;
  };
  std::shared_ptr<const std::string> compressed(const std::filesystem::path& file, std::int64_t mtime_ns,
                                                std::uintmax_t size, const std::string& bytes);

  std::filesystem::path root_;  // canonical, or empty when the directory does not exist
  std::mutex cache_mutex_;
  std::unordered_map<std::string, CacheEntry> cache_;
  std::size_t cache_bytes_ = 0;
};

}  // namespace onb::server::http
