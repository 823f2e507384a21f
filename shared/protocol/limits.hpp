// The sizes client and server must agree on: how large a document may be, how large one upload chunk,
// how long one page of a list. The server enforces them, the portal plans its requests by them and the
// route table documents them. Limits of the HTTP connection itself (headers, deadlines) are the
// server's own (server/http/limits.hpp). Changing a value here is a protocol change.
#pragma once

#include <cstddef>
#include <cstdint>

namespace onb::protocol {

// The largest file a document may be: the upload endpoint's limit and the rule on an application's
// attached documents, one number so that a file the portal accepts can always be uploaded.
inline constexpr std::uint64_t max_document_bytes = 25ull << 20;

// The largest chunk of a document upload. One chunk is one HTTP body, which the server caps at its
// JSON body limit (1 MiB, a 413 beyond); server/http/document_routes.cpp asserts the two agree.
inline constexpr std::size_t max_chunk_bytes = 1024 * 1024;

// The longest page of GET /v1/enrollments (`limit` 1-200): a queue screen shows 50; 200 bounds the work
// of one request, and the portal asks for full pages to need fewer round trips.
inline constexpr std::size_t max_page_size = 200;
inline constexpr std::size_t default_page_size = 50;  // when `limit` is absent

// Changes per GET /v1/sync answer; the client asks again with the new cursor until it gets none.
inline constexpr std::size_t sync_page_size = 500;

}  // namespace onb::protocol
