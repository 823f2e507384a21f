#include "src/platform/web/http.hpp"

#include <emscripten/fetch.h>

#include <cstring>
#include <memory>

namespace onb::portal::web {
namespace {

// Lives from emscripten_fetch until its one callback: the request body must outlive the call.
struct Pending {
  std::string body;
  std::vector<std::string> header_text;   // owns the strings header_ptrs points into
  std::vector<const char*> header_ptrs;   // name, value, ..., nullptr as emscripten_fetch wants
  std::function<void(HttpReply)> done;
};

void finished(emscripten_fetch_t* fetch) {
  std::unique_ptr<Pending> pending(static_cast<Pending*>(fetch->userData));
  HttpReply reply;
  reply.status = fetch->status;
  if (fetch->data && fetch->numBytes > 0) reply.body.assign(fetch->data, static_cast<std::size_t>(fetch->numBytes));
  if (reply.status == 0 && reply.body.empty())
    reply.body = fetch->statusText[0] ? fetch->statusText : "no response (offline, refused or timed out)";
  emscripten_fetch_close(fetch);  // frees fetch->data: copy first
  pending->done(std::move(reply));
}

}  // namespace

void http_send(const std::string& method, const std::string& url, std::string body, HttpHeaders headers,
               std::function<void(HttpReply)> done) {
  auto* pending = new Pending{std::move(body), {}, {}, std::move(done)};
  if (!pending->body.empty()) headers.emplace_back("Content-Type", "application/json");
  for (auto& [name, value] : headers) {
    pending->header_text.push_back(std::move(name));
    pending->header_text.push_back(std::move(value));
  }
  for (const auto& t : pending->header_text) pending->header_ptrs.push_back(t.c_str());
  pending->header_ptrs.push_back(nullptr);
  emscripten_fetch_attr_t attr;
  emscripten_fetch_attr_init(&attr);
  std::strncpy(attr.requestMethod, method.c_str(), sizeof attr.requestMethod - 1);
  // In memory only: EMSCRIPTEN_FETCH_PERSIST_FILE would cache API replies in IndexedDB.
  attr.attributes = EMSCRIPTEN_FETCH_LOAD_TO_MEMORY;
  attr.requestHeaders = pending->header_ptrs.data();
  if (!pending->body.empty()) {
    attr.requestData = pending->body.data();
    attr.requestDataSize = pending->body.size();
  }
  attr.timeoutMSecs = http_timeout_ms;
  attr.userData = pending;
  attr.onsuccess = finished;  // 2xx
  attr.onerror = finished;    // any other status, or none (status 0)
  emscripten_fetch(&attr, url.c_str());
}

}  // namespace onb::portal::web
