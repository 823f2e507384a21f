// The JS side of browser.hpp. File contents stay in JS (kept by hash in Module.onbFiles for a later
// upload); only the metadata crosses into C++.
#include "src/platform/web/browser.hpp"

#include <emscripten.h>

#include <cstdlib>
#include <utility>

namespace onb::portal::web {
namespace {
std::function<void(bool)> g_network;
std::function<void(PickedFile)> g_picked;
}  // namespace
}  // namespace onb::portal::web

// JavaScript inside: the formatter would break it.
// clang-format off
EM_JS(char*, onb_js_local_date, (), {
  var d = new Date();
  var p = function(n) { return (n < 10 ? "0" : "") + n; };
  return allocateUTF8(d.getFullYear() + "-" + p(d.getMonth() + 1) + "-" + p(d.getDate()));
});
EM_JS(char*, onb_js_utc_now, (), {
  return allocateUTF8(new Date().toISOString().slice(0, 19) + "Z");
});
EM_JS(char*, onb_js_random_hex, (int n), {
  var a = new Uint8Array(n); crypto.getRandomValues(a);
  return allocateUTF8(Array.prototype.map.call(a, function(b) { return (b < 16 ? "0" : "") + b.toString(16); }).join(""));
});
EM_JS(int, onb_js_online, (), { return navigator.onLine ? 1 : 0; });
EM_JS(char*, onb_js_origin, (), { return allocateUTF8(location.origin); });
EM_JS(char*, onb_js_url_param, (const char* name), {
  return allocateUTF8(new URLSearchParams(location.search).get(UTF8ToString(name)) || "");
});
EM_JS(void, onb_js_watch_network, (), {
  window.addEventListener("online", function() { _onb_network_changed(1); });
  window.addEventListener("offline", function() { _onb_network_changed(0); });
});
EM_JS(void, onb_js_pick_file, (const char* accept), {
  var input = document.getElementById("onb-file-input");
  if (!input) {
    input = document.createElement("input");
    input.type = "file"; input.id = "onb-file-input"; input.style.display = "none";
    document.body.appendChild(input);
  }
  input.accept = UTF8ToString(accept);
  input.value = "";
  input.onchange = function() {
    var f = input.files && input.files[0];
    if (!f) return;
    f.arrayBuffer().then(function(buf) { return crypto.subtle.digest("SHA-256", buf).then(function(h) {
      var hex = Array.prototype.map.call(new Uint8Array(h), function(b) { return (b < 16 ? "0" : "") + b.toString(16); }).join("");
      (Module.onbFiles || (Module.onbFiles = {}))[hex] = f;
      var n = allocateUTF8(f.name), t = allocateUTF8(f.type || ""), s = allocateUTF8(hex);
      _onb_file_picked(n, t, f.size, s);
      _free(n); _free(t); _free(s);
    }); });
  };
  input.click();
});
// clang-format on

namespace onb::portal::web {
namespace {
std::string take(char* p) {
  std::string s(p ? p : "");
  std::free(p);
  return s;
}
}  // namespace

std::string local_date() { return take(onb_js_local_date()); }
std::string utc_now() { return take(onb_js_utc_now()); }
std::string random_hex(int bytes) { return take(onb_js_random_hex(bytes)); }
bool is_online() { return onb_js_online() != 0; }
std::string origin() { return take(onb_js_origin()); }
std::string url_param(const char* name) { return take(onb_js_url_param(name)); }

void on_network_change(std::function<void(bool)> changed) {
  g_network = std::move(changed);
  onb_js_watch_network();
}

void pick_file(const std::string& accept, std::function<void(PickedFile)> done) {
  g_picked = std::move(done);
  onb_js_pick_file(accept.c_str());
}

}  // namespace onb::portal::web

extern "C" {
EMSCRIPTEN_KEEPALIVE void onb_network_changed(int online) {
  if (onb::portal::web::g_network) onb::portal::web::g_network(online != 0);
}
// size as double: JS numbers pass exactly up to 2^53, far above any file we accept.
EMSCRIPTEN_KEEPALIVE void onb_file_picked(const char* name, const char* type, double size, const char* sha256) {
  if (onb::portal::web::g_picked)
    onb::portal::web::g_picked({name, type, static_cast<std::uint64_t>(size), sha256});
}
}
