// Effects: what `update` asks the outside world to do, as data. The platform edge runs them
// (src/platform/web/effects.cpp) and always reports back with an action — success or failure —
// so every outcome goes through `update`. Nothing here performs I/O.
#pragma once

#include <string>
#include <variant>
#include <vector>

namespace onb::portal {

// Which request an HTTP reply belongs to, so `update` knows how to read it.
enum class HttpCall { create_draft };

// Browser-local storage (IndexedDB behind a file system). Answered by StoredTextRead.
struct ReadStoredText {
  std::string key;
};
// Answered by StoredTextWritten once the text is durable in the browser.
struct WriteStoredText {
  std::string key;
  std::string text;
};
// A JSON request to our own origin. Answered by HttpResponded.
struct SendHttp {
  HttpCall call = HttpCall::create_draft;
  std::string method;  // "GET", "POST"
  std::string path;    // "/v1/drafts", relative to the page's origin
  std::string body;    // JSON, empty for none
};

using Effect = std::variant<ReadStoredText, WriteStoredText, SendHttp>;
using Effects = std::vector<Effect>;

}  // namespace onb::portal
