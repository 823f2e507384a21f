// Submitting: the outbox (kept in browser storage) carries the application and one idempotency key per
// request — create (POST /v1/enrollments), update (PUT …/application) and submit (POST …/events) — so a
// submission made offline, or whose reply was lost, is sent again with the same keys and lands once.
// A stale base version (409) is shown as a conflict and never retried over the reviewer's change.
#include "src/app/update_internal.hpp"

namespace onb::portal::detail {
namespace {

SendHttp request_of(const Outbox& o, const std::string& token) {
  switch (o.phase) {
    case OutboxPhase::create:
      return {CreateEnrollmentAnswered{}, "POST", protocol::path(RouteId::create_enrollment),
              json_text(protocol::CreateEnrollment{o.application}), token, o.create_key};
    case OutboxPhase::update:
      return {UpdateApplicationAnswered{}, "PUT", protocol::path(RouteId::put_application, {o.enrollment_id.value_or("")}),
              json_text(protocol::UpdateApplication{o.version, o.application}), token, o.update_key};
    case OutboxPhase::submit: {
      protocol::ActionRequest submit;
      submit.base_version = o.version;
      submit.kind = workflow::EventKind::submitted;
      return {SubmitEnrollmentAnswered{}, "POST", protocol::path(RouteId::post_event, {o.enrollment_id.value_or("")}),
              json_text(submit), token, o.submit_key};
    }
  }
  return {};
}

// The outbox changed: persist it before anything else happens (an empty text removes it).
Effects persist_outbox(AppState& s) {
  if (!storage_ready(s) || !s.session) return {};
  s.outbox_stored = false;
  return {WriteStoredText{outbox_key(s), s.outbox ? json_text(*s.outbox) : ""}};
}

Step finish(AppState s, Submission result) {
  s.outbox.reset();
  s.submission = std::move(result);
  Effects effects = persist_outbox(s);
  return {std::move(s), std::move(effects)};
}

}  // namespace

Step send_outbox(AppState s) {
  if (!s.outbox) return {std::move(s), {}};
  if (!s.online || !s.session) {
    s.submission.status = SubmitStatus::queued;
    return {std::move(s), {}};
  }
  s.submission.status = SubmitStatus::sending;
  // The server takes documents only until the submit: it waits for the application's uploads (update_upload.cpp).
  s.outbox_held = s.outbox->phase == OutboxPhase::submit && uploads_pending(s.uploads, s.outbox->application);
  if (s.outbox_held) return {std::move(s), {}};
  Effects effects{request_of(*s.outbox, s.session->token)};
  return {std::move(s), std::move(effects)};
}

Step on(AppState s, const SubmitClicked&) {
  if (s.outbox || !s.session) return {std::move(s), {}};  // one submission at a time
  if (s.enrollment && s.enrollment->stage != workflow::Stage::draft) return {std::move(s), {}};
  s.show_all_problems = true;
  if (validation::has_errors(s.report.problems)) {
    s.submission = {SubmitStatus::blocked, std::nullopt, {}};
    return {std::move(s), {}};
  }
  Outbox o;
  o.create_key = new_key(s);
  o.update_key = new_key(s);
  o.submit_key = new_key(s);
  o.application = s.application;
  o.invite_only = s.session->account.role == workflow::Role::sales_rep;
  if (s.enrollment && !o.invite_only) {
    o.phase = OutboxPhase::update;
    o.enrollment_id = s.enrollment->id;
    o.version = s.enrollment->version;
  }
  s.outbox = std::move(o);
  s.submission = {SubmitStatus::queued, std::nullopt, {}};
  Effects effects = persist_outbox(s);
  auto sent = send_outbox(std::move(s));
  effects.insert(effects.end(), sent.effects.begin(), sent.effects.end());
  return {std::move(sent.state), std::move(effects)};
}

Step on(AppState s, const NetworkChanged& a) {
  s.online = a.online;
  if (a.online) resume_paused_uploads(s);
  if (a.online && s.outbox && s.submission.status != SubmitStatus::sending) return send_outbox(std::move(s));
  return {std::move(s), {}};
}

namespace {

// The answer to the outbox's create, update or submit (`submitted`: it was the submit).
Step outbox_answered(AppState s, const HttpReply& a, bool submitted) {
  if (!s.outbox) return {std::move(s), {}};  // signed out meanwhile: the stored outbox waits for the account
  if (a.status == 0) {  // offline or no answer: the same keys go again when the network returns
    s.submission = {SubmitStatus::queued, error_of(a), {}};
    return {std::move(s), {}};
  }
  if (a.status == 409) {
    auto c = decode_text<protocol::Conflict>(a.body);
    Error e = c ? make_error(ErrorCategory::conflict, c->code, c->path, c->message) : error_of(a);
    if (c && s.enrollment) s.enrollment->version = c->current_version;
    return finish(std::move(s), {SubmitStatus::conflict, std::move(e), {}});
  }
  if (a.status == 422) {
    auto v = decode_text<protocol::ValidationFailure>(a.body);
    return finish(std::move(s), {SubmitStatus::rejected, error_of(a), v ? v->problems : validation::Problems{}});
  }
  if (a.status != 200 && a.status != 201) return finish(std::move(s), {SubmitStatus::rejected, error_of(a), {}});
  auto view = decode_text<protocol::EnrollmentView>(a.body);
  if (!view) return finish(std::move(s), {SubmitStatus::rejected, view.error(), {}});
  s.enrollment = Enrollment{view->id, view->version, view->stage};
  if (submitted) {
    auto done = finish(std::move(s), {SubmitStatus::submitted, std::nullopt, {}});
    auto more = fetch_status(done.state);
    done.effects.insert(done.effects.end(), more.begin(), more.end());
    return done;
  }
  if (s.outbox->invite_only) {
    s.invite_token = view->invite_token;
    // The application now lives on the server, with its invitation: the rep's browser draft goes, so
    // the next sign-in starts a new customer's application instead of continuing a sent one.
    auto done = finish(std::move(s), {SubmitStatus::invited, std::nullopt, {}});
    done.effects.push_back(WriteStoredText{draft_key(done.state), ""});
    return done;
  }
  s.outbox->enrollment_id = view->id;
  s.outbox->version = view->version;
  s.outbox->phase = OutboxPhase::submit;
  Effects effects = persist_outbox(s);
  auto sent = send_outbox(std::move(s));
  effects.insert(effects.end(), sent.effects.begin(), sent.effects.end());
  return {std::move(sent.state), std::move(effects)};
}

}  // namespace

Step on(AppState s, const CreateEnrollmentAnswered& a) { return outbox_answered(std::move(s), a, false); }
Step on(AppState s, const UpdateApplicationAnswered& a) { return outbox_answered(std::move(s), a, false); }
Step on(AppState s, const SubmitEnrollmentAnswered& a) { return outbox_answered(std::move(s), a, true); }

Step update_outbox(AppState s, const OutboxAction& a) { return apply(std::move(s), a); }

// ------------------------------------------------------------------------ [SECTION] customer status

Effects fetch_status(const AppState& s) {
  if (!s.session || !s.enrollment || s.enrollment->stage == workflow::Stage::draft) return {};
  return {SendHttp{TimelineAnswered{}, "GET", protocol::path(RouteId::get_timeline, {s.enrollment->id}), "", s.session->token, ""}};
}

Step on(AppState s, const AnswerEdited& a) {
  s.answer = a.text;
  return {std::move(s), {}};
}

Step on(AppState s, const StatusRefreshClicked&) {
  Effects effects = fetch_status(s);
  return {std::move(s), std::move(effects)};
}

// Answers the open questions with one text; the server checks that the case waits for information.
Step on(AppState s, const AnswerSent&) {
  if (!s.session || !s.enrollment || s.answer.empty()) return {std::move(s), {}};
  protocol::ActionRequest r;
  r.base_version = s.enrollment->version;
  r.kind = workflow::EventKind::info_provided;
  r.info_provided = workflow::InfoProvided{{s.answer}};
  Effects effects{SendHttp{ProvideInfoAnswered{}, "POST", protocol::path(RouteId::post_event, {s.enrollment->id}), json_text(r),
                           s.session->token, new_key(s)}};
  return {std::move(s), std::move(effects)};
}

namespace {

// Offline: the last status stays shown. Another failure is shown until the next answer.
bool status_failed(AppState& s, const HttpReply& a) {
  if (a.status == 0) return true;
  if (a.status != 200) {
    s.status_error = error_of(a);
    return true;
  }
  s.status_error.reset();
  return false;
}

}  // namespace

Step on(AppState s, const ProvideInfoAnswered& a) {
  if (status_failed(s, a)) return {std::move(s), {}};
  auto view = decode_text<protocol::EnrollmentView>(a.body);
  if (view) s.enrollment = Enrollment{view->id, view->version, view->stage};
  s.answer.clear();
  Effects effects = fetch_status(s);
  return {std::move(s), std::move(effects)};
}

Step on(AppState s, const TimelineAnswered& a) {
  if (status_failed(s, a)) return {std::move(s), {}};
  auto timeline = decode_text<protocol::Timeline>(a.body);
  if (!timeline) s.status_error = timeline.error();
  else if (timeline->status) {
    s.status = std::move(timeline->status);
    if (s.enrollment) s.enrollment->stage = s.status->stage;
  }
  return {std::move(s), {}};
}

Step update_status(AppState s, const StatusAction& a) { return apply(std::move(s), a); }

Effects claim_invite(AppState& s) {
  if (!s.invite || !s.session || s.session->account.role != workflow::Role::customer) return {};
  return {SendHttp{ClaimInviteAnswered{}, "POST", protocol::path(RouteId::claim_invite, {*s.invite}), "", s.session->token,
                   new_key(s)}};
}

Step on(AppState s, const ClaimInviteAnswered& a) {
  if (a.status == 0) return {std::move(s), {}};  // offline: claimed at the next sign-in
  s.invite.reset();
  if (a.status != 200) {
    s.invite_error = error_of(a);
    return {std::move(s), {}};
  }
  auto view = decode_text<protocol::EnrollmentView>(a.body);
  if (!view) {
    s.invite_error = view.error();
    return {std::move(s), {}};
  }
  // The sales rep's application becomes this customer's draft; the next submit updates it, then submits.
  s.enrollment = Enrollment{view->id, view->version, view->stage};
  s.application = std::move(view->application);
  s.invite_error.reset();
  revalidate(s);
  s.show_all_problems = true;
  Effects effects;
  if (storage_ready(s)) {
    s.draft = DraftStatus::saving;
    effects.push_back(WriteStoredText{draft_key(s), json_text(s.application)});
  }
  return {std::move(s), std::move(effects)};
}

Step on(AppState s, const ListEnrollmentsAnswered& a) {
  if (a.status != 200) return {std::move(s), {}};  // offline: what the outbox and draft say stands
  auto page = decode_text<protocol::EnrollmentPage>(a.body);
  if (!page || page->items.empty()) return {std::move(s), {}};
  const auto& first = page->items.front();
  if (s.enrollment && s.enrollment->version > first.version) return {std::move(s), {}};
  s.enrollment = Enrollment{first.id, first.version, first.stage};
  if (first.stage != workflow::Stage::draft && !s.outbox) s.submission.status = SubmitStatus::submitted;
  Effects effects = fetch_status(s);
  // No draft in this browser (another device, a cleared browser): the application is the server's copy.
  if (s.draft == DraftStatus::no_draft && !s.outbox)
    effects.push_back(SendHttp{ServerCopyAnswered{}, "GET", protocol::path(RouteId::get_enrollment, {first.id}), "", s.session->token, ""});
  return {std::move(s), std::move(effects)};
}

// The server's copy is shown only while this browser still has no draft of its own: a draft read back
// meanwhile, or anything typed, wins (and is what a later submission sends). Kept in memory only; an edit
// makes it the draft.
Step on(AppState s, const ServerCopyAnswered& a) {
  if (a.status != 200 || s.draft != DraftStatus::no_draft || s.outbox || !s.enrollment) return {std::move(s), {}};
  auto view = decode_text<protocol::EnrollmentView>(a.body);
  if (!view || view->id != s.enrollment->id) return {std::move(s), {}};
  s.application = std::move(view->application);
  revalidate(s);
  return {std::move(s), {}};
}

}  // namespace onb::portal::detail
