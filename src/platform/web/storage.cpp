// IDBFS glue. The JS side serialises flushes, because IDBFS runs overlapping FS.syncfs calls against
// each other (and warns); every waiting writer is answered by the flush that covers its write.
#include "src/platform/web/storage.hpp"

#include <emscripten.h>

#include <cassert>
#include <cstdio>
#include <map>
#include <utility>

namespace onb::portal::web {
namespace {

constexpr const char* mount_point = "/onboard";

StorageDone g_opened;
std::map<int, StorageDone> g_flushes;  // write id -> its writer's callback
int g_next_flush = 1;

std::string path_of(const std::string& key) {
  assert(!key.empty() && key.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") == std::string::npos &&
         "storage keys become file names: use [a-z0-9_]+");
  return std::string(mount_point) + "/" + key + ".json";
}

}  // namespace
}  // namespace onb::portal::web

// JavaScript inside: the formatter would break it.
// clang-format off
EM_JS(void, onb_js_storage_open, (const char* mount), {
  var dir = UTF8ToString(mount);
  try {
    try { FS.mkdir(dir); } catch (e) { /* exists */ }
    FS.mount(IDBFS, {}, dir);
  } catch (e) {
    var m = allocateUTF8(String(e)); _onb_storage_opened(0, m); _free(m);
    return;
  }
  FS.syncfs(true, function(err) {  // true: IndexedDB -> memory
    var m = allocateUTF8(err ? String(err) : "");
    _onb_storage_opened(err ? 0 : 1, m);
    _free(m);
  });
});
// clang-format on

// JavaScript inside: the formatter would break it.
// clang-format off
EM_JS(void, onb_js_storage_flush, (int id), {
  var q = Module.onbFlushQueue || (Module.onbFlushQueue = { running: false, waiting: [] });
  q.waiting.push(id);
  function run() {
    if (q.running || !q.waiting.length) return;
    var batch = q.waiting; q.waiting = []; q.running = true;
    FS.syncfs(false, function(err) {  // false: memory -> IndexedDB
      q.running = false;
      var m = allocateUTF8(err ? String(err) : "");
      batch.forEach(function(i) { _onb_storage_flushed(i, err ? 0 : 1, m); });
      _free(m);
      run();
    });
  }
  run();
});
// clang-format on

namespace onb::portal::web {

void storage_open(StorageDone done) {
  g_opened = std::move(done);
  onb_js_storage_open(mount_point);
}

std::optional<std::string> storage_read(const std::string& key) {
  FILE* f = std::fopen(path_of(key).c_str(), "rb");
  if (!f) return std::nullopt;
  std::string text;
  char buf[4096];
  for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) text.append(buf, n);
  std::fclose(f);
  return text;
}

void storage_write(const std::string& key, const std::string& text, StorageDone done) {
  FILE* f = std::fopen(path_of(key).c_str(), "wb");
  const bool written = f && std::fwrite(text.data(), 1, text.size(), f) == text.size();
  if (f) std::fclose(f);
  if (!written) {
    done(false, "could not write " + path_of(key) + " (storage not open?)");
    return;
  }
  const int id = g_next_flush++;
  g_flushes.emplace(id, std::move(done));
  onb_js_storage_flush(id);
}

}  // namespace onb::portal::web

extern "C" {
EMSCRIPTEN_KEEPALIVE void onb_storage_opened(int ok, const char* message) {
  using namespace onb::portal::web;
  if (auto done = std::exchange(g_opened, nullptr)) done(ok != 0, message);
}
EMSCRIPTEN_KEEPALIVE void onb_storage_flushed(int id, int ok, const char* message) {
  using namespace onb::portal::web;
  auto it = g_flushes.find(id);
  if (it == g_flushes.end()) return;
  auto done = std::move(it->second);
  g_flushes.erase(it);
  done(ok != 0, message);
}
}
