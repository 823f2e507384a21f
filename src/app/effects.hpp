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
                        submit_enrollment, list_enrollments, claim_invite, timeline, provide_info)

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
  std::string accept;  // the chooser's filter: ".pdf,.jpg,.jpeg,.png,.tif,.tiff"
};

using Effect = std::variant<ReadStoredText, WriteStoredText, SendHttp, PickFile>;
using Effects = std::vector<Effect>;

}  // namespace onb::portal
