#include "server/http/site_path.hpp"

#include <algorithm>
#include <system_error>

namespace onb::server::http {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool is_safe_segment(std::string_view s) {
  // Dot-files are refused as a whole: ".", "..", and also ".git" or ".env" left in a site folder.
  return !s.empty() && s.front() != '.' && s.find('\\') == std::string_view::npos;
}

// True when `p` is `root` or lies below it, comparing whole path elements.
bool is_within(const std::filesystem::path& root, const std::filesystem::path& p) {
  auto [r, q] = std::mismatch(root.begin(), root.end(), p.begin(), p.end());
  return r == root.end();
}

}  // namespace

std::optional<std::string> decode_url_path(std::string_view path) {
  std::string out;
  out.reserve(path.size());
  for (std::size_t i = 0; i < path.size(); ++i) {
    char c = path[i];
    if (c == '%') {
      if (i + 2 >= path.size()) return std::nullopt;  // needs two hex digits
      const int hi = hex_value(path[i + 1]), lo = hex_value(path[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      c = static_cast<char>(hi * 16 + lo);
      if (c == '/' || c == '\\') return std::nullopt;
      i += 2;
    }
    if (c == '\0') return std::nullopt;
    out += c;
  }
  return out;
}

std::optional<std::filesystem::path> resolve_site_path(const std::filesystem::path& site_root,
                                                       std::string_view url_path) {
  if (url_path.empty() || url_path.front() != '/') return std::nullopt;
  auto decoded = decode_url_path(url_path);
  if (!decoded) return std::nullopt;
  if (decoded->back() == '/') *decoded += "index.html";

  std::filesystem::path candidate = site_root;
  std::string_view rest = std::string_view(*decoded).substr(1);
  while (true) {
    const auto slash = rest.find('/');
    const auto segment = rest.substr(0, slash);
    if (!is_safe_segment(segment)) return std::nullopt;
    candidate /= std::string(segment);
    if (slash == std::string_view::npos) break;
    rest.remove_prefix(slash + 1);
  }

  std::error_code ec;
  const auto real = std::filesystem::canonical(candidate, ec);
  if (ec || !is_within(site_root, real)) return std::nullopt;
  if (!std::filesystem::is_regular_file(real, ec) || ec) return std::nullopt;
  return real;
}

}  // namespace onb::server::http
