// The portal's whole application state: what the views read and what `update` produces. Described,
// so the test build can export it to the browser as JSON with the project's one codec.
// Only plain data here: no ImGui, no browser handles, no text buffers of widgets (see views/).
#pragma once

#include "shared/core/calendar.hpp"
#include "shared/core/result.hpp"
#include "shared/model/application.hpp"
#include "shared/model/document_policy.hpp"
#include "shared/protocol/api.hpp"
#include "shared/validation/application.hpp"
#include "shared/validation/messages.hpp"
#include "src/app/form.hpp"
#include "src/app/outbox.hpp"
#include "src/app/queue.hpp"
#include "src/app/review.hpp"
#include "src/app/session.hpp"
#include "src/app/status.hpp"
#include "shared/workflow/steps.hpp"
#include "src/app/uploads.hpp"

#include <boost/describe.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace onb::portal {

BOOST_DEFINE_ENUM_CLASS(FontStatus, loading, ready, failed)
BOOST_DEFINE_ENUM_CLASS(Theme, dark, light)

// Which screen the window shows. sign_in until a session exists; then by role: customers the application
// (and its status), sales reps their customers, reviewers their queue and the case they opened.
BOOST_DEFINE_ENUM_CLASS(Screen, sign_in, application, status, queue, review_case, customers)

// The canvas in CSS pixels; pixel_ratio is the browser's devicePixelRatio.
struct Viewport {
  double width = 0;
  double height = 0;
  double pixel_ratio = 1;
};
BOOST_DESCRIBE_STRUCT(Viewport, (), (width, height, pixel_ratio))

// What the person chose for reading; kept in browser storage across sessions.
struct Preferences {
  Theme theme = Theme::dark;
  validation::Language language = validation::Language::en;
  double font_scale = 1.0;  // 1.0 = 16 CSS px; font_scale_min..font_scale_max
};
BOOST_DESCRIBE_STRUCT(Preferences, (), (theme, language, font_scale))

inline constexpr double font_scale_min = 0.75;
inline constexpr double font_scale_max = 2.0;
inline constexpr double font_scale_step = 0.125;

// The shell: the page and its platform, the reading preferences and which screen shows. Its actions
// (actions.hpp) are the platform edge's reports; its update is update.cpp.
struct ShellState {
  std::string today = "1970-01-01";  // YYYY-MM-DD from the edge's clock (validation needs "today")
  std::string now = "1970-01-01T00:00:00Z";  // when the page started: consents are stamped with it
  std::string origin;                // the page's origin, for the invitation links a sales rep sends
  std::string seed;                  // random per page load, from the edge: makes idempotency keys unique
  std::uint64_t next_key = 1;
  bool online = true;
  FontStatus font = FontStatus::loading;
  Viewport viewport;
  Preferences prefs;
  bool prefs_stored = true;  // the last change of preferences is durable
  Screen screen = Screen::sign_in;
  // Writes to browser storage not yet answered, by key. A key is durable only once its last write is
  // answered: an earlier write's answer must not report a later value as stored (update.cpp counts).
  std::map<std::string, int> writes_in_flight;
};
BOOST_DESCRIBE_STRUCT(ShellState, (),
                      (today, now, origin, seed, next_key, online, font, viewport, prefs, prefs_stored, screen,
                       writes_in_flight))

// The whole state, composed of the feature slices (each header names its update). A slice whose fields
// the views and the test hooks read at the top ("application", "session", "outbox", "uploads") is a base,
// so its members stay where they were; one that is a single value is a member named like it ("queue",
// "review"). Either way the JSON the test build exports keeps one flat object of the same names.
// A new screen (dashboards, screening, credit) adds its slice here and its actions to actions.hpp.
struct AppState : ShellState, SessionState, FormState, OutboxState, StatusState, UploadsState {
  Queue queue;        // staff: a reviewer's queue, or a sales rep's customers (queue.hpp)
  ReviewCase review;  // the case opened from it (review.hpp)
};
BOOST_DESCRIBE_STRUCT(AppState, (ShellState, SessionState, FormState, OutboxState, StatusState, UploadsState),
                      (queue, review))

// ---- storage keys (file names: [a-z0-9_]+)
inline constexpr const char* prefs_key = "prefs";
inline constexpr const char* session_key = "session";
std::string draft_key(const AppState& s);   // per account: "draft_<account id>"
std::string outbox_key(const AppState& s);  // per account: "outbox_<account id>"
std::string uploads_key(const AppState& s);  // per account: "uploads_<account id>"
inline constexpr const char* policy_key = "policy";  // the last GET /v1/policy answer, for offline starts
// The blob store's key of a file's bytes, per account and content: "<account id>/<sha256>".
std::string file_key(const AppState& s, const std::string& sha256);

// The problems of `state` to show next to the field at `path` (a JSON pointer): only for touched fields,
// so an untouched empty form is not a wall of red.
std::vector<const validation::Problem*> visible_problems(const AppState& state, const std::string& path);

using workflow::problems_under;  // shared/workflow/steps.hpp

// The document policy compiled into the portal (assets/policy/documents-v1.json), decoded once.
const model::DocumentPolicy& embedded_document_policy();

}  // namespace onb::portal
