// The rules on a document's file that hold wherever a file is checked: the accepted media types (one
// table: name, file-name extensions, magic bytes), the file name, the size and the SHA-256 format. The
// rule on an application's attached documents, the server's upload, the OpenAPI text of the route table
// and the portal's file chooser all derive from it. Which documents an application needs is policy
// data (document_requirements.hpp), not here.
#pragma once

#include "shared/protocol/limits.hpp"
#include "shared/validation/problem.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace onb::validation {

// [SECTION] the accepted media types

struct MediaType {
  std::string_view name;                        // "image/tiff": the wire's media_type
  std::string_view label;                       // "TIFF": how messages name it
  std::array<std::string_view, 2> extensions;   // what the file chooser offers; unused slots are empty
  std::array<std::string_view, 2> signatures;   // the bytes a file starts with (any one); unused slots empty
};

// In the order messages list them. TIFF has one signature per byte order (little-endian first).
inline constexpr MediaType media_types[] = {
    {"application/pdf", "PDF", {".pdf"}, {"%PDF-"}},
    {"image/png", "PNG", {".png"}, {std::string_view("\x89PNG\r\n\x1a\n", 8)}},
    {"image/jpeg", "JPEG", {".jpg", ".jpeg"}, {"\xFF\xD8\xFF"}},
    {"image/tiff", "TIFF", {".tif", ".tiff"}, {std::string_view("II*\0", 4), std::string_view("MM\0*", 4)}},
};
inline constexpr std::size_t media_type_count = std::size(media_types);

// The names alone, in table order: what a complete document is served as (the route table's download).
inline constexpr std::array<std::string_view, media_type_count> media_type_names = [] {
  std::array<std::string_view, media_type_count> out{};
  for (std::size_t i = 0; i < media_type_count; ++i) out[i] = media_types[i].name;
  return out;
}();

// The row of an accepted media type; nullptr for any other (exact, case-sensitive match).
const MediaType* find_media_type(std::string_view name);

// Whether `first_bytes` start like a file of `media_type`. False for a type not accepted and for fewer
// bytes than signature_length(media_type): the check needs the file's first bytes in one piece.
bool starts_like(std::string_view media_type, std::string_view first_bytes);
std::size_t signature_length(std::string_view media_type);  // 0 for a type not accepted

// The file chooser's filter (an HTML `accept` attribute): every extension, then every media type:
// ".pdf,.png,.jpg,.jpeg,.tif,.tiff,application/pdf,image/png,image/jpeg,image/tiff".
std::string file_chooser_accept();

// [SECTION] file name, size, hash

inline constexpr std::size_t max_file_name_bytes = 255;  // common file-system limit
using protocol::max_document_bytes;

// 64 lower-case hex digits, as the server reports a stored file's hash.
bool is_sha256_hex(std::string_view s);

// The file name of an upload: given, at most max_file_name_bytes, no folder ('/' or '\'), no control
// character (C0, DEL or C1: it would break out of the download's Content-Disposition header). At most
// one problem, at "/file_name", code document.file_name.
void check_file_name(std::string_view name, Problems& out);

// Every problem of a file about to be uploaded (the announcement POST .../documents takes), in this
// order and at these paths: /file_name, /media_type, /size (1 byte to max_document_bytes), /sha256 (when
// declared). Empty when the upload may start. The server answers these with a 422.
Problems check_upload(std::string_view file_name, std::string_view media_type, std::uint64_t size,
                      const std::optional<std::string>& sha256);

}  // namespace onb::validation
