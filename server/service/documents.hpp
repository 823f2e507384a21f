// Document use cases: announce a file, upload it in chunks that resume where the stored bytes end,
// check its type by magic bytes and its SHA-256 at the end, list, read and download it. Who may see a
// document is who may see its enrollment (visibility.hpp); who may add one is whoever the workflow
// lets edit the application now. HTTP parsing (Content-Range, headers) is document_routes.cpp's.
#pragma once

#include "server/service/accounts.hpp"
#include "server/service/answer.hpp"
#include "server/service/enrollments.hpp"
#include "server/storage/ports/documents.hpp"
#include "server/storage/ports/enrollments.hpp"
#include "server/storage/ports/idempotency.hpp"
#include "shared/protocol/documents.hpp"
#include "shared/protocol/limits.hpp"
#include "shared/validation/documents.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace onb::server::service {

// The protocol's sizes (shared/protocol/limits.hpp): a document the portal accepts in an application is
// uploadable, and one chunk is one HTTP body.
using protocol::max_chunk_bytes;
using protocol::max_document_bytes;

// Bytes [first, last] of a document of `total` bytes (Content-Range: bytes first-last/total).
struct Chunk {
  std::uint64_t first = 0;
  std::uint64_t last = 0;
  std::uint64_t total = 0;
  std::string bytes;  // last - first + 1 of them (the route checks)
};

// A download: `meta` and `bytes` on success; otherwise (no meta) `error` is the JSON answer to send.
struct Download {
  Answer error;
  std::optional<protocol::DocumentView> meta;
  std::string bytes;
};
using DownloadDone = std::function<void(Download)>;

class DocumentService {
 public:
  DocumentService(storage::DocumentStore& documents, storage::EnrollmentStore& enrollments,
                  storage::IdempotencyStore& idempotency)
      : store_(documents), enrollments_(enrollments), idempotency_(idempotency) {}

  // 201 DocumentView | 422 validation.failed with problems (document.type/file_name/media_type/size/
  // sha256) | 404 enrollment.not_found | 403/409 when the workflow does not let the caller edit now.
  void create(WriteContext ctx, std::string enrollment_id, protocol::CreateDocument body, Done done);

  // 200 DocumentView (state complete after the last byte) | 409 document.offset with `received` when
  // the chunk does not start where the stored bytes end | 422 document.media_type when the first chunk
  // does not start with the declared type's magic bytes | 422 document.sha256 when the whole file does
  // not match the declared hash (the bytes are dropped, received = 0) | 400 request.content_range when
  // `total` is not the declared size. A chunk that lies within the stored bytes (a retry after a lost
  // answer) is answered with the current state, so retries are safe.
  void put_chunk(Principal who, std::string enrollment_id, std::string document_id, Chunk chunk, Done done);

  void list(Principal who, std::string enrollment_id, Done done);
  void get(Principal who, std::string enrollment_id, std::string document_id, Done done);
  // The stored bytes of a complete document; 409 document.incomplete while it is uploading.
  void download(Principal who, std::string enrollment_id, std::string document_id, DownloadDone done);

 private:
  using WithEnrollment = std::function<void(const storage::EnrollmentRecord&)>;
  using WithDocument = std::function<void(const storage::EnrollmentRecord&, const storage::DocumentRecord&)>;

  // Loads the enrollment, answers 404 unless `who` may see it, then runs `then`.
  void visible_enrollment(const Principal& who, std::string enrollment_id, Done fail, WithEnrollment then);
  // The same, plus the document of that enrollment (404 document.not_found otherwise).
  void visible_document(const Principal& who, std::string enrollment_id, std::string document_id, Done fail,
                        WithDocument then);
  void store_chunk(const storage::DocumentRecord& d, Chunk chunk, Done done);
  // Hashes the stored bytes and accepts (complete) or drops them (declared hash differs).
  void finish(const storage::DocumentRecord& d, Done done);
  void read_complete(const storage::DocumentRecord& d, DownloadDone done);

  storage::DocumentStore& store_;
  storage::EnrollmentStore& enrollments_;
  storage::IdempotencyStore& idempotency_;
};

protocol::DocumentView view_of(const storage::DocumentRecord& d);

// Every problem of an announced document (empty when it is acceptable): validation::check_upload, the
// rule the portal and the command line run too.
validation::Problems check_new_document(const protocol::CreateDocument& body);

}  // namespace onb::server::service
