// The media type of a static file from its extension, and whether gzip is worth it for that type.
// Content negotiation and file access do not belong here.
#pragma once

#include <string_view>

namespace onb::server::http {

struct MediaType {
  std::string_view type;  // value for Content-Type
  bool compressible;      // text-like; already-compressed formats (png, woff2, gz) are not
};

// Extension compared case-insensitively; unknown ones are application/octet-stream, not compressible.
MediaType media_type_for(std::string_view file_name);

}  // namespace onb::server::http
