#include "src/platform/web/effects.hpp"

#include "src/platform/web/browser.hpp"
#include "src/platform/web/http.hpp"
#include "src/platform/web/storage.hpp"

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
  http_send(e.method, e.path, e.body, std::move(headers), [dispatch, call = e.call](HttpReply reply) {
    dispatch(HttpResponded{call, reply.status, std::move(reply.body)});
  });
}

void run(const PickFile& e, const Dispatch& dispatch) {
  pick_file(e.accept, [dispatch, type = e.type, target = e.target](PickedFile f) {
    dispatch(FilePicked{true, type, target, std::move(f.name), std::move(f.media_type), f.size, std::move(f.sha256), ""});
  });
}

}  // namespace

void run_effect(const Effect& effect, const Dispatch& dispatch) {
  std::visit([&](const auto& e) { run(e, dispatch); }, effect);
}

}  // namespace onb::portal::web
