// The review slice: the case a reviewer opened from the queue, its event log, and the workflow action
// being prepared. Its update is update_review.cpp.
#pragma once

#include "src/app/http_reply.hpp"

#include "shared/core/json_codec.hpp"
#include "shared/core/result.hpp"
#include "shared/protocol/api.hpp"

#include <boost/describe.hpp>

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace onb::portal {

// ---- state: the server's view, its event log, and the action being prepared.
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

// ---- actions
struct CaseOpened {  // a row of the queue was chosen
  std::string id;
};
struct CaseClosed {};  // back to the queue (Escape)
struct ActionChosen {  // opens the form of one of the case's actions, prefilled
  workflow::EventKind kind = workflow::EventKind::comment;
};
// Edits of the open action's form, like the application's: JSON pointers into protocol::ActionRequest
// ("/reason", "/credit_decided/limit"); null removes an optional.
struct ActionFieldEdited {
  std::string path;
  Json value;
};
struct ActionItemAdded {
  std::string path;
  Json value;
};
struct ActionItemRemoved {
  std::string path;
};
struct ActionSent {};
struct ActionCancelled {};

// ---- the server's replies
struct CaseViewAnswered : HttpReply {};      // GET /v1/enrollments/{id}
struct CaseTimelineAnswered : HttpReply {};  // GET …/timeline
struct CaseActionAnswered : HttpReply {};    // POST …/events

using ReviewAction = std::variant<CaseOpened, CaseClosed, ActionChosen, ActionFieldEdited, ActionItemAdded,
                                  ActionItemRemoved, ActionSent, ActionCancelled, CaseViewAnswered,
                                  CaseTimelineAnswered, CaseActionAnswered>;

}  // namespace onb::portal
