// gzip (RFC 1952) compression of a whole buffer in memory with zlib, for static files compressed on
// the fly. Streaming and decompression do not belong here.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace onb::server::http {

// nullopt only if zlib fails (out of memory); the caller then serves the identity bytes.
std::optional<std::string> gzip_compress(std::string_view data);

}  // namespace onb::server::http
