// Signing up, in and out (POST /v1/accounts, POST /v1/sessions, DELETE /v1/sessions/current), the session
// kept in browser storage so a reload stays signed in, and the reading preferences.
#include "src/app/update_internal.hpp"

#include <algorithm>

namespace onb::portal::detail {
namespace {

SendHttp sign_in_request(const AppState& s) {
  return SendHttp{SignInAnswered{}, "POST", protocol::path(RouteId::create_session),
                  json_text(protocol::CreateSession{s.auth.email, s.auth.password}), "", ""};
}

Step failed(AppState s, Error e) {
  s.auth.status = AuthStatus::failed;
  s.auth.error = std::move(e);
  return {std::move(s), {}};
}

Effects save_prefs(AppState& s) {
  if (!storage_ready(s)) return {};
  s.prefs_stored = false;
  return {WriteStoredText{prefs_key, json_text(s.prefs)}};
}

}  // namespace

Step on(AppState s, const AuthModeChosen& a) {
  s.auth.mode = a.mode;
  s.auth.status = AuthStatus::idle;
  s.auth.error.reset();
  return {std::move(s), {}};
}

Step on(AppState s, const EmailEdited& a) {
  s.auth.email = a.text;
  return {std::move(s), {}};
}

Step on(AppState s, const PasswordEdited& a) {
  s.auth.password = a.text;
  return {std::move(s), {}};
}

Step on(AppState s, const AuthSubmitted&) {
  if (s.auth.status == AuthStatus::sending) return {std::move(s), {}};
  s.auth.status = AuthStatus::sending;
  s.auth.error.reset();
  if (s.auth.mode == AuthMode::sign_up) {
    SendHttp req{SignUpAnswered{}, "POST", protocol::path(RouteId::register_account),
                 json_text(protocol::RegisterAccount{s.auth.email, s.auth.password}), "", ""};
    return {std::move(s), {std::move(req)}};
  }
  Effects effects{sign_in_request(s)};
  return {std::move(s), std::move(effects)};
}

Step session_restored(AppState s, protocol::SessionView session) {
  s.session = std::move(session);
  s.auth.password.clear();
  s.auth.status = AuthStatus::idle;
  s.screen = Screen::application;
  Effects effects = read_account_data(s);
  // Which enrollment is already on the server for this customer (a submitted one, a claimed invite).
  if (s.session->account.role == workflow::Role::customer)
    effects.push_back(SendHttp{ListEnrollmentsAnswered{}, "GET", protocol::path(RouteId::list_enrollments, {}, {{"limit", "50"}}), "", s.session->token, ""});
  auto claim = claim_invite(s);
  effects.insert(effects.end(), claim.begin(), claim.end());
  auto staff = staff_landed(std::move(s));  // reviewers to their queue, sales reps to their customers
  effects.insert(effects.end(), staff.effects.begin(), staff.effects.end());
  return {std::move(staff.state), std::move(effects)};
}

Step on(AppState s, const SignOutClicked&) {
  Effects effects;
  if (s.session) effects.push_back(SendHttp{SignOutAnswered{}, "DELETE", protocol::path(RouteId::delete_session), "", s.session->token, ""});
  if (storage_ready(s)) effects.push_back(WriteStoredText{session_key, ""});
  // Everything of the account leaves memory; its draft and outbox stay in storage under its key.
  AppState next = initial_state();
  next.today = s.today;
  next.seed = s.seed;
  next.next_key = s.next_key;
  next.online = s.online;
  next.font = s.font;
  next.viewport = s.viewport;
  next.prefs = s.prefs;
  next.draft = storage_ready(s) ? DraftStatus::no_draft : s.draft;
  next.auth.email = s.session ? s.session->account.email : s.auth.email;
  revalidate(next);
  return {std::move(next), std::move(effects)};
}

Step on(AppState s, const SignOutAnswered&) { return {std::move(s), {}}; }  // signed out locally already

Step on(AppState s, const SignUpAnswered& a) {
  if (a.status != 201 && a.status != 200) return failed(std::move(s), error_of(a));
  Effects effects{sign_in_request(s)};  // the account exists: sign in with what was typed
  return {std::move(s), std::move(effects)};
}

Step on(AppState s, const SignInAnswered& a) {
  if (a.status != 201 && a.status != 200) return failed(std::move(s), error_of(a));
  auto session = decode_text<protocol::SessionView>(a.body);
  if (!session) return failed(std::move(s), session.error());
  Effects effects;
  if (storage_ready(s)) effects.push_back(WriteStoredText{session_key, json_text(*session)});
  auto step = session_restored(std::move(s), std::move(*session));
  effects.insert(effects.end(), step.effects.begin(), step.effects.end());
  return {std::move(step.state), std::move(effects)};
}

Step update_session(AppState s, const SessionAction& a) { return apply(std::move(s), a); }

// --------------------------------------------------------------------------- [SECTION] preferences

Step on(AppState s, const ThemeChosen& a) {
  s.prefs.theme = a.theme;
  Effects effects = save_prefs(s);
  return {std::move(s), std::move(effects)};
}

Step on(AppState s, const LanguageChosen& a) {
  s.prefs.language = a.language;
  Effects effects = save_prefs(s);
  return {std::move(s), std::move(effects)};
}

Step on(AppState s, const FontScaleChanged& a) {
  s.prefs.font_scale = std::clamp(s.prefs.font_scale + a.delta, font_scale_min, font_scale_max);
  Effects effects = save_prefs(s);
  return {std::move(s), std::move(effects)};
}

}  // namespace onb::portal::detail
