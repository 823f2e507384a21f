// Small browser facts and services the app needs as data: the local date and time, random bytes for
// idempotency keys, online/offline events, and the file chooser (files are hashed here, never uploaded).
#pragma once

#include <cstdint>
#include <functional>
#include <string>

namespace onb::portal::web {

std::string local_date();    // YYYY-MM-DD in the browser's time zone
std::string utc_now();       // YYYY-MM-DDTHH:MM:SSZ
std::string random_hex(int bytes);  // crypto.getRandomValues
bool is_online();            // navigator.onLine
std::string origin();        // location.origin
// The value of `name` in the page's query string ("" when absent), percent-decoded.
std::string url_param(const char* name);

// Calls `changed(online)` on every online/offline event of the window.
void on_network_change(std::function<void(bool online)> changed);

struct PickedFile {
  std::string name;
  std::string media_type;  // as the browser reports it ("" when it does not know)
  std::uint64_t size = 0;
  std::string sha256;      // lower-case hex of the content (SubtleCrypto)
};

// Opens the file chooser with `accept`; `done` once a file was chosen and hashed (never on cancel).
void pick_file(const std::string& accept, std::function<void(PickedFile)> done);

}  // namespace onb::portal::web
