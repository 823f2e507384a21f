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
#include "shared/workflow/steps.hpp"
#include "src/app/uploads.hpp"

#include <boost/describe.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace onb::portal {

// Where the browser-local draft stands. Failures carry their reason in AppState::draft_message.
BOOST_DEFINE_ENUM_CLASS(DraftStatus, opening_storage, storage_unavailable, no_draft, restored, unreadable, saving,
                        saved, save_failed)

BOOST_DEFINE_ENUM_CLASS(FontStatus, loading, ready, failed)
// Where AppState::policy came from: compiled in, the browser's copy of an earlier answer, or the server now.
BOOST_DEFINE_ENUM_CLASS(PolicySource, embedded, cached, server)
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

// The version of the consent texts the portal shows; recorded with each consent.
inline constexpr const char* consent_text_version = "2026-01";

// ---- signing in
BOOST_DEFINE_ENUM_CLASS(AuthMode, sign_in, sign_up)
BOOST_DEFINE_ENUM_CLASS(AuthStatus, idle, sending, failed)

struct AuthForm {
  AuthMode mode = AuthMode::sign_in;
  std::string email;
  std::string password;  // never stored; cleared once a session exists
  AuthStatus status = AuthStatus::idle;
  std::optional<Error> error;
};
BOOST_DESCRIBE_STRUCT(AuthForm, (), (mode, email, password, status, error))

// ---- submitting: the outbox survives reloads (browser storage) so a submission made offline is sent,
// with the same idempotency keys, exactly once when the network returns.
BOOST_DEFINE_ENUM_CLASS(OutboxPhase, create, update, submit)

struct Outbox {
  OutboxPhase phase = OutboxPhase::create;
  std::string create_key;  // Idempotency-Key of POST /v1/enrollments
  std::string update_key;  // of PUT …/application (an enrollment that exists already)
  std::string submit_key;  // of POST …/events {kind: submitted}
  std::optional<std::string> enrollment_id;
  std::optional<std::uint64_t> version;  // the base version of the next write
  bool invite_only = false;              // a sales rep's: create and invite the customer, do not submit
  model::Application application;        // exactly what is being submitted
};
BOOST_DESCRIBE_STRUCT(Outbox, (), (phase, create_key, update_key, submit_key, enrollment_id, version, invite_only, application))

// not_sent: nothing asked. blocked: the applicant asked but validation has errors (nothing was sent).
// queued: waiting for the network. conflict: a reviewer changed the case meanwhile; shown, not overwritten.
// invited: a sales rep's application is on the server and the customer's invitation link is ready.
BOOST_DEFINE_ENUM_CLASS(SubmitStatus, not_sent, blocked, queued, sending, submitted, invited, rejected, conflict)

struct Submission {
  SubmitStatus status = SubmitStatus::not_sent;
  std::optional<Error> error;     // the server's error, or why it could not be reached
  validation::Problems problems;  // the server's 422 problems
};
BOOST_DESCRIBE_STRUCT(Submission, (), (status, error, problems))

// The enrollment the customer's application belongs to, once the server knows it (or an invite gave it).
struct Enrollment {
  std::string id;
  std::uint64_t version = 0;
  workflow::Stage stage = workflow::Stage::draft;
};
BOOST_DESCRIBE_STRUCT(Enrollment, (), (id, version, stage))

// ---- a list of enrollments: a reviewer's queue or a sales rep's customers (GET /v1/enrollments, paged)
BOOST_DEFINE_ENUM_CLASS(LoadStatus, idle, loading, loaded, failed)

// The queue's filters, sent as query parameters: stage=, overdue=true, assignee=me.
struct QueueFilter {
  std::optional<workflow::Stage> stage;
  bool overdue = false;
  bool mine = false;  // assigned to me
};
BOOST_DESCRIBE_STRUCT(QueueFilter, (), (stage, overdue, mine))

// Pages are fetched one after the other, following next_offset, so a long queue fills while it loads
// (the progress is `items.size()` and `pages`). A filter change while a page is on its way marks the
// load `restart`: the late page is dropped and the first page of the new filter asked for.
struct Queue {
  QueueFilter filter;
  std::vector<protocol::EnrollmentSummary> items;
  LoadStatus status = LoadStatus::idle;
  std::uint64_t pages = 0;  // pages received for the current filter
  bool in_flight = false;
  bool restart = false;
  std::optional<Error> error;
};
BOOST_DESCRIBE_STRUCT(Queue, (), (filter, items, status, pages, in_flight, restart, error))

// ---- the case a reviewer opened: the server's view, its event log, and the action being prepared.
// `draft` is the body of POST …/events as it will be sent: kind, reason, and the payload named like the
// kind. `key` is its Idempotency-Key, kept while no answer came back so a retry lands once.
struct ReviewCase {
  std::string id;
  LoadStatus status = LoadStatus::idle;
  std::optional<protocol::EnrollmentView> view;
  std::vector<workflow::Event> events;            // the timeline (staff see the log)
  std::vector<std::string> document_types;        // what a document decision can be about: attached or required
  std::optional<workflow::EventKind> chosen;      // the action whose form is open
  protocol::ActionRequest draft;
  std::string key;
  bool sending = false;
  std::optional<Error> refusal;   // why the server refused the last action: {code, path, message}
  bool reloaded_stale = false;    // a 409 said the case changed meanwhile; it was loaded again
  std::optional<workflow::EventKind> done;  // the last action the server accepted
  std::optional<Error> error;     // why the case or its timeline could not be loaded
};
BOOST_DESCRIBE_STRUCT(ReviewCase, (),
                      (id, status, view, events, document_types, chosen, draft, key, sending, refusal, reloaded_stale, done, error))

struct AppState {
  // ---- start-up and platform
  std::string today = "1970-01-01";  // YYYY-MM-DD from the edge's clock (validation needs "today")
  std::string now = "1970-01-01T00:00:00Z";  // when the page started: consents are stamped with it
  std::string origin;                // the page's origin, for the invitation links a sales rep sends
  std::string seed;                  // random per page load, from the edge: makes idempotency keys unique
  std::uint64_t next_key = 1;
  bool online = true;
  FontStatus font = FontStatus::loading;
  Viewport viewport;
  Preferences prefs;
  // ---- who
  Screen screen = Screen::sign_in;
  AuthForm auth;
  std::optional<protocol::SessionView> session;
  // ---- the application being filled
  model::DocumentPolicy policy;  // the document policy validation applies: GET /v1/policy's, else cached, else embedded
  PolicySource policy_source = PolicySource::embedded;
  model::Application application;
  validation::ValidationReport report;  // validate_application(application), recomputed on every edit
  std::vector<std::string> touched;     // JSON pointers whose problems are shown (prefixes count)
  bool show_all_problems = false;       // after a submit attempt every problem shows
  int step = 0;                         // index into steps_for(application)
  DraftStatus draft = DraftStatus::opening_storage;
  std::string draft_message;  // why storage or the draft failed, for people
  // ---- the server side
  std::optional<Enrollment> enrollment;
  std::optional<Outbox> outbox;
  bool outbox_stored = false;  // the outbox (or its removal) is durable in IndexedDB: a closed tab keeps it
  bool prefs_stored = true;    // the last change of preferences is durable
  Submission submission;
  std::optional<std::string> invite;         // from the page's ?invite= link: claimed once signed in as a customer
  std::optional<std::string> invite_token;   // a sales rep's new invitation, to send to the customer
  std::optional<Error> invite_error;         // why a claim failed
  // ---- what the customer sees after submitting (GET …/timeline)
  std::optional<workflow::CustomerStatus> status;
  std::string answer;                        // the reply to a reviewer's questions, being typed
  std::optional<Error> status_error;         // why the status or an answer could not be loaded or sent
  bool printable = false;                    // the confirmation is shown alone, print-friendly
  // ---- staff: a reviewer's queue (or a sales rep's customers) and the case opened from it
  Queue queue;
  ReviewCase review;
  // ---- uploads of the attached files (src/app/uploads.hpp), kept per account in browser storage
  std::vector<Upload> uploads;
  bool outbox_held = false;  // the outbox's submit waits until the application's uploads are done
  // Writes to browser storage not yet answered, by key. A key is durable only once its last write is
  // answered: an earlier write's answer must not report a later value as stored (update.cpp counts).
  std::map<std::string, int> writes_in_flight;
};
BOOST_DESCRIBE_STRUCT(AppState, (),
                      (today, now, origin, seed, next_key, online, font, viewport, prefs, screen, auth, session, policy,
                       application, report, touched, show_all_problems, step, draft, draft_message, enrollment,
                       outbox, outbox_stored, prefs_stored, submission, invite, invite_token, invite_error, status, answer, status_error,
                       printable, queue, review, policy_source, uploads, outbox_held, writes_in_flight))

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
