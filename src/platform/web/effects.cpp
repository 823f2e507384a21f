#include "src/platform/web/effects.hpp"

#include "src/platform/web/browser.hpp"
#include "src/platform/web/http.hpp"
#include "src/platform/web/print.hpp"
#include "src/platform/web/storage.hpp"
#include "src/platform/web/uploads.hpp"

namespace onb::portal::web {
namespace {

void run(const ReadStoredText& e, const Dispatch& dispatch) {
  auto text = storage_read(e.key);
  dispatch(StoredTextRead{e.key, text.has_value(), text.value_or("")});
}

void run(const WriteStoredText& e, const Dispatch& dispatch) {
  storage_write(e.key, e.text, [dispatch, key = e.key](bool ok, std::string message) {
    dispatch(StoredTextWritten{key, ok, std::move(message)});
  });
}

void run(const SendHttp& e, const Dispatch& dispatch) {
  HttpHeaders headers;
  if (!e.token.empty()) headers.emplace_back("Authorization", "Bearer " + e.token);
  if (!e.idempotency_key.empty()) headers.emplace_back("Idempotency-Key", e.idempotency_key);
  http_send(e.method, e.path, e.body, std::move(headers), [dispatch, on_reply = e.on_reply](HttpReply reply) {
    dispatch(with_reply(on_reply, portal::HttpReply{reply.status, std::move(reply.body)}));
  });
}

void run(const PickFile& e, const Dispatch& dispatch) {
  pick_file(e.accept, [dispatch, type = e.type, target = e.target](PickedFile f) {
    dispatch(FilePicked{true, type, target, std::move(f.name), std::move(f.media_type), f.size, std::move(f.sha256), ""});
  });
}

// ---- uploads (src/platform/web/uploads.hpp): announce and check are JSON requests like any other.
void run(const StoreFileBytes& e, const Dispatch& dispatch) {
  keep_file_bytes(e.key, e.sha256, [dispatch, sha = e.sha256](bool ok, std::string message) {
    dispatch(FileBytesStored{sha, ok, std::move(message)});
  });
}

void run(const DropFileBytes& e, const Dispatch& dispatch) {
  drop_file_bytes(e.key, e.sha256, [dispatch, sha = e.sha256](bool ok) { dispatch(FileBytesDropped{sha, ok}); });
}

void run(const AnnounceUpload& e, const Dispatch& dispatch) {
  HttpHeaders headers{{"Authorization", "Bearer " + e.token}};
  if (!e.idempotency_key.empty()) headers.emplace_back("Idempotency-Key", e.idempotency_key);
  http_send("POST", e.path, e.body, std::move(headers), [dispatch, sha = e.sha256](HttpReply reply) {
    dispatch(UploadAnswered{sha, UploadCall::announce, reply.status, std::move(reply.body)});
  });
}

void run(const QueryUpload& e, const Dispatch& dispatch) {
  http_send("GET", e.path, "", {{"Authorization", "Bearer " + e.token}}, [dispatch, sha = e.sha256](HttpReply reply) {
    dispatch(UploadAnswered{sha, UploadCall::check, reply.status, std::move(reply.body)});
  });
}

void run(const UploadChunk& e, const Dispatch& dispatch) {
  send_chunk(e.path, e.token, e.key, e.sha256, e.first, e.last, e.total,
             [dispatch, sha = e.sha256](int status, std::string body) {
               dispatch(UploadAnswered{sha, UploadCall::chunk, status, std::move(body)});
             });
}

void run(const RetryUploadLater& e, const Dispatch& dispatch) {
  call_later(e.delay_ms, [dispatch, sha = e.sha256] { dispatch(UploadRetryDue{sha}); });
}

// After the frame that showed the printable confirmation: its pixels are still in the drawing buffer.
void run(const PrintPage& e, const Dispatch&) { print_canvas(e.top); }

}  // namespace

void run_effect(const Effect& effect, const Dispatch& dispatch) {
  std::visit([&](const auto& e) { run(e, dispatch); }, effect);
}

}  // namespace onb::portal::web
