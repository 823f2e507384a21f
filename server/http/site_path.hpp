// Maps a URL path to a file inside the site directory, or refuses it. This is the only guard against
// path traversal for static files, so it is strict: anything unusual is "not found".
// Reading files, MIME types and caching do not belong here (static_files.hpp).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace onb::server::http {

// Percent-decodes a URL path. nullopt on a malformed escape, on an encoded '/' or '\' (they would
// change how the path splits) and on NUL.
std::optional<std::string> decode_url_path(std::string_view path);

// The regular file `url_path` names under `site_root` (which must be canonical), or nullopt when the
// path is malformed, has an empty, ".", ".." or dot-file segment, contains '\', does not exist, is not a
// regular file, or resolves (through symlinks) outside site_root. A path ending in '/' means its
// index.html.
std::optional<std::filesystem::path> resolve_site_path(const std::filesystem::path& site_root,
                                                       std::string_view url_path);

}  // namespace onb::server::http
