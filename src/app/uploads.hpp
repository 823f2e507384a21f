// The uploads of attached files, as state: one record per file content (SHA-256), the server's resumable
// protocol as data (announce, then chunks from where the server's bytes end) and the pure queries the
// reducer and the views share (next chunk, progress, what the submission waits for), and the slice's
// actions. No I/O here: update_upload.cpp changes these records, platform/web/uploads.cpp moves bytes.
#pragma once

#include "src/app/http_reply.hpp"

#include "shared/core/result.hpp"
#include "shared/model/application.hpp"
#include "shared/protocol/limits.hpp"

#include <boost/describe.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace onb::portal {

// A quarter of the protocol's chunk limit (1 MiB): small enough that a dropped mobile link loses little
// and the progress bar moves, large enough that a 25 MiB file is 100 requests.
inline constexpr std::uint64_t upload_chunk_bytes = protocol::max_chunk_bytes / 4;
// Retries after a network error while the browser still says it is online (a server restart, a dead
// Wi-Fi): 1 s, doubling, at most this long. Going offline and online again retries at once.
inline constexpr unsigned upload_retry_first_ms = 1000;
inline constexpr unsigned upload_retry_max_ms = 30'000;

// storing: the bytes are being kept in the browser's blob store. waiting: ready, nothing on its way (it
// starts when the enrollment exists, the person may edit it, and the network is there). announcing /
// checking / sending: POST …/documents, GET …/documents/{doc}, PUT …/content on its way. paused: the
// network dropped; it continues from the server's `received` when the network returns or the retry is due.
// complete: the server holds every byte with the right SHA-256. failed: the server refused (the message
// says why); a new file can replace it.
BOOST_DEFINE_ENUM_CLASS(UploadPhase, storing, waiting, announcing, checking, sending, paused, complete, failed)

struct Upload {
  std::string sha256;  // the content hash identifies the upload, as it identifies the application's documents
  model::DocumentType type = model::DocumentType::other;
  std::string file_name;
  std::string media_type;
  std::uint64_t size = 0;
  std::string announce_key;    // Idempotency-Key of POST …/documents: a lost reply is replayed, not a new document
  std::string enrollment_id;   // where it is announced ("" before)
  std::string document_id;     // the server's id of it ("" before)
  std::uint64_t received = 0;  // bytes the server holds, by its last answer: the next chunk starts here
  UploadPhase phase = UploadPhase::storing;
  bool verify = false;         // ask the server how much it holds before sending (after a pause or a reload)
  bool bytes_kept = false;     // the bytes are in the browser's blob store, so a reload can resume
  bool replacement = false;    // picked to replace a document a reviewer rejected
  unsigned retries = 0;        // network errors in a row (the retry delay doubles with each)
  std::optional<Error> error;  // why it paused or failed
};
BOOST_DESCRIBE_STRUCT(Upload, (),
                      (sha256, type, file_name, media_type, size, announce_key, enrollment_id, document_id, received,
                       phase, verify, bytes_kept, replacement, retries, error))

// Bytes [first, last] of a file, as Content-Range names them.
struct ChunkPlan {
  std::uint64_t first = 0;
  std::uint64_t last = 0;
};

// The next chunk to send: from `received`, at most upload_chunk_bytes; nullopt when every byte is there.
std::optional<ChunkPlan> next_chunk(const Upload& u);

// 0..1 for the progress bar: the bytes the server acknowledged over the file's size.
double upload_progress(const Upload& u);

// A request of this upload is on its way (at most one per upload, and one upload at a time).
bool upload_in_flight(const Upload& u);

// Neither complete nor failed: a submission of an application that has this file waits for it.
bool upload_pending(const Upload& u);

// The record for a file content, or nullptr.
const Upload* find_upload(const std::vector<Upload>& uploads, const std::string& sha256);

// Any upload of a document of `app` still pending: its submission waits (the server only takes
// documents while the application may be edited, i.e. before the submit).
bool uploads_pending(const std::vector<Upload>& uploads, const model::Application& app);

// The delay before retry number `retries` (1-based) after a network error.
unsigned upload_retry_delay_ms(unsigned retries);

// PickFile's target for a file that replaces a rejected document (FilePicked hands it back).
inline constexpr const char* replace_target = "replace";

// ---- the slice: the account's upload records, kept in browser storage
struct UploadsState {
  std::vector<Upload> uploads;
};
BOOST_DESCRIBE_STRUCT(UploadsState, (), (uploads))

// Which request of an upload UploadAnswered answers.
BOOST_DEFINE_ENUM_CLASS(UploadCall, announce, check, chunk)
// UploadAnswered's status when the file's bytes are in neither the page nor the blob store.
inline constexpr int upload_bytes_missing = -1;

// ---- actions: the edge's answers to the upload effects (effects.hpp), and a rejected document's new file
// A document a reviewer rejected (the status's rejected_document item names its type) gets a new file.
struct ReplaceDocumentClicked {
  std::string document_type;  // as the pending item's subject says it: "trade_licence"
};
struct FileBytesStored {  // answers StoreFileBytes
  std::string sha256;
  bool ok = false;
  std::string message;  // why not, when !ok (the upload then goes from the page's memory only)
};
struct FileBytesDropped {  // answers DropFileBytes
  std::string sha256;
  bool ok = false;
};
struct UploadAnswered {  // answers AnnounceUpload, QueryUpload and UploadChunk
  std::string sha256;
  UploadCall call = UploadCall::announce;
  int status = 0;  // 0: no HTTP answer (offline, refused, timed out); upload_bytes_missing: no bytes to send
  std::string body;
};
struct UploadRetryDue {  // answers RetryUploadLater
  std::string sha256;
};
// A replacement the server holds whole enters the stored application: read (GET), then written (PUT).
struct ReplacementBaseAnswered : HttpReply {};   // GET /v1/enrollments/{id}
struct ReplacementSavedAnswered : HttpReply {};  // PUT …/application

using UploadsAction = std::variant<ReplaceDocumentClicked, FileBytesStored, FileBytesDropped, UploadAnswered,
                                   UploadRetryDue, ReplacementBaseAnswered, ReplacementSavedAnswered>;

}  // namespace onb::portal
