// The portal's whole application state: what the views read and what `update` produces. Described,
// so the test build can export it to the browser as JSON with the project's one codec.
// Only plain data here: no ImGui, no browser handles, no text buffers of widgets (see views/).
#pragma once

#include "shared/core/result.hpp"
#include "shared/model/company_basics.hpp"
#include "shared/validation/problem.hpp"

#include <boost/describe.hpp>

#include <optional>
#include <string>
#include <vector>

namespace onb::portal {

// Where the browser-local draft stands. Failures carry their reason in AppState::draft_message.
BOOST_DEFINE_ENUM_CLASS(DraftStatus, opening_storage, storage_unavailable, no_draft, restored, unreadable, saving,
                        saved, save_failed)

// Where the last submission to the server stands.
BOOST_DEFINE_ENUM_CLASS(SubmitStatus, not_sent, sending, stored, rejected, unreachable)

BOOST_DEFINE_ENUM_CLASS(FontStatus, loading, ready, failed)

// The canvas in CSS pixels; pixel_ratio is the browser's devicePixelRatio.
struct Viewport {
  double width = 0;
  double height = 0;
  double pixel_ratio = 1;
};
BOOST_DESCRIBE_STRUCT(Viewport, (), (width, height, pixel_ratio))

struct Submission {
  SubmitStatus status = SubmitStatus::not_sent;
  std::string draft_id;           // set when the server stored the draft
  validation::Problems problems;  // what the server's own validation said about the stored draft
  std::optional<Error> error;     // the server's error (rejected) or why it could not be reached
};
BOOST_DESCRIBE_STRUCT(Submission, (), (status, draft_id, problems, error))

struct AppState {
  model::CompanyBasics form;
  validation::Problems problems;     // validate_company_basics(form), recomputed on every edit
  std::vector<std::string> touched;  // JSON pointers of fields whose problems are shown
  bool form_edited = false;          // the applicant typed since load: a late draft restore must not clobber it
  DraftStatus draft = DraftStatus::opening_storage;
  std::string draft_message;  // why storage or the draft failed, for people
  Submission submission;
  FontStatus font = FontStatus::loading;
  Viewport viewport;
};
BOOST_DESCRIBE_STRUCT(AppState, (),
                      (form, problems, touched, form_edited, draft, draft_message, submission, font, viewport))

// The browser-local storage key of the company-basics draft.
inline constexpr const char* draft_key = "company_basics";

// The problems of `state` to show next to the field at `path` (a JSON pointer): only for touched fields,
// so an untouched empty form is not a wall of red.
std::vector<const validation::Problem*> visible_problems(const AppState& state, const std::string& path);

}  // namespace onb::portal
