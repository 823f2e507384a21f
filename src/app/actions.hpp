// Everything that can happen to the portal, as plain data named for what happened: the applicant's
// input (dispatched by views) and the outcome of every effect (dispatched by the platform edge).
// No behaviour here; `update` gives each action its meaning.
#pragma once

#include "src/app/effects.hpp"
#include "src/app/state.hpp"

#include <functional>
#include <string>
#include <variant>

namespace onb::portal {

// ---- the applicant
struct LegalNameEdited {
  std::string text;
};
struct CountryChosen {
  std::string alpha_2;
};
struct VatNumberEdited {
  std::string text;
};
struct SaveDraftClicked {};
struct SubmitClicked {};

// ---- reports from the platform edge
struct StorageOpened {
  bool ok = false;
  std::string message;  // why not, when !ok
};
struct StoredTextRead {  // answers ReadStoredText
  std::string key;
  bool found = false;
  std::string text;
};
struct StoredTextWritten {  // answers WriteStoredText
  std::string key;
  bool ok = false;
  std::string message;  // why not, when !ok
};
struct HttpResponded {  // answers SendHttp
  HttpCall call = HttpCall::create_draft;
  int status = 0;  // 0: no response at all (offline, refused, timed out); body then says why
  std::string body;
};
struct FontLoaded {
  bool ok = false;
};
struct ViewportChanged {
  Viewport viewport;
};

using Action =
    std::variant<LegalNameEdited, CountryChosen, VatNumberEdited, SaveDraftClicked, SubmitClicked, StorageOpened,
                 StoredTextRead, StoredTextWritten, HttpResponded, FontLoaded, ViewportChanged>;

// How views and the platform hand actions in. Queued, never applied re-entrantly (see Store).
using Dispatch = std::function<void(Action)>;

}  // namespace onb::portal
