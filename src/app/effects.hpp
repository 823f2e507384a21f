// Effects: what `update` asks the outside world to do, as data. The platform edge runs them
// (src/platform/web/effects.cpp) and always reports back with an action — success or failure —
// so every outcome goes through `update`. Nothing here performs I/O.
#pragma once

#include "shared/model/documents.hpp"

#include <boost/describe.hpp>

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace onb::portal {

// Which request an HTTP reply belongs to, so `update` knows how to read it.
BOOST_DEFINE_ENUM_CLASS(HttpCall, sign_up, sign_in, sign_out, create_enrollment, update_application,
                        submit_enrollment, list_enrollments, claim_invite, timeline, provide_info, queue_page,
                        case_view, case_timeline, case_action, policy, replacement_base, replacement_saved,
                        server_copy)

// Browser-local storage (IndexedDB behind a file system). Answered by StoredTextRead.
struct ReadStoredText {
  std::string key;
};
// Answered by StoredTextWritten once the text is durable in the browser. Empty text removes the entry.
struct WriteStoredText {
  std::string key;
  std::string text;
};
// A JSON request to our own origin. Answered by HttpResponded.
struct SendHttp {
  HttpCall call = HttpCall::sign_in;
  std::string method;           // "GET", "POST", "PUT", "DELETE"
  std::string path;             // "/v1/enrollments", relative to the page's origin
  std::string body;             // JSON, empty for none
  std::string token;            // bearer token, empty for none
  std::string idempotency_key;  // empty for none
};
// Opens the browser's file chooser; answered by FilePicked only when a file was chosen.
struct PickFile {
  model::DocumentType type = model::DocumentType::other;
  std::string target;  // handed back in FilePicked
  std::string accept;  // the chooser's filter: validation::file_chooser_accept()
};

// Opens the browser's print dialog for what the canvas shows now (the printable confirmation) below
// `top` CSS pixels. Reports nothing back: printing is the person's business once the dialog is open.
struct PrintPage {
  double top = 0;
};

// ---- uploads of attached files (src/app/uploads.hpp); each answers with the action named after it.
// Which request of an upload UploadAnswered answers.
BOOST_DEFINE_ENUM_CLASS(UploadCall, announce, check, chunk)
// UploadAnswered's status when the file's bytes are in neither the page nor the blob store.
inline constexpr int upload_bytes_missing = -1;

// Keeps a picked file's bytes (the edge holds them by hash since PickFile) in the browser's blob store
// (IndexedDB) under `key`, so an upload resumes after a reload. Answered by FileBytesStored.
struct StoreFileBytes {
  std::string key;  // per account and content: "<account>/<sha256>"
  std::string sha256;
};
// Forgets them once the server holds every byte. Answered by FileBytesDropped.
struct DropFileBytes {
  std::string key;
  std::string sha256;
};
// POST /v1/enrollments/{id}/documents with the file's description. Answered by UploadAnswered.
struct AnnounceUpload {
  std::string sha256;  // which upload the answer belongs to
  std::string path;
  std::string body;  // protocol::CreateDocument as JSON
  std::string token;
  std::string idempotency_key;
};
// GET …/documents/{doc}: how many bytes the server holds. Answered by UploadAnswered.
struct QueryUpload {
  std::string sha256;
  std::string path;
  std::string token;
};
// PUT …/documents/{doc}/content with bytes [first, last] of the stored file and
// Content-Range: bytes first-last/total. Answered by UploadAnswered.
struct UploadChunk {
  std::string sha256;
  std::string key;  // the blob store's key (StoreFileBytes)
  std::string path;
  std::string token;
  std::uint64_t first = 0;
  std::uint64_t last = 0;
  std::uint64_t total = 0;
};
// Answered by UploadRetryDue after `delay_ms`: the retry of an upload a network error paused.
struct RetryUploadLater {
  std::string sha256;
  unsigned delay_ms = 0;
};

using Effect = std::variant<ReadStoredText, WriteStoredText, SendHttp, PickFile, PrintPage, StoreFileBytes,
                            DropFileBytes, AnnounceUpload, QueryUpload, UploadChunk, RetryUploadLater>;
using Effects = std::vector<Effect>;

}  // namespace onb::portal
