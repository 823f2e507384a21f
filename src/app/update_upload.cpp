// Uploads of the attached files with the server's resumable protocol: announce (POST …/documents, with an
// Idempotency-Key), then chunks (PUT …/content, Content-Range) from where the server's bytes end. A 409
// document.offset or a GET …/documents/{doc} says where that is; after a dropped connection or a reload the
// upload asks first and continues from there, never from 0. The bytes wait in the browser's blob store,
// per account and content, until the server holds them all.
// [SECTION] index: helpers, picking and storing, the pump (what to send next), the answers, restoring.
#include "src/app/update_internal.hpp"

#include "shared/protocol/documents.hpp"
#include "shared/validation/documents.hpp"
#include "shared/workflow/transitions.hpp"

#include <algorithm>

namespace onb::portal::detail {
namespace {

// ------------------------------------------------------------------------------ [SECTION] helpers

Upload* find_mutable(AppState& s, const std::string& sha256) {
  auto it = std::find_if(s.uploads.begin(), s.uploads.end(), [&](const Upload& u) { return u.sha256 == sha256; });
  return it == s.uploads.end() ? nullptr : &*it;
}

std::string documents_path(const std::string& enrollment_id) {
  return protocol::path(RouteId::create_document, {enrollment_id});
}

// The upload records changed in a way a reload must see (a new file, the server's id, the bytes it
// acknowledged, done or failed). A few hundred bytes of JSON per chunk of 256 KiB.
Effects persist_uploads(AppState& s) {
  if (!storage_ready(s) || !s.session) return {};
  return {WriteStoredText{uploads_key(s), json_text(s.uploads)}};
}

// The server's error body, read like every other reply's.
Error error_of_reply(const UploadAnswered& a) { return error_of(HttpReply{a.status, a.body}); }

// Where new uploads are announced: the enrollment the outbox created and is about to submit (its
// uploads go first), or the known enrollment while the workflow lets this person edit it — the table in
// shared/workflow is the one rule; the server applies it again.
std::optional<std::string> upload_target(const AppState& s) {
  if (!s.session) return std::nullopt;
  if (s.outbox && s.outbox->phase == OutboxPhase::submit && s.outbox->enrollment_id) return s.outbox->enrollment_id;
  if (!s.enrollment) return std::nullopt;
  const auto* t = workflow::find_transition(s.enrollment->stage, workflow::EventKind::edited);
  if (!t || std::find(t->roles.begin(), t->roles.end(), s.session->account.role) == t->roles.end()) return std::nullopt;
  return s.enrollment->id;
}

// A file is sent only while a document of the application has it and the shared rules accept that
// document's description (type, size): what fails the check before upload is never uploaded.
bool wanted(const AppState& s, const Upload& u) {
  const auto& docs = s.application.documents;
  for (std::size_t i = 0; i < docs.size(); ++i)
    if (docs[i].sha256 == u.sha256)
      return problems_under(s.report.problems, "/documents/" + std::to_string(i), validation::Severity::error) == 0;
  if (!s.outbox) return false;
  const auto& sent = s.outbox->application.documents;
  return std::any_of(sent.begin(), sent.end(), [&](const model::Document& d) { return d.sha256 == u.sha256; });
}

void fail(Upload& u, Error e) {
  u.phase = UploadPhase::failed;
  u.error = std::move(e);
}

}  // namespace

// ------------------------------------------------------------------- [SECTION] picking and storing

Effects track_upload(AppState& s, const FilePicked& a) {
  Upload fresh;
  fresh.sha256 = a.sha256;
  fresh.type = a.type;
  fresh.file_name = a.file_name;
  fresh.media_type = a.media_type;
  fresh.size = a.size_bytes;
  fresh.replacement = a.target == replace_target;
  fresh.phase = UploadPhase::storing;
  if (Upload* known = find_mutable(s, a.sha256)) {
    // The same content again: one upload serves both; a failed one starts afresh (announced anew).
    if (known->phase != UploadPhase::failed) return {};
    *known = std::move(fresh);
  } else {
    s.uploads.push_back(std::move(fresh));
  }
  Effects effects{StoreFileBytes{file_key(s, a.sha256), a.sha256}};
  auto more = persist_uploads(s);
  effects.insert(effects.end(), more.begin(), more.end());
  return effects;
}

Step on(AppState s, const ReplaceDocumentClicked& a) {
  model::DocumentType type{};
  if (!boost::describe::enum_from_string(a.document_type.c_str(), type)) type = model::DocumentType::other;
  return {std::move(s), {PickFile{type, replace_target, validation::file_chooser_accept()}}};
}

Step on(AppState s, const FileBytesStored& a) {
  Upload* u = find_mutable(s, a.sha256);
  if (!u || u->phase != UploadPhase::storing) return {std::move(s), {}};
  // Not kept (quota, private mode): it still goes from the page's memory, but a reload cannot resume it.
  u->bytes_kept = a.ok;
  u->phase = UploadPhase::waiting;
  Effects effects = persist_uploads(s);
  return {std::move(s), std::move(effects)};
}

Step on(AppState s, const FileBytesDropped& a) {
  if (Upload* u = find_mutable(s, a.sha256); u && a.ok) u->bytes_kept = false;
  return {std::move(s), {}};
}

// ------------------------------------------------------------------------------- [SECTION] the pump

namespace {

std::optional<Effect> start(AppState& s, Upload& u) {
  const std::string& token = s.session->token;
  if (u.document_id.empty()) {
    auto target = upload_target(s);
    if (!target) return std::nullopt;  // waits for the enrollment (or for the reviewer to ask again)
    if (u.enrollment_id != *target || u.announce_key.empty()) {
      u.enrollment_id = *target;
      u.announce_key = new_key(s);
    }
    u.phase = UploadPhase::announcing;
    const protocol::CreateDocument body{u.type, u.file_name, u.media_type, u.size, u.sha256};
    return AnnounceUpload{u.sha256, documents_path(u.enrollment_id), json_text(body), token, u.announce_key};
  }
  const auto chunk = next_chunk(u);
  if (u.verify || !chunk) {  // every byte sent but not complete: the server says what it holds
    u.phase = UploadPhase::checking;
    return QueryUpload{u.sha256, protocol::path(RouteId::get_document, {u.enrollment_id, u.document_id}), token};
  }
  u.phase = UploadPhase::sending;
  return UploadChunk{u.sha256, file_key(s, u.sha256), protocol::path(RouteId::put_document_content, {u.enrollment_id, u.document_id}), token, chunk->first, chunk->last,
                     u.size};
}

// The submit that waited for the uploads goes once none is pending; offline, it is queued like any other.
void release_outbox(Step& step) {
  AppState& s = step.state;
  if (!s.outbox_held) return;
  if (!s.outbox) {
    s.outbox_held = false;
    return;
  }
  if (s.online && uploads_pending(s.uploads, s.outbox->application)) return;
  s.outbox_held = false;
  auto sent = send_outbox(std::move(s));
  step.state = std::move(sent.state);
  step.effects.insert(step.effects.end(), sent.effects.begin(), sent.effects.end());
}

}  // namespace

Step pump_uploads(Step step) {
  release_outbox(step);
  AppState& s = step.state;
  if (!s.session || !s.online) return step;
  if (std::any_of(s.uploads.begin(), s.uploads.end(), upload_in_flight)) return step;
  for (Upload& u : s.uploads) {
    if (u.phase != UploadPhase::waiting || !wanted(s, u)) continue;
    if (auto effect = start(s, u)) {
      step.effects.push_back(std::move(*effect));
      break;
    }
  }
  return step;
}

void resume_paused_uploads(AppState& s) {
  for (Upload& u : s.uploads)
    if (u.phase == UploadPhase::paused) u.phase = UploadPhase::waiting;
}

Step on(AppState s, const UploadRetryDue& a) {
  if (Upload* u = find_mutable(s, a.sha256); u && u->phase == UploadPhase::paused) u->phase = UploadPhase::waiting;
  return {std::move(s), {}};
}

// ------------------------------------------------------------------------------ [SECTION] the answers

namespace {

// A replacement is in the server's hands; the application the server keeps still describes the rejected
// file. Read that application (it may hold reviewers' and other sessions' changes this browser lacks).
SendHttp read_replacement_base(const AppState& s) {
  return {ReplacementBaseAnswered{}, "GET", protocol::path(RouteId::get_enrollment, {s.enrollment ? s.enrollment->id : ""}), "",
          s.session->token, ""};
}

// The server's view of the document: how much it holds, and whether it accepted the whole file. Kept, so a
// reload shows where it stood (and still asks the server before sending).
Effects adopt(AppState& s, Upload& u, const protocol::DocumentView& view) {
  u.document_id = view.id;
  u.received = view.received;
  u.verify = false;
  u.retries = 0;
  u.error.reset();
  if (view.state != protocol::UploadState::complete) {
    u.phase = UploadPhase::waiting;
    return persist_uploads(s);
  }
  u.phase = UploadPhase::complete;
  Effects effects{DropFileBytes{file_key(s, u.sha256), u.sha256}};
  if (u.replacement) effects.push_back(read_replacement_base(s));
  auto more = persist_uploads(s);
  effects.insert(effects.end(), more.begin(), more.end());
  return effects;
}

// No answer, or the server in trouble: pause, ask where to resume when it goes on, retry later.
Effects pause(Upload& u, Error why) {
  u.phase = UploadPhase::paused;
  u.verify = !u.document_id.empty();
  u.error = std::move(why);
  ++u.retries;
  return {RetryUploadLater{u.sha256, upload_retry_delay_ms(u.retries)}};
}

Effects answered(AppState& s, Upload& u, const UploadAnswered& a) {
  if (a.status == upload_bytes_missing) {
    fail(u, make_error(ErrorCategory::invalid, "portal.file_missing", "", a.body));
    return persist_uploads(s);
  }
  if (a.status == 0 || a.status >= 500) return pause(u, error_of_reply(a));
  if (a.status == 409 && a.call == UploadCall::chunk) {
    if (auto c = decode_text<protocol::OffsetConflict>(a.body); c && c->code == "document.offset") {
      u.received = c->received;  // resume where the server's bytes end
      u.phase = UploadPhase::waiting;
      return persist_uploads(s);
    }
  }
  if (a.status == 404 && a.call != UploadCall::announce) {  // the server lost it: announce anew
    u.document_id.clear();
    u.announce_key.clear();
    u.received = 0;
    u.verify = false;
    u.phase = UploadPhase::waiting;
    return persist_uploads(s);
  }
  if (a.status == 200 || a.status == 201) {
    if (auto view = decode_text<protocol::DocumentView>(a.body)) return adopt(s, u, *view);
  }
  fail(u, error_of_reply(a));
  return persist_uploads(s);
}

}  // namespace

Step on(AppState s, const UploadAnswered& a) {
  Upload* u = find_mutable(s, a.sha256);
  if (!u || !upload_in_flight(*u)) return {std::move(s), {}};  // signed out meanwhile, or a stale answer
  Effects effects = answered(s, *u, a);
  return {std::move(s), std::move(effects)};
}

// ---------------------------------------------------------------------- [SECTION] replaced documents

namespace {

// The server's application with each completed replacement in its document's place; nothing else changes.
model::Application with_replacements(model::Application app, const std::vector<Upload>& uploads) {
  for (const Upload& u : uploads)
    if (u.replacement && u.phase == UploadPhase::complete)
      replace_file(app, FilePicked{true, u.type, replace_target, u.file_name, u.media_type, u.size, u.sha256, ""});
  return app;
}

}  // namespace

// GET answered: write the application back with only the documents replaced, on the version read, so a
// change made meanwhile answers 409 instead of being overwritten; a 409 reads again. PUT answered: the
// enrollment's new version, and the status (the reviewers see the new file).
namespace {

Step replacement_answered(AppState s, const HttpReply& a, bool saved) {
  if (!s.session || !s.enrollment) return {std::move(s), {}};
  if (saved && a.status == 409) return {std::move(s), {read_replacement_base(s)}};
  if (a.status != 200) {
    s.status_error = error_of(a);
    return {std::move(s), {}};
  }
  auto view = decode_text<protocol::EnrollmentView>(a.body);
  if (!view) {
    s.status_error = view.error();
    return {std::move(s), {}};
  }
  s.enrollment = Enrollment{view->id, view->version, view->stage};
  if (saved) {
    Effects effects = fetch_status(s);
    return {std::move(s), std::move(effects)};
  }
  protocol::UpdateApplication put{view->version, with_replacements(view->application, s.uploads)};
  if (json_text(put.application) == json_text(view->application)) return {std::move(s), {}};  // already there
  Effects effects{SendHttp{ReplacementSavedAnswered{}, "PUT", protocol::path(RouteId::put_application, {view->id}),
                           json_text(put), s.session->token, new_key(s)}};
  return {std::move(s), std::move(effects)};
}

}  // namespace

Step on(AppState s, const ReplacementBaseAnswered& a) { return replacement_answered(std::move(s), a, false); }
Step on(AppState s, const ReplacementSavedAnswered& a) { return replacement_answered(std::move(s), a, true); }

// ------------------------------------------------------------------------------ [SECTION] restoring

Step uploads_read(AppState s, const StoredTextRead& a) {
  auto stored = decode_text<std::vector<Upload>>(a.text);
  if (!stored) return {std::move(s), {}};  // unreadable: the files can be attached again
  for (Upload& u : *stored) {
    if (find_upload(s.uploads, u.sha256)) continue;  // picked since sign-in: that record is newer
    // Whatever was on its way when the tab went away may or may not have landed: ask first.
    if (upload_pending(u)) {
      u.phase = UploadPhase::waiting;
      u.verify = !u.document_id.empty();
    }
    s.uploads.push_back(std::move(u));
  }
  return {std::move(s), {}};
}

Step update_uploads(AppState s, const UploadsAction& a) { return apply(std::move(s), a); }

}  // namespace onb::portal::detail
