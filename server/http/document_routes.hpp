// /v1/enrollments/{id}/documents: the HTTP side of uploads and downloads. JSON in and out for the
// metadata; raw bytes for the content (a PUT per chunk with Content-Range, the file on GET). Parsing
// of headers is here; rules (limits, magic bytes, hashes, who may do what) are service/documents.hpp's.
#pragma once

#include "server/http/handlers.hpp"
#include "server/http/message.hpp"
#include "server/service/documents.hpp"

#include <string>
#include <string_view>

namespace onb::server::http {

class DocumentRoutes {
 public:
  explicit DocumentRoutes(service::DocumentService& documents) : documents_(documents) {}

  // Sets the handlers of the document routes (shared/protocol/routes.hpp) in `table`; the Router
  // has authenticated the caller. Answers besides the table's successes:
  //   POST  .../documents                 422 problems (Idempotency-Key honoured)
  //   PUT   .../documents/{doc}/content   400 request.content_range | 409 document.offset {received} | 413 |
  //                                       415 | 422 document.media_type, document.sha256
  //   GET   .../documents/{doc}/content   409 document.incomplete
  // An enrollment or document the caller may not see is 404.
  void add_to(HandlerTable& table);

 private:
  void create(const Call& c);
  void put_content(const Call& c);
  void get_content(const Call& c);

  service::DocumentService& documents_;
};

// "bytes FIRST-LAST/TOTAL" (RFC 9110 §14.4, no "*") as a Chunk without bytes; Error
// request.content_range when malformed or unless FIRST <= LAST < TOTAL.
[[nodiscard]] Result<service::Chunk> parse_content_range(std::string_view value);

// attachment; filename="<ASCII stand-in>"; filename*=UTF-8''<percent-encoded> (RFC 6266, RFC 8187):
// quotes, backslashes, control and non-ASCII characters never reach the quoted form.
std::string content_disposition(std::string_view file_name);

}  // namespace onb::server::http
