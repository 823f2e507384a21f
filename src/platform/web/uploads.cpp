// The JS side of uploads.hpp. Callbacks wait in maps by request id, like storage.cpp's flushes; the JS
// answers through the exported onb_upload_* functions below.
#include "src/platform/web/uploads.hpp"

#include "src/app/effects.hpp"

#include <emscripten.h>
#include <emscripten/eventloop.h>

#include <map>
#include <memory>
#include <utility>

namespace onb::portal::web {
namespace {

std::map<int, std::function<void(bool, std::string)>> g_kept;
std::map<int, std::function<void(bool)>> g_dropped;
std::map<int, std::function<void(int, std::string)>> g_chunks;
int g_next_id = 1;

template <class Map, class F>
int remember(Map& map, F&& done) {
  const int id = g_next_id++;
  map.emplace(id, std::forward<F>(done));
  return id;
}

template <class Map>
typename Map::mapped_type take(Map& map, int id) {
  auto it = map.find(id);
  if (it == map.end()) return {};
  auto done = std::move(it->second);
  map.erase(it);
  return done;
}

}  // namespace
}  // namespace onb::portal::web

// JavaScript inside: the formatter would break it.
// clang-format off
// Module.onbBlobs: put/get/del on the "blobs" store of the "onboard-files" database. get resolves to null
// when the store cannot be read, so a missing file is reported as missing instead of retried forever.
EM_JS(void, onb_js_blobs_install, (), {
  if (Module.onbBlobs) return;
  var opened = null;
  function open() {
    if (!opened) opened = new Promise(function(resolve, reject) {
      var r = indexedDB.open("onboard-files", 1);
      r.onupgradeneeded = function() { r.result.createObjectStore("blobs"); };
      r.onsuccess = function() { resolve(r.result); };
      r.onerror = function() { opened = null; reject(r.error); };
    });
    return opened;
  }
  function tx(mode, work) {
    return open().then(function(db) { return new Promise(function(resolve, reject) {
      var t = db.transaction("blobs", mode);
      var req = work(t.objectStore("blobs"));
      t.oncomplete = function() { resolve(req.result); };
      t.onerror = t.onabort = function() { reject(t.error || new Error("IndexedDB transaction failed")); };
    }); });
  }
  Module.onbBlobs = {
    put: function(k, blob) { return tx("readwrite", function(s) { return s.put(blob, k); }); },
    get: function(k) { return tx("readonly", function(s) { return s.get(k); }).catch(function() { return null; }); },
    del: function(k) { return tx("readwrite", function(s) { return s.delete(k); }); }
  };
});
EM_JS(void, onb_js_blob_keep, (int id, const char* key, const char* sha), {
  var k = UTF8ToString(key), h = UTF8ToString(sha);
  function done(ok, text) { var m = allocateUTF8(text); _onb_upload_kept(id, ok ? 1 : 0, m); _free(m); }
  var f = Module.onbFiles && Module.onbFiles[h];
  if (!f) { done(false, "the file is no longer held by this page"); return; }
  Module.onbBlobs.put(k, f).then(function() { done(true, ""); }, function(e) { done(false, String(e)); });
});
EM_JS(void, onb_js_blob_drop, (int id, const char* key, const char* sha), {
  var k = UTF8ToString(key), h = UTF8ToString(sha);
  if (Module.onbFiles) delete Module.onbFiles[h];
  Module.onbBlobs.del(k).then(function() { _onb_upload_dropped(id, 1); }, function() { _onb_upload_dropped(id, 0); });
});
EM_JS(void, onb_js_send_chunk, (int id, const char* url, const char* token, const char* key, const char* sha,
                                double first, double last, double total, int missing, int timeout_ms), {
  var u = UTF8ToString(url), t = UTF8ToString(token), k = UTF8ToString(key), h = UTF8ToString(sha);
  function done(status, text) { var m = allocateUTF8(text); _onb_upload_chunk_done(id, status, m); _free(m); }
  var held = Module.onbFiles && Module.onbFiles[h];
  (held ? Promise.resolve(held) : Module.onbBlobs.get(k)).then(function(blob) {
    if (!blob) { done(missing, "the file's bytes are no longer in this browser: attach the file again"); return; }
    var headers = { "Content-Range": "bytes " + first + "-" + last + "/" + total,
                    "Content-Type": "application/octet-stream" };
    if (t) headers["Authorization"] = "Bearer " + t;
    var abort = new AbortController();
    var timer = setTimeout(function() { abort.abort(); }, timeout_ms);
    return fetch(u, { method: "PUT", headers: headers, body: blob.slice(first, last + 1), signal: abort.signal,
                      cache: "no-store" })
      .then(function(r) { return r.text().then(function(text) { clearTimeout(timer); done(r.status, text); }); })
      .catch(function(e) { clearTimeout(timer); done(0, String(e)); });
  });
});
// clang-format on

namespace onb::portal::web {
namespace {

void install_once() {
  static const bool installed = (onb_js_blobs_install(), true);
  (void)installed;
}

void fire(void* user) {
  std::unique_ptr<std::function<void()>> done(static_cast<std::function<void()>*>(user));
  (*done)();
}

}  // namespace

void keep_file_bytes(const std::string& key, const std::string& sha256, std::function<void(bool, std::string)> done) {
  install_once();
  onb_js_blob_keep(remember(g_kept, std::move(done)), key.c_str(), sha256.c_str());
}

void drop_file_bytes(const std::string& key, const std::string& sha256, std::function<void(bool)> done) {
  install_once();
  onb_js_blob_drop(remember(g_dropped, std::move(done)), key.c_str(), sha256.c_str());
}

void send_chunk(const std::string& url, const std::string& token, const std::string& key, const std::string& sha256,
                std::uint64_t first, std::uint64_t last, std::uint64_t total,
                std::function<void(int, std::string)> done) {
  install_once();
  // Offsets as doubles: exact up to 2^53, far above the 25 MiB a document may have.
  onb_js_send_chunk(remember(g_chunks, std::move(done)), url.c_str(), token.c_str(), key.c_str(), sha256.c_str(),
                    static_cast<double>(first), static_cast<double>(last), static_cast<double>(total),
                    upload_bytes_missing, static_cast<int>(chunk_timeout_ms));
}

void call_later(unsigned ms, std::function<void()> done) {
  emscripten_set_timeout(fire, ms, new std::function<void()>(std::move(done)));
}

}  // namespace onb::portal::web

extern "C" {
EMSCRIPTEN_KEEPALIVE void onb_upload_kept(int id, int ok, const char* message) {
  if (auto done = onb::portal::web::take(onb::portal::web::g_kept, id)) done(ok != 0, message);
}
EMSCRIPTEN_KEEPALIVE void onb_upload_dropped(int id, int ok) {
  if (auto done = onb::portal::web::take(onb::portal::web::g_dropped, id)) done(ok != 0);
}
EMSCRIPTEN_KEEPALIVE void onb_upload_chunk_done(int id, int status, const char* body) {
  if (auto done = onb::portal::web::take(onb::portal::web::g_chunks, id)) done(status, body);
}
}
