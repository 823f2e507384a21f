#include "server/http/static_files.hpp"

#include "server/http/gzip.hpp"
#include "server/http/mime.hpp"
#include "server/http/responses.hpp"
#include "server/http/site_path.hpp"

#include <sys/stat.h>

#include <cctype>
#include <cstdio>
#include <fstream>
#include <optional>
#include <utility>

namespace onb::server::http {
namespace {

struct FileInfo {
  std::uintmax_t size = 0;
  std::int64_t mtime_ns = 0;
};

std::optional<FileInfo> stat_file(const std::filesystem::path& p) {
  struct stat st {};
  if (::stat(p.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  return FileInfo{static_cast<std::uintmax_t>(st.st_size),
                  static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec};
}

std::optional<std::string> read_file(const std::filesystem::path& p, std::uintmax_t size) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return std::nullopt;
  std::string bytes(static_cast<std::size_t>(size), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (in.gcount() != static_cast<std::streamsize>(bytes.size())) return std::nullopt;
  return bytes;
}

// Strong validator from size and modification time (as nginx does); the gzip representation has its
// own tag because its bytes differ (RFC 9110 §8.8.3).
std::string make_etag(const FileInfo& f, std::string_view suffix) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "\"%jx-%jx%.*s\"", f.size, static_cast<std::intmax_t>(f.mtime_ns),
                static_cast<int>(suffix.size()), suffix.data());
  return buf;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Calls f(item) for each comma-separated item, trimmed.
template <class F>
void for_each_item(std::string_view list, F f) {
  while (!list.empty()) {
    const auto comma = list.find(',');
    f(trim(list.substr(0, comma)));
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
}

// q of an Accept-Encoding item ("gzip;q=0.5"); 1 when absent. "q=0", "q=0.0", "q=0.000" are zero.
bool positive_q(std::string_view params) {
  const auto q = params.find("q=");
  if (q == std::string_view::npos) return true;
  for (char c : params.substr(q + 2)) {
    if (c >= '1' && c <= '9') return true;
    if (c != '0' && c != '.') break;
  }
  return false;
}

std::string cache_control_for(const std::filesystem::path& file) {
  const auto name = file.filename().string();
  if (name == "index.html" || name == "sw.js") return "no-cache";
  return "public, max-age=" + std::to_string(static_max_age_seconds);
}

struct Representation {
  std::filesystem::path file;
  FileInfo info;
  std::string etag;
  bool gzip = false;      // Content-Encoding: gzip
  bool compress = false;  // compress `file` on the fly (else send it as is)
};

}  // namespace

bool accepts_gzip(const Request& req) {
  const auto header = req.header("Accept-Encoding");
  if (!header) return false;
  std::optional<bool> gzip, any;
  for_each_item(*header, [&](std::string_view item) {
    const auto semi = item.find(';');
    const auto coding = trim(item.substr(0, semi));
    const bool ok = semi == std::string_view::npos || positive_q(item.substr(semi + 1));
    if (iequals(coding, "gzip") || iequals(coding, "x-gzip"))
      gzip = ok;
    else if (coding == "*")
      any = ok;
  });
  return gzip ? *gzip : any.value_or(false);
}

bool etag_matches(std::string_view if_none_match, std::string_view etag) {
  bool match = false;
  for_each_item(if_none_match, [&](std::string_view tag) {
    if (tag.substr(0, 2) == "W/") tag.remove_prefix(2);
    match = match || tag == "*" || tag == etag;
  });
  return match;
}

StaticSite::StaticSite(const std::filesystem::path& root) {
  std::error_code ec;
  auto canonical = std::filesystem::canonical(root, ec);
  if (!ec && std::filesystem::is_directory(canonical, ec)) root_ = std::move(canonical);
}

// Browser defences for every portal answer, one row per header. The CSP here only forbids framing; a
// script/style policy needs the Emscripten glue checked in Chromium first.
constexpr std::pair<const char*, const char*> portal_security_headers[] = {
    {"Content-Security-Policy", "frame-ancestors 'none'"},
    {"X-Frame-Options", "DENY"},
    {"X-Content-Type-Options", "nosniff"},
    {"Referrer-Policy", "no-referrer"},
    {"Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"},
};

Response StaticSite::serve(const Request& req) {
  if (!available()) return not_found();
  const auto file = resolve_site_path(root_, req.path());
  const auto info = file ? stat_file(*file) : std::nullopt;
  if (!info) return not_found();
  const auto media = media_type_for(file->filename().string());

  Representation rep{*file, *info, make_etag(*info, ""), false, false};
  if (accepts_gzip(req)) {
    const auto sibling =
        resolve_site_path(root_, std::string(req.path()) + (req.path().back() == '/' ? "index.html.gz" : ".gz"));
    const auto sibling_info = sibling ? stat_file(*sibling) : std::nullopt;
    if (sibling_info)
      rep = {*sibling, *sibling_info, make_etag(*sibling_info, "-gz"), true, false};
    else if (media.compressible && info->size >= min_gzip_bytes)
      rep = {*file, *info, make_etag(*info, "-gz"), true, true};
  }

  Response res;
  for (const auto& [name, value] : portal_security_headers) res.set(name, value);
  res.set("ETag", rep.etag);
  res.set("Cache-Control", cache_control_for(*file));
  res.set("Vary", "Accept-Encoding");
  if (const auto inm = req.header("If-None-Match"); inm && etag_matches(*inm, rep.etag)) {
    res.status = 304;
    return res;
  }
  if (rep.info.size > max_static_file_bytes)
    return internal_error(make_error(ErrorCategory::invalid, "static.too_large", "", "file too large to serve: " + file->string()));
  auto bytes = read_file(rep.file, rep.info.size);
  if (!bytes) return internal_error(make_error(ErrorCategory::invalid, "static.unreadable", "", "cannot read " + rep.file.string()));
  if (rep.compress) {
    if (auto gz = compressed(rep.file, rep.info.mtime_ns, rep.info.size, *bytes)) {
      res.body = *gz;
    } else {  // zlib failed (memory): identity is always acceptable
      rep.gzip = false;
      res.set("ETag", make_etag(*info, ""));
      res.body = std::move(*bytes);
    }
  } else {
    res.body = std::move(*bytes);
  }
  res.set("Content-Type", std::string(media.type));
  if (rep.gzip) res.set("Content-Encoding", "gzip");
  return res;
}

std::shared_ptr<const std::string> StaticSite::compressed(const std::filesystem::path& file, std::int64_t mtime_ns,
                                                          std::uintmax_t size, const std::string& bytes) {
  const auto key = file.string();
  {
    std::lock_guard lock(cache_mutex_);
    if (auto it = cache_.find(key); it != cache_.end() && it->second.mtime_ns == mtime_ns && it->second.size == size)
      return it->second.gz;
  }
  // Compressed outside the lock: two threads may compress the same file once, which is harmless.
  auto gz = gzip_compress(bytes);
  if (!gz) return nullptr;
  auto shared = std::make_shared<const std::string>(std::move(*gz));
  std::lock_guard lock(cache_mutex_);
  if (auto it = cache_.find(key); it != cache_.end()) {
    cache_bytes_ -= it->second.gz->size();
    cache_.erase(it);
  }
  if (cache_bytes_ + shared->size() > max_gzip_cache_bytes) {
    cache_.clear();
    cache_bytes_ = 0;
  }
  cache_bytes_ += shared->size();
  cache_.emplace(key, CacheEntry{mtime_ns, size, shared});
  return shared;
}

}  // namespace onb::server::http
