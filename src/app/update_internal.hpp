// Internal to src/app: the slices' updates, the per-action handlers they choose from, spread over
// update_*.cpp by slice, and the helpers they share. Callers use update.hpp.
#pragma once

#include "src/app/update.hpp"

#include "shared/core/json_codec.hpp"
#include "shared/protocol/routes.hpp"

#include <string>

namespace onb::portal::detail {

// Serialises for storage and the wire. `replace` instead of throwing on invalid UTF-8: ImGui only
// produces valid UTF-8, but a throw here would end the page, while a U+FFFD is caught by validation.
template <class T>
std::string json_text(const T& value) {
  return encode(value).dump(-1, ' ', false, Json::error_handler_t::replace);
}

void revalidate(AppState& s);
bool storage_ready(const AppState& s);
std::string new_key(AppState& s);  // a fresh idempotency key: seed + counter
// Request paths come from the route table (shared/protocol/routes.hpp), never from literals here.
using protocol::RouteId;

// Removes the list element `item_path` ("/contacts/1") from `root`; false when that is no element of
// a list (so the edit is refused, not guessed).
bool erase_list_item(Json& root, const std::string& item_path);

// The server's error body, or a readable stand-in when it sent something else.
Error error_of(const HttpReply& a);

// ---- each slice's update: the handler of each of its actions (below, by overload). A slice's handlers
// change its own state; what another slice must do they ask through that slice's named functions here.
Step update_shell(AppState s, const ShellAction& a);      // update.cpp
Step update_session(AppState s, const SessionAction& a);  // update_session.cpp
Step update_form(AppState s, const FormAction& a);        // update_form.cpp
Step update_outbox(AppState s, const OutboxAction& a);    // update_submit.cpp
Step update_status(AppState s, const StatusAction& a);    // update_submit.cpp, update_confirmation.cpp
Step update_uploads(AppState s, const UploadsAction& a);  // update_upload.cpp
Step update_queue(AppState s, const QueueAction& a);      // update_queue.cpp
Step update_review(AppState s, const ReviewAction& a);    // update_review.cpp

// [update.cpp] the shell
Step on(AppState s, const Booted& a);
Step on(AppState s, const FontLoaded& a);
Step on(AppState s, const ViewportChanged& a);

// [update_form.cpp]
Step on(AppState s, const FieldEdited& a);
Step on(AppState s, const ItemAdded& a);
Step on(AppState s, const ItemRemoved& a);
Step on(AppState s, const StepChosen& a);
Step on(AppState s, const ConsentChanged& a);
Step on(AppState s, const AttachClicked& a);
Step on(AppState s, const FilePicked& a);
Step on(AppState s, const StorageOpened& a);
Step on(AppState s, const StoredTextRead& a);
Step on(AppState s, const StoredTextWritten& a);
// A rejected document's new file in the place of the first document of its type (attached when none).
void replace_file(model::Application& app, const FilePicked& a);
// Reads the signed-in account's draft and outbox (after sign-in or a restored session).
Effects read_account_data(const AppState& s);

// [update_session.cpp]
Step on(AppState s, const AuthModeChosen& a);
Step on(AppState s, const EmailEdited& a);
Step on(AppState s, const PasswordEdited& a);
Step on(AppState s, const AuthSubmitted& a);
Step on(AppState s, const SignOutClicked& a);
Step on(AppState s, const ThemeChosen& a);
Step on(AppState s, const LanguageChosen& a);
Step on(AppState s, const FontScaleChanged& a);
Step on(AppState s, const SignUpAnswered& a);
Step on(AppState s, const SignInAnswered& a);
Step on(AppState s, const SignOutAnswered& a);
// A session read back from storage: signed in again without a password.
Step session_restored(AppState s, protocol::SessionView session);

// [update_submit.cpp]
Step on(AppState s, const SubmitClicked& a);
Step on(AppState s, const NetworkChanged& a);
Step on(AppState s, const CreateEnrollmentAnswered& a);
Step on(AppState s, const UpdateApplicationAnswered& a);
Step on(AppState s, const SubmitEnrollmentAnswered& a);
Step on(AppState s, const ListEnrollmentsAnswered& a);
Step on(AppState s, const ServerCopyAnswered& a);
Step on(AppState s, const ClaimInviteAnswered& a);
// POST /v1/invites/{token}/claim for a customer who opened an invitation link; no effect otherwise.
Effects claim_invite(AppState& s);
Step on(AppState s, const AnswerEdited& a);
Step on(AppState s, const AnswerSent& a);
Step on(AppState s, const StatusRefreshClicked& a);
Step on(AppState s, const TimelineAnswered& a);
Step on(AppState s, const ProvideInfoAnswered& a);
// GET …/timeline of the customer's enrollment once it left the draft; no effect otherwise.
Effects fetch_status(const AppState& s);
// Sends the outbox's next request when online and signed in; otherwise marks it queued.
Step send_outbox(AppState s);

// [update_queue.cpp] a reviewer's queue and a sales rep's customers: GET /v1/enrollments, page by page
Step on(AppState s, const QueueFilterChanged& a);
Step on(AppState s, const QueueRefreshClicked& a);
Step on(AppState s, const NewApplicationClicked& a);
Step on(AppState s, const CustomersClicked& a);
Step on(AppState s, const QueuePageAnswered& a);
// The first screen of a signed-in staff member (queue or customers) and its first page; no-op for customers.
Step staff_landed(AppState s);
// Loads the list again from its first page (or marks the load in flight to restart).
Step reload_queue(AppState s);

// [update_review.cpp] the case a reviewer opened and its workflow actions
Step on(AppState s, const CaseOpened& a);
Step on(AppState s, const CaseClosed& a);
Step on(AppState s, const ActionChosen& a);
Step on(AppState s, const ActionFieldEdited& a);
Step on(AppState s, const ActionItemAdded& a);
Step on(AppState s, const ActionItemRemoved& a);
Step on(AppState s, const ActionSent& a);
Step on(AppState s, const ActionCancelled& a);
Step on(AppState s, const CaseViewAnswered& a);
Step on(AppState s, const CaseTimelineAnswered& a);
Step on(AppState s, const CaseActionAnswered& a);

// [update_confirmation.cpp] the customer's printable confirmation
Step on(AppState s, const PrintableToggled& a);
Step on(AppState s, const PrintClicked& a);

// [update_upload.cpp] uploads of the attached files: announce, chunks, resume, replace
Step on(AppState s, const ReplaceDocumentClicked& a);
Step on(AppState s, const FileBytesStored& a);
Step on(AppState s, const FileBytesDropped& a);
Step on(AppState s, const UploadAnswered& a);
Step on(AppState s, const UploadRetryDue& a);
// A replacement the server holds whole enters the stored application: read it, change that document, write.
Step on(AppState s, const ReplacementBaseAnswered& a);
Step on(AppState s, const ReplacementSavedAnswered& a);
// A picked file becomes an upload record (once per content) and its bytes go to the blob store.
Effects track_upload(AppState& s, const FilePicked& a);
// The account's upload records read back from storage (after a reload: ask the server before sending).
Step uploads_read(AppState s, const StoredTextRead& a);
// The network returned: paused uploads continue (from the server's `received`).
void resume_paused_uploads(AppState& s);
// After every action: starts the next upload request when one can go, and lets a held outbox submit once
// the application's uploads are done. Idempotent: at most one upload request is ever on its way.
Step pump_uploads(Step step);

// [update_policy.cpp] the server's document policy (GET /v1/policy), cached for offline starts
Effects fetch_policy();
Step on(AppState s, const PolicyAnswered& a);
Step policy_read(AppState s, const StoredTextRead& a);
// Storage opened: read the cached policy, or cache the server's if it came first.
Effects policy_storage_opened(const AppState& s);

// A slice's update: the handler of its action, chosen by overload among those declared above.
template <class SliceAction>
Step apply(AppState s, const SliceAction& a) {
  return std::visit([&](const auto& x) { return on(std::move(s), x); }, a);
}

}  // namespace onb::portal::detail
