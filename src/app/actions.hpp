// Everything that can happen to the portal, as plain data named for what happened: people's input
// (dispatched by views) and the outcome of every effect (dispatched by the platform edge).
// No behaviour here; `update` gives each action its meaning. Each feature slice declares its own
// actions beside its state (session.hpp, form.hpp, outbox.hpp, status.hpp, uploads.hpp, queue.hpp,
// review.hpp); here are the shell's, and the one Action that is all of them.
#pragma once

#include "src/app/state.hpp"

#include <boost/mp11/algorithm.hpp>
#include <boost/mp11/set.hpp>

#include <functional>
#include <string>
#include <variant>

namespace onb::portal {

// ---- the shell: reports from the platform edge
struct Booted {  // once, before anything else
  std::string today;  // YYYY-MM-DD, the browser's local date
  std::string now;    // YYYY-MM-DDTHH:MM:SSZ
  std::string seed;   // random hex
  bool online = true;
  std::string invite;  // the page's ?invite= parameter, "" when none
  std::string origin;  // "https://host:port", for links the portal shows
};
struct NetworkChanged {
  bool online = true;
};
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
struct FontLoaded {
  bool ok = false;
};
struct ViewportChanged {
  Viewport viewport;
};

// ---- the shell: reading preferences
struct ThemeChosen {
  Theme theme = Theme::dark;
};
struct LanguageChosen {
  validation::Language language = validation::Language::en;
};
struct FontScaleChanged {
  double delta = 0;  // added to the current scale, clamped
};

using ShellAction = std::variant<Booted, NetworkChanged, StorageOpened, StoredTextRead, StoredTextWritten, FontLoaded,
                                 ViewportChanged, ThemeChosen, LanguageChosen, FontScaleChanged>;

// Every action of every slice. update.cpp hands each to the slice whose list names it; a type in two
// lists does not compile.
using Action = boost::mp11::mp_append<ShellAction, SessionAction, FormAction, OutboxAction, StatusAction,
                                      UploadsAction, QueueAction, ReviewAction>;
static_assert(boost::mp11::mp_is_set<Action>::value, "an action belongs to exactly one slice");

// How views and the platform hand actions in. Queued, never applied re-entrantly (see Store).
using Dispatch = std::function<void(Action)>;

}  // namespace onb::portal
