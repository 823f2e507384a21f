// Effects: what `update` asks the outside world to do, as data. The platform edge runs them
// (src/platform/web/effects.cpp) and always reports back with an action — success or failure —
// so every outcome goes through `update`. Nothing here performs I/O. A request names the action its
// reply becomes, so no code outside the slice that asked needs to know what the reply means.
#pragma once

#include "src/app/actions.hpp"

#include "shared/model/documents.hpp"

#include <boost/describe.hpp>

#include <concepts>
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace onb::portal {

// An action that is the reply to a request: a slice's `struct …Answered : HttpReply {}`.
template <class A>
concept ReplyAction = std::derived_from<A, HttpReply>;

// Browser-local storage (IndexedDB behind a file system). Answered by StoredTextRead.
struct ReadStoredText {
  std::string key;
};
// Answered by StoredTextWritten once the text is durable in the browser. Empty text removes the entry.
struct WriteStoredText {
  std::string key;
  std::string text;
};
// A JSON request to our own origin. Answered by `on_reply` with the reply filled in (with_reply).
struct SendHttp {
  Action on_reply;              // a ReplyAction of the slice that asked, e.g. SignInAnswered{}
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

// The action a SendHttp's reply becomes: its `on_reply` carrying `reply`. An on_reply that is no
// ReplyAction is handed back unchanged (a request built without one; update ignores what it cannot use).
inline Action with_reply(Action on_reply, HttpReply reply) {
  std::visit(
      [&](auto& a) {
        if constexpr (ReplyAction<std::decay_t<decltype(a)>>) static_cast<HttpReply&>(a) = std::move(reply);
      },
      on_reply);
  return on_reply;
}

}  // namespace onb::portal
